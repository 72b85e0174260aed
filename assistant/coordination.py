"""Words joined by "ja", "sekä", "tai" or a comma, and the case endings that show agreement.

Both documents and questions coordinate things: "teknologiametallit ja kiertotalous sekä
automaatio ja robotiikka" lists alternatives (:mod:`assistant.contrast`), and "Kuinka iso
klusteri on työpaikoilla ja liikevaihdolla mitattuna?" asks about two things at once
(:mod:`assistant.evidence`).
"""

from __future__ import annotations

import re

STEM = 5  # leading letters that identify a word's inflected forms and lemma
# "A ja B", "A, B", "A sekä B", "A tai B", with up to two words on either side of the link, and
# A's abbreviation in brackets before it ("aluekehitysrahasto (EAKR), Euroopan sosiaalirahasto")
_LINK = (
    r"[\w-]*(?:\s+[\w-]+){0,2}?(?:\s+\([^()]{1,15}\))?\s*(?:,|\s+ja|\s+sekä|\s+tai)\s+"
    r"(?:[\w-]+\s+){0,2}?"
)
# case endings that agreeing words share (not the genitive "-n": a genitive modifier has it too)
AGREEING = ("ssa", "sta", "lla", "lta", "lle", "ksi", "seen", "hin")


def coordinated(text: str, a: str, b: str) -> bool:
    """Whether words starting like ``a`` and ``b`` are joined by "ja", "sekä", "tai" or a comma.

    >>> coordinated("Teemat ovat kiertotalous sekä automaatio ja robotiikka.", "kiertotalous", "automaatio")
    True
    """
    low = text.lower()
    pa, pb = re.escape(a[:STEM].lower()), re.escape(b[:STEM].lower())
    return bool(re.search(rf"\b{pa}{_LINK}{pb}", low) or re.search(rf"\b{pb}{_LINK}{pa}", low))


def case_ending(word: str) -> str:
    """The local or translative case ending of a word ("" for any other case).

    >>> case_ending("liikevaihdolla")
    'lla'
    """
    plain = word.lower().replace("ä", "a")
    return next((c for c in AGREEING if plain.endswith(c)), "")


def joined(text: str, a: str, b: str) -> bool:
    """Whether two words of ``text`` (as written there) stand on either side of "ja", "sekä" or
    "tai", with at most one word before the second, and end alike: "työpaikoilla ja
    liikevaihdolla", "teollisuudella ja koko Suomella", "ohjelmien ja strategioiden"."""
    if _ending(a) != _ending(b):
        return False
    pa, pb = re.escape(a.lower()), re.escape(b.lower())
    low = text.lower()
    return any(
        re.search(rf"(?<![\w-]){x}\s+(?:ja|sekä|tai)\s+(?:[\w-]+\s+)?{y}(?![\w-])", low)
        for x, y in ((pa, pb), (pb, pa))
    )


def _ending(word: str) -> str:
    return word.lower().replace("ä", "a").replace("ö", "o")[-2:]
