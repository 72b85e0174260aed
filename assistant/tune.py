"""``python -m assistant.tune [FILE.jsonl] [--dump FEATURES.json]``: quick answer metrics.

Runs a question set (default ``eval/questions/demo.jsonl``) through :class:`Assistant` and prints
what the answer step is judged on: hit@5 (a gold document among the top five passages), key-fact
recall, refusal precision and recall, the false-refusal rate, the share of verbatim quotes and
warm latency. ``--dump`` writes per-question features (best sentence similarity, word coverage,
refusal reason) for calibrating :class:`~assistant.refusal.RefusalConfig`. The full evaluation
(``python -m eval run``) lives in ``eval/``; this is the tuning loop of the answer step.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant.service import Assistant
from assistant.trace import Trace
from ingest.models import Answer
from ingest.settings import load_settings

DEFAULT_QUESTIONS = Path("eval/questions/demo.jsonl")
EVAL_TODAY = date(2025, 6, 1)  # fixed, so that "the call has closed" is reproducible


@dataclass(frozen=True)
class Row:
    item: dict[str, Any]
    answer: Answer
    trace: Trace
    hit5: bool
    facts: float
    verbatim: tuple[bool, ...]


def key_fact_share(text: str, groups: Sequence[Sequence[str]]) -> float:
    """1.0 when every key-fact group has an alternative in ``text`` (case-insensitive), else 0.0.

    The same rule as ``key_fact_recall`` in ``eval/metrics_answer.py``.
    """
    low = text.lower()
    return float(all(any(alt.lower() in low for alt in group) for group in groups))


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def run(assistant: Assistant, items: list[dict[str, Any]]) -> list[Row]:
    engine = assistant.engine
    rows: list[Row] = []
    for item in items:
        answer, trace = assistant.explain(
            item["question"], item.get("history") or [], today=EVAL_TODAY
        )
        index = engine.index()
        hits = trace.hits
        if not hits:
            hits = tuple(engine.search(index, trace.question.query, 5))
        gold = set(item.get("gold", {}).get("doc_ids") or [])
        hit5 = bool(gold & {h.chunk.doc_id for h in hits[:5]})
        chunks = index.chunks
        verbatim = tuple(
            c.chunk_id in chunks and c.quote in chunks[c.chunk_id].text for c in answer.citations
        )
        facts = 0.0 if answer.refused else key_fact_share(answer.text, item.get("key_facts") or [])
        rows.append(Row(item, answer, trace, hit5, facts, verbatim))
    return rows


def metrics(rows: list[Row]) -> dict[str, float]:
    answerable = [r for r in rows if r.item.get("answerable", True)]
    unanswerable = [r for r in rows if not r.item.get("answerable", True)]
    refused = [r for r in rows if r.answer.refused]
    quotes = [v for r in rows for v in r.verbatim]
    lat = [r.answer.latency_ms for r in rows]
    return {
        "questions": len(rows),
        "hit@5": statistics.fmean(r.hit5 for r in answerable) if answerable else 0.0,
        "key_fact_recall": statistics.fmean(r.facts for r in answerable) if answerable else 0.0,
        "refusal_precision": (
            sum(not r.item.get("answerable", True) for r in refused) / len(refused)
        )
        if refused
        else 1.0,
        "refusal_recall": (sum(r.answer.refused for r in unanswerable) / len(unanswerable))
        if unanswerable
        else 1.0,
        "false_refusal_rate": (sum(r.answer.refused for r in answerable) / len(answerable))
        if answerable
        else 0.0,
        "verbatim_quote_rate": (sum(quotes) / len(quotes)) if quotes else 1.0,
        "latency_p50_ms": percentile(lat, 0.5),
        "latency_p95_ms": percentile(lat, 0.95),
    }


def features(row: Row) -> dict[str, Any]:
    ev = row.trace.gathered.evidence if row.trace.gathered else None
    best = ev.best if ev else None
    top = ev.top if ev else None
    scored = row.trace.gathered.scored if row.trace.gathered else ()
    dens = sorted((s.dense for s in scored), reverse=True)
    hits = row.trace.gathered.hits if row.trace.gathered else ()
    qwords = row.trace.gathered.qwords if row.trace.gathered else ()
    total = sum(w.weight for w in qwords) or 1.0
    return {
        "chunk_dense": hits[0].dense if hits else None,
        "gap": (best.dense - statistics.fmean(dens[:10])) if best and dens else None,
        "unknown": sum(w.weight for w in qwords if not w.known and not w.parts) / total,
        "unknown_compound": sum(w.weight for w in qwords if not w.known and w.parts) / total,
        "parts": len(row.trace.parts),
        "id": row.item["id"],
        "question": row.item["question"],
        "answerable": row.item.get("answerable", True),
        "category": row.item.get("category"),
        "refused": row.answer.refused,
        "reason": row.trace.verdict.reason,
        "route": row.trace.route,
        "language": row.trace.question.language,
        "facts": row.facts,
        "hit5": row.hit5,
        "best_dense": best.dense if best else None,
        "best_cov": best.coverage if best else None,
        "top_dense": top.dense if top else None,
        "top_cov": top.coverage if top else None,
        "top_missing": list(top.missing) if top else None,
        "answer": row.answer.text[:300],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.tune")
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--dump", type=Path, help="write per-question features here (JSON)")
    parser.add_argument("--show", action="store_true", help="print the questions that failed")
    args = parser.parse_args(argv)
    items = [
        json.loads(line)
        for line in args.questions.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assistant = Assistant(load_settings())
    started = time.perf_counter()
    assistant.warm_up()
    warm = time.perf_counter() - started
    run(assistant, items[:10])  # first pass fills the sentence cache; measure the second
    rows = run(assistant, items)
    result = metrics(rows)
    result["warm_up_s"] = round(warm, 2)
    print(json.dumps(result, indent=1))
    if args.dump:
        args.dump.write_text(
            json.dumps([features(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8"
        )
    if args.show:
        for r in rows:
            ok_refusal = r.answer.refused == (not r.item.get("answerable", True))
            if not ok_refusal or (r.facts < 1.0 and r.item.get("answerable", True)):
                print(
                    f"--- {r.item['id']} [{r.item.get('category')}] {r.item['question']} "
                    f"hist={r.item.get('history')} refused={r.answer.refused} "
                    f"({r.trace.verdict.reason}) facts={r.facts:.2f} hit5={r.hit5}"
                )
                print(f"    key_facts={r.item.get('key_facts')}")
                print("    " + r.answer.text[:400].replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
