"""PDF files with pypdf: one Page per PDF page, headings from font sizes, page chrome removed.

From the page lines that :mod:`ingest.loaders.pdf_reader` rebuilds (baseline, font size,
boldness) this module:
drop running headers/footers/page numbers (:func:`ingest.cleaning.find_repeated_lines`), mark
lines in a clearly larger (or bold) font as "#"-headings, split paragraphs at larger vertical
gaps, turn bullets into "- " items, and let :func:`ingest.cleaning.clean_text` rejoin
hyphenated words and unwrap the lines of each paragraph.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from pypdf import PdfReader

from ingest.cleaning import clean_text, find_repeated_lines, is_structural_line
from ingest.errors import DocumentError
from ingest.loaders.base import Extracted, first_heading, usable_title
from ingest.loaders.pdf_reader import (
    PDF_ERRORS,
    Line,
    corrupt_error,
    open_pdf,
    read_lines,
)
from ingest.models import Page

__all__ = ["load_pdf"]

logger = logging.getLogger(__name__)

_BULLET = re.compile(r"^[•▪◦●■□➢►∙·]\s*")
_DASH_BULLET = re.compile(r"^[-–*]\s+(?=\S)")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+[^\W\d_]")
_BROKEN_AT_END = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]\S*)[ \t]*")
_HEADING_RATIO = 1.1
_PARAGRAPH_GAP = 1.4  # a baseline distance this much above the usual one starts a paragraph
_SHORT_LINE = 0.7  # a line shorter than this share of a full line ended its paragraph/item
_MAX_HEADING_CHARS = 200
_TERMINATORS = (".", "!", "?", ":")


@dataclass(frozen=True)
class _Layout:
    """Document-wide measurements used to read every page."""

    body: float  # the body text's font size
    levels: dict[float, int]  # heading level of each larger font size
    gap: float  # usual baseline distance between body lines, in font sizes
    full_chars: int  # characters on a full-width body line


def _top_down(lines: list[Line]) -> list[int]:
    """Line indexes from the top of the page down (lines without a position last)."""
    return sorted(range(len(lines)), key=lambda i: -(lines[i].y or 0.0))


def _drop_page_chrome(pages: list[list[Line]]) -> list[list[Line]]:
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


def _heading_levels(pages: list[list[Line]]) -> tuple[float, dict[float, int]]:
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


def _line_gap(pages: list[list[Line]], body: float) -> float:
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


def _full_line_chars(pages: list[list[Line]], body: float) -> int:
    """Characters on a full-width body line (90th percentile), to spot lines that end early."""
    lengths = sorted(len(line.text) for lines in pages for line in lines if line.size == body)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _heading_level(line: Line, body: float, levels: dict[float, int]) -> int:
    if len(line.text) > _MAX_HEADING_CHARS:
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


def _starts_new_block(prev: Line, line: Line, layout: _Layout) -> bool:
    """Whether ``line`` starts a new paragraph/item rather than continuing ``prev``."""
    if prev.y is not None and line.y is not None and line.size > 0:
        distance = prev.y - line.y
        if distance < 0 or distance / line.size > layout.gap * _PARAGRAPH_GAP:
            return True
    ended_early = len(prev.text) < layout.full_chars * _SHORT_LINE
    return ended_early and line.text[:1].isupper() and prev.text.endswith(_TERMINATORS)


def _page_text(lines: list[Line], layout: _Layout) -> str:
    """One page as Markdown-like text (paragraph lines still wrapped)."""
    blocks: list[tuple[str, list[str]]] = []  # (kind, lines); kind: "h<N>", "para" or "item"
    prev: Line | None = None
    for index, line in enumerate(lines):
        level = _heading_level(line, layout.body, layout.levels)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            level > len(layout.levels)  # bold at body size: a heading unless it wraps on
            and following is not None
            and following.bold
            and following.size == line.size
            and following.text[:1].islower()
            and not _starts_new_block(line, following, layout)
        ):
            level = 0
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
        heading = " ".join(lines)
        if kind.startswith("h") and len(heading) > _MAX_HEADING_CHARS:
            kind = "para"  # several lines of large text: a lead paragraph, not a heading
        text = f"{'#' * int(kind[1:])} {heading}" if kind.startswith("h") else "\n".join(lines)
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
    except PDF_ERRORS as exc:
        logger.debug("Unreadable PDF metadata: %r", exc)
        return ""


def load_pdf(data: bytes, path: Path) -> Extracted:
    """Load a PDF: one Page per PDF page (1-based numbers); pages without text are left out."""
    reader = open_pdf(data)
    read = read_lines(reader)
    readable = [lines for lines in read if lines is not None]
    if read and not readable:
        raise corrupt_error(RuntimeError("no readable page"))
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
