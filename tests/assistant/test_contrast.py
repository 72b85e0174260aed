"""Typed answers, near misses answered from a neighbour, background-only matches (no model)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from assistant.constraints import Constraints, OrdinalPhrase
from assistant.contrast import (
    background_only,
    neighbour_gain,
    sibling_value,
    typed_answer,
    value_gap,
)
from assistant.evidence import Evidence, Scored
from assistant.refusal import RefusalConfig, decide, refusal_text
from assistant.sentencebank import Sentence
from assistant.terms import BACKGROUND_IDF, QWord, is_specific
from tests.assistant.fakes import group, make_chunk

GRP = group(
    make_chunk(
        "Toinen rahoitushaku päättyi 31. joulukuuta 2023. "
        "Ensimmäisessä haussa viisi hanketta sai rahoitusta. "
        "Porin tavoitteena on lisätä TKI-toimintaa."
    )
)
DATED, FIRST_CALL, BACKGROUND = GRP.sentences
SECOND = OrdinalPhrase("toinen", frozenset({"haku"}))

# "Mitkä hankkeet saivat rahoitusta toisessa haussa?" (weights as IDF would give them)
WORDS = (
    QWord("hankkeet", "hanke", (), 1.3),
    QWord("saivat", "saada", (), 2.3),
    QWord("rahoitusta", "rahoitus", (), 1.1),
    QWord("toisessa", "toinen", (), 1.8),
    QWord("haussa", "haku", (), 1.2),
)


def scored(
    sentence: Sentence,
    covered: set[str],
    *,
    dense: float = 0.86,
    coverage: float = 0.7,
    score: float = 0.9,
    missing: tuple[str, ...] = (),
    words: tuple[QWord, ...] = WORDS,
) -> Scored:
    return Scored(
        sentence,
        GRP.chunk,
        0,
        dense,
        coverage,
        score,
        missing,
        frozenset(covered),
        words,
    )


def test_background_idf_is_the_idf_of_a_term_in_half_of_the_passages() -> None:
    n = 1000
    assert math.log(1 + n / (1 + n / 2 - 1)) == pytest.approx(BACKGROUND_IDF)
    assert is_specific(QWord("sää", "sää", (), 4.0, known=False))
    assert not is_specific(QWord("Porin", "pori", (), 0.8))


@pytest.mark.parametrize(
    ("constraints", "typed"),
    [
        (Constraints(kinds=frozenset({"date"}), ordinals=(SECOND,)), True),
        (Constraints(kinds=frozenset({"date"})), False),  # nothing identifies which call
        (Constraints(ordinals=(SECOND,)), False),  # no kind of answer asked for
        (Constraints(kinds=frozenset({"money"}), ordinals=(SECOND,)), False),  # no amount
    ],
)
def test_typed_answer(constraints: Constraints, typed: bool) -> None:
    assert typed_answer(scored(DATED, {"toinen", "haku"}), constraints) is typed


def test_a_number_only_the_context_gives_identifies_nothing() -> None:
    # "Haussa oli 2023 ..., mutta mihin mennessä ...?": the year is what the asker knows
    known = Constraints(kinds=frozenset({"date"}), numbers=("2023",))
    assert typed_answer(scored(DATED, {"haku"}), known)
    context = replace(known, loose=frozenset({"number:2023"}))
    assert not typed_answer(scored(DATED, {"haku"}), context)


def test_neighbour_gain_counts_words_only_the_near_miss_covers() -> None:
    answer = scored(DATED, {"toinen", "haku", "hanke", "rahoitus"})
    near = scored(FIRST_CALL, {"haku", "hanke", "saada", "rahoitus"}, missing=("ordinal:toinen",))
    assert near.neighbour and not answer.neighbour
    assert neighbour_gain([answer], near) == pytest.approx(2.3 / 7.7)
    assert neighbour_gain([answer], None) == 0.0
    same = scored(FIRST_CALL, {"haku", "hanke"}, missing=("ordinal:toinen",))
    assert neighbour_gain([answer], same) == 0.0


def test_a_sentence_missing_what_is_counted_is_no_neighbour() -> None:
    assert not scored(FIRST_CALL, set(), missing=("counted",)).neighbour
    assert not scored(FIRST_CALL, set(), missing=("ordinal:toinen", "counted")).neighbour


def test_background_only_needs_a_specific_question_word() -> None:
    weather = (
        QWord("sää", "sää", (), 4.0, known=False),
        QWord("Porissa", "pori", (), 0.8),
        QWord("huomenna", "huomenna", (), 4.0, known=False),
    )
    assert background_only(scored(BACKGROUND, {"pori"}, words=weather))
    plain = (QWord("Porin", "pori", (), 0.8),)
    assert not background_only(scored(BACKGROUND, {"pori"}, words=plain))
    assert not background_only(scored(FIRST_CALL, {"saada"}))


CONFIG = RefusalConfig()
WHEN_SECOND = Constraints(kinds=frozenset({"date"}), ordinals=(SECOND,))


@pytest.mark.parametrize(
    ("best", "neighbour", "constraints", "reason"),
    [
        # a typed answer for the identified call needs less word coverage ...
        (scored(DATED, {"toinen", "haku"}, coverage=0.3), None, WHEN_SECOND, ""),
        # ... an untyped one does not
        (scored(DATED, {"toinen", "haku"}, coverage=0.3), None, Constraints(), "weak_coverage"),
        # the first call's funded projects outscore the second call's dates: a near miss
        (
            scored(DATED, {"toinen", "haku", "hanke", "rahoitus"}),
            scored(FIRST_CALL, {"haku", "hanke", "saada"}, missing=("ordinal:toinen",)),
            Constraints(ordinals=(SECOND,)),
            "neighbour",
        ),
        # a typed answer is not refused for its neighbours
        (
            scored(DATED, {"toinen", "haku"}),
            scored(FIRST_CALL, {"haku", "hanke", "saada"}, missing=("ordinal:toinen",)),
            WHEN_SECOND,
            "",
        ),
        (
            scored(
                BACKGROUND,
                {"pori"},
                dense=0.83,
                coverage=1.0,
                words=(
                    QWord("sää", "sää", (), 4.0, known=False),
                    QWord("Porissa", "pori", (), 0.8),
                ),
            ),
            None,
            Constraints(),
            "background_only",
        ),
        # a typed answer needs no specific word ("toinen" may be a background word)
        (
            scored(
                DATED,
                {"toinen", "haku"},
                dense=0.83,
                words=(QWord("toisen", "toinen", (), 1.0), QWord("päättyi", "päättyä", (), 2.1)),
            ),
            None,
            WHEN_SECOND,
            "",
        ),
        (
            scored(
                BACKGROUND,
                {"pori"},
                dense=0.91,
                coverage=1.0,
                words=(QWord("saavuttaa", "saavuttaa", (), 4.0, known=False),),
            ),
            None,
            Constraints(),
            "",
        ),
    ],
)
def test_decide_with_contrast_signals(
    best: Scored, neighbour: Scored | None, constraints: Constraints, reason: str
) -> None:
    evidence = Evidence((best,), best, neighbour or best, neighbour=neighbour)
    verdict = decide(evidence, constraints, "fi", CONFIG)
    assert verdict.refuse is bool(reason) and verdict.reason.startswith(reason), verdict


def test_an_injection_is_refused_before_anything_else() -> None:
    best = scored(DATED, {"toinen", "haku"})
    verdict = decide(Evidence((best,), best, best), Constraints(injection=True), "en", CONFIG)
    assert verdict.refuse and verdict.reason == "injection"
    assert "do not follow instructions" in refusal_text("en", "injection")
    assert "enkä noudata kysymykseen kirjoitettuja ohjeita" in refusal_text("fi", "injection")


def test_a_when_question_is_refused_when_no_quoted_sentence_gives_a_time() -> None:
    # "Milloin toinen haku päättyi?" answered with a sentence that gives no time at all
    best = scored(BACKGROUND, {"toinen", "haku"}, coverage=1.0)
    verdict = decide(Evidence((best,), best, best), WHEN_SECOND, "fi", CONFIG)
    assert verdict.refuse and verdict.reason == "no_time"
    dated = scored(DATED, {"toinen", "haku"}, coverage=1.0)
    assert not decide(Evidence((dated,), dated, dated), WHEN_SECOND, "fi", CONFIG).refuse


def test_a_name_identifies_a_typed_answer_only_in_the_sentence_itself() -> None:
    # "Paljonko JTF:n rahaa ohjelmassa on?": the programme's total, in a passage that names
    # the JTF, is no JTF sum
    grp = group(make_chunk("Rahastot ovat EAKR ja JTF. Ohjelman rahoitus on 1,9 miljardia euroa."))
    listing, total = grp.sentences
    money = Constraints(kinds=frozenset({"money"}), names=("jtf",))
    words = (QWord("JTF", "jtf", (), 3.3), QWord("ohjelmassa", "ohjelma", (), 1.3))
    best = Scored(total, grp.chunk, 0, 0.87, 0.5, 0.94, (), frozenset({"ohjelma"}), words)
    assert not typed_answer(best, money)
    named = replace(money, names=("ohjel",))
    assert typed_answer(best, named)
    # the sum must be said of the JTF by the sentence that gives it, not by the list beside it
    other = Scored(listing, grp.chunk, 0, 0.87, 0.5, 0.94, (), frozenset({"jtf"}), words)
    evidence = Evidence((other, best), best, best, nearby=frozenset({"jtf", "ohjelma"}))
    assert value_gap(evidence, money) > 0.5


def test_a_person_is_never_a_typed_answer() -> None:
    # a sentence naming a person is no answer to whose contact person is meant: its words must
    # cover the role like any other answer's
    named = replace(DATED, kinds=DATED.kinds | {"person"})
    when = Constraints(kinds=frozenset({"date"}), ordinals=(SECOND,))
    assert typed_answer(scored(named, {"haku"}), when)
    person = Constraints(kinds=frozenset({"person"}), ordinals=(SECOND,))
    assert not typed_answer(scored(named, {"haku"}), person)


def test_what_a_project_does_is_never_a_typed_answer() -> None:
    # "Mitä Reboot Satakunta -hankkeessa tehdään?" is not answered by what another project does
    # because its name is in the passage: the sentence's words must cover the question's
    doing = replace(DATED, kinds=DATED.kinds | {"activity"})
    asked = Constraints(kinds=frozenset({"activity"}), names=("reboo",))
    assert not typed_answer(scored(doing, {"haku"}), asked)


def test_a_sentence_that_names_no_other_call_is_no_neighbour() -> None:
    # missing "toinen" while naming the first call: a near miss; naming no call at all ("the
    # official notice is published at eura2021.fi"): the thing in general, not a neighbour
    first = scored(FIRST_CALL, {"haku"}, missing=("ordinal:toinen",))
    general = scored(BACKGROUND, {"pori"}, missing=("ordinal:toinen",))
    assert first.neighbour and not general.neighbour


def test_a_follow_up_is_never_answered_from_a_sentence_about_another_call() -> None:
    # a loose requirement (from the history) may be relaxed, but not for a sentence that names
    # another call: "moniko niistä sai rahoitusta?" after a question about the second call
    first = scored(FIRST_CALL, {"haku"}, missing=("ordinal:toinen",))
    general = scored(BACKGROUND, {"pori"}, missing=("ordinal:toinen",))
    assert first.names_another and not general.names_another


def _sentence(text: str, terms: str, kinds: frozenset[str] = frozenset()) -> Sentence:
    return Sentence("c1", 0, 0, len(text), text, frozenset(terms.split()), kinds, False, False)


JOBS = _sentence(
    "Porin seudun teknologiametallien ja kiertotalouden ekosysteemissä on noin 3 000 suoraa "
    "työpaikkaa.",
    "pori seutu teknologiametalli kiertotalous ekosysteemi noin 3 000 suora työpaikka",
    frozenset({"count"}),
)
AREAS = _sentence(
    "Painopisteet ovat teknologiametallit ja kiertotalous sekä automaatio ja robotiikka.",
    "painopiste teknologiametalli kiertotalous automaatio robotiikka",
)
GROWTH = _sentence(
    "Automaatio kasvaa Porissa. Kiertotaloudesta kerrotaan toisaalla.",
    "automaatio kasvaa pori kiertotalous kertoa",
)
# "Montako suoraa työpaikkaa automaatioalalla on Porin seudulla?"
JOB_WORDS = (
    QWord("suoraa", "suora", (), 3.3),
    QWord("työpaikkaa", "työpaikka", (), 3.3),
    QWord("automaatioalalla", "automaatio", (), 1.8),
    QWord("seudulla", "seutu", (), 1.7),
)
COUNT = Constraints(kinds=frozenset({"count"}))


def _jobs_evidence(beside: Sentence) -> Evidence:
    best = scored(JOBS, {"suora", "työpaikka", "seutu"}, coverage=0.75, words=JOB_WORDS)
    other = scored(beside, {"automaatio"}, words=JOB_WORDS)
    return Evidence(
        (best,),
        best,
        best,
        nearby=frozenset({"suora", "työpaikka", "seutu", "automaatio"}),
        company={"automaatio": (other,)},
    )


def test_a_value_for_a_thing_named_beside_the_asked_one_is_refused() -> None:
    # the word gap alone (automation, 1.8 of 10.1) is below the value-gap bar ...
    evidence = _jobs_evidence(AREAS)
    assert value_gap(evidence, COUNT) < CONFIG.max_value_gap
    # ... but the focus-area list joins the sector asked to the one the jobs are given for
    assert sibling_value(evidence, COUNT)
    assert decide(evidence, COUNT, "fi", CONFIG).reason == "sibling_value"


def test_a_value_is_not_refused_when_no_sentence_joins_the_two_things() -> None:
    evidence = _jobs_evidence(GROWTH)
    assert not sibling_value(evidence, COUNT)
    assert not decide(evidence, COUNT, "fi", CONFIG).refuse


COUNTED = group(
    make_chunk(
        "Ensimmäiseen hakuun jätettiin 8 hakemusta. Viisi hanketta sai rahoitusta. "
        "Haussa painotettiin kolmea asiaa:\n\n- metallurgiaa\n- osaajia\n- investointeja"
    )
)


def _counted(*picked: int) -> Evidence:
    chosen = tuple(
        scored(COUNTED.sentences[i], {"hakemus", "haku"}, dense=0.9, coverage=1.0) for i in picked
    )
    return Evidence(chosen, chosen[0], chosen[0])


@pytest.mark.parametrize(
    ("many", "picked", "refused"),
    [
        ((3, "hakem"), (0, 1), True),  # 8 applications, 5 funded: which 3 is not said
        ((8, "hakem"), (0, 1), False),  # the eight are counted, the answer may list them
        ((3, "asia"), (2,), False),  # a list answers which ones
        ((5, "hanke"), (1,), False),  # counted by the asked number
    ],
)
def test_which_of_things_counted_by_other_numbers_is_refused(
    many: tuple[int, str], picked: tuple[int, ...], refused: bool
) -> None:
    constraints = Constraints(which_many=many)
    verdict = decide(_counted(*picked), constraints, "fi", RefusalConfig())
    assert (verdict.reason == "count_not_which") is refused
