"""The checklist's criteria and its framing text (data for :mod:`assistant.eligibility`).

Each criterion is found by retrieval with a fixed Finnish query and must contain its ``needs``
terms; the labels and framing sentences come in Finnish, English and Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.wordlists import wordset

# Words of an eligibility question that say nothing about the project's topic.
GENERIC = wordset(
    """
    hanke hankkeeni projekti rahoitus rahoituskelpoinen kelpoinen kelvata hakea haku sopia saada
    rahoittaa tuki idea suunnitelma oma minun meidän rahoitushaku toiminta
    project funding apply eligible projekt finansiering söka
    """
)


@dataclass(frozen=True)
class Criterion:
    """One checklist line: how to find its sentence and what the sentence must contain."""

    key: str
    labels: dict[str, str]
    query: str
    needs: tuple[str, ...] = ()  # each term (or its 5-letter prefix) must occur
    kind: str = ""  # an answer kind the sentence must have (e.g. "date")
    follow: int = 0  # also quote up to this many next sentences that meet ``needs``


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "focus",
        {"fi": "Painopistealueet", "en": "Focus areas", "sv": "Fokusområden"},
        "Porin ekosysteemisopimuksen kaksi temaattista painopistealuetta",
        ("painopistealue",),
        follow=2,
    ),
    Criterion(
        "implementers",
        {
            "fi": "Toteuttajat",
            "en": "Who can implement projects",
            "sv": "Vem kan genomföra projekt",
        },
        "ekosysteemisopimusta toteuttavien hankkeiden toteuttajina ovat",
        ("toteuttaja",),
    ),
    Criterion(
        "period",
        {"fi": "Hakuaika", "en": "Call period", "sv": "Ansökningstid"},
        "rahoitushaku oli auki hakuaika",
        ("haku",),
        kind="date",
    ),
    Criterion(
        "emphasis",
        {
            "fi": "Haun painotukset",
            "en": "Emphases of the call",
            "sv": "Ansökningsomgångens prioriteringar",
        },
        "rahoitushaussa oli kolme painotusta",
        ("painotus",),
    ),
    Criterion(
        "funding",
        {"fi": "Rahoitus", "en": "Funding", "sv": "Finansiering"},
        "toimenpiteitä rahoitetaan EU-rahoituksella ja Porin kaupungin rahoituksella",
        ("rahoittaa",),
    ),
    Criterion(
        "programme",
        {"fi": "Ohjelma", "en": "Programme", "sv": "Program"},
        "rahoitettavien hankkeiden on toteutettava myös ohjelmaa",
        ("ohjelma", "toteuttaa"),
    ),
    Criterion(
        "contact",
        {"fi": "Seuraava askel", "en": "Next step", "sv": "Nästa steg"},
        "lisätietoja hankehausta antaa",
        ("lisätieto",),
    ),
)
CHECKLIST_TEXT: dict[str, dict[str, str]] = {
    "fi": {
        "intro": "Asiakirjoista löytyvät nämä rahoituksen ehdot; vertaa hankettasi niihin:",
        "decision": "Rahoituspäätöksen tekee rahoittava viranomainen; tämä lista ei ole päätös.",
        "match_focus": "Kysymyksessäsi mainittu aihe ({terms}) mainitaan painopistealueissa.",
        "match_emphasis": "Kysymyksessäsi mainittu aihe ({terms}) mainitaan haun painotuksissa.",
        "nomatch": "Tarkista, liittyykö hankkeesi näihin painopistealueisiin.",
        "closed": "Haku on päättynyt ({end}).",
        "open": "Haku on auki {end} asti.",
        "future": "Haku avautuu {start}.",
        "contact": "Kysy lisää yhteyshenkilöltä:",
        "also": "Kysymyksessäsi mainitusta asiasta asiakirjoissa sanotaan",
    },
    "en": {
        "intro": "The documents give these funding criteria (quoted in Finnish); compare your "
        "project with them:",
        "decision": "The funding authority makes the funding decision; this list is not a decision.",
        "match_focus": "The topic you mention ({terms}) appears among the focus areas.",
        "match_emphasis": "The topic you mention ({terms}) appears among the call's emphases.",
        "nomatch": "Check whether your project relates to these focus areas.",
        "closed": "The call has closed ({end}).",
        "open": "The call is open until {end}.",
        "future": "The call opens on {start}.",
        "contact": "Ask the contact person:",
        "also": "On what else your question mentions, the documents say",
    },
    "sv": {
        "intro": "Dokumenten anger dessa villkor för finansiering (citerade på finska); jämför "
        "ditt projekt med dem:",
        "decision": "Den finansierande myndigheten fattar finansieringsbeslutet; listan är inget beslut.",
        "match_focus": "Ämnet du nämner ({terms}) finns bland fokusområdena.",
        "match_emphasis": "Ämnet du nämner ({terms}) finns bland ansökningsomgångens prioriteringar.",
        "nomatch": "Kontrollera om ditt projekt hör till dessa fokusområden.",
        "closed": "Ansökan har stängt ({end}).",
        "open": "Ansökan är öppen till {end}.",
        "future": "Ansökan öppnar {start}.",
        "contact": "Fråga kontaktpersonen:",
        "also": "Om det du i övrigt nämner säger dokumenten",
    },
}
