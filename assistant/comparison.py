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

from assistant.coordination import case_ending
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
# "Onko Porin seudun teollisuudella aikaisempi tavoite kuin koko Suomella?": a comparative, then
# "kuin" and the other side, which names a thing (a capitalised word); what follows the other
# side ("? Mitkä vuodet ne on?", ", ja mitkä vuodet ...?") is asked of both sides
_COMPARATIVE = (
    r"[^\W\d_]{2,}(?:mpi|mpia|mpaa|mman|mmat|mpana|mmalla|mmassa)|aiemmin|aikaisemmin|"
    r"myöhemmin|enemmän|vähemmän"
)
_THAN = re.compile(
    rf"^(?P<a>[^?]*?\b(?:{_COMPARATIVE})\b[^?]*?),?\s+kuin\s+(?P<b>[^?,.!]+?)\s*"
    r"(?P<tail>[?.!].*)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÅÄÖ])")


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
    if language == "fi":
        than = _than(text)
        if than is not None:
            return than
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


def _than(text: str) -> tuple[str, str] | None:
    """ "A:lla aikaisempi tavoite kuin B:llä?" as the question about A and the one about B."""
    match = _THAN.match(text)
    if match is None:
        return None
    other = match.group("b").strip()
    if not any(w[:1].isupper() for w in other.split()):
        return None  # "mieluummin meilin kuin soitan": no other thing is named
    tail = (match.group("tail") or "?").strip()
    tail = tail if tail.startswith("?") else "?" + tail.lstrip(".!")
    first = match.group("a").strip(" ,")
    asking = _SENTENCE_END.split(first)[-1]  # a context sentence before it names A, not B
    second = _substituted(asking, other)
    if second is None:
        tokens = asking.split()
        if len(tokens) < _MIN_WORDS:
            return None
        second = " ".join([tokens[0], *_without_identity(tokens[1:], "fi"), other])
    return f"{first}{tail}", f"{second}{tail}"


def _ending(word: str) -> str:
    """A word's local or translative case ending, or "n" for a genitive ("Suomen")."""
    return case_ending(word) or ("n" if word.lower().endswith("n") else "")


def _substituted(asking: str, other: str) -> str | None:
    """The question with the other side in place of the first name and the words that qualify it
    ("Porin seudun teollisuudella" -> "koko Suomella", "Porin seudun teollisuuden" -> "koko
    Suomen": the name's run of genitives, and the noun after it when that is in the other side's
    case)."""
    tokens = asking.split()
    ending = _ending(other.split()[-1])
    start = next((i for i, t in enumerate(tokens) if i > 0 and t[:1].isupper()), None)
    if start is None or not ending:
        return None
    end = start
    while end < len(tokens) and _is_genitive(tokens[end]):
        end += 1
    if end < len(tokens) and ending != "n" and _ending(tokens[end].strip(",;:")) == ending:
        end += 1  # "Porin seudun teollisuudella"
    elif ending != "n" or end == start:
        return None  # the name's phrase is in another case than the other side
    return " ".join([*tokens[:start], other, *tokens[end:]])


def _is_genitive(token: str) -> bool:
    """Whether a word as written may be a genitive modifier ("seudun"; not "on", nor "Porin,")."""
    return token.lower().endswith("n") and len(token) >= _MIN_GENITIVE


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
        while attributes and _is_genitive(attributes[-1]):
            attributes.pop()
        kept = [*attributes, head]
    return kept
