"""What every format loader returns, and helpers the loaders share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.cleaning import HEADING
from ingest.errors import DocumentError
from ingest.models import Page

__all__ = ["Extracted", "decode_utf8", "first_heading", "title_from_filename", "usable_title"]

_JUNK_TITLE = re.compile(
    r"^(?:untitled|nimetön|document\d*|asiakirja\d*|microsoft word.*|.*\.(?:docx?|pdf|html?))$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Extracted:
    """A format loader's result: cleaned pages and the title found inside the file ("" if none)."""

    pages: tuple[Page, ...]
    title: str = ""


def usable_title(title: str | None) -> str:
    """``title`` with whitespace collapsed, or "" when it is empty or a placeholder."""
    if not title:
        return ""
    title = " ".join(title.split())
    if len(title) > 300 or _JUNK_TITLE.match(title):
        return ""
    return title


def first_heading(pages: tuple[Page, ...]) -> str:
    """The text of the first Markdown-style heading in the pages, or ""."""
    for page in pages:
        for line in page.text.split("\n"):
            match = HEADING.match(line)
            if match:
                return usable_title(match.group(2))
    return ""


def title_from_filename(path: Path) -> str:
    """A readable title made from a file name: "ensimmaisen-haun_hankkeet.pdf" -> words."""
    stem = path.stem
    if " " not in stem:
        stem = stem.replace("_", " ").replace("-", " ")
    stem = " ".join(stem.split())
    return stem[:1].upper() + stem[1:] if stem else path.name


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (a BOM is allowed); binary data and other encodings raise DocumentError."""
    if b"\x00" in data:
        raise DocumentError(
            "Tiedosto on binääridataa eikä tekstiä (siinä on NUL-tavuja); "
            "tallenna teksti .txt- tai .md-tiedostoksi UTF-8-merkistöllä."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"Tekstitiedosto ei ole UTF-8-muodossa (virheellinen tavu 0x{data[exc.start]:02x} "
            f"kohdassa {exc.start}); tallenna se UTF-8-merkistöllä."
        ) from None
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        raise DocumentError(
            "Tiedosto on binääridataa eikä tekstiä (siinä on paljon ohjausmerkkejä); "
            "tallenna teksti UTF-8-muotoisena tekstitiedostona."
        )
    return text
