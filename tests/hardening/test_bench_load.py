"""eval/bench_load.py runs for real: 5 sessions for 10 s against the app, without errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eval.bench_load import _events, _percentile, _slope
from tests.conftest import ROOT


@pytest.mark.integration
def test_short_load_run_has_no_errors(demo_data_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "eval.bench_load", "--data-dir", str(demo_data_dir),
         "--sessions", "5", "--duration", "10", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["errors"] == 0 and result["error_samples"] == [], result
    assert result["requests"] >= 5 and result["sessions"] == 5
    assert 0 < result["latency_p50_ms"] <= result["latency_p95_ms"] <= result["latency_max_ms"]
    assert result["throughput_rps"] > 0
    assert result["rss_samples"] >= 8  # one a second
    assert 0 < result["rss_start_mb"] <= result["rss_max_mb"]
    assert 0 < result["rss_end_mb"] <= result["rss_max_mb"]


def test_helpers() -> None:
    stream = 'event: heartbeat\ndata: null\n\nevent: complete\ndata: [{"a": 1}]\n\n'
    assert list(_events(stream)) == [("heartbeat", "null"), ("complete", '[{"a": 1}]')]
    assert _percentile([3.0, 1.0, 2.0, 4.0], 0.5) == 3.0 and _percentile([], 0.95) == 0.0
    flat = [(float(t), 500.0) for t in range(20)]
    growing = [(float(t), 500.0 + t) for t in range(20)]  # 1 MB a second
    assert _slope(flat) == 0.0 and _slope(growing) == pytest.approx(60.0)


@pytest.mark.integration
def test_app_keeps_the_state_of_a_bounded_number_of_sessions(tmp_path: Path) -> None:
    from assistant.webapp.server import create_app
    from assistant.webapp.startup import AppStatus, LazyAssistant
    from ingest.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=ROOT / "corpus")
    app = create_app(settings, LazyAssistant(settings), AppStatus())
    mounted: list[Any] = [getattr(route, "app", None) for route in app.routes]
    holders = [sub.state_holder for sub in mounted if hasattr(sub, "state_holder")]
    assert holders
    assert all(h.capacity <= 2000 for h in holders), [h.capacity for h in holders]
