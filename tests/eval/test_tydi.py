"""TyDi QA benchmark: loading, config names, the contract JSON, and a real 30-question run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.__main__ import main
from eval.retrievers import parse_config, passage_id
from eval.tydi import DEFAULT_CONFIG, load_tydi, run_tydi, standard_configs
from ingest.errors import ConfigError

METRICS = {"questions", "passages", "hit@1", "hit@5", "mrr@10", "ndcg@10"}
SAUNA = "Sauna on huone, jossa kylvetään löylyssä. Suomessa on noin kolme miljoonaa saunaa."
PORI = (
    "Pori on kaupunki Satakunnassa. Porin jazzfestivaali järjestetään joka kesä Kirjurinluodossa."
)
JOKI = "Kokemäenjoki virtaa Porin läpi ja laskee Selkämereen."


def _squad(tmp_path: Path) -> Path:
    data = {
        "data": [
            {
                "title": "Sauna",
                "paragraphs": [
                    {
                        "context": SAUNA,
                        "qas": [
                            {"id": "q1", "question": "Montako saunaa Suomessa on?"},
                            {"id": "q2", "question": "Mitä saunassa tehdään?"},
                        ],
                    }
                ],
            },
            {
                "title": "Pori",
                "paragraphs": [
                    {
                        "context": PORI,
                        "qas": [{"id": "q3", "question": "Missä Pori Jazz järjestetään?"}],
                    }
                ],
            },
            {
                "title": "Kokemäenjoki",
                "paragraphs": [
                    {
                        "context": JOKI,
                        "qas": [{"id": "q4", "question": "Mihin Kokemäenjoki laskee?"}],
                    }
                ],
            },
            {"title": "Pori", "paragraphs": [{"context": PORI, "qas": []}]},
        ]
    }
    path = tmp_path / "tydi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_pools_unique_passages_and_maps_gold_by_text(tmp_path: Path) -> None:
    bench = load_tydi(_squad(tmp_path))
    assert bench.passages == (SAUNA, PORI, JOKI)
    assert bench.titles == ("Sauna", "Pori", "Kokemäenjoki")
    assert [q.gold for q in bench.questions] == [passage_id(t) for t in (SAUNA, SAUNA, PORI, JOKI)]
    assert bench.texts(with_titles=True)[1].startswith("Pori: Pori on kaupunki")


def test_limit_keeps_only_the_first_questions_and_their_passages(tmp_path: Path) -> None:
    bench = load_tydi(_squad(tmp_path), limit=2)
    assert [q.qid for q in bench.questions] == ["q1", "q2"]
    assert bench.passages == (SAUNA,)


def test_bm25_run_returns_the_contract_json(tmp_path: Path) -> None:
    result = run_tydi(_squad(tmp_path), ["bm25-plain", "bm25-lemma_compound"])
    assert result["default"] == "bm25-plain"  # the default config was not run
    configs = result["configs"]
    assert isinstance(configs, dict)
    for metrics in configs.values():
        assert set(metrics) == METRICS
        assert metrics["questions"] == 4
        assert metrics["passages"] == 3
        assert all(0.0 <= metrics[k] <= 1.0 for k in METRICS - {"questions", "passages"})
    # lemmas find "saunassa" ~ "sauna" and "laskee" ~ "laskea": every question at rank 1
    assert configs["bm25-lemma_compound"]["hit@1"] == 1.0


def test_cli_prints_one_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["tydi", "--file", str(_squad(tmp_path)), "--json", "--config", "bm25-lemma"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["default"] == "bm25-lemma"
    assert set(out["configs"]["bm25-lemma"]) == METRICS


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--config", "bm25-porter"], "Unknown retriever config 'bm25-porter'"),
        (["--limit", "0"], "--limit must be at least 1"),
    ],
)
def test_cli_bad_options_exit_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["tydi", "--file", str(_squad(tmp_path)), *argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("not json", "is not SQuAD-style JSON"),
        ('{"data": [{"paragraphs": [{"qas": []}]}]}', "does not follow the SQuAD layout"),
        ('{"data": []}', "holds no questions"),
    ],
)
def test_bad_files_are_refused(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_tydi(path)


@pytest.mark.parametrize(
    ("name", "kind", "analyzer", "method", "weight", "titles"),
    [
        ("dense", "dense", "lemma_compound", "", 0.0, False),
        ("bm25-snowball", "bm25", "snowball", "", 0.0, False),
        ("hybrid-zscore-0.15", "hybrid", "lemma_compound", "zscore", 0.15, False),
        ("hybrid-rrf-0.5-lemma", "hybrid", "lemma", "rrf", 0.5, False),
        ("dense+title", "dense", "lemma_compound", "", 0.0, True),
        ("hybrid-minmax-1+title", "hybrid", "lemma_compound", "minmax", 1.0, True),
    ],
)
def test_parse_config(
    name: str, kind: str, analyzer: str, method: str, weight: float, titles: bool
) -> None:
    config = parse_config(name)
    assert (config.kind, config.analyzer, config.method, config.weight, config.titles) == (
        kind,
        analyzer,
        method,
        weight,
        titles,
    )


@pytest.mark.parametrize(
    "name",
    ["", "bm25", "bm25-porter", "hybrid-zscore", "hybrid-zscore-1.5", "hybrid-borda-0.1",
     "hybrid-zscore-x", "dense+titles", "sparse"],
)  # fmt: skip
def test_unknown_config_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"Unknown retriever config {name!r}")):
        parse_config(name)


def test_standard_configs_parse_and_include_the_default() -> None:
    names = standard_configs()
    assert DEFAULT_CONFIG in names
    assert all(parse_config(n).name == n for n in names)


@pytest.mark.integration
def test_real_subset_with_dense_and_hybrid(tydi_file: Path, tmp_path: Path) -> None:
    configs = ["bm25-lemma_compound", "dense", DEFAULT_CONFIG]
    result = run_tydi(tydi_file, configs, limit=30, cache_dir=tmp_path / "cache")
    runs = result["configs"]
    assert isinstance(runs, dict)
    assert result["default"] == DEFAULT_CONFIG
    assert runs["dense"]["questions"] == 30
    assert 20 <= runs["dense"]["passages"] <= 30
    # on a pool this small every retriever should find nearly every gold passage
    for name in configs:
        assert runs[name]["hit@5"] >= 0.9, (name, runs[name])
    assert runs[DEFAULT_CONFIG]["mrr@10"] >= runs["bm25-lemma_compound"]["mrr@10"] - 0.05
    cached = list((tmp_path / "cache").glob("tydi-*.npy"))
    assert len(cached) == 1
    again = run_tydi(tydi_file, ["dense"], limit=30, cache_dir=tmp_path / "cache")
    assert again["configs"] == {"dense": runs["dense"]}
