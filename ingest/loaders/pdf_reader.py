"""Reading a PDF with pypdf: open it safely and rebuild each page's lines with their fonts.

pypdf's ``extract_text(visitor_text=...)`` reports every text run with its matrices and font;
:class:`LineCollector` gathers the runs into lines with baseline, font size and boldness.
Every error pypdf raises on a damaged file becomes a :class:`~ingest.errors.DocumentError`.
"""

from __future__ import annotations

import io
import logging
import math
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, DeprecationError, PyPdfError

from ingest.errors import DocumentError

__all__ = ["PDF_ERRORS", "Line", "LineCollector", "corrupt_error", "open_pdf", "read_lines"]

logger = logging.getLogger(__name__)

# pypdf raises many kinds of errors on damaged files; all of them mean "cannot read this PDF".
PDF_ERRORS: tuple[type[BaseException], ...] = (
    PyPdfError,
    DependencyError,
    DeprecationError,  # e.g. a damaged filter name that reads as the removed "/Fl"
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


@dataclass
class Line:
    """One text line of a page as pypdf reported it."""

    text: str
    x: float | None
    y: float | None
    size: float
    bold: bool


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class LineCollector:
    """The ``visitor_text`` callback: gathers runs into lines with position and font."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
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
            self.lines.append(Line(text, self._x, self._y, size, bold))
        self._parts, self._x, self._y = [], None, None


def open_pdf(data: bytes) -> PdfReader:
    """A reader for ``data``; not a PDF, truncated, encrypted or damaged -> DocumentError."""
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
    except PDF_ERRORS as exc:
        raise corrupt_error(exc) from exc
    if encrypted:
        try:
            opened = reader.decrypt("")
        except PDF_ERRORS as exc:
            raise _encrypted() from exc
        if not opened:
            raise _encrypted()
    return reader


def _encrypted() -> DocumentError:
    """The error for a PDF that needs a password."""
    return DocumentError(
        "PDF-tiedosto on salattu salasanalla, eikä sitä voi lukea; "
        "tallenna siitä salaamaton versio."
    )


def corrupt_error(exc: BaseException) -> DocumentError:
    """The error for a PDF that pypdf cannot parse (the cause is logged at debug level)."""
    logger.debug("pypdf failed: %r", exc)
    return DocumentError(
        "PDF-tiedosto on vioittunut tai katkennut, eikä sitä voi lukea; "
        "lataa tai tallenna se uudelleen."
    )


def read_lines(reader: PdfReader) -> list[list[Line] | None]:
    """Lines of every page; None for a page pypdf could not read."""
    pages: list[list[Line] | None] = []
    try:
        page_objects = list(reader.pages)
    except PDF_ERRORS as exc:
        raise corrupt_error(exc) from exc
    for number, page in enumerate(page_objects, start=1):
        collector = LineCollector()
        try:
            page.extract_text(visitor_text=collector)
        except PDF_ERRORS as exc:
            logger.warning("Skipping unreadable PDF page %d: %r", number, exc)
            pages.append(None)
            continue
        collector.end_line()
        pages.append(collector.lines)
    return pages
