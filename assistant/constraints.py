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

A question that tries to give the assistant orders (:mod:`assistant.safety`) is marked, and
refused whatever the documents say.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.kinds import COUNT_PHRASE, asked_kinds, kinds_present
from assistant.places import HOME_CITY, about_participants, cities_named
from assistant.question import ORDINALS, Question, words
from assistant.safety import looks_like_injection
from assistant.wordlists import HEAD_TRANSLATIONS, NOT_NAMES
from ingest.finnish import Analyzer

__all__ = [
    "HOME_CITY",
    "Constraints",
    "HeadTerms",
    "OrdinalPhrase",
    "asked_kinds",
    "cities_named",
    "extract",
    "kinds_present",
    "violations",
]

_COUNTED = re.compile(COUNT_PHRASE, re.IGNORECASE)

_NAME = re.compile(r"(?<![\w@.])([A-ZÅÄÖ][\w+-]*(?::\w+)?)")
_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d+(?:[.,]\d+)?")
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
    injection: bool = False  # the question tries to give the assistant orders

    @property
    def refuse_city(self) -> bool:
        """A question about another city's own details: the documents only give Pori's."""
        return bool(self.other_cities) and not self.about_participants


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
        if word in HEAD_TRANSLATIONS:
            return frozenset({HEAD_TRANSLATIONS[word]})
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
        return frozenset(fi for key, fi in HEAD_TRANSLATIONS.items() if word.startswith(key))


def ordinal_phrases(text: str, heads: HeadTerms, language: str = "fi") -> list[OrdinalPhrase]:
    """Every ordinal in ``text`` with the head terms of the (up to two) words after it.

    Only head terms the corpus uses count: a word the analyzer cannot lemmatise ("hausta") cannot
    be required of a sentence, so the ordinal alone must then match.
    """
    found: list[OrdinalPhrase] = []
    for name, pattern in ORDINALS:
        for match in pattern.finditer(text):
            following = words(text[match.end() :])[:2]
            head: set[str] = set()
            for word in following:
                if any(p.fullmatch(word) for _, p in ORDINALS):
                    break
                head |= heads(word) if language == "fi" else heads.translated(word)
            known = frozenset(h for h in head if h in heads.vocabulary)
            found.append(OrdinalPhrase(name, known))
    return found


def counted_terms(text: str, heads: HeadTerms) -> frozenset[str]:
    """Head terms of what a Finnish count question counts ("kuinka monta hakemusta")."""
    match = _COUNTED.search(text)
    if match is None:
        return frozenset()
    out: set[str] = set()
    for word in words(text[match.end() :])[:2]:
        if any(p.fullmatch(word) for _, p in ORDINALS):
            continue  # "kuinka monta hakemusta toiseen hakuun": the ordinal names the call
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
        if lower in NOT_NAMES or (len(lower) < 3 and not is_acronym):
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
        about_participants=about_participants(focus),
        counted=counted_terms(focus, heads) if question.language == "fi" else frozenset(),
        injection=looks_like_injection(question.text),
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
