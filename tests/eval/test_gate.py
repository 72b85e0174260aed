"""The CI gate: thresholds file, the check itself, and the fast subset on the demo index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.gate import THRESHOLDS, Failure, check, load_thresholds, metric_value
from ingest.errors import ConfigError
from ingest.settings import Settings

REQUIRED = {"hit@5", "key_fact_recall", "verbatim_quote_rate", "refusal_recall",
            "1-false_refusal_rate"}  # fmt: skip
METRICS = {"questions": 45, "hit@5": 0.9, "key_fact_recall": 0.8, "false_refusal_rate": 0.1}


def test_thresholds_file_covers_the_key_metrics() -> None:
    minimums = load_thresholds()
    assert set(minimums) >= REQUIRED
    assert all(0.0 < v <= 1.0 for v in minimums.values())


def test_check_passes_at_and_above_the_minimum() -> None:
    assert check(METRICS, {"hit@5": 0.9, "key_fact_recall": 0.5}) == []


def test_check_reports_each_metric_below_its_minimum() -> None:
    failures = check(METRICS, {"hit@5": 0.95, "key_fact_recall": 0.5, "1-false_refusal_rate": 0.95})
    assert failures == [Failure("hit@5", 0.9, 0.95), Failure("1-false_refusal_rate", 0.9, 0.95)]
    assert str(failures[0]) == "hit@5 = 0.9000 is below the minimum 0.9500"


def test_inverted_metric() -> None:
    assert metric_value(METRICS, "1-false_refusal_rate") == pytest.approx(0.9)


def test_unknown_metric_is_named() -> None:
    with pytest.raises(ConfigError, match=r"metric 'mrr@5', which the run did not measure"):
        check(METRICS, {"mrr@5": 0.5})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", r"is not valid JSON"),
        ("[]", r'needs a non-empty "minimums" object'),
        ('{"minimums": {}}', r'needs a non-empty "minimums" object'),
        ('{"minimums": {"hit@5": 1.5}}', r"'hit@5' in .* must be a number from 0 to 1. Currently, it is 1.5"),
        ('{"minimums": {"hit@5": "0.9"}}', r"Currently, it is '0.9'"),
        ('{"minimums": {"hit@5": true}}', r"Currently, it is True"),
    ],
)  # fmt: skip
def test_bad_thresholds_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_thresholds(path)


def test_missing_thresholds_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"none.json cannot be read"):
        load_thresholds(tmp_path / "none.json")


@pytest.mark.integration
def test_fast_subset_meets_the_thresholds(demo_settings: Settings) -> None:
    from eval.configs import select
    from eval.questionset import QUESTIONS, fast_subset, load_questions
    from eval.run import run

    result = run(demo_settings, select(None, fast=True), fast_subset(load_questions(QUESTIONS)))
    metrics = result.configs[result.default].metrics
    failures = check(metrics, load_thresholds())
    assert not failures, "\n".join(map(str, failures)) + "\n" + json.dumps(metrics, indent=1)
    assert THRESHOLDS.is_file()
