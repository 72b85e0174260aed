"""Answer metrics on tiny hand-made outcomes, with the expected values worked out by hand."""

from __future__ import annotations

import pytest

from eval.metrics_answer import (
    Outcome,
    QuoteCheck,
    group_satisfied,
    has_all_facts,
    is_verbatim,
    missing_groups,
    normalise,
    percentile,
    quote_has_fact,
    ratio,
    summarize_answers,
)

DATES = (("18.10.2023", "18. lokakuuta 2023"), ("31.12.2023", "31. joulukuuta 2023"))
CHUNK = "Toinen rahoitushaku oli auki 18.10.2023–31.12.2023 Satakuntaliitossa."


def outcome(answerable: bool, refused: bool, text: str = "", facts=DATES, quotes=(), ms=10.0):
    return Outcome(answerable, refused, text, facts if answerable else (), tuple(quotes), ms)


def test_normalise_collapses_whitespace_and_case() -> None:
    assert normalise("  Teemu\n\tHEINO  ") == "teemu heino"


@pytest.mark.parametrize(
    ("text", "group", "expected"),
    [
        ("Haku oli auki 18.10.2023 alkaen.", ("18.10.2023", "18. lokakuuta 2023"), True),
        ("Haku alkoi 18. LOKAKUUTA\n2023.", ("18.10.2023", "18. lokakuuta 2023"), True),
        ("Haku alkoi lokakuussa.", ("18.10.2023", "18. lokakuuta 2023"), False),
        ("Mitä tahansa", ("", "  "), False),
        # the documents write a range with either dash
        ("solmittu vuosille 2021-2027", ("2021–2027",), True),
        ("koskee vuosia 2021–2027", ("2021-2027",), True),
        ("koskee vuosia 2021–2026", ("2021-2027",), False),
    ],
)
def test_group_satisfied(text: str, group: tuple[str, ...], expected: bool) -> None:
    assert group_satisfied(text, group) is expected


def test_missing_groups_names_only_the_missing_ones() -> None:
    assert missing_groups("Auki 18.10.2023 asti.", DATES) == [DATES[1]]
    assert missing_groups("18.10.2023–31. joulukuuta 2023", DATES) == []


def test_has_all_facts_needs_every_group_and_no_refusal() -> None:
    both = "Haku oli auki 18.10.2023–31.12.2023. [1]"
    assert has_all_facts(outcome(True, False, both))
    assert not has_all_facts(outcome(True, False, "Auki 18.10.2023 alkaen."))
    assert not has_all_facts(outcome(True, True, both))  # a refusal never counts
    assert not has_all_facts(outcome(False, False, both))  # nothing to recall


def test_quote_has_fact_accepts_any_group() -> None:
    assert quote_has_fact("Haku päättyi 31.12.2023.", DATES)
    assert not quote_has_fact("Haku oli Satakuntaliitossa.", DATES)


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (QuoteCheck("auki 18.10.2023–31.12.2023", CHUNK), True),
        (QuoteCheck("auki 18.10.2023 - 31.12.2023", CHUNK), False),  # not character-exact
        (QuoteCheck("Toinen rahoitushaku", None), False),  # cited chunk not in the index
        (QuoteCheck("", CHUNK), False),
    ],
)
def test_is_verbatim(check: QuoteCheck, expected: bool) -> None:
    assert is_verbatim(check) is expected


def test_percentile_interpolates() -> None:
    values = [40.0, 10.0, 30.0, 20.0]
    assert percentile(values, 50) == pytest.approx(25.0)
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile(values, 0) == 10.0
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) == 0.0


@pytest.mark.parametrize("q", [-1.0, 100.5])
def test_percentile_rejects_out_of_range(q: float) -> None:
    with pytest.raises(ValueError, match=f"q must be between 0 and 100. Currently, q is {q}"):
        percentile([1.0], q)


def test_ratio_of_nothing_is_zero() -> None:
    assert ratio(0, 0) == 0.0
    assert ratio(1, 4) == 0.25


def test_summarize_answers_by_hand() -> None:
    good = QuoteCheck("Toinen rahoitushaku oli auki 18.10.2023–31.12.2023", CHUNK)
    off_topic = QuoteCheck("Satakuntaliitossa", CHUNK)
    invented = QuoteCheck("Haku oli auki koko vuoden", CHUNK)
    outcomes = [
        # answerable, answered with both dates, two citations (one with a fact)
        outcome(
            True, False, "Auki 18.10.2023–31.12.2023. [1] [2]", quotes=[good, off_topic], ms=10
        ),
        # answerable, answered with one date only, one citation with a fact
        outcome(True, False, "Auki 18.10.2023 alkaen. [1]", quotes=[good], ms=20),
        # answerable but refused
        outcome(True, True, "En löytänyt vastausta.", ms=30),
        # unanswerable and refused
        outcome(False, True, "En löytänyt vastausta.", ms=40),
        # unanswerable but answered, with a quote that is not in the chunk
        outcome(False, False, "Haku oli auki koko vuoden. [1]", quotes=[invented], ms=50),
    ]
    m = summarize_answers(outcomes)
    assert m["key_fact_recall"] == pytest.approx(1 / 3)
    assert m["citation_precision"] == pytest.approx(2 / 3)  # answerable citations only
    assert m["verbatim_quote_rate"] == pytest.approx(3 / 4)  # every citation counts
    assert m["refusal_precision"] == pytest.approx(1 / 2)
    assert m["refusal_recall"] == pytest.approx(1 / 2)
    assert m["false_refusal_rate"] == pytest.approx(1 / 3)
    assert m["latency_p50_ms"] == pytest.approx(30.0)
    assert m["latency_p95_ms"] == pytest.approx(48.0)


def test_summarize_answers_of_nothing_is_all_zero() -> None:
    assert set(summarize_answers([]).values()) == {0.0}
