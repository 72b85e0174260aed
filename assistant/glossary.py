"""A small English/Swedish -> Finnish glossary of the documents' own vocabulary.

Cross-lingual retrieval works through the multilingual e5 model, but choosing the answer
sentence also counts shared words. For an English or Swedish question the words are first
mapped to the Finnish terms the documents use ("focus areas" -> painopistealue), so that word
coverage helps there too. Keys are word prefixes (lowercase); unknown words are skipped.
"""

from __future__ import annotations

from assistant.question import words

GLOSSARY: dict[str, tuple[str, ...]] = {
    # English
    "agreement": ("sopimus",),
    "ecosystem": ("ekosysteemi",),
    "focus": ("painopistealue",),
    "call": ("haku",),
    "funding": ("rahoitus",),
    "fund": ("rahasto",),
    "financ": ("rahoitus",),
    "grant": ("myöntövaltuus", "rahoitus"),
    "appl": ("haku", "hakemus"),
    "project": ("hanke",),
    "city": ("kaupunki",),
    "cities": ("kaupunki",),
    "contact": ("lisätieto", "yhteys"),
    "email": ("sähköpostiosoite",),
    "e-mail": ("sähköpostiosoite",),
    "phone": ("puhelinnumero",),
    "programme": ("ohjelma",),
    "program": ("ohjelma",),
    "sign": ("allekirjoittaa",),
    "valid": ("voimassa",),
    "open": ("auki",),
    "emission": ("päästö",),
    "carbon": ("hiilineutraali",),
    "neutral": ("hiilineutraali",),
    "job": ("työpaikka",),
    "turnover": ("liikevaihto",),
    "export": ("vienti",),
    "metal": ("teknologiametalli", "metalli"),
    "circular": ("kiertotalous",),
    "automation": ("automaatio",),
    "robot": ("robotiikka",),
    "priorit": ("painotus",),
    "emphas": ("painotus",),
    "axis": ("toimintalinja",),
    "climate": ("ilmasto",),
    "region": ("alue", "maakunta"),
    "council": ("liitto",),
    "intermediar": ("välittää",),
    "government": ("hallitus",),
    "ministry": ("ministeriö",),
    "goal": ("tavoite",),
    "target": ("tavoite",),
    "aim": ("tavoite",),
    "implement": ("toteuttaa",),
    "steer": ("ohjausryhmä",),
    "investment": ("investointi",),
    "talent": ("osaaja",),
    "research": ("tutkimus",),
    "innovation": ("innovaatio",),
    "first": ("ensimmäinen",),
    "second": ("toinen",),
    "parties": ("osapuoli",),
    "party": ("osapuoli",),
    "approv": ("hyväksyä",),
    "commission": ("komissio",),
    "percent": ("prosentti",),
    "billion": ("miljardi",),
    "million": ("miljoona",),
    "published": ("julkaista",),
    "notice": ("hakuilmoitus",),
    "refin": ("jalostus",),
    "asia": ("aasia",),
    # Swedish
    "avtal": ("sopimus",),
    "ekosystem": ("ekosysteemi",),
    "fokusområ": ("painopistealue",),
    "utlysning": ("haku",),
    "ansök": ("haku", "hakemus"),
    "finansier": ("rahoitus",),
    "förmedl": ("välittää",),
    "stad": ("kaupunki",),
    "städer": ("kaupunki",),
    "underteckn": ("allekirjoittaa",),
    "kontakt": ("lisätieto", "yhteys"),
    "e-post": ("sähköpostiosoite",),
    "telefon": ("puhelinnumero",),
    "mål": ("tavoite",),
    "utsläpp": ("päästö",),
    "klimat": ("ilmasto",),
    "fond": ("rahasto",),
    "projekt": ("hanke",),
    "öppen": ("auki",),
    "öppet": ("auki",),
    "giltig": ("voimassa",),
    "arbetsplats": ("työpaikka",),
    "omsättning": ("liikevaihto",),
    "cirkulär": ("kiertotalous",),
    "regering": ("hallitus",),
    "ministeri": ("ministeriö",),
    "genomför": ("toteuttaa",),
    "första": ("ensimmäinen",),
    "andra": ("toinen",),
    "björneborg": ("Pori",),
    "godkän": ("hyväksyä",),
    "landskapsförbund": ("maakuntaliitto",),
    "satakunta": ("Satakuntaliitto",),
}
_KEYS = sorted(GLOSSARY, key=len, reverse=True)


def to_finnish(text: str) -> str:
    """The Finnish document terms an English or Swedish question's words stand for."""
    out: list[str] = []
    for word in words(text):
        key = next((k for k in _KEYS if word.startswith(k)), None)
        if key is not None:
            out.extend(GLOSSARY[key])
    return " ".join(dict.fromkeys(out))
