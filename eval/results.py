"""Results of an evaluation run and how they are summarised into metrics.

Retrieval metrics (hit@k, MRR@10, nDCG@10 with binary gains) count answerable questions only;
answer metrics come from :mod:`eval.metrics_answer` and exist only for configurations that ran
the whole assistant. :func:`to_json` is the ``--json`` object; :func:`problems` says in plain
Finnish what went wrong with one question, for the report's list of the worst questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eval import metrics_retrieval as mr
from eval.metrics_answer import Outcome, missing_groups, summarize_answers
from eval.questionset import EvalQuestion

if TYPE_CHECKING:
    from eval.configs import EvalConfig

RETRIEVAL_KEYS = ("hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10")
WORST = 15


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


def to_json(run: RunResult) -> dict[str, Any]:
    """The contract object of ``python -m eval run --json``, plus extra fields.

    ``configs`` holds the configurations that ran the whole assistant (every contract metric
    is a number); ``retrieval_configs`` the retrieval-only BM25 comparisons.
    """
    full = {n: c for n, c in run.configs.items() if not c.config.retrieval_only}
    lexical = {n: c for n, c in run.configs.items() if c.config.retrieval_only}
    return {
        "default": run.default,
        "configs": {n: c.metrics for n, c in full.items()},
        "retrieval_configs": {n: c.metrics for n, c in lexical.items()},
        "by_category": {n: c.by_category for n, c in run.configs.items()},
        "passage_fallbacks": {n: c.fallbacks for n, c in run.configs.items()},
        "indexes": {
            n: {"chunks": c.chunks, "chunk_chars": c.chunk_chars} for n, c in run.configs.items()
        },
        "same_as": {n: c.same_as for n, c in run.configs.items() if c.same_as},
        "question_set": run.question_file,
        "fast": run.fast,
        "date": run.day.isoformat(),
        "seconds": round(run.seconds, 1),
    }


def trade_off(metrics: dict[str, float | int]) -> float:
    """Mean of hit@5, MRR@10, key-fact recall, refusal recall and 1 - false-refusal rate."""
    parts = [
        metrics["hit@5"],
        metrics["mrr@10"],
        metrics["key_fact_recall"],
        metrics["refusal_recall"],
        1.0 - metrics["false_refusal_rate"],
    ]
    return sum(parts) / len(parts)


@dataclass(frozen=True)
class Problem:
    """One thing that went wrong with a question; ``weight`` orders the worst list."""

    weight: float
    text: str


def problems(r: QuestionResult) -> list[Problem]:
    """What went wrong with one question, in plain Finnish (empty when nothing did)."""
    out: list[Problem] = []
    q, o = r.question, r.outcome
    if o is not None and q.answerable and o.refused:
        out.append(Problem(3.0, "kieltäytyi, vaikka vastaus on aineistossa"))
    if o is not None and not q.answerable and not o.refused:
        out.append(Problem(3.0, "vastasi, vaikka aineistossa ei ole vastausta"))
    if o is not None and q.answerable and not o.refused:
        missed = [g[0] for g in missing_groups(o.text, q.key_facts)]
        if missed:
            out.append(Problem(2.0, "vastauksesta puuttui " + ", ".join(f"”{m}”" for m in missed)))
    if q.answerable and not r.relevant.intersection(r.ranking[:5]):
        if set(q.gold_doc_ids).intersection(r.ranking_docs[:5]):
            out.append(Problem(1.0, "oikea kohta ei ollut 5 parhaan hakutuloksen joukossa"))
        else:
            out.append(Problem(1.0, "oikea asiakirja ei ollut 5 parhaan hakutuloksen joukossa"))
    return out


def worst(result: ConfigResult, limit: int = WORST) -> list[tuple[QuestionResult, list[Problem]]]:
    """The questions with the most serious problems, worst first."""
    scored = [(r, problems(r)) for r in result.results]
    scored = [(r, p) for r, p in scored if p]
    scored.sort(key=lambda item: (-sum(p.weight for p in item[1]), item[0].question.qid))
    return scored[:limit]
