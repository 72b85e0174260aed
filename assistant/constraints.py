"""What a question demands of the sentences that answer it.

Near misses look like answerable questions: "Tampereen painopistealueet" (the corpus lists the
cities but only Pori's details), "kolmannen haun hakuaika" (there were two calls), "kuinka paljon
rahaa toisessa haussa" (only the first call's amount is given). They are caught by *hard*
requirements that a neighbouring sentence does not meet:

* the kind of answer asked for (a date, an amount of money, a rate, a count, an e-mail address,
  a phone number, a web address) must be present in the answer;
* an ordinal phrase ("toinen haku", "kolmas painotus") must occur with the same head noun;
* numbers, years and dates of the question must occur;
* names (capitalised words, acronyms) of a Finnish question must occur (the document title counts);
* a city other than Pori may only be answered from a sentence naming it, and only when the
  question is about which cities take part.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.question import ORDINALS, Question, words
from ingest.finnish import Analyzer

HOME_CITY = "pori"

# Answer kinds: what a question asks for, and how a sentence shows it has it.
_ASKS: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        r"\bmilloin\b|\bmihin asti\b|\bmistä (?:alkaen|lähtien)\b|\bminä vuonna\b|\bmihin "
        r"vuoteen\b|\bmihin mennessä\b|\bpäivämäärä|\bhakuaik|\bmääräai|\bdeadline|"
        r"\bwhen\b|\bwhat date\b|\bnär\b|\bvilket datum|\bmonesko|^koska\b|"
        r"\bkuinka (?:pitkään|kauan)\b|\bkauanko\b|\bhow long\b|\buntil when\b|\bhur länge\b",
        re.IGNORECASE,
    ),
    "money": re.compile(
        r"(?:kuinka paljon|paljonko|kuinka suuri|minkä suuruinen|suuruus|\bmäärä\w*|how much|"
        r"hur mycket|what amount).{0,40}(?:raha|rahoit|tuke|tuki|euro|budjet|määrärah|summ|"
        r"money|funding|pengar|finansiering|stöd|kost|cost|hinta|hinnan)|\bhur mycket kostar|"
        r"\bhow much (?:does|do|is|are)\b.{0,30}\bcost|\bmitä\b.{0,30}\bmaksaa\b|(?:raha|rahoit|tuki|tuen)\w*\s+(?:määrä|"
        r"suuruus|summa)|\bbudjet|\bsumma\b|\bmäärära|\bkuinka monta euroa|\bmontako euroa|"
        r"\b(?:enimmäis|maksimi|vähimmäis|minimi)\w*|\bmaximum\b|\bminimum\b|\bgrant (?:size|amount)|"
        r"\bhow large\b.{0,30}\b(?:grant|funding)|\bbelopp|\bhögsta\b|\bmaximal",
        re.IGNORECASE,
    ),
    "rate": re.compile(
        r"prosent|%|\btukitaso|\btuki-?intensiteet|rahoitusosuu|omarahoitu|\bosuu\w* "
        r"(?:hankkeen )?(?:kustannu|kulu)|\bpercent|\brate\b|\bandel\b|\bprocent",
        re.IGNORECASE,
    ),
    "count": re.compile(
        r"\bkuinka (?:monta|moneen|monelle|monen|monessa)\b|\bmontako\b|\bmoniko\b|"
        r"\blukumäär|\bhow many\b|\bhur många\b",
        re.IGNORECASE,
    ),
    "email": re.compile(r"sähköpost|\be-?mail|\bmejl|\be-post", re.IGNORECASE),
    "phone": re.compile(r"puhelin|soitta|\bphone\b|\btelefon|\bringa\b", re.IGNORECASE),
    "url": re.compile(
        r"\blinkk|\bverkkosivu|\bnettisivu|\bverkko-osoite|\burl\b|\bwebsite|\bweb page|"
        r"\bwebbsida|\blänk",
        re.IGNORECASE,
    ),
}
_MONTHS = (
    r"tammikuu|helmikuu|maaliskuu|huhtikuu|toukokuu|kesäkuu|heinäkuu|elokuu|syyskuu|"
    r"lokakuu|marraskuu|joulukuu"
)
_HAS: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        rf"\b\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}})?|\b(?:19|20)\d\d\b|(?:{_MONTHS})\w*", re.IGNORECASE
    ),
    "money": re.compile(
        r"\d[\d\s]*(?:,\d+)?\s*(?:milj\w*|mrd|miljardi\w*|euro\w*|€|meur)|\beuro\w*", re.IGNORECASE
    ),
    "rate": re.compile(r"%|prosent", re.IGNORECASE),
    "count": re.compile(
        r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:\s\d{3})*(?![\d]|[.,]\d)|\b(?:yksi|yhden|kaksi|kahde\w*|kolme\w*|neljä\w*|viisi|viide\w*|kuusi|kuude\w*|"
        r"seitsemä\w*|kahdeksa\w*|yhdeksä\w*|kymmene\w*|kuusitoista|kuudentoista)\b",
        re.IGNORECASE,
    ),
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "phone": re.compile(r"\b0\d{1,3}[\s-]?\d{3}[\s-]?\d{3,4}\b|\+358"),
    "url": re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:fi|eu|com|org)\b", re.IGNORECASE),
}

# Cities (Finnish name stems and Swedish names); Pori counts as home.
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
    r"deltar|ingår|involved|part of|kuuluu|kuuluuko",
    re.IGNORECASE,
)
_HEAD_TRANSLATIONS = {
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
    "focus": "painopistealue",
}
_COUNTED = re.compile(
    r"\b(?:kuinka (?:monta|moneen|monelle|monen|monessa)|montako|moniko)\b", re.IGNORECASE
)
_NAME = re.compile(r"(?<![\w@.])([A-ZÅÄÖ][\w+-]*(?::\w+)?)")
_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d+(?:[.,]\d+)?")
_NOT_NAMES = frozenset(
    [
        "mikä",
        "mitä",
        "mitkä",
        "kuka",
        "ketkä",
        "milloin",
        "missä",
        "mistä",
        "mihin",
        "miten",
        "miksi",
        "kuinka",
        "onko",
        "oliko",
        "voiko",
        "voinko",
        "saako",
        "saanko",
        "kenelle",
        "entä",
        "kerro",
        "selitä",
    ]
)
_NAME_PREFIX = 5


@dataclass(frozen=True)
class OrdinalPhrase:
    """An ordinal and the head terms of the noun it qualifies ("toinen haku" -> haku)."""

    ordinal: str
    heads: frozenset[str]


@dataclass(frozen=True)
class Constraints:
    """Hard requirements of one question (see the module docstring)."""

    kinds: frozenset[str] = frozenset()
    ordinals: tuple[OrdinalPhrase, ...] = ()
    numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    other_cities: tuple[str, ...] = ()
    about_participants: bool = False
    counted: frozenset[str] = frozenset()  # "kuinka monta hakemusta" -> hakemus

    @property
    def refuse_city(self) -> bool:
        """A question about another city's own details: the documents only give Pori's."""
        return bool(self.other_cities) and not self.about_participants


def asked_kinds(text: str) -> frozenset[str]:
    """The kinds of answer a question asks for (date, money, rate, count, email, phone, url)."""
    kinds = {kind for kind, pattern in _ASKS.items() if pattern.search(text)}
    if "rate" in kinds:
        kinds.discard("money")
    if "money" in kinds or "rate" in kinds:
        kinds.discard("count")
    return frozenset(kinds)


def kinds_present(text: str) -> frozenset[str]:
    """The answer kinds a sentence can give."""
    return frozenset(kind for kind, pattern in _HAS.items() if pattern.search(text))


def cities_named(text: str) -> frozenset[str]:
    """Cities a text names."""
    return frozenset(name for name, pattern in _CITIES.items() if pattern.search(text))


class HeadTerms:
    """Head-noun terms of words: lemma, compound parts, and lemmas of word endings.

    A word ending counts only when its lemma is a word of ``vocabulary`` (the corpus terms), so
    "rahoitushaku" gives haku, but inflection endings such as "-usta" give nothing.
    """

    def __init__(self, analyzer: Analyzer, vocabulary: Container[str] = frozenset()) -> None:
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self._terms = lru_cache(maxsize=20_000)(self._compute)

    def use_vocabulary(self, vocabulary: Container[str]) -> None:
        """Switch to the terms of another index version (forgets cached results)."""
        if vocabulary is not self.vocabulary:
            self.vocabulary = vocabulary
            self._terms.cache_clear()

    def _compute(self, word: str) -> frozenset[str]:
        word = word.lower()
        if word in _HEAD_TRANSLATIONS:
            return frozenset({_HEAD_TRANSLATIONS[word]})
        out = set(self.analyzer.terms(word))
        for n in range(4, 9):
            if len(word) >= n + 3:
                out.update(t for t in self.analyzer.terms(word[-n:]) if t in self.vocabulary)
        return frozenset(out)

    def __call__(self, word: str) -> frozenset[str]:
        return self._terms(word)

    @staticmethod
    def translated(word: str) -> frozenset[str]:
        """Finnish head terms of an English or Swedish noun we know ("calls" -> haku)."""
        word = word.lower()
        return frozenset(fi for key, fi in _HEAD_TRANSLATIONS.items() if word.startswith(key))


def ordinal_phrases(text: str, heads: HeadTerms, language: str = "fi") -> list[OrdinalPhrase]:
    """Every ordinal in ``text`` with the head terms of the (up to two) words after it."""
    found: list[OrdinalPhrase] = []
    for name, pattern in ORDINALS:
        for match in pattern.finditer(text):
            following = words(text[match.end() :])[:2]
            head: set[str] = set()
            for word in following:
                if any(p.fullmatch(word) for _, p in ORDINALS):
                    break
                head |= heads(word) if language == "fi" else heads.translated(word)
            found.append(OrdinalPhrase(name, frozenset(head)))
    return found


def counted_terms(text: str, heads: HeadTerms) -> frozenset[str]:
    """Head terms of what a Finnish count question counts ("kuinka monta hakemusta")."""
    match = _COUNTED.search(text)
    if match is None:
        return frozenset()
    out: set[str] = set()
    for word in words(text[match.end() :])[:2]:
        out |= heads(word)
    return frozenset(out)


def _names(text: str, language: str) -> tuple[str, ...]:
    if language != "fi":
        return ()
    out: list[str] = []
    for match in _NAME.finditer(text):
        word = match.group(1)
        bare = re.split(r"[:'’-]", word)[0]
        is_acronym = len(bare) >= 2 and bare.isupper()
        if not is_acronym and (match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".?!"):
            continue  # the first word of a sentence
        lower = bare.lower()
        if lower in _NOT_NAMES or (len(lower) < 3 and not is_acronym):
            continue
        if any(p.fullmatch(lower) for _, p in ORDINALS) or cities_named(lower):
            continue
        out.append(lower[:_NAME_PREFIX])
    return tuple(dict.fromkeys(out))


def extract(question: Question, heads: HeadTerms) -> Constraints:
    """The hard requirements of a question (a follow-up is read together with its context)."""
    # a follow-up asks for its own kind of answer ("Mitä siinä painotettiin?" after "Milloin ...?"),
    # unless it was rewritten from the earlier question ("Entä ensimmäinen?")
    rewritten = question.text not in question.focus
    kinds = asked_kinds(question.text) or (
        asked_kinds(question.focus) if rewritten else frozenset()
    )
    focus = question.focus
    cities = cities_named(focus) - {HOME_CITY}
    numbers = tuple(dict.fromkeys(_NUMBER.findall(focus)))
    return Constraints(
        kinds=kinds,
        ordinals=tuple(ordinal_phrases(focus, heads, question.language)),
        numbers=numbers,
        names=_names(focus, question.language),
        other_cities=tuple(sorted(cities)),
        about_participants=bool(_PARTICIPATION.search(focus)),
        counted=counted_terms(focus, heads) if question.language == "fi" else frozenset(),
    )


def _has_ordinal(text: str, phrase: OrdinalPhrase, heads: HeadTerms) -> bool:
    for found in ordinal_phrases(text, heads):
        if found.ordinal != phrase.ordinal:
            continue
        if not phrase.heads or not found.heads or phrase.heads & found.heads:
            return True
    return False


def _has_number(text: str, number: str) -> bool:
    pattern = rf"(?<![\d,.]){re.escape(number)}(?![\d]|[,.]\d)"
    if re.search(pattern, text):
        return True
    parts = number.split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts):  # 09.02.2021 == 9.2.2021
        loose = r"0?{}\.0?{}\.{}".format(*(p.lstrip("0") or "0" for p in parts[:2]), parts[2])
        return re.search(rf"(?<![\d.]){loose}(?!\d)", text) is not None
    return False


def _has_name(words_lower: Iterable[str], prefix: str) -> bool:
    return any(w.startswith(prefix) for w in words_lower)


def violations(
    sentence: str, context: str, title: str, constraints: Constraints, heads: HeadTerms
) -> list[str]:
    """Hard requirements that a sentence (with its section ``context`` and ``title``) misses.

    Kinds are not checked here: an answer may take them from several sentences.
    """
    missing: list[str] = []
    local = f"{context}\n{sentence}"
    for phrase in constraints.ordinals:
        if not _has_ordinal(local, phrase, heads):
            missing.append(f"ordinal:{phrase.ordinal}")
    everything = f"{title}\n{local}"
    for number in constraints.numbers:
        if not _has_number(everything, number):
            missing.append(f"number:{number}")
    if constraints.names:
        tokens = words(everything)
        missing += [f"name:{n}" for n in constraints.names if not _has_name(tokens, n)]
    if constraints.counted and not any(heads(w) & constraints.counted for w in words(local)):
        missing.append("counted")
    if constraints.other_cities:
        present = cities_named(sentence)
        missing += [f"city:{c}" for c in constraints.other_cities if c not in present]
    return missing
