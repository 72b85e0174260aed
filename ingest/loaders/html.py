"""HTML pages: the main text only, written out as Markdown-like lines."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from bs4 import (
    BeautifulSoup,
    Comment,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)
from bs4.exceptions import ParserRejectedMarkup

from ingest.cleaning import HEADING, LIST_ITEM, clean_text
from ingest.errors import DocumentError
from ingest.loaders.base import Extracted, usable_title
from ingest.models import Page

__all__ = ["load_html"]

logger = logging.getLogger(__name__)

_DROP = frozenset(
    {
        "nav",
        "aside",
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "head",
        "dialog",
        "menu",
    }
)
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "ul",
        "ol",
        "details",
        "summary",
        "header",
        "footer",
        "hr",
        "body",
        "center",
        "fieldset",
    }
)


class _Writer:
    """Collects inline text and emits one line per block element."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._inline: list[str] = []
        self._prefix = ""

    def text(self, value: str) -> None:
        self._inline.append(value)

    def flush(self) -> None:
        text = " ".join("".join(self._inline).split())
        self._inline = []
        if text:
            self.lines.append(self._prefix + text)
            self._prefix = ""

    def block(self, line: str) -> None:
        self.flush()
        self.lines.append(line)

    def start_item(self, marker: str) -> None:
        self.flush()
        self._prefix = marker

    def end_item(self) -> None:
        self.flush()
        self._prefix = ""


def _inline_text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _table(tag: Tag, out: _Writer) -> None:
    out.flush()
    for row in tag.find_all("tr"):
        cells = [_inline_text(cell) for cell in row.find_all(["th", "td"])]
        cells = [cell for cell in cells if cell]
        if cells:
            out.block("| " + " | ".join(cells) + " |")


def _walk(root: Tag, out: _Writer) -> None:
    """Write ``root``'s content; iterative, so deeply nested pages cannot exhaust the stack."""
    stack: list[tuple[str, PageElement | None]] = [("node", c) for c in reversed(root.contents)]
    while stack:
        op, child = stack.pop()
        if op == "flush":
            out.flush()
            continue
        if op == "end_item":
            out.end_item()
            continue
        if isinstance(child, Comment | Doctype | ProcessingInstruction):
            continue
        if isinstance(child, NavigableString):
            out.text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        children = [("node", c) for c in reversed(child.contents)]
        if name in _HEADINGS:
            text = _inline_text(child)
            if text:
                out.block("#" * _HEADINGS[name] + " " + text)
        elif name == "li":
            parent = child.parent
            out.start_item("1. " if parent is not None and parent.name == "ol" else "- ")
            stack.append(("end_item", None))
            stack.extend(children)
        elif name == "table":
            _table(child, out)
        elif name == "br":
            out.flush()
        elif name in _BLOCKS:
            out.flush()
            stack.append(("flush", None))
            stack.extend(children)
        else:
            stack.extend(children)


def _prune(root: Tag) -> None:
    """Remove navigation, scripts, forms and page chrome from ``root`` in place."""
    doomed = [tag for tag in root.find_all(True) if _is_chrome(tag)]
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _DROP:
        return True
    role = str(tag.get("role") or "").lower()
    if role in _DROP_ROLES:
        return True
    if tag.name in ("header", "footer"):
        # A page's header/footer is chrome; an article header holding the <h1> is content.
        return tag.find(list(_HEADINGS)) is None
    return str(tag.get("aria-hidden") or "").lower() == "true"


def _main_container(soup: BeautifulSoup) -> Tag | None:
    for finder in (
        lambda: soup.find("main"),
        lambda: soup.find(True, attrs={"role": "main"}),
        lambda: soup.find("article"),
        lambda: soup.body,
    ):
        found = finder()
        if isinstance(found, Tag) and found.get_text(strip=True):
            return found
    return soup if soup.get_text(strip=True) else None


def _join_lines(lines: list[str]) -> str:
    """Blank lines between blocks, single line breaks between consecutive list items/rows."""
    parts: list[str] = []
    previous = ""
    for line in lines:
        kind = "row" if line.startswith("|") else "item" if LIST_ITEM.match(line) else "para"
        if parts:
            parts.append("\n" if kind == previous != "para" else "\n\n")
        parts.append(line)
        previous = kind
    return "".join(parts)


def _parse(data: bytes) -> BeautifulSoup:
    try:
        return BeautifulSoup(data, "lxml")
    except (ValueError, LookupError, ParserRejectedMarkup) as exc:
        # A garbled <meta charset> can make lxml reject the encoding bs4 guessed.
        logger.debug("HTML parse with detected encoding failed: %r", exc)
    try:
        return BeautifulSoup(data.decode("utf-8", errors="replace"), "lxml")
    except (ValueError, LookupError, ParserRejectedMarkup) as exc:
        raise DocumentError(
            "HTML-tiedosto on vioittunut, eikä sitä voi lukea; tallenna sivu uudelleen."
        ) from exc


def load_html(data: bytes, path: Path) -> Extracted:
    """Load an ``.html``/``.htm`` page as one page (number None)."""
    if b"\x00" in data:
        raise DocumentError(
            "Tiedosto on binääridataa eikä HTML-sivu (siinä on NUL-tavuja); tarkista tiedosto."
        )
    soup = _parse(data)
    title_tag = soup.find("title")
    title = usable_title(title_tag.get_text() if isinstance(title_tag, Tag) else "")
    container = _main_container(soup)
    if container is None:
        raise DocumentError("HTML-sivulla ei ole tekstiä; tarkista, että tiedosto on oikea sivu.")
    _prune(container)
    out = _Writer()
    _walk(container, out)
    out.flush()
    text = clean_text(_join_lines(out.lines))
    body = [line for line in text.split("\n") if line.strip() and not HEADING.match(line)]
    if not body:
        raise DocumentError(
            "HTML-sivulla ei ole pääsisältöä (vain valikoita, otsikoita tai skriptejä); "
            "tallenna sivu, jolla on varsinainen teksti."
        )
    if not title:
        heading = re.search(r"^# (.+)$", text, re.MULTILINE)
        title = usable_title(heading.group(1)) if heading else ""
    logger.debug("Loaded HTML %s: %d characters of main text", path, len(text))
    return Extracted(pages=(Page(number=None, text=text),), title=title)
