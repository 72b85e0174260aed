"""Finnish text to tokens: normalisation, the token pattern, stopwords and abbreviations.

Numbers, dates, e-mail addresses and acronyms are tokens of their own kinds, so analyzers keep
them whole ("31.12.2023", "044", "eakr").
"""

from __future__ import annotations

import re
import unicodedata


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS: frozenset[str] = _wordset(
    """
    ja tai sekä eli että kuin mutta vaan jos kun koska niin myös vain jo vielä nyt sitten
    ei en et emme ette eivät olla on ovat oli olivat ollut olleet ole olen olet olemme
    olette se ne sen sitä siitä siinä sille siihen niiden niitä näiden tämä nämä tuo nuo
    hän he minä sinä me te joka jotka jonka joiden mikä mitkä mitä mikä kuka ketkä
    milloin missä mistä mihin miten miksi kuinka montako moniko paljonko kauanko
    mille millä minkä miltä kenen keitä keneltä kenelle
    sillä siltä niillä niille niissä niistä niihin niiltä tämän tätä tässä tästä tähän tällä
    tälle tältä näillä näille näissä näistä näihin näitä tuon tuota tuossa tuosta tuohon tuolla
    tuolle tuolta noiden noita noissa noista noihin noilla noille noilta noin
    """
)

ABBREVIATIONS: frozenset[str] = _wordset(
    "puh esim ks mm ym yms jne tms ns eaa jaa vrt os milj mrd tel klo"
)

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_CITATION_MARK = re.compile(r"\[\d{1,3}\]")
_TOKEN = re.compile(
    r"""
    (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})
  | (?P<number>\d+(?:[.,]\d+)*)(?::[^\W\d_]{1,4})?
  | (?P<word>[^\W\d_]{2,}(?:['’][^\W\d_]+)?)(?::[^\W\d_]{1,4})?
    """,
    re.VERBOSE,
)
_MAX_ACRONYM = 5  # longer words in capitals are headings, analysed as words


def normalize(text: str) -> str:
    """NFC, without soft hyphens, zero-width characters and Wikipedia-style ``[8]`` marks."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _CITATION_MARK.sub(" ", text)


def tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, surface)`` pairs in text order; kind is email, date, number, acronym or word."""
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(normalize(text)):
        kind = next(k for k in ("email", "date", "number", "word") if match.group(k))
        surface = match.group(kind)
        if kind == "word" and surface.isupper() and len(surface) <= _MAX_ACRONYM:
            kind = "acronym"
        out.append((kind, surface))
    return out
