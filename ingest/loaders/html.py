"""HTML pages: the main text only, written out as Markdown-like lines."""

from __future__ import annotations

import codecs
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

__all__ = ["decode_html", "load_html"]

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


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.IGNORECASE
)
_LEGACY = "cp1252"  # what a Finnish page that is not UTF-8 almost always is (a latin-1 superset)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``head`` looks like ASCII markup in UTF-16 with no BOM."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    """The Python codec of the page's ``<meta charset>``, or None if absent or unknown."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """The page as text: a BOM wins, then strict UTF-8, then the declared charset, then cp1252.

    Strict UTF-8 goes before the declaration because pages saved as UTF-8 often keep an old
    ``iso-8859-1`` declaration, and non-UTF-8 text with accented letters is practically never
    valid UTF-8. Undeclared legacy pages are Windows-1252, which covers ISO-8859-1.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    utf16 = _utf16_without_bom(data[:512])
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data:
        raise DocumentError(
            "Tiedosto on binääridataa eikä HTML-sivu (siinä on NUL-tavuja); tarkista tiedosto."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            logger.debug("HTML does not decode as its declared %s; trying %s", declared, _LEGACY)
    return data.decode(_LEGACY, errors="replace")


def _parse(text: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(text, "lxml")
    except (ValueError, LookupError, ParserRejectedMarkup) as exc:
        raise DocumentError(
            "HTML-tiedosto on vioittunut, eikä sitä voi lukea; tallenna sivu uudelleen."
        ) from exc


def load_html(data: bytes, path: Path) -> Extracted:
    """Load an ``.html``/``.htm`` page as one page (number None)."""
    soup = _parse(decode_html(data))
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
