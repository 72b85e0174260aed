"""Answer kinds: what a question asks for, and how a sentence shows it has it.

Kinds are a date, a time of day, an amount of money, a rate, a count, an e-mail address, a phone
number, a web address, a postal address, a location (a street address), a list of cities, a
named person, what a project does and a share of money (a sum or a rate). A question asking
"Milloin ...?" needs a sentence with a date; "Paljonko rahaa ...?" one with an amount of money;
"Kuka on haun yhteyshenkilö?" one that names a person. A person is asked for only with words
that mean one (a contact person, a title, whose name, who signed on someone's behalf): "Kuka
toteuttaa hankkeen?" is answered by an organisation.
"""

from __future__ import annotations

import re

from assistant.places import cities_named

# "kuinka monta hakemusta": the phrase before what a Finnish question counts
COUNT_PHRASE = (
    r"\b(?:kuinka (?:monta|moni|moneen|monelle|monella|monelta|monen|monessa|monesta)|montako|"
    r"moniko)\b"
)

# "for each" in a question and in a sentence ("kullekin", "kunkin", "each")
_EACH = r"\bkulle(?:kin|ki)\b|\bkunkin\b|\bkukin\b|\bjokaiselle\b|\beach\b"

# a compound naming a day ("allekirjoituspäivä", "päättymispäivänä"): it asks for one
_DAY_COMPOUND = r"\b[^\W\d_]{4,}päiv(?:ä|än|ää|änä)\b"

_ASKS: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        r"\bmilloin\b|\bmihin asti\b|\bminä vuonna\b|\bmihin vuoteen\b|"
        # "mistä lähtien", "mistä kuusta lähtien"; "mistä päivästä (alkaen)"
        r"\bmistä (?:(?:hetkestä|ajankohdasta|kuusta|vuodesta) )?(?:alkaen|lähtien)\b|"
        r"\bmistä päivä(?:stä|määrästä)\b|"
        r"\bmihin (?:päivä(?:än|määrään) )?mennessä\b|\bmihin päivä(?:än|määrään)\b|"
        r"päivämäärä|\bhakuaik|\bmääräai|\bdeadline|"
        r"\bwhen\b|\bwhat date\b|\bnär\b|\bvilket datum|\bmonesko|^koska\b|\bentäs? koska\b|"
        r"\bkuinka (?:pitkään|kauan)\b|\bkauanko\b|\bhow long\b|\buntil when\b|\bhur länge\b|"
        r"\b(?:which|what) (?:year|period|dates?)\b|\bvilket år\b|\bvilken period\b|"
        r"\bunder vilken tid\b|\bmillä aikavälillä\b|\bminä kuukautena\b|\bmissä kuussa\b|"
        r"\bmihin kuukauteen\b|\bwhich month\b|\bvilken månad\b|\bminkä vuode|\btakaraj|"
        rf"\baikavä|\baikataulu|{_DAY_COMPOUND}",
        re.IGNORECASE,
    ),
    # a sum or count for each one of several things ("Paljonko rahaa sai kukin hanke?"): only a
    # sentence giving one per thing answers (with a sum, count or share; see asked_kinds)
    "each": re.compile(
        rf"{_EACH}|\bjokainen\b|\bhankekohtai\w*|\bper (?:hanke|projekt|project)\w*|\bvarje\b",
        re.IGNORECASE,
    ),
    # a deadline (with "date"): "Mihin mennessä hakemus piti jättää?" asks when the call closed
    "deadline": re.compile(
        r"\bmennessä\b|\bmääräai|\btakaraj|\bdeadline|\bviimeistään\b|\bsista ansöknings|"
        r"\bsenast\b",
        re.IGNORECASE,
    ),
    # an exact day (with "date"): a sentence giving only a month or year answers it less well
    "day": re.compile(
        # ("minä tarkkana päivänä", "minä tarkalleen päivänä")
        r"\bminä (?:[^\W\d_]+(?:na|nä|en) )?päivänä\b|\bmikä\b[^?.!]{0,30}\bpäivä\b|\bmihin päivään\b|\bmistä päivästä\b|päivämäär|\bmonesko\b|\bwhat date\b|"
        rf"\bwhich day\b|\bvilket datum\b|\bvilken dag\b|{_DAY_COMPOUND}",
        re.IGNORECASE,
    ),
    "money": re.compile(
        r"(?:kuinka paljon|paljonko|^paljon\b|kuinka (?:suur|iso)\w*|minkä suurui\w*|suuruus|"
        r"\bmäärä\w*|"
        r"how much|hur mycket|what amount).{0,40}(?:raha|rahoit|tuke|tuki|tuen|avustu|euro|budjet|"
        r"määrärah|summ|money|funding|pengar|finansiering|stöd|kost|cost|hinta|hinnan|varo|"
        # "Kuinka suuri potti oli jaossa?": a pot of money to share out
        r"pott|jaossa|jaettava)|"
        r"\bhur mycket kostar|"
        r"\bmitä varoja\b|"
        r"\bhow much (?:does|do|is|are)\b.{0,30}\bcost|\bmitä\b.{0,30}\bmaksaa\b|"
        r"(?:kuinka paljon|paljonko)\b.{0,40}\bmaksa|"
        r"(?:raha|rahoit|tuki|tuen|avustu)\w*\s+(?:määrä|suuruus|summa)|budjet|\bsumma\b|\bmäärära|"
        # "Mitkä ovat hankkeen kustannukset?": what it costs is a sum
        r"\b(?:mi(?:kä|tkä|tä)|paljonko)\b.{0,40}\b(?:kokonais)?kustannu|\bwhat\b.{0,40}\bcosts?\b|"
        r"\b(?:kuinka monta|montako) (?:euroa|miljoonaa|miljardia)|\b(?:enimmäis|maksimi|vähimmäis|minimi)\w*|"
        r"\bmaximum\b|\bminimum\b|\bgrant (?:size|amount)|\bbudget|"
        r"\bhow large\b.{0,30}\b(?:grant|funding)|\bbelopp|\bhögsta\b|\bmaximal",
        re.IGNORECASE,
    ),
    "rate": re.compile(
        r"prosent|%|\btukitaso|\bkuinka (?:suur|iso)\w* (?:osa|osuu|siivu)\w*|\btuki-?intensiteet|"
        r"rahoitusosuu|omarahoitu|osuu\w*\b[^?.!]{0,40}(?:kustannu|kulu)|\bpercent|\brate\b|"
        r"\bprocent|\b(?:what|which|how (?:large|big|high|much of) a) (?:share|proportion)\b|"
        # Swedish "andel" also ends a compound ("självfinansieringsandel"); "handel" is trade
        r"(?<!h)andel(?:en|ar|arna)?\b",
        re.IGNORECASE,
    ),
    "count": re.compile(
        COUNT_PHRASE + r"|\blukumäär|\bhow many\b|\bhur många\b",
        re.IGNORECASE,
    ),
    # "kuinka paljon työpaikkoja / EU-rahoitusta": a count or an amount of money
    # ("paljon sitä rahaa oli?": a colloquial question may drop the "-ko")
    # ("suuruusluokaltaan", "kertaluokaltaan": roughly how much)
    "amount": re.compile(
        r"\bkuinka paljon\b|\bpaljonko\b|^paljon\b|\bsuuruusluok|\bkertaluok", re.IGNORECASE
    ),
    "time": re.compile(
        r"\bmihin aikaan\b(?!\s+vuo)|\bmonelta(?:ko)?\b|\bkellonaja|\baukioloaj|\bwhat time\b|"
        r"\bopening hours\b|\böppettid|\bvilken tid\b|\bhur dags\b",
        re.IGNORECASE,
    ),
    # "meiliosoite", "s-posti": colloquial Finnish
    "email": re.compile(r"sähköpost|\be-?mail|\bmejl|\be-post|\bm[ae]ili|\bs-post", re.IGNORECASE),
    # "soittaa", and the forms without the double t: "Kenelle soitan?", "soitetaan"
    "phone": re.compile(
        r"puhelin|soitta|\bsoit(?:an|at|amme|atte|etaan)\b|\bphone\b|\btelefon|\bringa\b",
        re.IGNORECASE,
    ),
    "person": re.compile(
        r"\b(?:yhteys|vastuu|kontakti)henkil|\bkenen nim|\bhenkilön nim|\btitteli|\bpj\b|"
        r"\bkuka henkilö|\bjohtaa puhetta|\bwho chairs\b|"
        r"\b(?:tehtävä|ammatti|virka)nimik|\bvetäjä|\bministeri(?:n|ä|t|en)?\b|"
        # who leads a group, not who carries out a project (an organisation)
        r"\bkuka\b[^?.!]{0,40}\bvetä(?![^?.!]{0,40}\bhank)|"
        # "kenet on nimetty vetämään ...?": who was appointed or chosen
        r"\bkenet\b[^?.!]{0,40}\b(?:nimet|nimit|valit|vetä)(?![^?.!]{0,40}\bhank)|"
        r"\bminister\b|"
        r"\b\w*johtaja|\b\w*päällikkö|\bkoordinaattori|\ballekirjoittaja|"
        r"\bkuka\b[^?.!]{0,80}\bpuolesta\b|\bcontact person|\bwho signed|\bwhose name|"
        # people by name: "Keitä johtoryhmään kuuluu nimeltä?", "Ketkä henkilöt ...?"
        r"\b(?:ketkä|keitä|kuka|ketä)\b[^?.!]{0,60}\bnimeltä\b|\b(?:ketkä|keitä|mitkä) henkilö|"
        r"\bwho\b[^?.!]{0,60}\bby name\b|\bvilka\b[^?.!]{0,60}\bvid namn\b|"
        r"\bkontaktperson|\bvem undertecknade",
        re.IGNORECASE,
    ),
    # a postal or visiting address ("toimiston osoite", "käyntiosoite"); e-mail and web
    # addresses are their own kinds (see asked_kinds)
    # (not the verb "osoittaa", to allocate: "sopimukselle osoitettu myöntövaltuus")
    "address": re.compile(r"osoit(?!et(?:tu|aan|tiin)|ta(?:a|nut|ma)\b)", re.IGNORECASE),
    # where something is: a street address, not a web page ("Missä hänen toimistonsa sijaitsee?")
    "location": re.compile(r"\bsijait", re.IGNORECASE),
    # which cities (a list of them), not one city's details
    # who a body is made of: "Ketkä siihen porukkaan kuuluu?", "Keistä johtoryhmä koostuu?"
    "members": re.compile(
        r"\b(?:ketkä|keitä|keistä|kenestä|mitkä tahot|mistä tahoista)\b[^?.!]{0,60}"
        r"\b(?:kuulu|koostu|muodosta)\w*|\bwho (?:are|sits?) (?:on|in)\b|\bmembers\b",
        re.IGNORECASE,
    ),
    "cities": re.compile(
        r"\b(?:mitkä|mitä|ketkä|missä|monessako)\s+(?:\w+\s+)?kaupun(?:git|keja|geissa)\b|"
        r"\b(?:which|what) (?:other )?cities\b|\bvilka (?:andra )?städer\b|\bi vilka städer\b",
        re.IGNORECASE,
    ),
    # what a project does ("Mitä SUMEA tekee?", "Mitä KARHU-hankkeessa tehdään?"): a sentence
    # saying what is developed, studied or aimed at, not only who carries it out
    "activity": re.compile(
        r"\bmitä\b[^?.!,]{0,60}\b(?:tekee|tekevät|tehdään)\b|\bwhat does\b[^?.!,]{0,60}\bdo\b|"
        r"\bvad gör\b",
        re.IGNORECASE,
    ),
    "url": re.compile(
        r"\blinkk|\bverkkosivu|\bnettisivu|\bverkko-osoite|\burl\b|\bwebsite|\bweb page|"
        r"\bwebbsida|\blänk|"
        # "Mistä löydän sopimustekstin PDF:nä?": where a file is, which is a web address
        r"\b(?:mistä|where|var hittar)\b[^?.!]{0,60}\b(?:pdf|tiedosto\w*|file|fil)\b",
        re.IGNORECASE,
    ),
}
# the word a kind is asked with, on its own ("kaupungit" in "Mitkä kaupungit ovat mukana?")
_FRAMES = {
    "cities": re.compile(r"^(?:kaupun|cit(?:y|ies)$|städer$|stad$)", re.IGNORECASE),
    "day": re.compile(r"^päivä(?:än|nä|ä)?$", re.IGNORECASE),
    "members": re.compile(
        r"^(?:kuulu\w*|koostu\w*|muodost\w*|jäsen\w*|porukka\w*|kokoonpano\w*)$", re.IGNORECASE
    ),
    # what is handed in by a deadline: "Mihin mennessä hakemus piti jättää?" asks a date only
    "deadline": re.compile(
        r"^(?:hakemu\w*|jät\w*|lähet\w*|toimit\w*|submit\w*|applications?|ansökan\w*|lämna\w*)$",
        re.IGNORECASE,
    ),
    # "kuinka ison siivun / suuren osuuden": the words of the share asked
    "rate": re.compile(r"^(?:siivu\w*|osuu\w*|iso[an]?|suur\w*)$", re.IGNORECASE),
}
_PHONE = r"\b0\d{1,3}[\s-]?\d{3}[\s-]?\d{3,4}\b"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# contact details whose digits are no count
_CONTACTS = re.compile(rf"{_PHONE}|\+358[\d\s-]+|{_EMAIL}|https?://\S+")
_MONTHS = (
    r"tammikuu|helmikuu|maaliskuu|huhtikuu|toukokuu|kesäkuu|heinäkuu|elokuu|syyskuu|"
    r"lokakuu|marraskuu|joulukuu"
)
_NUMBER_WORDS = (
    r"yksi|yhden|kaksi|kahta|kahde\w*|kolme\w*|neljä\w*|viisi|viittä|viide\w*|kuusi|kuutta|"
    r"kuude\w*|kymmentä|"
    r"seitsemä\w*|kahdeksa\w*|yhdeksä\w*|kymmene\w*|kuusitoista|kuudentoista"
)
# a person: a title word before a first and last name ("erityisasiantuntija Teemu Heino"), a name
# owning contact details ("Teemu Heinon puhelinnumero"), or a personal e-mail ("etu.suku@pori.fi")
_FULL_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)? [A-ZÅÄÖ][a-zåäö]+"
_TITLE = (
    r"asiantuntija|johtaja|päällikkö|koordinaattori|sihteeri|pormestari|ministeri|neuvos|"
    r"henkilö|assistentti|suunnittelija|vastaava|puheenjohtaja|yhteyshenkilö"
)
_STREET = (
    r"\b[A-ZÅÄÖ][a-zåäö]+(?:katu|tie|kuja|polku|väylä|tori|ranta|puistikko)\s+\d|"
    r"\b\d{5}\s+[A-ZÅÄÖ][a-zåäö]+"
)
_HAS: dict[str, re.Pattern[str]] = {
    # a time given without a date: "tulee voimaan, kun molemmat osapuolet ovat allekirjoittaneet",
    # "oli auki kesällä 2022", "on voimassa vuoteen 2027 saakka"
    "when": re.compile(
        r"\b(?:kun|jälkeen|alkaen|lähtien|asti|saakka|mennessä|aikana|kuluessa|kesällä|syksyllä|"
        r"keväällä|talvella|vuonna|vuosina|vuoteen|vuodesta|arkisin|päivittäin|viikoittain|"
        r"kuukausittain|vuosittain|(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|"
        r"sunnuntai)\w*)\b",
        re.IGNORECASE,
    ),
    "person": re.compile(
        rf"(?:{_TITLE})\w*\s+{_FULL_NAME}|{_FULL_NAME}(?:n|in|en)\s+(?:puhelin|sähköposti|"
        r"yhteystie)|\b[a-zåäö]+\.[a-zåäö]+(?:-[a-zåäö]+)?@[\w-]+(?:\.[\w-]+)+",
    ),
    "date": re.compile(
        rf"\b\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}})?|\b(?:19|20)\d\d\b|(?:{_MONTHS})\w*", re.IGNORECASE
    ),
    # "Johtoryhmän muodostavat ... edustajat", "... koostuu ...", "Kajaanin sopimukseen kuuluu
    # myös Sotkamo"
    "members": re.compile(
        r"\bmuodosta\w*|\bkoostu\w*|\bjäsen\w*|\bkuuluu\b|\bkuuluvat\b|\bedustaj\w*",
        re.IGNORECASE,
    ),
    "day": re.compile(
        rf"\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\b\d{{1,2}}\.\s*(?:{_MONTHS})ta\b", re.IGNORECASE
    ),
    "money": re.compile(
        r"\d[\d\s]*(?:,\d+)?\s*(?:milj\w*|mrd|miljardi\w*|euro\w*|€|meur)|"
        r"\beuro(?:a|t|n|ja|jen|ssa|sta|lla|ksi|ina|i\w+)?\b",
        re.IGNORECASE,
    ),
    # a percentage, or a fraction ("noin kuudesosa", "1/6", "puolet")
    "rate": re.compile(
        r"%|prosent|\b(?:kolmas|neljäs|viides|kuudes|seitsemäs|kahdeksas|yhdeksäs|kymmenes)osa\w*|"
        r"\bpuolet\b|(?<![\w/.])[1-9]/\d{1,2}(?![\w/])",
        re.IGNORECASE,
    ),
    "count": re.compile(
        # a number, but not a year or the day of a date ("18. lokakuuta")
        r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:\s\d{3})*(?![\d]|[.,]\d)"
        rf"(?!\.\s*(?:{_MONTHS}))|"
        rf"\b(?:{_NUMBER_WORDS})\b",
        re.IGNORECASE,
    ),
    "time": re.compile(r"\bklo\b|\bkello\s+\d|\b\d{1,2}:\d{2}\b", re.IGNORECASE),
    "email": re.compile(_EMAIL),
    "phone": re.compile(rf"{_PHONE}|\+358"),
    "url": re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:fi|eu|com|org)\b", re.IGNORECASE),
    # a street address or postal code, or a web address ("Mistä osoitteesta löydän sivut?")
    "address": re.compile(
        rf"{_STREET}|https?://|\bwww\.|(?<![@\w.])[\w-]+\.(?:fi|eu|com|org)\b(?!@)"
    ),
    "location": re.compile(_STREET),
    "activity": re.compile(
        r"\b(?:kehit(?:e|t)\w*|käsittel\w*|tutki\w*|analysoi\w*|edistä\w*|edistetään|selvit\w*|"
        r"rakenn\w*|luodaan|vahvist\w*|tavoittee\w*|tavoite)\b|\)\s*:\s*[a-zåäö]",
        re.IGNORECASE,
    ),
    # one for each thing ("kullekin hankkeelle", "per project")
    "each": re.compile(rf"{_EACH}|\bper\b|\bkohden\b", re.IGNORECASE),
}


# "paljonko EAKR-rahasta", "kuinka paljon rahoituksesta": how much *of* the money
_SHARE_OF_MONEY = re.compile(
    r"\b(?:kuinka paljon|paljonko)\b[^?.!]{0,40}(?:raha|rahoitukse|budjeti|tue|määrärahoi)\w*st[aä]\b",
    re.IGNORECASE,
)


def asked_kinds(text: str) -> frozenset[str]:
    """The kinds of answer a question asks for (see the module docstring)."""
    kinds = {kind for kind, pattern in _ASKS.items() if pattern.search(text)}
    if "money" in kinds and _SHARE_OF_MONEY.search(text):
        kinds.discard("money")  # "Paljonko EAKR-rahasta ...?": a sum or a share of it
        kinds.add("share")
    if "rate" in kinds:
        kinds.discard("money")
    if "money" in kinds or "rate" in kinds:
        kinds.discard("count")
    if not kinds & {"money", "rate", "count", "share", "amount"}:
        kinds.discard("each")  # "Kuka toteuttaa kunkin hankkeen?" asks no sum per thing
    if kinds & {"day", "deadline"}:
        kinds.add("date")
    if kinds & {"money", "rate", "count", "share"}:
        kinds.discard("amount")
    if kinds & {"email", "url"}:
        kinds.discard("address")  # "sähköpostiosoite", "verkko-osoite"
    if "person" in kinds:
        kinds.discard("members")  # "Keitä johtoryhmään kuuluu nimeltä?": people by name
    return frozenset(kinds)


def kinds_present(text: str) -> frozenset[str]:
    """The answer kinds a sentence can give ("when": a time without a date, see :func:`tells_when`;
    "amount": a count or money)."""
    kinds = {kind for kind, pattern in _HAS.items() if pattern.search(text)}
    if "count" in kinds and not _HAS["count"].search(_CONTACTS.sub(" ", text)):
        kinds.discard("count")  # the digits of a phone number or an address count nothing
    if len(cities_named(text)) >= 2:
        kinds.add("cities")
    if kinds & {"count", "money"}:
        kinds.add("amount")
    if kinds & {"money", "rate"}:
        kinds.add("share")
    return frozenset(kinds)


def given_kinds(asked: frozenset[str], present: frozenset[str]) -> frozenset[str]:
    """The asked kinds a sentence gives; a date gives a deadline too."""
    return asked & ((present | {"deadline"}) if "date" in present else present)


def tells_when(kinds: frozenset[str]) -> bool:
    """Whether a sentence with these kinds can answer "Milloin ...?" (a date, or a time phrase)."""
    return bool(kinds & {"date", "when", "time"})


def frames_kind(word: str, kinds: frozenset[str]) -> bool:
    """Whether a question word is what asks for one of ``kinds`` ("soittaa": a phone number).

    A word asking for a person ("puheenjohtaja", "kaupunginjohtaja") also says which person, so
    it never only frames the question.
    """
    return any(
        _ASKS[kind].search(word) or (kind in _FRAMES and _FRAMES[kind].search(word))
        for kind in kinds - {"person"}
        if kind in _ASKS
    )
