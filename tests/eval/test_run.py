"""The evaluation runner: question sets, configs, relevance, summaries, and the CLI end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.configs import DEFAULT_CONFIG, STANDARD_CONFIGS, parse_config, select
from eval.metrics_answer import Outcome
from eval.questionset import EvalQuestion, fast_subset, load_questions, relevant_chunks
from eval.results import QuestionResult, by_category, summarize
from ingest.errors import ConfigError
from ingest.models import Chunk
from ingest.settings import Settings

DEMO = Path(__file__).resolve().parents[2] / "eval" / "questions" / "demo.jsonl"
CONTRACT_KEYS = {
    "questions", "hit@1", "hit@5", "mrr@10", "ndcg@10", "key_fact_recall",
    "citation_precision", "verbatim_quote_rate", "refusal_precision", "refusal_recall",
    "false_refusal_rate", "latency_p50_ms", "latency_p95_ms",
}  # fmt: skip
GOOD = {
    "id": "q001", "question": "Milloin toinen haku oli auki?", "history": [],
    "answerable": True,
    "gold": {"doc_ids": ["rahoitushaut"], "passages": ["auki 18.10.2023–31.12.2023"]},
    "key_facts": [["18.10.2023"], ["31.12.2023"]], "category": "date", "fact": "F25",
}  # fmt: skip


def write_lines(path: Path, items: list[Any]) -> Path:
    path.write_text(
        "\n".join(i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items),
        encoding="utf-8",
    )
    return path


def question(
    qid: str = "q1",
    category: str = "date",
    answerable: bool = True,
    docs: tuple[str, ...] = ("a",),
    passages: tuple[str, ...] = (),
) -> EvalQuestion:
    facts = (("x",),) if answerable else ()
    return EvalQuestion(
        qid, "Kysymys?", (), answerable, docs if answerable else (), passages, facts, category
    )


def chunk(cid: str, doc: str, text: str) -> Chunk:
    return Chunk(cid, doc, text, "T", "other", "", None, None, "", 0, len(text), 0)


# -- question sets --------------------------------------------------------------------------


def test_load_questions_reads_every_field(tmp_path: Path) -> None:
    follow = {**GOOD, "id": "q002", "history": ["Entä ensimmäinen?"], "category": "followup"}
    [q, f] = load_questions(write_lines(tmp_path / "q.jsonl", [GOOD, "", follow]))
    assert q == EvalQuestion(
        "q001", "Milloin toinen haku oli auki?", (), True, ("rahoitushaut",),
        ("auki 18.10.2023–31.12.2023",), (("18.10.2023",), ("31.12.2023",)), "date", "F25",
    )  # fmt: skip
    assert f.history == ("Entä ensimmäinen?",)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], r"q.jsonl:1 is not valid JSON"),
        (["[1, 2]"], r"q.jsonl:1: expected a JSON object, got list"),
        ([{k: v for k, v in GOOD.items() if k != "question"}], r"the field 'question' is missing"),
        ([{**GOOD, "question": "  "}], r"question must be a non-empty string"),
        ([{**GOOD, "answerable": "false"}], r"answerable must be true or false. Currently, it is 'false'"),
        ([{**GOOD, "history": "Entä?"}], r"history must be a list of strings"),
        ([{**GOOD, "key_facts": ["18.10.2023"]}], r"each key_facts group must be a list of strings"),
        ([{**GOOD, "gold": ["a"]}], r"gold must be an object"),
        (["", "  "], r"holds no questions"),
        ([GOOD, GOOD], r"q.jsonl:2: the id 'q001' is used twice"),
    ],
)  # fmt: skip
def test_load_questions_rejects_bad_input(tmp_path: Path, lines: list[Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_questions(write_lines(tmp_path / "q.jsonl", lines))


def test_load_questions_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope.jsonl cannot be read .* --questions"):
        load_questions(tmp_path / "nope.jsonl")


def test_fast_subset_takes_the_first_of_each_category() -> None:
    qs = [question(f"q{i}", "date" if i % 2 else "number") for i in range(10)]
    assert [q.qid for q in fast_subset(qs, per_category=2)] == ["q0", "q1", "q2", "q3"]


def test_demo_set_fast_subset_covers_every_category() -> None:
    qs = load_questions(DEMO)
    fast = fast_subset(qs)
    assert {q.category for q in fast} == {q.category for q in qs}
    assert any(not q.answerable for q in fast) and any(q.history for q in fast)


# -- relevance ------------------------------------------------------------------------------

CHUNKS = {
    "c1": chunk("c1", "a", "Haku oli auki\n18.10.2023–31.12.2023 ja sitten"),
    "c2": chunk("c2", "a", "Muuta tekstiä samasta asiakirjasta."),
    "c3": chunk("c3", "b", "Haku oli auki 18.10.2023–31.12.2023 toisessakin."),
}


def test_relevant_chunks_match_passages_with_normalised_whitespace() -> None:
    q = question(docs=("a",), passages=("oli auki 18.10.2023–31.12.2023",))
    assert relevant_chunks(q, CHUNKS) == (frozenset({"c1"}), False)


def test_relevant_chunks_fall_back_to_the_document_when_no_chunk_holds_the_passage() -> None:
    q = question(docs=("a",), passages=("teksti, jota ei ole",))
    assert relevant_chunks(q, CHUNKS) == (frozenset({"c1", "c2"}), True)


def test_relevant_chunks_without_passages_are_the_gold_documents() -> None:
    assert relevant_chunks(question(docs=("a", "b")), CHUNKS) == (
        frozenset({"c1", "c2", "c3"}), False,
    )  # fmt: skip


# -- configs --------------------------------------------------------------------------------


def test_standard_configs_cover_the_comparisons() -> None:
    names = set(STANDARD_CONFIGS)
    assert STANDARD_CONFIGS[0] == DEFAULT_CONFIG
    assert {
        "dense",
        "lexical",
        "hybrid-rrf-0.5",
        "chunks-500",
        "chunks-900",
        "chunks-1400",
    } <= names
    assert {f"bm25-{a}" for a in ("plain", "snowball", "lemma", "lemma_compound")} <= names
    assert len([n for n in names if n.startswith("hybrid-zscore-")]) >= 2


def test_parse_config_kinds() -> None:
    assert parse_config("dense").retrieval.mode == "dense"
    bm25 = parse_config("bm25-snowball")
    assert bm25.retrieval_only and bm25.analyzer == "snowball"
    sized = parse_config("chunks-500")
    assert sized.chunk_chars == 500 and not sized.retrieval_only
    hybrid = parse_config("hybrid-rrf-0.5")
    assert (hybrid.retrieval.fusion, hybrid.retrieval.lexical_weight) == ("rrf", 0.5)


@pytest.mark.parametrize(
    "name",
    ["bm25-porter", "hybrid-zscore-2", "hybrid-foo-0.2", "hybrid-zscore-x", "chunks-50", "x"],
)
def test_parse_config_rejects_unknown_names(name: str) -> None:
    with pytest.raises(ConfigError, match=f"Unknown evaluation config '{name}'. Use"):
        parse_config(name)


def test_select() -> None:
    assert [c.name for c in select(None, fast=True)] == [DEFAULT_CONFIG]
    assert [c.name for c in select(None)] == list(STANDARD_CONFIGS)
    assert [c.name for c in select(["dense", "dense", "lexical"])] == ["dense", "lexical"]


# -- summaries ------------------------------------------------------------------------------


def result(
    q: EvalQuestion,
    ranking: tuple[str, ...],
    relevant: set[str],
    refused: bool | None = None,
    text: str = "x",
) -> QuestionResult:
    outcome = (
        None if refused is None else Outcome(q.answerable, refused, text, q.key_facts, (), 5.0)
    )
    return QuestionResult(q, ranking, ("a",) * len(ranking), frozenset(relevant), False, outcome)


def test_summarize_counts_retrieval_on_answerable_questions_only() -> None:
    rows = [
        result(question("q1"), ("c1", "c2"), {"c1"}, refused=False),
        result(question("q2"), ("c2", "c3", "c4", "c5", "c6", "c1"), {"c1"}, refused=True),
        result(question("q3", "unanswerable", answerable=False), ("c1",), set(), refused=True),
    ]
    m = summarize(rows)
    assert set(m) == CONTRACT_KEYS | {"hit@3"}
    assert m["questions"] == 3
    assert (m["hit@1"], m["hit@5"]) == (0.5, 0.5)
    assert m["mrr@10"] == pytest.approx((1 + 1 / 6) / 2, abs=1e-4)
    assert (m["key_fact_recall"], m["refusal_recall"], m["false_refusal_rate"]) == (0.5, 1.0, 0.5)


def test_summarize_without_answers_has_retrieval_metrics_only() -> None:
    m = summarize([result(question(), ("c1",), {"c1"})])
    assert set(m) == {"questions", "hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10"}


def test_by_category_leaves_retrieval_empty_for_unanswerable_categories() -> None:
    rows = [
        result(question("q1", "date"), ("c1",), {"c1"}, refused=False),
        result(question("q2", "near_miss", answerable=False), ("c1",), set(), refused=True),
    ]
    table = by_category(rows)
    assert table["date"]["hit@5"] == 1.0 and table["date"]["refused"] == 0.0
    assert table["near_miss"]["hit@5"] is None and table["near_miss"]["refused"] == 1.0


# -- end to end -----------------------------------------------------------------------------


@pytest.mark.integration
def test_cli_runs_configs_and_writes_reports(
    demo_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from eval.__main__ import main

    lines = DEMO.read_text(encoding="utf-8").splitlines()
    raw = [json.loads(line) for line in lines if line.strip()]
    refusal = next(r["id"] for r in raw if not r["answerable"])
    small = write_lines(
        tmp_path / "s.jsonl", [r for r in raw if r["id"] in {"q003", "q081", refusal}]
    )
    reports = tmp_path / "reports"
    status = main(["run", "--questions", str(small), "--config", DEFAULT_CONFIG,
                   "--config", "bm25-plain", "--json", "--reports", str(reports)])  # fmt: skip
    out = capsys.readouterr()
    assert status == 0, out.err
    data = json.loads(out.out)
    assert data["default"] == DEFAULT_CONFIG
    assert set(data["configs"]) == {DEFAULT_CONFIG}
    metrics = data["configs"][DEFAULT_CONFIG]
    assert set(metrics) >= CONTRACT_KEYS
    assert all(isinstance(metrics[k], float) for k in CONTRACT_KEYS - {"questions"})
    assert metrics["questions"] == 3 and metrics["hit@5"] > 0
    assert set(data["retrieval_configs"]) == {"bm25-plain"}
    assert sorted(p.suffix for p in reports.iterdir()) == [".json", ".md", ".png"]
    md = next(reports.glob("*.md")).read_text(encoding="utf-8")
    assert f"**{DEFAULT_CONFIG}** (oletus)" in md and "bm25-plain" in md


def test_command_gate_fails_below_a_minimum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import eval.run
    from eval.__main__ import main
    from tests.eval.test_report import make_run

    def fake_run(settings: Settings, configs: list[Any], questions: list[Any], **kw: Any) -> Any:
        assert [c.name for c in configs] == [DEFAULT_CONFIG] and kw["fast"]
        assert len(questions) == len(fast_subset(load_questions(DEMO)))
        return make_run()

    monkeypatch.setattr(eval.run, "run", fake_run)
    strict = tmp_path / "t.json"
    strict.write_text('{"minimums": {"hit@5": 0.99, "verbatim_quote_rate": 0.5}}', encoding="utf-8")
    status = main(["run", "--fast", "--gate", "--thresholds", str(strict), "--json"])
    out = capsys.readouterr()
    assert status == 1
    assert f"Kynnysarvo alittui ({DEFAULT_CONFIG}): hit@5 = 0.5000 is below the minimum" in out.err
    assert "verbatim" not in out.err
    assert json.loads(out.out)["default"] == DEFAULT_CONFIG
    assert not list(tmp_path.glob("*.md"))  # --fast writes no report unless --reports is given


def test_command_names_an_unknown_config(capsys: pytest.CaptureFixture[str]) -> None:
    from eval.__main__ import main

    assert main(["run", "--config", "hybrid-best"]) == 2
    assert "Unknown evaluation config 'hybrid-best'" in capsys.readouterr().err
