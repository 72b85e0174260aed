"""Head nouns of question words, and the ordinal phrases and counted things built on them.

"toinen rahoitushaku" -> the ordinal "toinen" with the head terms {rahoitushaku, rahoitus, haku};
"kuinka monta hakemusta" -> the counted head "hakemus". :class:`HeadTerms` also remembers the
corpus's city word pairs ("tampereen yliopisto"), which name organisations rather than cities.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.coordination import case_ending
from assistant.glossary import to_finnish
from assistant.kinds import COUNT_PHRASE
from assistant.ordinals import BY_NUMBER, NUMBERED_ASKED
from assistant.places import HOME_CITY, city_mentions
from assistant.question import ORDINALS, words
from assistant.wordlists import (
    COLLOQUIAL,
    HEAD_SYNONYMS,
    HEAD_TRANSLATIONS,
    KNOWN_ALIASES,
    PRONOUNS,
    wordset,
)
from ingest.finnish import Analyzer

_COUNTED = re.compile(COUNT_PHRASE, re.IGNORECASE)
_PLACE_ADVERBS = frozenset({"siellä", "täällä", "tuolla", "siinä", "tässä", "nyt", "yhteensä"})
_FOREIGN_COUNTED = {
    "en": re.compile(r"\bhow many\b", re.IGNORECASE),
    "sv": re.compile(r"\bhur många\b", re.IGNORECASE),
}
# a numbered thing: "Toimintalinja 1 on Innovatiivinen Suomi", "Toimintalinja 2: Hiilineutraali"
_NUMBERED = re.compile(r"\b([^\W\d_]{4,})\s+([1-5])(?=\s*:|\s+on\b|\s+[A-ZÅÄÖ])")
# a capitalised word after a lower-case one: a name ("verkosto on nimeltään Robocoast")
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-zåäö,] )([A-ZÅÄÖ][\w+-]*)")
# an acronym anywhere, also first in a sentence or a list line ("SUMEA-hankkeen toteuttaa ...")
_ACRONYM = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{2,})(?![\wåäö])")
# an acronym introduced after its long form: "työ- ja elinkeinoministeriön (TEM)"
_DEFINED_ACRONYM = re.compile(r"((?:[\w-]+\s+){0,4}[\w-]+)\s+\(([A-ZÅÄÖ]{2,6})\)")
_JOINERS = frozenset({"ja", "sekä", "and", "och"})
_ALIAS_WORDS = 2  # the last words of the long form that stand for the acronym
_ALIAS_PREFIX = 5
# a definition naming what something is of ("Uudistuva ja osaava Suomi 2021–2027 on Manner-Suomen
# EU:n alue- ja rakennepolitiikan ohjelma"): a sentence naming the subject names Manner-Suomi's
# programme; not a statement about a page itself ("Tämä sivu on ...")
_DEFINED_AS = re.compile(
    r"(?:^|(?<=[.!?]\s))(?!(?:Tämä|Tämän|Se|Ne|Nämä|This|It)\b)"
    r"(?P<subject>[A-ZÅÄÖ][\w–-]*(?:\s+[\w–-]+){0,5}?)\s+on\s+"
    r"(?P<name>[A-ZÅÄÖ][\w]+)-[\w]+n\s+(?=[\wÅÄÖåäö:]+\s)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class OrdinalPhrase:
    """An ordinal and the head terms of the noun it qualifies ("toinen haku" -> haku)."""

    ordinal: str
    heads: frozenset[str]


class HeadTerms:
    """Head-noun terms of words: lemma, compound parts, and lemmas of word endings.

    A word ending counts only when its lemma is a word of ``vocabulary`` (the corpus terms), so
    "rahoitushaku" gives haku, but inflection endings such as "-usta" give nothing.
    """

    def __init__(self, analyzer: Analyzer, vocabulary: Container[str] = frozenset()) -> None:
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.city_phrases: frozenset[str] = frozenset()  # see use_phrases
        self.proper_names: frozenset[str] = frozenset()  # see use_phrases
        # acronym -> word prefixes of its long form ("tem" -> ("työ", "elink")), see use_phrases
        self.aliases: dict[str, tuple[str, ...]] = {}
        # head terms of the things the corpus numbers ("Toimintalinja 1 on ..."), see use_phrases
        self.numbered: frozenset[str] = frozenset()
        # head terms the corpus puts after an ordinal ("toinen rahoitushaku"), see use_phrases;
        # empty: any corpus term may be an ordinal's head
        self.ordinal_heads: frozenset[str] = frozenset()
        self._terms = lru_cache(maxsize=20_000)(self._compute)

    def use_phrases(self, texts: Iterable[str]) -> None:
        """Remember the corpus's city word pairs ("tampereen yliopisto"): names, not cities.

        Also the words the corpus capitalises inside a sentence ("Robocoast", "SAMK"): the names
        an English or Swedish question may share with the Finnish documents; and the acronyms it
        defines ("työ- ja elinkeinoministeriön (TEM)"): a sentence with the long form names it;
        likewise a name that defines a subject ("X on Manner-Suomen ... ohjelma": X names it);
        and the head terms it gives its ordinals and numbers (:attr:`ordinal_heads`).
        """
        pairs: set[str] = set()
        names: set[str] = set()
        aliases: dict[str, tuple[str, ...]] = {}
        numbered: set[str] = set()
        ordinal_heads: set[str] = set()
        for text in texts:
            ordinal_heads.update(h for p in ordinal_phrases(text, self) for h in p.heads)
            names.update(m.group(1).lower() for m in _MID_SENTENCE_NAME.finditer(text))
            names.update(m.group(1).lower() for m in _ACRONYM.finditer(text))
            for match in _NUMBERED.finditer(text):
                numbered.update(self(match.group(1)))
            for match in _DEFINED_ACRONYM.finditer(text):
                long_form = [w.strip("-").lower() for w in match.group(1).split()]
                content = [w[:_ALIAS_PREFIX] for w in long_form if w and w not in _JOINERS]
                if content:
                    aliases.setdefault(match.group(2).lower(), tuple(content[-_ALIAS_WORDS:]))
            for match in _DEFINED_AS.finditer(text):
                name = match.group("name").lower()
                subject = [w.lower() for w in match.group("subject").split()]
                content = [w[:_ALIAS_PREFIX] for w in subject if w.isalpha() and w not in _JOINERS]
                if content and name != HOME_CITY:
                    aliases.setdefault(name[:_ALIAS_PREFIX], tuple(content[:_ALIAS_WORDS]))
            for city, start, end in city_mentions(text):
                if city == HOME_CITY:
                    continue
                following = words(text[end:])[:1]
                if following:
                    pairs.add(f"{text[start:end].lower()} {following[0]}")
        self.city_phrases = frozenset(pairs)
        self.proper_names = frozenset(names)
        self.numbered = frozenset(numbered)
        self.ordinal_heads = frozenset(ordinal_heads | numbered)
        self.aliases = {**KNOWN_ALIASES, **aliases}  # the documents' own definitions win

    def use_vocabulary(self, vocabulary: Container[str]) -> None:
        """Switch to the terms of another index version (forgets cached results)."""
        if vocabulary is not self.vocabulary:
            self.vocabulary = vocabulary
            self._terms.cache_clear()

    def _compute(self, word: str) -> frozenset[str]:
        word = word.lower()
        if word in HEAD_TRANSLATIONS:
            return frozenset({HEAD_TRANSLATIONS[word]})
        out = set(self.analyzer.terms(word))
        out |= {HEAD_SYNONYMS[t] for t in out if t in HEAD_SYNONYMS}
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
        return frozenset(fi for key, fi in HEAD_TRANSLATIONS.items() if word.startswith(key))


_HOW_MANY = frozenset({"two", "three", "four", "två", "tre", "fyra"})
_MAX_MODIFIERS = 3  # genitive modifiers between an ordinal and its head ("Porin ... haussa")


def _head_words(ordinal: str, following: list[str]) -> list[str]:
    """The words after an ordinal that may be its head: the next two, or, when neither agrees
    with the ordinal's case and a later one does, that one ("ensimmäisessä Porin
    ekosysteemisopimuksen haussa": the head is "haussa")."""
    case = case_ending(ordinal)
    if not case or any(case_ending(w) == case for w in following[:2]):
        return following[:2]
    later = [w for w in following[2 : 2 + _MAX_MODIFIERS] if case_ending(w) == case]
    return later[:1] or following[:2]


def ordinal_phrases(text: str, heads: HeadTerms, language: str = "fi") -> list[OrdinalPhrase]:
    """Every ordinal in ``text`` with the head terms of the (up to two) words after it.

    Only head terms the corpus uses count: a word the analyzer cannot lemmatise ("hausta") cannot
    be required of a sentence, so the ordinal alone must then match. Once the corpus is read
    (:meth:`HeadTerms.use_phrases`), only the terms it puts after its own ordinals count: in
    "Mitä niistä ensimmäinen sisältää?" the verb is no head, the ordinal points back.
    """
    found: list[OrdinalPhrase] = []
    for name, pattern in ORDINALS:
        for match in pattern.finditer(text):
            # "the first two priority axes", "de två första": how many is no head
            after = [w for w in words(text[match.end() :]) if w.lower() not in _HOW_MANY]
            following = _head_words(match.group(), after)
            head: set[str] = set()
            for word in following:
                if any(p.fullmatch(word) for _, p in ORDINALS):
                    break
                head |= heads(word) if language == "fi" else heads.translated(word)
            known = frozenset(
                h
                for h in head
                if h in heads.vocabulary and (not heads.ordinal_heads or h in heads.ordinal_heads)
            )
            if name == "toinen" and heads.ordinal_heads and head and not known:
                # "Kuka on toinen toteuttajaorganisaatio?": the other one of two, not a second
                # one (the documents never number their implementers)
                continue
            found.append(OrdinalPhrase(name, known))
    for match in _NUMBERED.finditer(text):  # "Toimintalinja 1 on ...": the first one
        numbered = frozenset(h for h in heads(match.group(1)) if h in heads.vocabulary)
        if numbered:
            found.append(OrdinalPhrase(BY_NUMBER[match.group(2)], numbered))
    return found


def numbered_things(text: str, heads: HeadTerms) -> list[tuple[OrdinalPhrase, str]]:
    """The things a question names by number ("toimintalinja 1"), as ordinals, with the number.

    Only things the documents themselves number count ("Toimintalinja 1 on ..."): their head
    terms are in :attr:`HeadTerms.numbered`.
    """
    out = []
    for match in NUMBERED_ASKED.finditer(text):
        head = frozenset(h for h in heads(match.group(1)) if h in heads.numbered)
        if head:
            number = match.group(2).lower()
            out.append((OrdinalPhrase(BY_NUMBER[number], head), number))
    return out


def _partitive(word: str) -> bool:
    return word.lower().endswith(("a", "ä"))


# "kuinka monta ihmistä ekosysteemi työllistää?": the people a thing employs are its jobs
_PEOPLE = frozenset({"ihminen", "henkilö", "työntekijä", "henki"})
_EMPLOYS = re.compile(r"\btyöllist|\btyöskentel", re.IGNORECASE)
_JOBS = "työpaikka"

_NOT_COUNTED = wordset(
    "on ovat oli olivat suoraan yhteensä kaikkiaan kaikkiansa noin suunnilleen arviolta"
)


def counted_terms(text: str, heads: HeadTerms, language: str = "fi") -> frozenset[str]:
    """Head terms of what a count question counts: "kuinka monta hakemusta" -> hakemus; in
    English or Swedish through the glossary ("how many jobs" -> työpaikka)."""
    if language != "fi":
        return _foreign_counted(text, heads, language)
    match = _COUNTED.search(text)
    if match is None:
        return frozenset()
    out: set[str] = set()
    # "kuinka moni on suoraan töissä?": the verb and adverbs before the counted word count nothing
    following = [w for w in words(text[match.end() :]) if w.lower() not in _NOT_COUNTED][:2]
    if len(following) == 2 and _partitive(following[0]) and not _partitive(following[1]):
        # "kuinka monta hakemusta Porin ... hakuun": the counted noun is in the partitive, and
        # a genitive after it belongs to what follows ("suoraa työpaikkaa": both are counted)
        following = following[:1]
    for word in following:
        if any(p.fullmatch(word) for _, p in ORDINALS):
            continue  # "kuinka monta hakemusta toiseen hakuun": the ordinal names the call
        # "montako niistä rahoitettiin?": what is counted was named before; "montako duunia
        # siellä on?": the place is no counted thing
        if word.lower() in PRONOUNS or word.lower() in _PLACE_ADVERBS:
            break
        terms = heads(word)
        # "duunia": the documents' word ("työ", met by "työpaikkaa")
        out |= terms | {COLLOQUIAL[t] for t in terms if t in COLLOQUIAL}
    if out & _PEOPLE and _EMPLOYS.search(text):
        out.add(_JOBS)
    return frozenset(out)


def _foreign_counted(text: str, heads: HeadTerms, language: str) -> frozenset[str]:
    """Head terms of the first of the (up to two) words after "how many" / "hur många" that the
    glossary knows; nothing when it knows neither ("how many of them")."""
    pattern = _FOREIGN_COUNTED.get(language)
    match = pattern.search(text) if pattern else None
    if match is None:
        return frozenset()
    for word in words(text[match.end() :])[:2]:
        terms = to_finnish(word, language).split()
        if terms:
            # the term itself too: a short one the analyzer leaves alone ("työ")
            return frozenset(t for term in terms for t in {term, *heads(term)})
    return frozenset()
