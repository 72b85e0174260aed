"""Load benchmark (not a test): many chat sessions against the real app, memory sampled.

    python -m eval.bench_load                          # builds a demo index in a temp folder
    python -m eval.bench_load --data-dir data --sessions 50 --duration 60 --json
    python -m eval.bench_load --data-dir data --duration 600     # the longer run

Starts ``python app.py --no-build`` on 127.0.0.1 and a free port, waits until ``/terveys`` says
ready, then runs ``--sessions`` concurrent sessions for ``--duration`` seconds. Each session asks
the questions of ``--questions`` in turn (each session in its own shuffled order) through the
Gradio API of the ``ask`` endpoint (``POST /gradio_api/call/ask``, then its event stream), one
request at a time. Reports requests, errors, latency p50/p95, throughput and the app process's
RSS sampled every second (start, max, end, and the slope over the second half of the run).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = ROOT / "eval" / "questions" / "demo.jsonl"
CONTRACT_KEYS = frozenset({"question", "answer", "refused", "latency_ms", "citations"})
HOST = "127.0.0.1"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float | None:
    """Resident memory of ``pid`` in MB (psutil when installed, else /proc), None if gone."""
    try:
        import psutil

        try:
            return float(psutil.Process(pid).memory_info().rss) / 2**20
        except psutil.Error:
            return None
    except ImportError:
        pass
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# --- the app ---------------------------------------------------------------------------------


def _health(url: str) -> dict[str, Any] | None:
    try:
        with urllib.request.urlopen(url + "/terveys", timeout=2) as response:
            return dict(json.loads(response.read().decode("utf-8")))
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
        return None


@dataclass
class RunningApp:
    """``python app.py`` in a subprocess."""

    proc: subprocess.Popen[bytes]
    url: str
    log: Path
    ready_seconds: float

    @property
    def pid(self) -> int:
        return self.proc.pid


def stop(proc: subprocess.Popen[Any], grace: float = 15.0) -> None:
    """Terminate an app process, killing it when it does not exit within ``grace`` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


@contextmanager
def running_app(
    data_dir: Path,
    corpus_dir: Path,
    log: Path,
    *,
    port: int | None = None,
    concurrency: int | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300.0,
) -> Iterator[RunningApp]:
    """Start the app on 127.0.0.1, wait until it is ready, and stop it afterwards."""
    port = port or free_port()
    environ = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CORPUS_DIR": str(corpus_dir),
        "ASSISTANT_HOST": HOST,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    cmd = [sys.executable, str(ROOT / "app.py"), "--no-build", "--host", HOST, "--port", str(port)]
    if concurrency is not None:
        cmd += ["--concurrency", str(concurrency)]
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=environ, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    try:
        state: dict[str, Any] = {}
        while time.monotonic() - started < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}: {_tail(log)}")
            state = _health(url) or {}
            if state.get("status") == "ready":
                break
            if state.get("status") == "failed":
                raise RuntimeError(f"the app failed to start: {state} {_tail(log)}")
            time.sleep(0.2)
        else:
            raise RuntimeError(f"the app was not ready in {timeout:g} s: {state} {_tail(log)}")
        yield RunningApp(proc, url, log, time.monotonic() - started)
    finally:
        stop(proc)


def _tail(log: Path, chars: int = 2000) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return ""


# --- one request -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """The outcome of one ``ask`` call."""

    ok: bool
    seconds: float
    data: dict[str, Any] | None = None  # the answer JSON when ok
    error: str | None = None  # the app's error message or what went wrong


def _events(body: str) -> Iterator[tuple[str, str]]:
    """(event, data) pairs of a server-sent event stream."""
    for block in body.replace("\r\n", "\n").split("\n\n"):
        event, data = "", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if event:
            yield event, "\n".join(data)


def ask(url: str, question: str, timeout: float = 120.0) -> Reply:
    """Ask through the Gradio API of the ``ask`` endpoint; never raises."""
    started = time.perf_counter()
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        payload = json.dumps({"data": [question]})
        conn.request("POST", "/gradio_api/call/ask", payload, {"Content-Type": "application/json"})
        response = conn.getresponse()
        raw = response.read()
        if response.status != 200:
            return Reply(False, time.perf_counter() - started, error=f"HTTP {response.status}")
        event_id = json.loads(raw)["event_id"]
        conn.request("GET", f"/gradio_api/call/ask/{event_id}")
        response = conn.getresponse()
        body = response.read().decode("utf-8")
    except (OSError, http.client.HTTPException, ValueError, KeyError) as exc:
        return Reply(False, time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()
    seconds = time.perf_counter() - started
    for event, data in _events(body):
        if event == "complete":
            try:
                value = json.loads(data)[0]
            except (ValueError, IndexError, TypeError):
                return Reply(False, seconds, error=f"unreadable answer: {data[:200]}")
            if not isinstance(value, dict) or not set(value) >= CONTRACT_KEYS:
                return Reply(
                    False, seconds, error=f"answer without the contract keys: {data[:200]}"
                )
            return Reply(True, seconds, data=value)
        if event == "error":
            try:
                message = str(json.loads(data).get("error"))
            except (ValueError, AttributeError):
                message = data
            return Reply(False, seconds, error=message)
    return Reply(False, seconds, error=f"no answer in the event stream: {body[:200]}")


# --- the load run ----------------------------------------------------------------------------


@dataclass
class LoadResult:
    """What one run measured."""

    sessions: int
    duration_s: float
    requests: int = 0
    errors: int = 0
    refused: int = 0
    error_samples: list[str] = field(default_factory=list)
    latency_p50_ms: float = 0.0
    latency_p95_ms: float = 0.0
    latency_max_ms: float = 0.0
    throughput_rps: float = 0.0
    rss_start_mb: float = 0.0
    rss_max_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_slope_mb_per_min: float = 0.0  # over the second half of the run
    rss_samples: int = 0
    rss_by_minute_mb: list[float] = field(default_factory=list)  # at 0, 60, 120, ... s
    app_ready_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {k: round(v, 2) if isinstance(v, float) else v for k, v in asdict(self).items()}


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _slope(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (t, MB) in MB per minute over the second half of ``samples``."""
    half = samples[len(samples) // 2 :]
    if len(half) < 3:
        return 0.0
    xs, ys = [t for t, _ in half], [m for _, m in half]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return 60 * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def run_load(
    app: RunningApp,
    questions: Sequence[str],
    sessions: int,
    duration: float,
    request_timeout: float = 120.0,
) -> LoadResult:
    """Run ``sessions`` concurrent sessions for ``duration`` seconds against ``app``."""
    result = LoadResult(sessions=sessions, duration_s=duration, app_ready_s=app.ready_seconds)
    latencies: list[float] = []
    lock = threading.Lock()
    samples: list[tuple[float, float]] = []
    stop = threading.Event()
    started = time.monotonic()
    deadline = started + duration

    def sample() -> None:
        while True:
            mb = rss_mb(app.pid)
            if mb is not None:
                samples.append((time.monotonic() - started, mb))
            if stop.wait(1.0):
                return

    def session(index: int) -> None:
        order = list(questions)
        random.Random(index).shuffle(order)  # users do not all ask the same thing at once
        turn = 0
        while time.monotonic() < deadline:
            reply = ask(app.url, order[turn % len(order)], timeout=request_timeout)
            turn += 1
            with lock:
                result.requests += 1
                latencies.append(reply.seconds)
                if not reply.ok:
                    result.errors += 1
                    if len(result.error_samples) < 5:
                        result.error_samples.append(str(reply.error))
                elif reply.data and reply.data.get("refused"):
                    result.refused += 1

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    workers = [threading.Thread(target=session, args=(i,), daemon=True) for i in range(sessions)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=duration + request_timeout + 30)
    elapsed = time.monotonic() - started
    stop.set()
    sampler.join(timeout=5)
    result.duration_s = elapsed
    result.latency_p50_ms = 1000 * _percentile(latencies, 0.50)
    result.latency_p95_ms = 1000 * _percentile(latencies, 0.95)
    result.latency_max_ms = 1000 * max(latencies, default=0.0)
    result.throughput_rps = (result.requests - result.errors) / elapsed if elapsed else 0.0
    if samples:
        result.rss_start_mb = samples[0][1]
        result.rss_max_mb = max(m for _, m in samples)
        result.rss_end_mb = samples[-1][1]
        result.rss_samples = len(samples)
        result.rss_slope_mb_per_min = _slope(samples)
        result.rss_by_minute_mb = [
            round(next(m for t, m in samples if t >= minute * 60), 1)
            for minute in range(int(samples[-1][0] // 60) + 1)
        ]
    return result


def read_questions(path: Path) -> list[str]:
    """The ``question`` of every line of a JSONL question set."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(str(json.loads(line)["question"]))
    if not out:
        raise SystemExit(f"{path} has no questions")
    return out


def _build_demo_index(data_dir: Path) -> None:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(ROOT / "corpus"), "--json"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load benchmark of the running app.")
    parser.add_argument("--data-dir", type=Path, help="a built index (default: build the demo)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--port", type=int, help="port for the app (default: a free one)")
    parser.add_argument("--app-concurrency", type=int, help="app.py --concurrency")
    parser.add_argument("--request-timeout", type=float, default=120.0)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.duration <= 0:
        parser.error("--sessions must be at least 1 and --duration greater than 0")
    questions = read_questions(args.questions)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            print("building the demo index ...", file=sys.stderr)
            _build_demo_index(data_dir)
        log = Path(tmp) / "app.log"
        with running_app(
            data_dir, args.corpus, log, port=args.port, concurrency=args.app_concurrency
        ) as app:
            result = run_load(app, questions, args.sessions, args.duration, args.request_timeout)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        r = result
        print(
            f"sessions {r.sessions}, {r.duration_s:.0f} s (app ready after {r.app_ready_s:.1f} s)"
        )
        print(f"requests {r.requests}, errors {r.errors}, refused answers {r.refused}")
        print(
            f"latency p50 {r.latency_p50_ms:.0f} ms, p95 {r.latency_p95_ms:.0f} ms, "
            f"max {r.latency_max_ms:.0f} ms; throughput {r.throughput_rps:.2f} answers/s"
        )
        print(
            f"app RSS start {r.rss_start_mb:.0f} MB, max {r.rss_max_mb:.0f} MB, "
            f"end {r.rss_end_mb:.0f} MB ({r.rss_samples} samples; "
            f"second-half slope {r.rss_slope_mb_per_min:+.1f} MB/min)"
        )
        print("app RSS at each minute (MB): " + ", ".join(f"{m:.0f}" for m in r.rss_by_minute_mb))
        for sample in r.error_samples:
            print(f"error: {sample}")
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
