"""Results of an evaluation run and how they are summarised into metrics.

Retrieval metrics (hit@k, MRR@10, nDCG@10 with binary gains) count answerable questions only;
answer metrics come from :mod:`eval.metrics_answer` and exist only for configurations that ran
the whole assistant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from eval import metrics_retrieval as mr
from eval.metrics_answer import Outcome, summarize_answers
from eval.questionset import EvalQuestion

if TYPE_CHECKING:
    from eval.configs import EvalConfig

RETRIEVAL_KEYS = ("hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10")


@dataclass(frozen=True)
class QuestionResult:
    """One question under one configuration."""

    question: EvalQuestion
    ranking: tuple[str, ...]  # chunk ids, best first
    ranking_docs: tuple[str, ...]  # their document ids
    relevant: frozenset[str]
    fallback: bool
    outcome: Outcome | None  # None for retrieval-only configs


@dataclass(frozen=True)
class ConfigResult:
    """Everything measured for one configuration."""

    config: EvalConfig
    results: tuple[QuestionResult, ...]
    metrics: dict[str, float | int]
    by_category: dict[str, dict[str, float | int | None]]
    chunks: int
    chunk_chars: int
    seconds: float
    same_as: str | None = None  # identical run reused from another config

    @property
    def fallbacks(self) -> int:
        return sum(r.fallback for r in self.results)


@dataclass(frozen=True)
class RunResult:
    """A whole run: every configuration, in the order they were asked for."""

    default: str
    configs: dict[str, ConfigResult]
    question_file: str
    fast: bool
    day: date
    seconds: float


def _retrieval(results: Sequence[QuestionResult]) -> dict[str, float]:
    scored = [r for r in results if r.question.answerable]
    n = len(scored)
    if n == 0:
        return dict.fromkeys(RETRIEVAL_KEYS, 0.0)
    return {
        "hit@1": sum(mr.hit_at(r.ranking, r.relevant, 1) for r in scored) / n,
        "hit@3": sum(mr.hit_at(r.ranking, r.relevant, 3) for r in scored) / n,
        "hit@5": sum(mr.hit_at(r.ranking, r.relevant, 5) for r in scored) / n,
        "mrr@10": sum(mr.reciprocal_rank(r.ranking, r.relevant, 10) for r in scored) / n,
        "ndcg@10": sum(mr.ndcg_at(r.ranking, r.relevant, 10) for r in scored) / n,
    }


def summarize(results: Sequence[QuestionResult]) -> dict[str, float | int]:
    """Contract metrics (rounded); answer metrics only when every result has an outcome."""
    out: dict[str, float | int] = {"questions": len(results)}
    out.update({k: round(v, 4) for k, v in _retrieval(results).items()})
    outcomes = [r.outcome for r in results if r.outcome is not None]
    if results and len(outcomes) == len(results):
        for key, value in summarize_answers(outcomes).items():
            out[key] = round(value, 1 if key.startswith("latency") else 4)
    return out


def by_category(results: Sequence[QuestionResult]) -> dict[str, dict[str, float | int | None]]:
    """Per category: questions, hit@5, mrr@10, key-fact recall, refusal share (None = n/a)."""
    groups: dict[str, list[QuestionResult]] = {}
    for r in results:
        groups.setdefault(r.question.category, []).append(r)
    table: dict[str, dict[str, float | int | None]] = {}
    for category, items in groups.items():
        metrics = summarize(items)
        answerable = any(r.question.answerable for r in items)
        with_answers = "key_fact_recall" in metrics
        refused = [r.outcome.refused for r in items if r.outcome is not None]
        table[category] = {
            "questions": len(items),
            "hit@5": metrics["hit@5"] if answerable else None,
            "mrr@10": metrics["mrr@10"] if answerable else None,
            "key_fact_recall": metrics["key_fact_recall"] if answerable and with_answers else None,
            "citation_precision": (
                metrics["citation_precision"] if answerable and with_answers else None
            ),
            "refused": round(sum(refused) / len(refused), 4) if with_answers else None,
        }
    return table


def finish(
    config: EvalConfig,
    results: Sequence[QuestionResult],
    chunks: int,
    chunk_chars: int,
    seconds: float,
) -> ConfigResult:
    """Aggregate one configuration's question results."""
    return ConfigResult(
        config=config,
        results=tuple(results),
        metrics=summarize(results),
        by_category=by_category(results),
        chunks=chunks,
        chunk_chars=chunk_chars,
        seconds=seconds,
    )
