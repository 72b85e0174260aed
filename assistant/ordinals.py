"""Ordinal words ("toinen haku", "second call", "andra utlysningen") in Finnish, English, Swedish.

Each ordinal has one canonical Finnish name; colloquial forms ("ekassa", "tokan") count too, and
so does a colloquial number before a compound's head ("kakkoslinjalla": the second (priority)
axis; the head follows the match) or alone ("Entäs kakkonen?").
"""

from __future__ import annotations

import re

# colloquial numbers before a compound's head ("ykköshaussa", "kakkoslinjalla"), by ordinal; the
# head (four letters or more) follows the prefix
NUMBER_PREFIXES = {"ensimmäinen": "ykkös", "toinen": "kakkos", "kolmas": "kolmos"}
_BEFORE_HEAD = r"(?=[a-zåäö]{4})"
# the colloquial number alone ("entäs kakkonen?", "ykkösessä"): the one with that number
_ALONE = r"(?:nen|s(?:en|ta|een|essa|essä|esta|elle|ella|eksi))\b"

ORDINALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ensimmäinen",
        re.compile(
            r"\b(?:ensimmäi\w*|eka(?:ssa|n|an|sta|lle|lla)?|first|1st|första)\b|"
            rf"\b{NUMBER_PREFIXES['ensimmäinen']}{_BEFORE_HEAD}|\bykkö{_ALONE}",
            re.IGNORECASE,
        ),
    ),
    (
        "toinen",
        re.compile(
            # "joku toinen kunta" / "jokin toinen" mean another one, not the second
            r"(?<!\bjoku )(?<!\bjokin )(?<!\bjonkin )(?<!\bjonkun )(?<!\bjotain )"
            # "vilka andra kommuner", "några andra": which other ones, not the second
            r"(?<!\bvilka )(?<!\bnågra )(?<!\balla )(?<!\binga )(?<!\bmånga )"
            r"\b(?:toi(?:nen|se\w*|sta|s[et]n)|toka(?:ssa|n|an|sta|lle|lla)?|second|"
            r"2nd|andra)\b|"
            rf"\b{NUMBER_PREFIXES['toinen']}{_BEFORE_HEAD}|\bkakko{_ALONE}",
            re.IGNORECASE,
        ),
    ),
    (
        "kolmas",
        re.compile(
            r"\b(?:kolma(?:s|nne\w*|nteen|tta|nsi\w*)|third|3rd|tredje)\b|"
            rf"\b{NUMBER_PREFIXES['kolmas']}{_BEFORE_HEAD}|\bkolmo{_ALONE}",
            re.IGNORECASE,
        ),
    ),
    (
        "neljäs",
        re.compile(r"\b(?:neljä(?:s|nne\w*|nte\w*|ttä)|fourth|4th|fjärde)\b", re.IGNORECASE),
    ),
    (
        "viides",
        re.compile(r"\b(?:viide(?:s|nne\w*|nte\w*)|viidettä|fifth|5th|femte)\b", re.IGNORECASE),
    ),
    (
        "kuudes",
        re.compile(
            r"\b(?:kuude(?:s|nne\w*|nte\w*)|kuudetta|sixth|6th|sjätte)\b|\bkuuto(?:nen|s\w+)\b",
            re.IGNORECASE,
        ),
    ),
)


# a thing a question names by its number ("Mitä toimintalinja 1 sisältää?", "toimintalinjaan 2",
# "toimintalinja kolme", "toimintalinjalle numero kolme"): the number names which one, it is no
# value to repeat (assistant.heads keeps the things the documents number; assistant.question
# renumbers one in a follow-up)
NUMBERED_ASKED = re.compile(
    r"\b([^\W\d_]{4,})\s+(?:numero\s+|nro\s+)?([1-5]|yksi|kaksi|kolme|neljä|viisi)\b"
    r"(?![.,]\d|\s*(?:%|[-–]))",
    re.IGNORECASE,
)
# the ordinal a number names ("1" and "yksi" -> ensimmäinen)
BY_NUMBER = {str(i + 1): name for i, (name, _) in enumerate(ORDINALS)}
BY_NUMBER |= dict(
    zip(
        ("yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi"), list(BY_NUMBER.values()), strict=True
    )
)


# the prefix alone, at the start of a word (see assistant.terms: the word is the head)
NUMBER_PREFIX = re.compile(
    rf"^(?:{'|'.join(NUMBER_PREFIXES.values())}){_BEFORE_HEAD}", re.IGNORECASE
)


def ordinal_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The first ordinal a text names (canonical Finnish form) and where, or None."""
    found: tuple[str, re.Match[str]] | None = None
    for name, pattern in ORDINALS:
        match = pattern.search(text)
        if match and (found is None or match.start() < found[1].start()):
            found = (name, match)
    return found


# "ensimmäinen niistä", "niistä toinen", "the first one of them": an ordinal next to "of them"
_OF_THEM = r"(?:niistä|näistä|noista|of (?:them|those|these)|av (?:dem|dessa|de))\b"
_PICKS = tuple(
    re.compile(
        rf"(?:{pattern.pattern})\s+(?:[^\W\d_]+\s+)?{_OF_THEM}|\b{_OF_THEM}\s+(?:{pattern.pattern})",
        re.IGNORECASE,
    )
    for _, pattern in ORDINALS
)


def picks_listed(text: str) -> bool:
    """Whether a follow-up's ordinal picks one of the things the earlier answer listed ("Entä
    ensimmäinen niistä?"), rather than naming another one of the earlier question's things."""
    return any(pattern.search(text) for pattern in _PICKS)
