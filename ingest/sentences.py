"""Finnish-aware sentence splitting by regular expressions.

The splitter works on cleaned text (see :mod:`ingest.cleaning`): a line break always ends a
sentence (paragraphs are single lines; headings and list items are lines of their own). Inside
a line it splits after ``.``, ``!``, ``?`` or ``…`` that are followed by whitespace and then an
uppercase letter, a digit or an opening quote/bracket, unless the period belongs to a known
Finnish abbreviation ("esim.", "mm.", "n.", "klo", "puh." ...) or to an initial ("T. Heino").
Dates ("31.12.2023"), decimals ("0,9", "2.7"), e-mail addresses and URLs contain no period
followed by whitespace, and ordinals ("18. lokakuuta") are followed by a lowercase word, so
none of them is split.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["ABBREVIATIONS", "QuotableSpan", "quotable_spans", "split_sentences"]

# Abbreviations after which a period never ends a sentence (lowercase, without the period).
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "esim",
        "mm",
        "ns",
        "ks",
        "kts",
        "vrt",
        "n",
        "klo",
        "puh",
        "p",
        "t",
        "s",
        "ss",
        "ml",
        "milj",
        "mrd",
        "tuh",
        "eli",
        "ts",
        "nk",
        "nro",
        "n:o",
        "no",
        "huom",
        "ao",
        "em",
        "ko",
        "ed",
        "kpl",
        "v",
        "vs",
        "vt",
        "yo",
        "ym",
        "yms",
        "tms",
        "jne",
        "ymv",
        "prof",
        "dos",
        "tri",
        "fil",
        "sis",
        "alk",
        "jälk",
        "ent",
        "os",
        "tel",
        "lk",
        "ca",
        "k",
        "e",
        "etc",
        "eg",
        "ie",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "vol",
        "pp",
    }
)

# Abbreviations that often close a sentence: split after them when an uppercase word follows.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset({"jne", "yms", "tms", "ym", "ymv", "etc"})

_TERMINATOR = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)")
_SENTENCE_START = re.compile(r"\s+(?:[\"'«“‘(\[–—-]\s*)?([^\W_])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)*[^\W\d_]{1,2}$")


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether the terminator ``match`` inside ``line`` is a sentence boundary."""
    after = _SENTENCE_START.match(line, match.end())
    if after is None:
        return False
    first = after.group(1)
    if not (first.isupper() or first.isdigit()):
        return False
    punct = match.group(0)
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # "!", "?", "…" or an ellipsis written as dots
    token_match = _TOKEN_BEFORE.search(line, 0, match.start())
    if token_match is None:
        return True
    token = token_match.group(1).lstrip("\"'«“‘([")
    word = token.lower()
    if word in ABBREVIATIONS:
        return word in _SENTENCE_FINAL_ABBREVIATIONS and first.isupper()
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "T. Heino"
    # dotted abbreviations such as "e.g" or "n.k" (but not words, numbers, URLs or e-mails)
    return not ("." in token and _INITIALS.match(token) is not None)


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = 0
    for match in _TERMINATOR.finditer(line):
        if _ends_sentence(line, match):
            _add_span(line, start, match.end(), offset, spans)
            start = match.end()
    _add_span(line, start, len(line), offset, spans)


def _add_span(line: str, start: int, end: int, offset: int, spans: list[tuple[int, int]]) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns ``(start, end)`` offsets into ``text``.

    Every span is stripped of surrounding whitespace and non-empty; spans are in order and do
    not overlap. A line break always ends a sentence.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, spans)
        offset += len(line) + 1
    return spans


_ITEM = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s")
_MIN_CHARS = 12


class QuotableSpan(NamedTuple):
    """A sentence an answer may quote: ``text[start:end]``; ``item`` for a list item."""

    start: int
    end: int
    item: bool


def quotable_spans(text: str) -> list[QuotableSpan]:
    """The sentences of ``text`` an answer may quote: no headings, no fragments, and list items
    without their bullet or number. The build embeds exactly these, and the assistant scores them.
    """
    out: list[QuotableSpan] = []
    for start, end in split_sentences(text):
        piece = text[start:end]
        if _HEADING.match(piece):
            continue
        marker = _ITEM.match(piece)
        item = marker is not None
        if marker is not None:
            start += marker.end()
        if end - start < _MIN_CHARS and not item:
            continue
        out.append(QuotableSpan(start, end, item))
    return out
