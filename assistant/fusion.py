"""Fusing dense and lexical (BM25) scores into one ranking.

The same function serves the TyDi QA benchmark (``eval/tydi.py``) and the assistant's
hybrid retriever, so the configuration that wins the benchmark is the one users get.

Methods (``weight`` is the share of the lexical side, 0..1):

- ``zscore``: each side standardised (mean 0, sd 1) over its own candidates, then
  ``(1 - weight) * dense + weight * lexical``.
- ``minmax``: each side scaled to 0..1 over its own candidates, then mixed the same way.
- ``rrf``: reciprocal-rank fusion, ``(1 - weight) / (k + rank_dense) + weight / (k +
  rank_lexical)`` with ``k = 60``; ``weight = 0.5`` is the classic unweighted RRF (halved).

A candidate missing from one side gets that side's lowest normalised score (or, for RRF,
no contribution): not being retrieved is evidence against it, not a neutral zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

FUSION_METHODS: tuple[str, ...] = ("zscore", "minmax", "rrf")
RRF_K = 60
# The assistant's default, chosen on both sets: on TyDi QA Finnish (python -m eval tydi) z-score
# fusion is flat for lexical weights 0.15-0.3 (MRR@10 0.919-0.920, hit@5 0.985-0.986); on the
# project's own question set (python -m eval run) 0.2 beat 0.1 and 0.3 (MRR@10 0.919 vs 0.908/0.902).
DEFAULT_FUSION_METHOD = "zscore"
DEFAULT_FUSION_WEIGHT = 0.2


def _zscores(scores: Mapping[str, float]) -> dict[str, float]:
    if not scores:
        return {}
    values = list(scores.values())
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    if sd == 0.0:
        return dict.fromkeys(scores, 0.0)
    return {key: (value - mean) / sd for key, value in scores.items()}


def _minmax(scores: Mapping[str, float]) -> dict[str, float]:
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high == low:
        return dict.fromkeys(scores, 1.0)
    return {key: (value - low) / (high - low) for key, value in scores.items()}


def _rrf(scores: Mapping[str, float]) -> dict[str, float]:
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return {key: 1.0 / (RRF_K + rank) for rank, (key, _) in enumerate(ranked, start=1)}


def fuse(
    dense: Mapping[str, float],
    lexical: Mapping[str, float],
    method: str = DEFAULT_FUSION_METHOD,
    weight: float = DEFAULT_FUSION_WEIGHT,
) -> list[tuple[str, float]]:
    """All candidates of either side with their fused score, best first (ties by id)."""
    if method not in FUSION_METHODS:
        raise ValueError(
            f"Unknown fusion method {method!r}. Choose one of: {', '.join(FUSION_METHODS)}."
        )
    if not 0.0 <= weight <= 1.0 or math.isnan(weight):
        raise ValueError(f"weight must be between 0 and 1. Currently, weight is {weight}.")
    normalise = {"zscore": _zscores, "minmax": _minmax, "rrf": _rrf}[method]
    dense_n = normalise(dense)
    lexical_n = normalise(lexical)
    missing = 0.0 if method == "rrf" else None
    dense_floor = missing if missing is not None else min(dense_n.values(), default=0.0)
    lexical_floor = missing if missing is not None else min(lexical_n.values(), default=0.0)
    fused = {
        key: (1.0 - weight) * dense_n.get(key, dense_floor)
        + weight * lexical_n.get(key, lexical_floor)
        for key in dense_n.keys() | lexical_n.keys()
    }
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
