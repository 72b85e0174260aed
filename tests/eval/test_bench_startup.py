"""eval/bench_startup.py: argument checks, the summary, and one real run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.bench_startup import FIGURES, StartupRun, format_table, parse_args, summarize
from tests.conftest import ROOT


def test_defaults() -> None:
    args = parse_args([])
    assert (args.runs, args.json, args.data_dir, args.timeout) == (5, False, None, 300.0)
    assert args.question == "Milloin toinen rahoitushaku oli auki?"
    assert parse_args(["--runs", "2", "--json"]).json is True


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--runs", "0"], "--runs must be at least 1. Currently, it is 0."),
        (["--timeout", "-1"], "--timeout must be greater than 0. Currently, it is -1."),
        (["--question", "  "], "--question must not be empty."),
        (["--runs", "kaksi"], "invalid int value: 'kaksi'"),
    ],
)
def test_bad_arguments(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_summary_and_table() -> None:
    runs = [
        StartupRun(loadavg_1min=0.5, cli=3.0, page=4.0, app_answer=6.0),
        StartupRun(loadavg_1min=1.5, cli=2.0, page=3.5, app_answer=7.0),
        StartupRun(loadavg_1min=1.0, cli=4.0, page=3.0, app_answer=5.0),
    ]
    summary = summarize(runs)
    assert set(summary) == set(FIGURES)
    assert summary["page"] == {"min": 3.0, "median": 3.5, "max": 4.0}
    assert summary["loadavg_1min"] == {"min": 0.5, "median": 1.0, "max": 1.5}
    table = format_table(summary, len(runs)).splitlines()
    assert "3 runs" in table[0] and len(table) == 1 + len(FIGURES)
    assert table[2].startswith("python app.py: first HTTP 200 of /")
    assert table[2].split()[-3:] == ["3.00", "3.50", "4.00"]
    with pytest.raises(ValueError, match=r"at least one run\. Currently, runs is empty"):
        summarize([])


@pytest.mark.integration
def test_one_real_run(demo_data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "eval.bench_startup", "--runs", "1", "--json",
         "--data-dir", str(demo_data_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    [run] = result["runs"]
    assert set(run) == set(FIGURES)
    assert run["cli"] > 0 and run["loadavg_1min"] >= 0
    assert 0 < run["page"] < run["app_answer"]  # the question is asked once the page is served
    assert result["summary"]["page"]["median"] == run["page"]
    assert result["index"] is None  # an existing index: nothing was built
