"""Ranking metrics: hand-computed values for one and several relevant ids."""

from __future__ import annotations

import math

import pytest

from eval.metrics_retrieval import first_rank, hit_at, ndcg_at, reciprocal_rank, summarize

RANKING = ["a", "b", "c", "d", "e", "f"]


@pytest.mark.parametrize(
    ("gold", "rank", "hit1", "hit5", "rr", "ndcg"),
    [
        ("a", 1, 1.0, 1.0, 1.0, 1.0),
        ("b", 2, 0.0, 1.0, 0.5, 1 / math.log2(3)),
        ("e", 5, 0.0, 1.0, 0.2, 1 / math.log2(6)),
        ("f", 6, 0.0, 0.0, 1 / 6, 1 / math.log2(7)),
        ("z", None, 0.0, 0.0, 0.0, 0.0),
    ],
)
def test_single_gold(
    gold: str, rank: int | None, hit1: float, hit5: float, rr: float, ndcg: float
) -> None:
    assert first_rank(RANKING, gold) == rank
    assert hit_at(RANKING, gold, 1) == hit1
    assert hit_at(RANKING, gold, 5) == hit5
    assert reciprocal_rank(RANKING, gold, 10) == pytest.approx(rr)
    assert ndcg_at(RANKING, gold, 10) == pytest.approx(ndcg)


def test_cutoff_applies_to_reciprocal_rank_and_ndcg() -> None:
    assert reciprocal_rank(RANKING, "f", k=5) == 0.0
    assert ndcg_at(RANKING, "f", k=5) == 0.0


def test_several_relevant_ids() -> None:
    gold = {"b", "d"}
    assert first_rank(RANKING, gold) == 2
    assert reciprocal_rank(RANKING, gold) == 0.5
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at(RANKING, gold) == pytest.approx((1 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert ndcg_at(["b", "d"], gold) == pytest.approx(1.0)


def test_repeated_ids_do_not_inflate_ndcg() -> None:
    assert ndcg_at(["a", "a", "a"], "a") == pytest.approx(1.0)


def test_summarize_means_over_questions() -> None:
    result = summarize([["a", "b"], ["b", "a"], ["c"]], ["a", "a", "a"])
    assert result["hit@1"] == pytest.approx(1 / 3)
    assert result["hit@5"] == pytest.approx(2 / 3)
    assert result["mrr@10"] == pytest.approx((1 + 0.5 + 0) / 3)
    assert result["ndcg@10"] == pytest.approx((1 + 1 / math.log2(3)) / 3)
    assert set(result) == {"hit@1", "hit@5", "mrr@10", "ndcg@10"}


def test_summarize_without_questions_is_zero() -> None:
    assert summarize([], []) == {"hit@1": 0.0, "hit@5": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: hit_at(RANKING, "a", 0), "k must be at least 1. Currently, k is 0"),
        (lambda: reciprocal_rank(RANKING, "a", -1), "Currently, k is -1"),
        (lambda: ndcg_at(RANKING, "a", 0), "Currently, k is 0"),
        (lambda: summarize([["a"]], []), "same length. Currently, they have 1 and 0"),
    ],
)
def test_bad_input_is_refused(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
