"""Shared word lists of the question analysis (data only, no logic).

One home for the words that :mod:`assistant.terms` (content words and their weights) and
:mod:`assistant.constraints` (names a sentence must contain) both need to recognise: Finnish
interrogatives are question framing, never content and never names. Words are lowercase; the
lists hold surface forms and the lemmas the analyzer gives for them.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


# Finnish interrogatives and openers: framing for coverage, and not names when capitalised.
FI_INTERROGATIVES = wordset(
    """
    entä kerro kuinka kuka mihin mikä miksi milloin missä miten mitä oliko onko
    monessako monestako moneenko monellako monelleko moneltako monenko
    """
)

# Pronouns standing for something the question or the conversation named before ("montako
# niistä rahoitettiin?", "Mikä hänen sähköpostiosoitteensa on?").
PRONOUNS = wordset(
    """
    niistä niitä niihin niissä niillä niille niiltä näistä näitä näihin noista noita heistä
    hänen häntä hänelle häneltä heidän heitä
    """
)

# Words that say how something is asked, not what about (lemmas as the analyzer gives them).
QUESTION_WORDS = (
    FI_INTERROGATIVES
    | wordset(
        """
        asia asti eli entäs haluta jne kenen keiden ken kertoa kumpi lisätieto löytää mennessä mi
        mikäli milla mille millainen minkälainen moni monta montako noi oikein olla paljon
        paljonko saakka selittää siis sitten tarkoittaa tieto tietää toi tää vielä voi voida yms
        ottaen oikeastaan tarkalleen käytännössä lopulta taas suoraan ollenkaan
        pystyä voiks voisko onks saaks vai näis meiän meijän teiän jotain jotakin jokin joku jonkin
        mitään mikään muuta muutakin pitää täytyä tehdä siellä täällä tuolla sinne tänne nää
        pitäisi pitäis täytyisi täytyy piti mä sä varsinainen
        hei moi moikka terve kysyä kautta tulla juttu homma osata molempi
        mites mist mis mihi mil millon miks mitäs mikäs
        keitä keille keiltä keillä keistä keihin keissä kenet kenelle keneltä kenellä kenestä
        mainita todeta luetella jotta koska kun vaikka
        """
    )
    | PRONOUNS
    | wordset(  # English
        """
        about and are be can could did do does for how in is it its me my of on our should
        tell that the their there this to was were what when where which who why with would
        """
    )
    | wordset(  # Swedish
        """
        av den det en ett finns för hade har hur jag kan med när och om på som till var vad
        vem vi vilka vilken vilket är
        """
    )
)

# Capitalised words that start a question or a clause but are no names ("Entä", "Voinko").
NOT_NAMES = FI_INTERROGATIVES | wordset(
    """
    kenelle ketkä mistä mitkä saako saanko selitä voiko voinko
    """
)

# Colloquial words and synonyms, and the lemmas the documents use ("ekassa haussa" =
# "ensimmäisessä haussa").
COLLOQUIAL = {
    "eka": "ensimmäinen",
    "toka": "toinen",
    "prossa": "prosentti",
    "raha": "rahoitus",  # everyday word; the documents speak of "rahoitus"
    "massi": "rahoitus",
    "fyrkka": "rahoitus",
    "duuni": "työ",
    "soppari": "sopimus",
    "firma": "yritys",
    "systeemi": "järjestelmä",
    # administrative synonyms of the documents' "toteutus"
    "toimeenpano": "toteutus",
    "sivusto": "sivu",  # a website: the documents speak of "verkkosivut"
    "luotsata": "ohjata",  # "Mikä elin luotsaa sopimuksen toimeenpanoa?": the documents' "ohjaa"
    "täytäntöönpano": "toteutus",
    # everyday synonyms of the documents' words (only words the documents themselves lack)
    "päämäärä": "tavoite",
    "pyrkiä": "tavoite",
    "tähdätä": "tavoite",
    "saavuttaa": "tavoite",
    "loppua": "päättyä",
    "sulkeutua": "päättyä",
    "umpeutua": "päättyä",
    "yhtiö": "yritys",
    "avustus": "rahoitus",
    "tuki": "rahoitus",
    "budjetti": "rahoitus",
    "vara": "rahoitus",  # "mitä varoja haussa oli"
    "varat": "rahoitus",
    # money "available" in a call: the documents say "haettavana" (lemma "haettaa")
    "jako": "haettaa",
    "jaettava": "haettaa",
    "tarjolla": "haettaa",
    "haettavi": "haettaa",
    "sopijapuoli": "osapuoli",
    "sopijaosapuoli": "osapuoli",
    "kumppani": "osapuoli",  # "sopimuskumppani": a party to the agreement
    "sopusointu": "mukainen",  # "ovat sopusoinnussa": the documents' "ovat ... mukaisia"
    "teema": "temaattinen",
    "koulu": "oppilaitos",
    "teemallinen": "temaattinen",
    "siunata": "hyväksyä",  # "komissio siunasi ohjelman"
    "valikoida": "valita",
    # "Mitä toimintalinja 1 sisältää?": the documents list a thing's "sisältöjä"
    "sisältää": "sisältö",
    "sisältyä": "sisältö",
    "hyväksyntä": "hyväksyä",  # "komissio antoi hyväksyntänsä"
    "hiilijalanjälki": "päästö",  # a carbon footprint: the documents speak of "päästöt"
    # someone who advises applicants is who "antaa lisätietoja" in the documents
    "neuvoa": "lisätieto",
    "neuvo": "lisätieto",
    "neuvoja": "lisätieto",
    "opastaa": "lisätieto",
    # Finnish words for a startup: the documents say "start up -yhteisöt"
    "startup": "start",
    # pollution: the documents speak of "päästöt"
    "saastuttaa": "päästö",
    "saaste": "päästö",
    # what a call stressed: the documents' "painotus"
    "korostaa": "painotus",
    "korostus": "painotus",
    "korvamerkitä": "suunnata",  # money "earmarked" for climate: the documents' "suunnataan"
    "kasvuyritys": "start",
}

# Words of the documents that say the same thing of an agreement, so that either covers the
# other: the state "solmi" (concluded) the agreements that were "allekirjoitettiin" (signed).
SAME_MEANING = {
    "allekirjoittaa": "solmia",
    "solmia": "allekirjoittaa",
}

# Word forms the documents say with another word: "liikevaihto vuodessa" is their "vuotuinen
# liikevaihto" (surface forms, looked up before analysis: "vuosi" itself stays "vuosi").
SURFACE_SYNONYMS = {
    "vuodessa": "vuotuinen",
    "vuosittain": "vuotuinen",
    "vuositasolla": "vuotuinen",
}

# Compound heads that only say what kind of answer is wanted ("päivämäärä", "vuodenaika",
# "yhteyshenkilö", "puhelinnumero"): a compound of a known word and one of these asks for a
# value of that kind about the known thing; it does not name a new concept.
ANSWER_TYPE_HEADS = wordset(
    """
    aika aikataulu ajankohta hetki henkilö kausi määrä nimi nimike numero osoite paikka päivä päivämäärä
    summa taho titteli tieto muoto laji tyyppi lista listaus luettelo pointti
    """
)

# Discourse adverbs that an analyzer may split like compounds ("aikanaan" -> aika + naan); they
# frame the question and name nothing.
DISCOURSE_WORDS = wordset(
    """
    aikanaan alunperin ainakaan ainakin ylipäätään ylipäänsä kaikenkaikkiaan loppujenlopuksi
    muuten nykyään nykyisin tosiaan suunnilleen tarkalleen tätenkin kaiketi kylläkin kuulemma
    muka kotimaassa silloin tällöin ihan totta ku
    """
)

# The cardinals that say how many things a "Mitkä kolme asiaa ...?" question lists, from two up.
CARDINALS = ("kaksi", "kolme", "neljä", "viisi", "kuusi")

# Vague compound heads: "ilmastojuttu" means "ilmasto", "sopimuskierros" "sopimus".
VAGUE_HEADS = wordset(
    "juttu asia homma kama meininki kuvio systeemi kierros hässäkkä rumba härdelli potti porukka"
)

# Finnish case endings, longest alternatives first where they overlap (tried in this order).
# fmt: off
CASE_ENDINGS: tuple[str, ...] = (
    "issa", "issä", "ista", "istä", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle",
    "ksi", "iin", "ihin", "hin", "in", "en", "na", "nä", "n", "a", "ä", "t",
)
# fmt: on

# Finnish head nouns of ordinal phrases that mean the documents' ones ("ensimmäisellä
# kierroksella" = "ensimmäisessä haussa")
HEAD_SYNONYMS = {"kierros": "haku", "hakukierros": "haku", "rahoituskierros": "haku"}

# English and Swedish head nouns of ordinal phrases, in the documents' Finnish ("second call").
HEAD_TRANSLATIONS = {
    "call": "haku",
    "calls": "haku",
    "round": "haku",
    "application": "haku",
    "utlysning": "haku",
    "utlysningen": "haku",
    "ansökningsomgång": "haku",
    "omgång": "haku",
    "priority": "painotus",
    "emphasis": "painotus",
    "prioritering": "painotus",
    "project": "hanke",
    "projects": "hanke",
    "projekt": "hanke",
    "projektet": "hanke",
    "axis": "toimintalinja",
    "axes": "toimintalinja",
    "insatsområde": "toimintalinja",
    "focus": "painopistealue",
}

# Common Finnish acronyms the documents write out in full ("bruttokansantuotteesta" for BKT), and
# other names of places they name in Finnish ("Åland" for Ahvenanmaa), as word prefixes of the
# documents' form (see :meth:`assistant.heads.HeadTerms.use_phrases`, which adds the acronyms the
# documents define themselves).
KNOWN_ALIASES: dict[str, tuple[str, ...]] = {
    "bkt": ("brutto",),
    "tki": ("tutkimu", "kehit", "innovaa"),
    "eu": ("euroo", "unioni"),
    "åland": ("ahvenan",),
    "aland": ("ahvenan",),
    "bryss": ("euroo",),  # "Brysselin komissio": the European Commission
}
