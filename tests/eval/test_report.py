"""Reports of a hand-made run: JSON contract, Markdown for readers, the chart, problem lists."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eval import report, results
from eval.configs import DEFAULT_CONFIG, parse_config
from eval.metrics_answer import Outcome, QuoteCheck
from eval.questionset import EvalQuestion
from eval.results import QuestionResult, RunResult, finish

CONTRACT_KEYS = {
    "questions", "hit@1", "hit@5", "mrr@10", "ndcg@10", "key_fact_recall",
    "citation_precision", "verbatim_quote_rate", "refusal_precision", "refusal_recall",
    "false_refusal_rate", "latency_p50_ms", "latency_p95_ms",
}  # fmt: skip
FACTS = (("18.10.2023",), ("31.12.2023",))
ANSWERABLE = EvalQuestion("q1", "Milloin haku oli auki?", (), True, ("haut",), (), FACTS, "date")
FOLLOWUP = EvalQuestion(
    "q2", "Entä ensimmäinen?", ("Milloin toinen haku oli auki?",), True, ("haut",), (), FACTS,
    "followup",
)  # fmt: skip
NEAR_MISS = EvalQuestion(
    "q3", "Paljonko toisessa haussa jaettiin?", (), False, (), (), (), "near_miss"
)


def outcome(q: EvalQuestion, refused: bool, text: str) -> Outcome:
    quote = QuoteCheck("auki 18.10.2023", "Haku oli auki 18.10.2023–31.12.2023.")
    return Outcome(q.answerable, refused, text, q.key_facts, () if refused else (quote,), 12.0)


def make_run() -> RunResult:
    good = QuestionResult(
        ANSWERABLE, ("c1", "c2"), ("haut", "muu"), frozenset({"c1"}), False,
        outcome(ANSWERABLE, False, "Haku oli auki 18.10.2023–31.12.2023. [1]"),
    )  # fmt: skip
    refused = QuestionResult(
        FOLLOWUP, ("c9",) * 6, ("muu",) * 6, frozenset({"c1"}), False,
        outcome(FOLLOWUP, True, "En löytänyt vastausta asiakirjoista."),
    )  # fmt: skip
    answered = QuestionResult(
        NEAR_MISS, ("c1",), ("haut",), frozenset(), False,
        outcome(NEAR_MISS, False, "Haku oli auki 18.10.2023. [1]"),
    )  # fmt: skip
    partial = QuestionResult(
        ANSWERABLE, ("c2", "c1"), ("haut", "haut"), frozenset({"c1"}), False,
        outcome(ANSWERABLE, False, "Haku avattiin 18.10.2023. [1]"),
    )  # fmt: skip
    full = finish(parse_config(DEFAULT_CONFIG), [good, refused, answered], 10, 900, 1.5)
    dense = finish(parse_config("dense"), [partial, refused, answered], 10, 900, 1.0)
    lexical = finish(parse_config("bm25-plain"), [
        QuestionResult(r.question, r.ranking, r.ranking_docs, r.relevant, r.fallback, None)
        for r in (good, refused, answered)
    ], 10, 900, 0.1)  # fmt: skip
    return RunResult(
        default=DEFAULT_CONFIG,
        configs={DEFAULT_CONFIG: full, "dense": dense, "bm25-plain": lexical},
        question_file="eval/questions/demo.jsonl", fast=False, day=date(2025, 3, 4), seconds=3.0,
    )  # fmt: skip


def test_json_has_the_contract_keys() -> None:
    data = json.loads(json.dumps(results.to_json(make_run())))
    assert data["default"] == DEFAULT_CONFIG
    assert set(data["configs"]) == {DEFAULT_CONFIG, "dense"}
    for metrics in data["configs"].values():
        assert set(metrics) >= CONTRACT_KEYS
        assert all(isinstance(metrics[k], float) for k in CONTRACT_KEYS - {"questions"})
        assert all(0.0 <= metrics[k] <= 1.0 for k in CONTRACT_KEYS if "@" in k or "_rat" in k)
    assert set(data["retrieval_configs"]) == {"bm25-plain"}
    assert "key_fact_recall" not in data["retrieval_configs"]["bm25-plain"]
    assert data["by_category"][DEFAULT_CONFIG]["near_miss"]["hit@5"] is None


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, []),
        (1, ["kieltäytyi, vaikka vastaus on aineistossa",
             "oikea asiakirja ei ollut 5 parhaan hakutuloksen joukossa"]),
        (2, ["vastasi, vaikka aineistossa ei ole vastausta"]),
    ],
)  # fmt: skip
def test_problems_in_plain_finnish(index: int, expected: list[str]) -> None:
    r = make_run().configs[DEFAULT_CONFIG].results[index]
    assert [p.text for p in results.problems(r)] == expected


def test_problems_name_the_missing_key_fact_and_a_passage_outside_the_top_five() -> None:
    r = make_run().configs["dense"].results[0]
    assert [p.text for p in results.problems(r)] == ["vastauksesta puuttui ”31.12.2023”"]
    far = QuestionResult(ANSWERABLE, ("c2",) * 5 + ("c1",), ("haut",) * 6, frozenset({"c1"}),
                         False, None)  # fmt: skip
    assert [p.text for p in results.problems(far)] == [
        "oikea kohta ei ollut 5 parhaan hakutuloksen joukossa"
    ]


def test_worst_puts_refusals_before_retrieval_misses() -> None:
    worst = results.worst(make_run().configs[DEFAULT_CONFIG])
    assert [r.question.qid for r, _ in worst] == ["q2", "q3"]


def test_markdown_explains_metrics_default_categories_and_worst_questions() -> None:
    md = report.markdown(make_run(), "chart.png")
    assert md.startswith("# Pori-neuvojan arviointi 2025-03-04")
    assert f"Neuvoja käyttää oletuksena asetusta **{DEFAULT_CONFIG}**" in md
    for key in CONTRACT_KEYS - {"questions", "hit@1", "hit@5", "latency_p50_ms", "latency_p95_ms"}:
        assert f"- **{key}**: " in md
    assert "![Asetusten vertailu](chart.png)" in md
    assert "| followup | jatkokysymys | 1 |" in md
    assert "**q2** (followup) ”Entä ensimmäinen?” (aiemmin: ”Milloin toinen haku oli auki?”)" in md
    bm25_row = next(line for line in md.splitlines() if line.startswith("| bm25-plain | –"))
    assert bm25_row.count("–") == len(report.ANSWER_COLUMNS) + 1
    # the default has the best trade-off in this run, and the text says so
    assert "oletus on mitatuista paras tai tasoissa parhaan kanssa" in md


def test_markdown_says_when_another_config_measured_better() -> None:
    run = make_run()
    better = {
        **run.configs,
        DEFAULT_CONFIG: run.configs["dense"],
        "dense": run.configs[DEFAULT_CONFIG],
    }
    md = report.markdown(RunResult(run.default, better, run.question_file, False, run.day, 1.0))
    assert "**dense** sai tässä ajossa paremman tuloksen" in md


def test_write_creates_markdown_json_and_png(tmp_path: Path) -> None:
    paths = report.write(make_run(), tmp_path / "out")
    stem = f"2025-03-04-{DEFAULT_CONFIG}"
    assert [p.name for p in paths] == [f"{stem}.md", f"{stem}.json", f"{stem}.png"]
    assert paths[2].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"({stem}.png)" in paths[0].read_text(encoding="utf-8")
    assert json.loads(paths[1].read_text(encoding="utf-8"))["default"] == DEFAULT_CONFIG


def test_table_marks_the_default() -> None:
    lines = report.table(make_run()).splitlines()
    assert lines[0].startswith("config")
    assert lines[1].startswith(f"{DEFAULT_CONFIG} *")
    assert lines[3].split()[0] == "bm25-plain" and lines[3].split()[4] == "–"
