"""Start-up benchmark (not a test): cold start to the page and to the first answer.

    python -m eval.bench_startup --runs 5            # builds the demo index in a temp folder
    python -m eval.bench_startup --runs 5 --json
    python -m eval.bench_startup --data-dir data     # an index already built there

Each run starts fresh processes against the same index (built once first with
``python -m ingest build`` into a temporary ASSISTANT_DATA_DIR, unless ``--data-dir`` is given):

- ``cli``: ``python -m assistant ask QUESTION --json``, wall time until the process exits with
  its answer (cold start to first answer on the command line);
- ``page``: ``python app.py --port P``, time until ``GET /`` first returns HTTP 200;
- ``app_answer``: in the same app process, time from its start until the first answer through
  the ``ask`` API endpoint returns (asked as soon as the page is served, so it includes waiting
  for the assistant to warm up).

Reports min/median/max per figure and the 1-minute load average read just before each run, as a
table or as one JSON object. Timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eval.bench_load import HOST, ask, free_port, stop

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTION = "Milloin toinen rahoitushaku oli auki?"
FIGURES = {
    "cli": "python -m assistant ask: cold start to answer",
    "page": "python app.py: first HTTP 200 of /",
    "app_answer": "python app.py: first answer via the API",
    "loadavg_1min": "load average (1 min) before the run",
}


class BenchError(RuntimeError):
    """A process under measurement failed; the message says which and why."""


@dataclass(frozen=True)
class StartupRun:
    """One run's measurements, in seconds from each process's start."""

    loadavg_1min: float
    cli: float
    page: float
    app_answer: float


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval.bench_startup",
        description="Start-up benchmark: cold start to the page and to the first answer.",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--data-dir", type=Path, help="a data folder with a built index (default: build the demo)"
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--question", default=DEFAULT_QUESTION)
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds allowed per process (default 300)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error(f"--runs must be at least 1. Currently, it is {args.runs}.")
    if args.timeout <= 0:
        parser.error(f"--timeout must be greater than 0. Currently, it is {args.timeout:g}.")
    if not args.question.strip():
        parser.error("--question must not be empty.")
    return args


def environment(data_dir: Path, corpus_dir: Path) -> dict[str, str]:
    """The environment of every measured process: this index, nothing from the network."""
    return {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CORPUS_DIR": str(corpus_dir),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }


def build_index(env: dict[str, str], corpus_dir: Path) -> dict[str, Any]:
    """``python -m ingest build --json`` into the environment's data folder; its JSON."""
    done = subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus_dir), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BenchError(f"python -m ingest build failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure_cli(env: dict[str, str], question: str, timeout: float) -> float:
    """Seconds until ``python -m assistant ask QUESTION --json`` exits with an answer."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", question, "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"python -m assistant ask exited with {done.returncode}: {done.stderr}")
    answer = json.loads(done.stdout)
    if not answer.get("answer"):
        raise BenchError(f"python -m assistant ask gave no answer: {done.stdout[:500]}")
    return seconds


def _page_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _tail(log: Path, chars: int = 2000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-chars:]


def measure_app(
    env: dict[str, str], question: str, timeout: float, log: Path
) -> tuple[float, float]:
    """(seconds to the first HTTP 200 of ``/``, seconds to the first answer via the API)."""
    port = free_port()
    url = f"http://{HOST}:{port}"
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--host", HOST, "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        while not _page_ok(url + "/"):
            if proc.poll() is not None:
                raise BenchError(f"app.py exited with {proc.returncode}: {_tail(log)}")
            if time.perf_counter() - started > timeout:
                raise BenchError(f"app.py served no page in {timeout:g} s: {_tail(log)}")
            time.sleep(0.02)
        page = time.perf_counter() - started
        reply = ask(url, question, timeout=timeout)
        if not reply.ok:
            raise BenchError(f"the ask endpoint failed: {reply.error} {_tail(log)}")
        return page, time.perf_counter() - started
    finally:
        stop(proc)


def one_run(env: dict[str, str], question: str, timeout: float, log: Path) -> StartupRun:
    load = os.getloadavg()[0]
    cli = measure_cli(env, question, timeout)
    page, app_answer = measure_app(env, question, timeout, log)
    return StartupRun(loadavg_1min=load, cli=cli, page=page, app_answer=app_answer)


def summarize(runs: Sequence[StartupRun]) -> dict[str, dict[str, float]]:
    """min/median/max of every figure over the runs."""
    if not runs:
        raise ValueError("summarize needs at least one run. Currently, runs is empty.")
    out = {}
    for name in FIGURES:
        values = [float(getattr(r, name)) for r in runs]
        out[name] = {
            "min": round(min(values), 2),
            "median": round(statistics.median(values), 2),
            "max": round(max(values), 2),
        }
    return out


def format_table(summary: dict[str, dict[str, float]], runs: int) -> str:
    """The summary as an aligned text table."""
    width = max(len(label) for label in FIGURES.values())
    lines = [f"{'figure (seconds; ' + str(runs) + ' runs)':<{width}}    min  median     max"]
    for name, label in FIGURES.items():
        s = summary[name]
        lines.append(f"{label:<{width}} {s['min']:>6.2f} {s['median']:>7.2f} {s['max']:>7.2f}")
    return "\n".join(lines)


def report(
    runs: Sequence[StartupRun], question: str, build: dict[str, Any] | None
) -> dict[str, Any]:
    """The JSON object of ``--json``."""
    return {
        "question": question,
        "runs": [{k: round(v, 2) for k, v in asdict(r).items()} for r in runs],
        "summary": summarize(runs),
        "index": None
        if build is None
        else {k: build.get(k) for k in ("documents", "chunks", "seconds")},
        "cpus": os.cpu_count(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        env = environment(data_dir.resolve(), args.corpus.resolve())
        build = None
        if args.data_dir is None:
            print("building the demo index ...", file=sys.stderr)
            build = build_index(env, args.corpus.resolve())
        runs = []
        try:
            for i in range(args.runs):
                runs.append(one_run(env, args.question, args.timeout, Path(tmp) / "app.log"))
                done = ", ".join(f"{k} {v:.2f}" for k, v in asdict(runs[-1]).items())
                print(f"run {i + 1}/{args.runs}: {done}", file=sys.stderr)
        except (BenchError, subprocess.TimeoutExpired) as exc:
            print(f"benchmark failed: {exc}", file=sys.stderr)
            return 1
    result = report(runs, args.question, build)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_table(result["summary"], len(runs)))
        for i, run in enumerate(result["runs"], start=1):
            print(f"run {i}: " + ", ".join(f"{k} {v:.2f}" for k, v in run.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
