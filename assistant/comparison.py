"""Comparison questions ("Mikä on A:n tavoite verrattuna B:hen?") as two questions.

The documents state each side in its own sentence, often in different documents, so one
sentence never answers both and a comparison was refused or half answered. The first question
is the part before the comparison word; the second asks the same thing about B: the first part
without what identifies A, followed by B. What identifies A: its names (capitalised words after
the first), ordinals with the word they qualify ("ensimmäisessä haussa"), numbers, and in Finnish
the genitive attributes of the last noun ("Porin seudun teollisuuden tavoite" -> "tavoite").
"""

from __future__ import annotations

import re

from assistant.ordinals import ORDINALS

_COMPARE = re.compile(
    r",?\s+(?:verrattuna|compared (?:to|with)|in comparison (?:to|with)|jämfört med|"
    r"i jämförelse med|versus|vs\.?)\s+",
    re.IGNORECASE,
)
_MIN_WORDS = 3
_MIN_GENITIVE = 4  # shorter words ending in -n are verbs and pronouns ("on", "sen")


def split_comparison(text: str, language: str) -> tuple[str, str] | None:
    """The question about A and the same question about B, or None for other questions."""
    match = _COMPARE.search(text)
    if match is None:
        return None
    first = text[: match.start()].strip(" ,?")
    other = text[match.end() :].strip(" ,?")
    tokens = first.split()
    if len(tokens) < _MIN_WORDS or not other.strip(" .!"):
        return None
    kept = _without_identity(tokens[1:], language)
    second = " ".join([tokens[0], *kept, other])
    return f"{first}?", f"{second}?"


def _is_ordinal(token: str) -> bool:
    word = token.strip(",.:;").lower()
    return any(p.fullmatch(word) for _, p in ORDINALS)


def _without_identity(tokens: list[str], language: str) -> list[str]:
    """The words of the first part that do not identify its subject (see the module docstring)."""
    kept: list[str] = []
    skip_next = False
    for token in tokens:
        if skip_next:
            skip_next = False
            continue
        if _is_ordinal(token):
            skip_next = True  # the ordinal and the noun it qualifies
            continue
        if token[:1].isupper() or any(ch.isdigit() for ch in token):
            continue
        kept.append(token)
    if language == "fi" and len(kept) >= 2:
        head = kept[-1]
        attributes = kept[:-1]
        while (
            attributes
            and attributes[-1].lower().endswith("n")
            and len(attributes[-1]) >= _MIN_GENITIVE
        ):
            attributes.pop()
        kept = [*attributes, head]
    return kept
