"""Phrases of questions that the documents say with other words, put in the documents' words.

"Milloin Suomen hallitus hyväksyi Uudistuva ja osaava Suomi -ohjelman?": approving a programme
is a decision of the government in session, which the documents call "valtioneuvosto"
("Valtioneuvosto hyväksyi ... 21.10.2021"). Said as "Suomen hallitus", neither retrieval nor
word coverage finds that sentence, and "Suomen" even asks for a name. Other things the
government does ("hallituksen tavoite", "Marinin hallituksen hallitusohjelma") the documents
do say of "hallitus", so only an approval is rewritten.
"""

from __future__ import annotations

import re

_APPROVES = re.compile(
    r"\bhyväks|\bvihreää valoa\b|\bsiuna|\bapprov|\bgreen light\b|\bgodkän", re.IGNORECASE
)
# "Suomen hallitus" in the cases a question puts it in, and the same case of "valtioneuvosto"
_GOVERNMENT = re.compile(
    r"\b(?:Suomen|valtion)\s+hallitu(?P<case>s|ksen|kselle|kselta|ksella|sta)\b", re.IGNORECASE
)
_CASES = {"s": "", "ksen": "n", "kselle": "lle", "kselta": "lta", "ksella": "lla", "sta": "a"}
# in English and Swedish, the glossary's word for the documents' "valtioneuvosto"
_FOREIGN_GOVERNMENT = re.compile(
    r"\b(?:the\s+)?(?:Finnish\s+government|government\s+of\s+Finland|Finland's\s+government)\b"
    r"|\b(?:den\s+)?(?:finska\s+regeringen|Finlands\s+regering)\b",
    re.IGNORECASE,
)
_COUNCIL_OF_STATE = {"en": "the Finnish Council of State", "sv": "statsrådet"}


def in_documents_words(text: str, language: str = "fi") -> str:
    """The question with the government approving something said as the documents say it."""
    if not _APPROVES.search(text):
        return text
    if language in _COUNCIL_OF_STATE:
        return _FOREIGN_GOVERNMENT.sub(_COUNCIL_OF_STATE[language], text)
    return _GOVERNMENT.sub(lambda m: "valtioneuvosto" + _CASES[m.group("case").lower()], text)
