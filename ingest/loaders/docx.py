"""Word documents (.docx) with python-docx: heading styles and lists kept as Markdown lines."""

from __future__ import annotations

import io
import logging
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from ingest.cleaning import clean_text
from ingest.errors import DocumentError
from ingest.loaders.base import Extracted, first_heading, usable_title
from ingest.models import Page

__all__ = ["load_docx"]

logger = logging.getLogger(__name__)

_HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik|überschrift)\s*([1-6])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|otsikko|rubrik|titel)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|luettelo|lista)", re.IGNORECASE)
_DOCX_ERRORS = (
    OpcError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    LxmlError,
    KeyError,
    ValueError,
    AttributeError,
    IndexError,
    EOFError,
    OSError,
    NotImplementedError,
    zlib.error,
    struct.error,
)


def _style(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "") if style is not None else ""


def _paragraph_line(paragraph: Paragraph, shift: int) -> str:
    """One paragraph as a Markdown-like line ("" for empty paragraphs).

    ``shift`` is 1 when the document has a Title paragraph: the title is then the only
    level-1 heading and "Heading N" becomes level N + 1.
    """
    text = " ".join(paragraph.text.split())
    if not text:
        return ""
    style = _style(paragraph)
    heading = _HEADING_STYLE.match(style)
    if heading:
        return "#" * min(6, int(heading.group(1)) + shift) + " " + text
    if _TITLE_STYLE.match(style):
        return "# " + text
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    if numbered or _LIST_STYLE.match(style):
        return "- " + text
    return text


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _document_text(document: DocxDocument) -> str:
    shift = int(any(_TITLE_STYLE.match(_style(p)) for p in document.paragraphs))
    parts: list[str] = []
    previous = ""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines = [_paragraph_line(block, shift)]
        else:
            lines = _table_lines(block)
        for line in lines:
            if not line:
                continue
            kind = "row" if line.startswith("|") else "item" if line.startswith("- ") else "para"
            if parts:
                parts.append("\n" if kind == previous != "para" else "\n\n")
            parts.append(line)
            previous = kind
    return "".join(parts)


def load_docx(data: bytes, path: Path) -> Extracted:
    """Load a ``.docx`` file as one page (number None)."""
    if not data.startswith(b"PK"):
        raise DocumentError(
            "DOCX-tiedosto on vioittunut: se ei ole Word-tiedosto (zip-paketti puuttuu); "
            "tallenna asiakirja uudelleen .docx-muodossa."
        )
    try:
        document = docx.Document(io.BytesIO(data))
        text = _document_text(document)
        title = usable_title(document.core_properties.title)
    except _DOCX_ERRORS as exc:
        logger.debug("python-docx failed on %s: %r", path, exc)
        raise DocumentError(
            "DOCX-tiedosto on vioittunut tai katkennut, eikä sitä voi lukea; "
            "tallenna asiakirja uudelleen .docx-muodossa."
        ) from exc
    pages = (Page(number=None, text=clean_text(text)),)
    return Extracted(pages=pages, title=title or first_heading(pages))
