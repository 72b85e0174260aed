"""Markdown and plain-text files: strict UTF-8, kept as written apart from light clean-up."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.cleaning import clean_text
from ingest.loaders.base import Extracted, decode_utf8, first_heading, usable_title
from ingest.models import Page

__all__ = ["load_markdown"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE)
_SETEXT = re.compile(r"^([^\n#>|-].*)\n(=+|-+)[ \t]*$", re.MULTILINE)
_ATX_CLOSING = re.compile(r"^(#{1,6}\s.*?)\s+#+\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_BOLD = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
_QUOTE = re.compile(r"^>[ \t]?", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~).*$", re.MULTILINE)
_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def _link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    return label if url.startswith("#") or label == url else f"{label} ({url})"


def _simplify(text: str) -> tuple[str, str]:
    """Markdown markup that would show up in quotes -> plain text; returns (text, title)."""
    title = ""
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        title = found.group(1) if found else ""
        text = text[front.end() :]
    text = _COMMENT.sub("", text)
    text = _SETEXT.sub(lambda m: ("# " if m.group(2)[0] == "=" else "## ") + m.group(1), text)
    text = _ATX_CLOSING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _FENCE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(_link, text)
    text = _BOLD.sub(r"\2", text)
    return text, title


def load_markdown(data: bytes, path: Path) -> Extracted:
    """Load a ``.md``/``.markdown``/``.txt`` file as one page (number None)."""
    text = decode_utf8(data)
    title = ""
    if path.suffix.lower() in (".md", ".markdown"):
        text, title = _simplify(text)
    pages = (Page(number=None, text=clean_text(text)),)
    return Extracted(pages=pages, title=usable_title(title) or first_heading(pages))
