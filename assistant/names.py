"""Names a question requires of its answer, and whether a sentence carries them.

A name is a capitalised word or an acronym of a Finnish question, kept as a prefix of
:data:`NAME_PREFIX` letters so that inflection does not matter ("Prizztechin" -> prizz). A sentence
carries it when a word starts with the prefix (one typo allowed in a long one), or when it spells
out an acronym the documents define ("työ- ja elinkeinoministeriö" for TEM).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from assistant.ordinals import ORDINALS
from assistant.places import cities_named
from assistant.termstats import one_edit
from assistant.wordlists import NOT_NAMES

_NAME = re.compile(r"(?<![\w@.])([A-ZÅÄÖ][\w+-]*(?::\w+)?)")
NAME_PREFIX = 5
# an acronym with a Finnish case ending written without a colon ("SAMKin", "TEMiin")
_INFLECTED_ACRONYM = re.compile(r"([A-ZÅÄÖ]{2,})([a-zåäö]{1,5})")


# an indefinite pronoun right before a name: the asker does not know which thing it is
_INDEFINITE = re.compile(
    r"\b(?:jo(?:ku|kin|hon(?:kin|ku)|ss(?:ak|ai)n|st(?:ak|ai)n|lla(?:kin|kaan)|lle(?:kin|kaan)|"
    r"nkin|nkun|tain|takin|takaan)|jonkin|mi(?:kään|tään|hinkään|ssään|stään|nkään))\s+$",
    re.IGNORECASE,
)


_ACCORDING_TO = re.compile(r"\s+mukaan\b", re.IGNORECASE)


def question_names(
    text: str, language: str, known: Container[str] = frozenset()
) -> tuple[str, ...]:
    """Names a sentence must carry: capitalised words and acronyms of a Finnish question.

    An English or Swedish question capitalises translated names ("ERDF" for EAKR) and common
    words ("Asia"), so only a name the documents capitalise too ("Robocoast", "SAMK") counts.
    """
    out: list[str] = []
    for match in _NAME.finditer(text):
        word = match.group(1)
        bare = re.split(r"[:'’+-]", word)[0]  # "ESR+": tokens drop the plus
        inflected = _INFLECTED_ACRONYM.fullmatch(bare)
        if inflected is not None:  # "SAMKin", "TEMistä": the acronym without its case ending
            bare = inflected.group(1)
        is_acronym = len(bare) >= 2 and bare.isupper()
        if not is_acronym and (match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".?!"):
            continue  # the first word of a sentence
        lower = bare.lower()
        if lower in NOT_NAMES or (len(lower) < 3 and not is_acronym):
            continue
        if any(p.fullmatch(lower) for _, p in ORDINALS) or cities_named(lower):
            continue
        if language != "fi" and lower not in known:
            continue
        if _INDEFINITE.search(text[: match.start()]):
            continue  # "johonkin EU-ohjelmaan": some programme, which one is what is asked
        if _ACCORDING_TO.match(text, match.end()):
            continue  # "TEM:n mukaan": who says it, not what the answer is about
        out.append(lower[:NAME_PREFIX])
    return tuple(dict.fromkeys(out))


def shared_names(text: str, known: Container[str]) -> list[str]:
    """The names of a question that the documents write too ("SUMEA", "Robocoast"), as written.

    An English or Swedish question is read through the glossary, which knows no project names:
    these are kept as they are.
    """
    out: list[str] = []
    for match in _NAME.finditer(text):
        bare = re.split(r"[:'’-]", match.group(1))[0]
        if bare.lower() in known and bare not in out:
            out.append(bare)
    return out


def has_long_form(words_lower: Sequence[str], prefixes: tuple[str, ...] | None) -> bool:
    """Whether the words spell out an acronym's long form ("työ- ja elinkeinoministeriö")."""
    return bool(prefixes) and all(any(w.startswith(p) for w in words_lower) for p in prefixes or ())


def has_name(words_lower: Iterable[str], prefix: str) -> bool:
    """Whether a word starts with the name's prefix, allowing one typo in a long one.

    "Teemu Heinnon" is "Teemu Heinon" misspelt: prefixes of :data:`NAME_PREFIX` letters that
    start alike and are one edit apart match.
    """
    for w in words_lower:
        if w.startswith(prefix):
            return True
        if (
            len(prefix) == NAME_PREFIX
            and len(w) >= NAME_PREFIX
            and w[:2] == prefix[:2]
            and any(
                one_edit(prefix, w[:n]) for n in (NAME_PREFIX - 1, NAME_PREFIX, NAME_PREFIX + 1)
            )
        ):
            return True
    return False
