"""Ranking metrics for retrieval: hit@k, MRR@k and nDCG@k (binary relevance).

Pure functions over a ranking (ids, best first) and the relevant ids. A single relevant
id may be given as a string. Every metric is a fraction from 0 to 1.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

Gold = str | Collection[str]


def _gold_set(gold: Gold) -> frozenset[str]:
    if isinstance(gold, str):
        return frozenset((gold,))
    return frozenset(gold)


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1. Currently, k is {k}.")


def first_rank(ranking: Sequence[str], gold: Gold) -> int | None:
    """1-based rank of the first relevant id in ``ranking``, or None when none is there."""
    relevant = _gold_set(gold)
    for position, doc_id in enumerate(ranking, start=1):
        if doc_id in relevant:
            return position
    return None


def hit_at(ranking: Sequence[str], gold: Gold, k: int) -> float:
    """1.0 when a relevant id is among the first ``k``, else 0.0."""
    _check_k(k)
    rank = first_rank(ranking[:k], gold)
    return 0.0 if rank is None else 1.0


def reciprocal_rank(ranking: Sequence[str], gold: Gold, k: int = 10) -> float:
    """1 / rank of the first relevant id within the first ``k``; 0.0 when it is not there."""
    _check_k(k)
    rank = first_rank(ranking[:k], gold)
    return 0.0 if rank is None else 1.0 / rank


def ndcg_at(ranking: Sequence[str], gold: Gold, k: int = 10) -> float:
    """Normalised discounted cumulative gain at ``k`` with binary relevance."""
    _check_k(k)
    relevant = _gold_set(gold)
    if not relevant:
        return 0.0
    seen: set[str] = set()
    dcg = 0.0
    for position, doc_id in enumerate(ranking[:k], start=1):
        if doc_id in relevant and doc_id not in seen:
            seen.add(doc_id)
            dcg += 1.0 / math.log2(position + 1)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


def summarize(rankings: Sequence[Sequence[str]], golds: Sequence[Gold]) -> dict[str, float]:
    """Mean hit@1, hit@5, mrr@10 and ndcg@10 over questions (zeros for no questions)."""
    if len(rankings) != len(golds):
        raise ValueError(
            f"rankings and golds must have the same length. "
            f"Currently, they have {len(rankings)} and {len(golds)} items."
        )
    n = len(rankings)
    if n == 0:
        return {"hit@1": 0.0, "hit@5": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
    pairs = list(zip(rankings, golds, strict=True))
    return {
        "hit@1": sum(hit_at(r, g, 1) for r, g in pairs) / n,
        "hit@5": sum(hit_at(r, g, 5) for r, g in pairs) / n,
        "mrr@10": sum(reciprocal_rank(r, g, 10) for r, g in pairs) / n,
        "ndcg@10": sum(ndcg_at(r, g, 10) for r, g in pairs) / n,
    }
