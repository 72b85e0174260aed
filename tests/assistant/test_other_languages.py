"""English and Swedish questions get the near-miss checks Finnish ones have: the names the
documents capitalise, and the value gap (no model needed)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.constraints import Constraints, HeadTerms, extract
from assistant.evidence import Evidence
from assistant.names import shared_names
from assistant.question import contextualise
from assistant.refusal import RefusalConfig, decide
from assistant.terms import QWord
from tests.assistant.fakes import FakeAnalyzer, one_sentence_evidence

CORPUS = (
    "Satakunnan robotiikkayritysten verkosto on nimeltään Robocoast. Asia käsitellään SAMK:ssa.",
    "Hanketta toteuttaa SAMK. Pori on mukana.",
    "SUMEA-hankkeen toteuttaa SAMK.\n- KARHU (Tampereen yliopisto)",
)


def _heads() -> HeadTerms:
    heads = HeadTerms(FakeAnalyzer(), vocabulary={"asia", "robocoast", "samk"})
    heads.use_phrases(CORPUS)
    return heads


def test_the_words_the_corpus_capitalises_inside_a_sentence_are_its_names() -> None:
    names = _heads().proper_names
    assert {"robocoast", "samk"} <= names
    assert "asia" not in names and "satakunnan" not in names  # sentence-initial only
    assert {"sumea", "karhu"} <= names  # an acronym is a name wherever it stands


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # a name the documents spell the same way must be met
        ("How many companies are members of the Robocoast network?", ("roboc",)),
        ("Hur många projekt genomför SAMK?", ("samk",)),
        ("Who implements the SUMEA project?", ("sumea",)),
        # a translated name ("ERDF" for EAKR) or a capitalised common word is no requirement
        ("How much ERDF funding can Pori grant?", ()),
        ("How do emissions in Finland compare with Asia?", ()),
        # a Finnish question keeps every name
        ("Montako jäsentä Robocoast-verkostossa on?", ("roboc",)),
        ("Mikä on Teemu Heinon puhelinnumero?", ("teemu", "heino")),
    ],
)
def test_names_of_english_and_swedish_questions_are_the_corpus_names(
    question: str, names: tuple[str, ...]
) -> None:
    assert extract(contextualise(question), _heads()).names == names


def _evidence(covered: set[str], nearby: set[str]) -> Evidence:
    words = (
        QWord("pengar", "rahoitus", (), 3.3),
        QWord("stad", "kaupunki", (), 1.8),
        QWord("själv", "oma", (), 1.8),
    )
    return one_sentence_evidence(
        "EAKR-myöntövaltuus on 5,9 miljoonaa euroa.", words, covered, nearby
    )


@pytest.mark.parametrize(
    ("covered", "nearby", "refused"),
    [
        # the amount is given for something else; other passages talk about the city's own share
        ({"rahoitus"}, {"kaupunki", "oma"}, True),
        # the answer covers what the retrieved passages know of the question
        ({"rahoitus"}, set(), False),
        ({"rahoitus", "kaupunki", "oma"}, {"kaupunki", "oma"}, False),
    ],
)
def test_a_swedish_amount_answer_with_a_value_gap_is_refused(
    covered: set[str], nearby: set[str], refused: bool
) -> None:
    asks_money = Constraints(kinds=frozenset({"money"}))
    verdict = decide(_evidence(covered, nearby), asks_money, "sv", RefusalConfig())
    assert verdict.refuse is refused
    assert verdict.reason.startswith("value_gap") is refused


@pytest.mark.parametrize(
    ("words", "dense", "kinds", "refused"),
    [
        # "Hur bokar jag en tid hos hälsocentralen i Björneborg?": only "Pori" is known
        ((QWord("björneborg", "pori", (), 0.8),), 0.80, frozenset(), True),
        ((), 0.80, frozenset(), True),
        # a convincing similarity, or a kind of answer asked for, may still answer
        ((QWord("björneborg", "pori", (), 0.8),), 0.90, frozenset(), False),
        ((), 0.80, frozenset({"phone"}), False),
        # a specific word the glossary knows says what is asked
        ((QWord("förmedlar", "välittää", (), 2.9),), 0.80, frozenset(), False),
    ],
)
def test_a_foreign_question_with_nothing_specific_needs_a_convincing_similarity(
    words: tuple[QWord, ...], dense: float, kinds: frozenset[str], refused: bool
) -> None:
    evidence = one_sentence_evidence("Porin kaupunki on mukana.", words, set(), set())
    best = replace(evidence.best, dense=dense) if evidence.best else None
    verdict = decide(replace(evidence, best=best), Constraints(kinds=kinds), "sv", RefusalConfig())
    assert verdict.refuse is refused


def test_an_english_question_keeps_the_names_it_shares_with_the_documents() -> None:
    known = _heads().proper_names
    assert shared_names("Who implements the SUMEA project in Finland?", known) == ["SUMEA"]
    assert shared_names("Vem genomför KARHU-projektet och Robocoast?", known) == [
        "KARHU",
        "Robocoast",
    ]
