"""HTML pages: the main text only, written out as Markdown-like lines."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

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


def _walk(node: Tag, out: _Writer) -> None:
    for child in node.children:
        if isinstance(child, Comment | Doctype | ProcessingInstruction):
            continue
        if isinstance(child, NavigableString):
            out.text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name in _HEADINGS:
            text = _inline_text(child)
            if text:
                out.block("#" * _HEADINGS[name] + " " + text)
        elif name == "li":
            parent = child.parent
            ordered = parent is not None and parent.name == "ol"
            out.start_item("1. " if ordered else "- ")
            _walk(child, out)
            out.end_item()
        elif name == "table":
            _table(child, out)
        elif name == "br":
            out.flush()
        elif name in _BLOCKS:
            out.flush()
            _walk(child, out)
            out.flush()
        else:
            _walk(child, out)


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
        lambda: soup.find(attrs={"role": "main"}),
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
    previous_item = False
    for line in lines:
        item = bool(LIST_ITEM.match(line)) or line.startswith("|")
        if parts:
            parts.append("\n" if item and previous_item else "\n\n")
        parts.append(line)
        previous_item = item
    return "".join(parts)


def load_html(data: bytes, path: Path) -> Extracted:
    """Load an ``.html``/``.htm`` page as one page (number None)."""
    soup = BeautifulSoup(data, "lxml")
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
