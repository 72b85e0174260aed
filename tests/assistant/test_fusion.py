"""Fusion of dense and lexical scores: methods, weights, missing candidates, bad input."""

from __future__ import annotations

import pytest

from assistant.fusion import FUSION_METHODS, RRF_K, fuse

DENSE = {"a": 0.90, "b": 0.85, "c": 0.80, "d": 0.70}
LEXICAL = {"c": 12.0, "b": 3.0, "e": 9.0}


def ids(ranked: list[tuple[str, float]]) -> list[str]:
    return [doc for doc, _ in ranked]


@pytest.mark.parametrize("method", FUSION_METHODS)
def test_weight_zero_keeps_the_dense_order(method: str) -> None:
    assert ids(fuse(DENSE, LEXICAL, method, 0.0))[:4] == ["a", "b", "c", "d"]


@pytest.mark.parametrize("method", ["zscore", "minmax"])
def test_weight_one_keeps_the_lexical_order(method: str) -> None:
    assert ids(fuse(DENSE, LEXICAL, method, 1.0))[:2] == ["c", "e"]


@pytest.mark.parametrize("method", FUSION_METHODS)
def test_every_candidate_of_either_side_is_returned_best_first(method: str) -> None:
    fused = fuse(DENSE, LEXICAL, method, 0.3)
    assert set(ids(fused)) == {"a", "b", "c", "d", "e"}
    scores = [score for _, score in fused]
    assert scores == sorted(scores, reverse=True)


def test_agreement_of_both_sides_wins() -> None:
    # "c" is third by dense but first by BM25: a balanced mix puts it on top.
    assert ids(fuse(DENSE, LEXICAL, "zscore", 0.5))[0] == "c"


def test_rrf_scores_follow_the_formula() -> None:
    fused = dict(fuse({"x": 0.9, "y": 0.1}, {"y": 5.0}, "rrf", 0.5))
    assert fused["x"] == pytest.approx(0.5 / (RRF_K + 1))
    assert fused["y"] == pytest.approx(0.5 / (RRF_K + 2) + 0.5 / (RRF_K + 1))


def test_missing_side_gets_its_lowest_score() -> None:
    fused = dict(fuse({"x": 1.0, "y": 0.0}, {"y": 2.0, "z": 4.0}, "minmax", 0.5))
    assert fused["x"] == pytest.approx(0.5)  # dense 1.0, lexical floor 0.0
    assert fused["z"] == pytest.approx(0.5)  # dense floor 0.0, lexical 1.0
    assert fused["y"] == pytest.approx(0.0)


@pytest.mark.parametrize("method", FUSION_METHODS)
def test_empty_sides(method: str) -> None:
    assert fuse({}, {}, method, 0.5) == []
    assert ids(fuse({"a": 0.5, "b": 0.4}, {}, method, 0.5)) == ["a", "b"]
    assert ids(fuse({}, {"a": 1.0, "b": 2.0}, method, 0.5)) == ["b", "a"]


def test_equal_scores_do_not_divide_by_zero() -> None:
    fused = fuse({"a": 0.5, "b": 0.5}, {"a": 1.0, "b": 1.0}, "zscore", 0.5)
    assert ids(fused) == ["a", "b"]
    assert fuse({"a": 0.5}, {"a": 1.0}, "minmax", 0.5) == [("a", 1.0)]


@pytest.mark.parametrize(
    ("method", "weight", "message"),
    [
        ("borda", 0.1, "Unknown fusion method 'borda'. Choose one of: zscore, minmax, rrf"),
        ("zscore", 1.5, "weight must be between 0 and 1. Currently, weight is 1.5"),
        ("rrf", -0.1, "Currently, weight is -0.1"),
        ("minmax", float("nan"), "Currently, weight is nan"),
    ],
)
def test_bad_input_is_refused(method: str, weight: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fuse(DENSE, LEXICAL, method, weight)
