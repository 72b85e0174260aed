"""PDF files with pypdf: one Page per PDF page, headings from font sizes, page chrome removed.

pypdf's ``extract_text(visitor_text=...)`` reports every text run with its matrices and font.
From those we rebuild the page's lines with their baseline, font size and boldness, then:
drop running headers/footers/page numbers (:func:`ingest.cleaning.find_repeated_lines`), mark
lines in a clearly larger (or bold) font as "#"-headings, split paragraphs at larger vertical
gaps, turn bullets into "- " items, and let :func:`ingest.cleaning.clean_text` rejoin
hyphenated words and unwrap the lines of each paragraph.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from ingest.cleaning import clean_text, find_repeated_lines, is_structural_line
from ingest.errors import DocumentError
from ingest.loaders.base import Extracted, first_heading, usable_title
from ingest.models import Page

__all__ = ["load_pdf"]

logger = logging.getLogger(__name__)

# pypdf raises many kinds of errors on damaged files; all of them mean "cannot read this PDF".
_PDF_ERRORS: tuple[type[BaseException], ...] = (
    PyPdfError,
    DependencyError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    ZeroDivisionError,
    OverflowError,
    RecursionError,
    struct.error,
    zlib.error,
    EOFError,
    NotImplementedError,
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
_BULLET = re.compile(r"^[•▪◦●■□➢►∙·]\s*")
_DASH_BULLET = re.compile(r"^[-–*]\s+(?=\S)")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+[^\W\d_]")
_BROKEN_AT_END = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]\S*)[ \t]*")
_HEADING_RATIO = 1.1
_PARAGRAPH_GAP = 1.4  # a baseline distance this much above the usual one starts a paragraph
_SHORT_LINE = 0.7  # a line shorter than this share of a full line ended its paragraph/item
_TERMINATORS = (".", "!", "?", ":")


@dataclass
class _Line:
    """One text line of a page as pypdf reported it."""

    text: str
    x: float | None
    y: float | None
    size: float
    bold: bool


@dataclass(frozen=True)
class _Layout:
    """Document-wide measurements used to read every page."""

    body: float  # the body text's font size
    levels: dict[float, int]  # heading level of each larger font size
    gap: float  # usual baseline distance between body lines, in font sizes
    full_chars: int  # characters on a full-width body line


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _LineCollector:
    """The ``visitor_text`` callback: gathers runs into lines with position and font."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._parts: list[tuple[str, float, bool]] = []
        self._x: float | None = None
        self._y: float | None = None

    def __call__(self, text: Any, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text:
            return
        try:
            matrix = _mult([float(v) for v in tm], [float(v) for v in cm])
            scale = math.hypot(matrix[2], matrix[3]) or 1.0
            effective = float(size or 0) * scale
        except (TypeError, ValueError, IndexError):
            matrix, effective = [], 0.0
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        bold = bool(_BOLD_FONT.search(name))
        for index, piece in enumerate(str(text).split("\n")):
            if index:
                self.end_line()
            if piece:
                if self._y is None and matrix and (matrix[4] or matrix[5]):
                    self._x, self._y = matrix[4], matrix[5]
                self._parts.append((piece, effective, bold))

    def end_line(self) -> None:
        text = "".join(part[0] for part in self._parts).strip()
        if text:
            sizes: Counter[float] = Counter()
            for piece, size, _ in self._parts:
                sizes[round(size * 2) / 2] += len(piece.strip())
            bold = all(b for piece, _, b in self._parts if piece.strip())
            size = sizes.most_common(1)[0][0]
            self.lines.append(_Line(text, self._x, self._y, size, bold))
        self._parts, self._x, self._y = [], None, None


def _open(data: bytes) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(
            "Tiedosto ei ole PDF-tiedosto (PDF-tunniste puuttuu alusta); "
            "tarkista tiedosto tai vaihda sen pääte oikeaksi."
        )
    if b"%%EOF" not in data[-4096:]:
        raise DocumentError(
            "PDF-tiedosto on katkennut (loppumerkki %%EOF puuttuu); "
            "lataa tai tallenna se uudelleen."
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except _PDF_ERRORS as exc:
        raise _corrupt(exc) from exc
    if encrypted:
        try:
            opened = reader.decrypt("")
        except _PDF_ERRORS as exc:
            raise _encrypted() from exc
        if not opened:
            raise _encrypted()
    return reader


def _encrypted() -> DocumentError:
    return DocumentError(
        "PDF-tiedosto on salattu salasanalla, eikä sitä voi lukea; "
        "tallenna siitä salaamaton versio."
    )


def _corrupt(exc: BaseException) -> DocumentError:
    logger.debug("pypdf failed: %r", exc)
    return DocumentError(
        "PDF-tiedosto on vioittunut tai katkennut, eikä sitä voi lukea; "
        "lataa tai tallenna se uudelleen."
    )


def _read_lines(reader: PdfReader) -> list[list[_Line] | None]:
    """Lines of every page; None for a page pypdf could not read."""
    pages: list[list[_Line] | None] = []
    try:
        page_objects = list(reader.pages)
    except _PDF_ERRORS as exc:
        raise _corrupt(exc) from exc
    for number, page in enumerate(page_objects, start=1):
        collector = _LineCollector()
        try:
            page.extract_text(visitor_text=collector)
        except _PDF_ERRORS as exc:
            logger.warning("Skipping unreadable PDF page %d: %r", number, exc)
            pages.append(None)
            continue
        collector.end_line()
        pages.append(collector.lines)
    return pages


def _top_down(lines: list[_Line]) -> list[int]:
    """Line indexes from the top of the page down (lines without a position last)."""
    return sorted(range(len(lines)), key=lambda i: -(lines[i].y or 0.0))


def _drop_page_chrome(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove running headers, footers and page numbers (judged by position on the page).

    Headings ("Luku 3" at the top of every page) look like running headers once digits are
    masked; a line in a heading-size font is only dropped when its exact text repeats.
    """
    body, _ = _heading_levels(pages)
    ordered = [_top_down(lines) for lines in pages]
    texts = [[lines[i].text for i in order] for lines, order in zip(pages, ordered, strict=True)]
    heights = [[lines[i].y for i in order] for lines, order in zip(pages, ordered, strict=True)]
    gone = [
        {order[k] for k in dropped}
        for order, dropped in zip(
            ordered, find_repeated_lines(texts, positions=heights), strict=True
        )
    ]
    exact = Counter(pages[p][i].text for p, indexes in enumerate(gone) for i in indexes)
    return [
        [
            line
            for i, line in enumerate(lines)
            if i not in dropped or (line.size >= body * _HEADING_RATIO and exact[line.text] < 2)
        ]
        for lines, dropped in zip(pages, gone, strict=True)
    ]


def _heading_levels(pages: list[list[_Line]]) -> tuple[float, dict[float, int]]:
    """Body font size and the heading level of every clearly larger font size."""
    chars: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            chars[line.size] += len(line.text)
    if not chars:
        return 0.0, {}
    body = chars.most_common(1)[0][0]
    larger = sorted((s for s in chars if body > 0 and s >= body * _HEADING_RATIO), reverse=True)
    return body, {size: min(level, 6) for level, size in enumerate(larger, start=1)}


def _line_gap(pages: list[list[_Line]], body: float) -> float:
    """Typical baseline distance between body lines, in units of the font size."""
    ratios = []
    for lines in pages:
        for prev, line in itertools.pairwise(lines):
            if prev.y is None or line.y is None or line.size != body or prev.size != body:
                continue
            gap = prev.y - line.y
            if gap > 0 and line.size > 0:
                ratios.append(gap / line.size)
    return median(ratios) if ratios else 1.2


def _full_line_chars(pages: list[list[_Line]], body: float) -> int:
    """Characters on a full-width body line (90th percentile), to spot lines that end early."""
    lengths = sorted(len(line.text) for lines in pages for line in lines if line.size == body)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _heading_level(line: _Line, body: float, levels: dict[float, int]) -> int:
    if len(line.text) > 200:
        return 0
    if line.size in levels:
        return levels[line.size]
    looks_like_title = line.text[:1].isupper() or line.text[:1].isdigit()
    if (
        line.bold
        and line.size >= body * 0.9
        and len(line.text) <= 120
        and looks_like_title
        and not line.text.endswith((".", ",", ";", ":"))
    ):
        return len(levels) + 1
    return 0


def _starts_new_block(prev: _Line, line: _Line, layout: _Layout) -> bool:
    """Whether ``line`` starts a new paragraph/item rather than continuing ``prev``."""
    if prev.y is not None and line.y is not None and line.size > 0:
        distance = prev.y - line.y
        if distance < 0 or distance / line.size > layout.gap * _PARAGRAPH_GAP:
            return True
    ended_early = len(prev.text) < layout.full_chars * _SHORT_LINE
    return ended_early and line.text[:1].isupper() and prev.text.endswith(_TERMINATORS)


def _page_text(lines: list[_Line], layout: _Layout) -> str:
    """One page as Markdown-like text (paragraph lines still wrapped)."""
    blocks: list[tuple[str, list[str]]] = []  # (kind, lines); kind: "h<N>", "para" or "item"
    prev: _Line | None = None
    for line in lines:
        level = _heading_level(line, layout.body, layout.levels)
        new_block = prev is None or _starts_new_block(prev, line, layout)
        kind, text = "para", line.text
        if level:
            kind = f"h{level}"
        elif _BULLET.match(text) or _NUMBERED.match(text):
            kind, text = "item", _BULLET.sub("- ", text)
        elif _DASH_BULLET.match(text) and (
            new_block or prev is None or prev.text.endswith((*_TERMINATORS, ";"))
        ):
            kind, text = "item", _DASH_BULLET.sub("- ", text)
        last = blocks[-1] if blocks else None
        if last is not None and not new_block and last[0] == kind and kind.startswith("h"):
            last[1].append(text)  # a heading wrapped over two lines
        elif last is not None and not new_block and kind == "para" and last[0] in ("para", "item"):
            item_ended = (
                last[0] == "item"
                and prev is not None
                and text[:1].isupper()
                and len(prev.text) < layout.full_chars * _SHORT_LINE
            )
            if item_ended:
                blocks.append(("para", [text]))
            else:
                last[1].append(text)
        else:
            blocks.append((kind, [text]))
        prev = line
    return _render(blocks)


def _render(blocks: list[tuple[str, list[str]]]) -> str:
    parts: list[str] = []
    previous = ""
    for kind, lines in blocks:
        if kind.startswith("h"):
            text = "#" * int(kind[1:]) + " " + " ".join(lines)
        else:
            text = "\n".join(lines)
        if parts:
            parts.append("\n" if kind == previous == "item" else "\n\n")
        parts.append(text)
        previous = kind
    return "".join(parts)


def _carry_broken_words(raw_pages: list[str]) -> None:
    """Move the second half of a word hyphenated across a page break onto the first page."""
    for i in range(len(raw_pages) - 1):
        head, following = raw_pages[i], raw_pages[i + 1]
        first_line = following.split("\n", 1)[0]
        word = _FIRST_WORD.match(following)
        if (
            _BROKEN_AT_END.search(head)
            and word
            and word.group(1)[0].islower()
            and not is_structural_line(first_line)
        ):
            raw_pages[i] = f"{head}\n{word.group(1)}"
            raw_pages[i + 1] = following[word.end() :]


def _metadata_title(reader: PdfReader) -> str:
    try:
        metadata = reader.metadata
        return usable_title(str(metadata.title)) if metadata and metadata.title else ""
    except _PDF_ERRORS as exc:
        logger.debug("Unreadable PDF metadata: %r", exc)
        return ""


def load_pdf(data: bytes, path: Path) -> Extracted:
    """Load a PDF: one Page per PDF page (1-based numbers); pages without text are left out."""
    reader = _open(data)
    read = _read_lines(reader)
    readable = [lines for lines in read if lines is not None]
    if read and not readable:
        raise _corrupt(RuntimeError("no readable page"))
    cleaned = _drop_page_chrome(readable)
    body, levels = _heading_levels(cleaned)
    layout = _Layout(body, levels, _line_gap(cleaned, body), _full_line_chars(cleaned, body))
    numbers = [n for n, lines in enumerate(read, start=1) if lines is not None]
    raw_pages = [_page_text(lines, layout) for lines in cleaned]
    _carry_broken_words(raw_pages)
    pages = tuple(
        Page(number=number, text=text)
        for number, raw in zip(numbers, raw_pages, strict=True)
        if (text := clean_text(raw))
    )
    if not pages:
        raise DocumentError(
            "PDF-tiedostossa ei ole tekstiä (skannattu kuva?); "
            "aja sille tekstintunnistus (OCR) ja lisää se uudelleen."
        )
    empty = len(read) - len(pages)
    if empty:
        logger.info("PDF %s: %d of %d pages have no text", path, empty, len(read))
    return Extracted(pages=pages, title=_metadata_title(reader) or first_heading(pages))
