"""Comparison questions ("Mikä on A:n tavoite verrattuna B:hen?") as two questions.

"Kumpi oli ensin: A vai B?" becomes "Milloin oli A?" and "Milloin oli B?"; so do the questions
that relate two events in time ("Oliko A jo tapahtunut siinä vaiheessa, kun B?", "Ehtiikö A ennen
kuin B?", "Paljonko aikaa kului siitä, kun A, siihen, kun B?").

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
# "Kumpi oli ensin: A vai B?": when was each (the dates answer it, a reader compares them)
_WHICH_FIRST = {
    "fi": re.compile(
        r"^\s*kumpi\s+(?:\w+\s+){0,2}?(?:ensin|ensimmäisenä|aiemmin|aikaisemmin|ennen|"
        r"myöhemmin|viimeisenä)\s*[:,]?\s+(?P<a>.+?),?\s+vai\s+(?P<b>.+?)\s*\?*\s*$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^\s*which\s+(?:came|was|happened)\s+(?:first|earlier|later)\s*[:,]?\s+(?P<a>.+?),?\s+"
        r"or\s+(?P<b>.+?)\s*\?*\s*$",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"^\s*vad\s+(?:kom|var|hände)\s+(?:först|tidigare|senare)\s*[:,]?\s+(?P<a>.+?),?\s+"
        r"eller\s+(?P<b>.+?)\s*\?*\s*$",
        re.IGNORECASE,
    ),
}
_WHEN = {"fi": "Milloin oli", "en": "When was", "sv": "När var"}
# "Oliko komissio jo hyväksynyt ohjelman siinä vaiheessa, kun toinen haku avautui?", "Ehtiikö
# hanke päättyä ennen kuin sopimus loppuu?", "Paljonko aikaa kului siitä, kun A, siihen, kun B?":
# two events compared in time; the dates of both answer it (Finnish)
_TIME_RELATION = (
    re.compile(
        # a yes/no question about what happened, not about a rule ("Pitääkö A ennen kuin B?")
        r"^\s*(?:[^:?]{0,60}:\s*)?"  # a lead-in ("Arvioija kysyy: ...")
        r"(?!(?:pitää|täyty|saa|voi|kannatta|tarvitse|joutu|onko\s+pakko)\w*)"
        r"(?:[^\W\d_]+(?:ko|kö))\s+(?P<a>.+?),?\s+(?:jo\s+)?(?:siinä vaiheessa,?\s+kun|"
        r"ennen kuin|siihen mennessä,?\s+kun|(?:pidempään|kauemmin|myöhemmin|aiemmin) kuin)"
        r"\s+(?P<b>[^?]+?)\s*\?",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\s*(?:paljonko|kuinka paljon|kuinka kauan|kauanko)\s+aikaa\s+(?:kului|kuluu|meni)\s+"
        r"siitä,?\s+kun\s+(?P<a>.+?),?\s+siihen,?\s+kun\s+(?P<b>[^?]+?)\s*\?",
        re.IGNORECASE,
    ),
)
_MIN_WORDS = 3
_MIN_GENITIVE = 4  # shorter words ending in -n are verbs and pronouns ("on", "sen")


def split_comparison(text: str, language: str) -> tuple[str, str] | None:
    """The question about A and the same question about B, or None for other questions."""
    which = _WHICH_FIRST.get(language)
    first_of = which.match(text) if which else None
    if first_of is not None:
        when = _WHEN[language]
        return f"{when} {first_of.group('a')}?", f"{when} {first_of.group('b')}?"
    if language == "fi":
        for pattern in _TIME_RELATION:
            related = pattern.match(text)
            if related is not None:
                return f"Milloin {related.group('a')}?", f"Milloin {related.group('b')}?"
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
