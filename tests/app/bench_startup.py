"""Benchmark: how fast ``python app.py`` serves the page and is ready to answer.

Usage (with an index built in DIR, e.g. by ``python -m ingest build``)::

    ASSISTANT_DATA_DIR=DIR .venv/bin/python tests/app/bench_startup.py --runs 3

Prints one JSON object: seconds from process start to the first HTTP 200 of the page
(``page_s``), to ``/terveys`` reporting ready (``ready_s``) and to the first answer of the
``ask`` endpoint (``first_answer_s``), per run, plus medians. Not a test: timings depend on the
machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.app.conftest import stop_app, wait_ready  # noqa: E402
from tests.conftest import free_port  # noqa: E402


def _page_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def one_run(data_dir: Path, corpus_dir: Path) -> dict[str, float]:
    import subprocess

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CORPUS_DIR": str(corpus_dir),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
    }
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            while not _page_ok(url + "/"):
                if proc.poll() is not None or time.perf_counter() - started > 300:
                    raise SystemExit("app.py did not start")
                time.sleep(0.05)
            page_s = time.perf_counter() - started
            state = wait_ready(url, timeout=300)
            ready_s = time.perf_counter() - started
            if state.get("status") != "ready":
                raise SystemExit(f"app.py is not ready: {state}")
            os.environ["HF_HUB_OFFLINE"] = "1"
            from gradio_client import Client

            Client(url, verbose=False, analytics_enabled=False).predict(
                "Milloin toinen rahoitushaku oli auki?", api_name="/ask"
            )
            first_answer_s = time.perf_counter() - started
        finally:
            stop_app(proc)
    return {
        "page_s": round(page_s, 2),
        "ready_s": round(ready_s, 2),
        "first_answer_s": round(first_answer_s, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(os.environ.get("ASSISTANT_DATA_DIR", "data"))
    )
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("ASSISTANT_CORPUS_DIR", "corpus"))
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run(args.data_dir.resolve(), args.corpus.resolve()) for _ in range(args.runs)]
    medians = {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
    load = os.getloadavg()[0]
    print(json.dumps({"runs": runs, "median": medians, "loadavg_1min_at_end": round(load, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
