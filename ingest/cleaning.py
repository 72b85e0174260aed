"""Pure text-cleaning functions shared by the loaders.

The loaders produce Markdown-like text (headings "# ...", list items "- ..." or "1. ...",
paragraphs separated by a blank line) that may still carry line breaks inside paragraphs
and words hyphenated across line ends. :func:`clean_text` turns it into the form the chunker
relies on: NFC, no soft hyphens, words rejoined, one line per paragraph, no trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

__all__ = [
    "clean_text",
    "collapse_whitespace",
    "find_repeated_lines",
    "is_structural_line",
    "normalize_unicode",
    "rejoin_hyphenated",
    "remove_repeated_lines",
    "unwrap_lines",
]

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_SOFT_HYPHEN_AT_LINE_END = re.compile("\u00ad[ \t]*\n[ \t]*")
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_UNICODE_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
# "1. Teknologiametallit" is a list item, "18. lokakuuta 2023" (a wrapped date) is not.
LIST_ITEM = re.compile(r"^(?:[-*+•▪◦·]|\d{1,3}[.)](?!\s+[^\W\d_]*kuuta\b))\s+\S")
_TABLE_ROW = re.compile(r"^\|")
_BULLET = re.compile(r"^[*+•▪◦·]\s+")

# A word (letters/digits) followed by a hyphen at the very end of a line.
_HYPHEN_AT_END = re.compile(r"([^\W_]+)-[ \t]*$")
_FIRST_WORD = re.compile(r"^[ \t]*([^\W_]+)")
# Words after which "tutkimus-\nja" is a suspended compound ("tutkimus- ja kehittämistoiminta").
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "että", "kuin", "and", "or", "och", "eller"})
# Lowercase prefixes that are written with a hyphen ("pk-yritys", "e-palvelu").
_HYPHEN_PREFIXES = frozenset({"pk", "e", "tki", "tk", "eu", "ict", "it", "ai", "rdi", "co"})
_VOWELS = frozenset("aeiouyäöå")

_POSITION_TOLERANCE = 4.0  # points; running headers sit at the same height on every page
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sivu|page|s\.|p\.)\s*)?[-–(]?\s*\d{1,4}\s*(?:(?:/|of|\(|-|–)\s*\d{1,4}\)?)?\s*[-–)]?$",
    re.IGNORECASE,
)


def normalize_unicode(text: str) -> str:
    """NFC; line breaks to ``\\n``; drop soft hyphens, zero-width and control characters.

    A soft hyphen at a line end joins the two halves of the word ("tutkimus\\u00ad\\nhanke" ->
    "tutkimushanke"); other soft hyphens are simply removed. Unusual spaces become plain spaces
    and typographic ligatures (ﬁ, ﬂ ...) are expanded.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n").replace("\v", "\n")
    text = _SOFT_HYPHEN_AT_LINE_END.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _UNICODE_SPACES.sub(" ", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    return unicodedata.normalize("NFC", text.translate(_LIGATURES))


def is_structural_line(line: str) -> bool:
    """True for lines that must stay lines of their own: headings, list items, table rows."""
    stripped = line.strip()
    return bool(HEADING.match(stripped) or LIST_ITEM.match(stripped) or _TABLE_ROW.match(stripped))


def _keeps_hyphen(before: str, after: str) -> bool:
    """Whether "before-" + line break + "after" is a real hyphen rather than hyphenation."""
    last, first = before[-1], after[0]
    if last.isupper() or last.isdigit() or first.isupper() or first.isdigit():
        return True  # "EU-rahoitus", "TKI-toiminta", "2021-2027", "Pohjois-Savo"
    if before.lower() in _HYPHEN_PREFIXES:
        return True  # "pk-yritys"
    # Finnish writes a hyphen where the same vowel meets in a compound ("kuorma-auto").
    return last.lower() == first.lower() and last.lower() in _VOWELS


def _join_hyphenated(line: str, following: str) -> str | None:
    """``line`` and ``following`` joined if ``line`` ends in a broken word, else None."""
    end = _HYPHEN_AT_END.search(line)
    if end is None or not following.strip() or is_structural_line(following):
        return None
    start = _FIRST_WORD.match(following)
    if start is None:
        return None
    before, after = end.group(1), start.group(1)
    head, rest = line[: end.end(1)], following.lstrip(" \t")
    if after.lower() in _CONJUNCTIONS:
        return f"{head}- {rest}"  # suspended hyphen: "tutkimus- ja kehittämistoiminta"
    if _keeps_hyphen(before, after):
        return f"{head}-{rest}"
    return f"{head}{rest}"


def rejoin_hyphenated(text: str) -> str:
    """Rejoin words broken with a hyphen at a line end; keep real hyphens.

    "tutkimus-\\nhanke" -> "tutkimushanke"; "EU-\\nrahoitus" -> "EU-rahoitus";
    "TKI-\\ntoiminta" -> "TKI-toiminta"; "tutkimus-\\nja kehittämistoiminta" ->
    "tutkimus- ja kehittämistoiminta". Hyphens that are not at a line end are untouched, and
    nothing is joined across a blank line or onto a heading, list item or table row.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while i + 1 < len(lines):
            joined = _join_hyphenated(line, lines[i + 1])
            if joined is None:
                break
            line = joined
            i += 1
        out.append(line)
        i += 1
    return "\n".join(out)


def unwrap_lines(text: str) -> str:
    """Join the lines of each paragraph into one line; keep structure lines on their own.

    Headings become blocks of their own, consecutive list items / table rows stay one per
    line (a wrapped list item is joined onto its item), blocks are separated by one blank line.
    """
    blocks: list[list[str]] = []
    for raw_block in re.split(r"\n[ \t]*\n", text):
        current: list[str] = []
        kind = ""  # "", "para", "list"
        for raw in raw_block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if HEADING.match(line):
                if current:
                    blocks.append(current)
                blocks.append([line])
                current, kind = [], ""
            elif LIST_ITEM.match(line) or _TABLE_ROW.match(line):
                line = _BULLET.sub("- ", line)
                if kind != "list" and current:
                    blocks.append(current)
                    current = []
                current.append(line)
                kind = "list"
            elif current:
                if kind == "list" and _TABLE_ROW.match(current[-1]):
                    blocks.append(current)
                    current, kind = [line], "para"
                else:
                    current[-1] = f"{current[-1]} {line}"
            else:
                current, kind = [line], "para"
        if current:
            blocks.append(current)
    return "\n\n".join("\n".join(block) for block in blocks)


def collapse_whitespace(text: str) -> str:
    """Collapse runs of spaces, strip every line, allow at most one blank line in a row."""
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_text(text: str) -> str:
    """The whole chain for one page or document: normalise, rejoin, unwrap, collapse."""
    text = normalize_unicode(text)
    text = collapse_whitespace(text)
    text = rejoin_hyphenated(text)
    text = unwrap_lines(text)
    return collapse_whitespace(text)


def _line_key(line: str) -> str:
    """Comparison key for running headers/footers: digits replaced, case and spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def find_repeated_lines(
    pages: Sequence[Sequence[str]],
    zone: int = 3,
    min_share: float = 0.5,
    positions: Sequence[Sequence[float | None]] | None = None,
) -> list[set[int]]:
    """Indexes, per page, of running headers, footers and page numbers.

    A line counts when it is among the first or last ``zone`` non-empty lines of its page and,
    after replacing digits with a placeholder, occurs in that zone on at least ``min_share`` of
    the pages (and on at least two pages). With ``positions`` (e.g. the baseline of each line in
    points) the occurrences must also sit at the same height, within a few points, so that a
    line repeated by chance near the bottom of two pages is kept. Lines that look like page
    numbers ("12", "Sivu 3 / 10", "- 4 -") are dropped from the zones of every page.
    """

    def key(page: int, index: int) -> tuple[str, int | None]:
        position = positions[page][index] if positions is not None else None
        bucket = None if position is None else round(position / _POSITION_TOLERANCE)
        return _line_key(pages[page][index]), bucket

    zones: list[list[int]] = []
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        zones.append(sorted(set(filled[:zone] + filled[-zone:])))
    counts: Counter[tuple[str, int | None]] = Counter()
    for page, indexes in enumerate(zones):
        counts.update({key(page, i) for i in indexes})
    needed = max(2.0, min_share * len(pages))
    repeated = {k for k, n in counts.items() if n >= needed}
    return [
        {
            i
            for i in indexes
            if key(page, i) in repeated or _PAGE_NUMBER.match(pages[page][i].strip())
        }
        for page, indexes in enumerate(zones)
    ]


def remove_repeated_lines(
    pages: Sequence[Sequence[str]], zone: int = 3, min_share: float = 0.5
) -> list[list[str]]:
    """The pages' lines without running headers, footers and page numbers."""
    drop = find_repeated_lines(pages, zone=zone, min_share=min_share)
    return [
        [line for i, line in enumerate(lines) if i not in dropped]
        for lines, dropped in zip(pages, drop, strict=True)
    ]
