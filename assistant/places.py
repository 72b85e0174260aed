"""Cities the documents may name, and whether a question is about which cities take part.

The documents are about the City of Pori's agreement; they list the other cities with an
agreement but give none of their details. A question about another city is answerable only when
it asks which cities take part.
"""

from __future__ import annotations

import re

HOME_CITY = "pori"

# Finnish name stems and Swedish names; Pori counts as home.
_CITIES: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    for name, pattern in {
        "pori": r"pori\w*|björneborg\w*",
        "helsinki": r"helsin\w+|helsingfors",
        "espoo": r"espoo\w*|espoos\w*|esbo",
        "vantaa": r"vantaa\w*|vanda",
        "tampere": r"tamper\w+|tammerfors",
        "turku": r"turku\w*|turu(?:n|ssa|sta|lla|lle|lta)|åbo",
        "oulu": r"oulu\w*|uleåborg",
        "rovaniemi": r"rovanie\w+",
        "vaasa": r"vaasa\w*|vasa",
        "joensuu": r"joensuu\w*",
        "kuopio": r"kuopio\w*",
        "jyväskylä": r"jyväskyl\w+",
        "lappeenranta": r"lappeenran\w+|villmanstrand",
        "imatra": r"imatra\w*",
        "lahti": r"lahti|lahde(?:n|ssa|sta|lla|lle|lta)|lahte(?:en)|lahtis",
        "seinäjoki": r"seinäjo\w+",
        "mikkeli": r"mikkeli\w*|s:t michel",
        "kajaani": r"kajaani\w*|kajana",
        "sotkamo": r"sotkamo\w*",
        "kokkola": r"kokkola\w*|karleby",
        "hämeenlinna": r"hämeenlinn\w+|tavastehus",
        "kotka": r"kotka\w*",
        "rauma": r"rauma\w*|raumo",
        "salo": r"salo(?:n|ssa|sta|lla|lle|lta)?",
        "porvoo": r"porvoo\w*|borgå",
        "kouvola": r"kouvola\w*",
        "savonlinna": r"savonlinn\w+|nyslott",
        "raahe": r"raahe\w*|brahestad",
        "kemi": r"kemi(?:n|ssä|stä|in)",
        "tornio": r"tornio\w*|torneå",
        "uusikaupunki": r"uudenkaupungin|uusikaupunki|nystad",
        "hyvinkää": r"hyvinkää\w*",
        "kerava": r"kerava\w*",
        "järvenpää": r"järvenpää\w*",
    }.items()
}
_PARTICIPATION = re.compile(
    r"mukana|osallistu|kaupungi(?:t|en|lla|ssa)\b|kaupunkiseu|kaupunkien|sopimuskaupun|"
    r"mitkä kaupung|ketkä|kenen kanssa|participat|which cities|what cities|cities|städer|"
    r"deltar|ingår|involved|part of|kuuluu|kuuluuko|"
    # "kuulluko imatra johonki ...", "jäikö se ulkopuolelle", "onko Imatralla osuutta
    # mihinkään sopimukseen", "one of the city regions", "which city's agreement covers Imatra"
    r"kuul+u\w*|ulkopuolelle|osuutta(?:\s+\w+){0,3}\s+\w*sopimu|city regions?\b|agreement covers",
    re.IGNORECASE,
)


def cities_named(text: str) -> frozenset[str]:
    """Cities a text names."""
    return frozenset(name for name, pattern in _CITIES.items() if pattern.search(text))


def city_mentions(text: str) -> list[tuple[str, int, int]]:
    """Every mention of a city in ``text``: (city, start, end)."""
    return [
        (name, m.start(), m.end())
        for name, pattern in _CITIES.items()
        for m in pattern.finditer(text)
    ]


# "Tampereen kaupunkiseutu" names one city, it does not ask which city regions take part
_ONE_CITY_REGION = re.compile(r"\b[A-ZÅÄÖ][\wåäö]+n\s+kaupunkiseu\w*")


def about_participants(text: str) -> bool:
    """Whether a question asks which cities take part (then other cities may be named)."""
    return _PARTICIPATION.search(_ONE_CITY_REGION.sub(" ", text)) is not None
