"""Getting ready: warm-up, building a missing index, and what the page and the log say."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.webapp.startup import (
    BUILDING,
    FAILED,
    LOADING,
    READY,
    AppStatus,
    build_command,
    index_exists,
    prepare,
    prepare_in_background,
)
from ingest.errors import EmbedderMismatchError, IndexMissingError, PoriError
from ingest.settings import Settings
from tests.app.conftest import RunningApp, start_app, stop_app, wait_ready
from tests.conftest import ROOT

TINY_DOC = """# Testikaupungin ohje

## Tietoa tästä asiakirjasta

Tämä on testiaineistoa.

## Aukioloajat

Testikaupungin neuvonta on auki maanantaisin kello 9–15.
"""


class Recorder:
    """A stand-in assistant whose warm-up records the status it saw, or fails."""

    def __init__(self, status: AppStatus, error: Exception | None = None) -> None:
        self.status = status
        self.error = error
        self.seen: list[str] = []

    def warm_up(self) -> None:
        self.seen.append(self.status.get().state)
        if self.error is not None:
            raise self.error


def _settings(tmp_path: Path, with_corpus: bool = True) -> Settings:
    corpus = tmp_path / "corpus"
    if with_corpus:
        corpus.mkdir()
        (corpus / "ohje.md").write_text(TINY_DOC, encoding="utf-8")
    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus)


def test_builds_a_missing_index_then_warms_up(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    status = AppStatus()
    states: list[str] = []
    snap = prepare(
        settings, Recorder(status), status, builder=lambda s: states.append(status.get().state)
    )
    assert states == [BUILDING]
    assert snap.state == READY and snap.ready


@pytest.mark.parametrize(
    ("auto_build", "with_corpus", "message"),
    [
        (False, True, "Hakemistoa ei ole rakennettu. Rakenna se komennolla: "),
        (True, False, "eikä aineistokansiossa"),
    ],
)
def test_without_index_says_which_command_to_run(
    tmp_path: Path, auto_build: bool, with_corpus: bool, message: str
) -> None:
    settings = _settings(tmp_path, with_corpus)
    status = AppStatus()
    snap = prepare(settings, Recorder(status), status, auto_build=auto_build)
    assert snap.state == FAILED
    assert message in snap.message
    assert snap.message.endswith(build_command(settings))
    assert f"ASSISTANT_DATA_DIR={settings.data_dir} python -m ingest build --corpus" in snap.message


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (IndexMissingError("gone"), "Hakemistoa ei voi käyttää. Rakenna se uudelleen"),
        (EmbedderMismatchError("other model"), "Hakemistoa ei voi käyttää. Rakenna se uudelleen"),
        (
            PoriError("Chroma down"),
            "Avustajaa ei voitu käynnistää (syy näkyy sovelluksen lokissa).",
        ),
    ],
)
def test_warm_up_errors(tmp_path: Path, error: Exception, message: str) -> None:
    settings = _settings(tmp_path)
    status = AppStatus()
    snap = prepare(settings, Recorder(status, error), status, builder=lambda s: None)
    assert snap.state == FAILED and message in snap.message
    assert "gone" not in snap.message and "Chroma" not in snap.message


def test_build_failure_is_reported(tmp_path: Path) -> None:
    def broken(settings: Settings) -> None:
        raise PoriError("Another build is running")

    status = AppStatus()
    snap = prepare(_settings(tmp_path), Recorder(status), status, builder=broken)
    assert snap.state == FAILED
    assert snap.message.startswith("Hakemiston rakentaminen epäonnistui")


def test_unexpected_error_in_background_is_reported(tmp_path: Path) -> None:
    status = AppStatus()
    recorder = Recorder(status, RuntimeError("boom"))
    settings = _settings(tmp_path)
    (settings.index_dir).mkdir(parents=True)
    (settings.index_dir / "CURRENT").write_text("v1\n", encoding="utf-8")  # looks built
    prepare_in_background(settings, recorder, status).join(timeout=30)
    snap = status.get()
    assert snap.state == FAILED and "odottamattoman virheen" in snap.message
    assert recorder.seen == [LOADING]


def test_status_wait() -> None:
    status = AppStatus()
    started = time.monotonic()
    assert status.wait(0.05).state == LOADING
    threading.Timer(0.1, status.set, args=(READY, "Valmis.")).start()
    assert status.wait(10).ready
    assert time.monotonic() - started < 5
    status.set(BUILDING, "Rakennetaan")
    assert status.wait(10).state == BUILDING  # does not wait for a build


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "--port must be between 1 and 65535. Currently, it is 70000."),
        (["--concurrency", "0"], "--concurrency on oltava vähintään 1."),
    ],
)
def test_bad_arguments(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    import app

    assert app.main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.integration
def test_no_build_flag_prints_the_command(tmp_path: Path) -> None:
    env = {
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--no-build"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert (
        f"Hakemistoa ei ole rakennettu. Aja ensin: ASSISTANT_DATA_DIR={tmp_path / 'data'}"
        in done.stderr
    )
    assert "Traceback" not in done.stderr


@pytest.mark.integration
def test_app_without_index_builds_one_while_serving(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    log = tmp_path / "app.log"
    proc, url, _ = start_app(settings.data_dir, settings.corpus_dir, log)
    try:
        state = wait_ready(url)
        assert state.get("status") == "ready", log.read_text()
        text = log.read_text()
        assert "no index found in" in text
        assert "app status: building: Hakemistoa rakennetaan" in text
        assert "index built: 1 documents" in text
        from gradio_client import Client

        data = Client(url, verbose=False, analytics_enabled=False).predict(
            "Milloin Testikaupungin neuvonta on auki?", api_name="/ask"
        )
        assert "9–15" in data["answer"] and data["citations"][0]["doc_id"] == "ohje"
    finally:
        stop_app(proc)


@pytest.mark.parametrize(("pointer", "exists"), [(None, False), ("", False), ("v1\n", True)])
def test_index_exists_reads_the_pointer_like_the_store(
    tmp_path: Path, pointer: str | None, exists: bool
) -> None:
    from ingest.store import IndexStore

    settings = _settings(tmp_path)
    if pointer is not None:
        settings.index_dir.mkdir(parents=True)
        (settings.index_dir / "CURRENT").write_text(pointer, encoding="utf-8")
    assert index_exists(settings) is exists
    assert (IndexStore(settings).current_version() is not None) is exists


def test_index_exists_does_not_import_chromadb(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom ingest.settings import Settings\n"
        "from assistant.webapp.startup import index_exists\n"
        f"print(index_exists(Settings(data_dir=Path({str(tmp_path)!r}))), "
        "'chromadb' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.integration
def test_page_is_served_before_the_assistant_loads(running_app: RunningApp) -> None:
    log = running_app.log.read_text()
    served = log.index("serving Pori-neuvoja at")
    loading = log.index("app status: loading: Ladataan hakemistoa")
    assert served < loading < log.index("app status: ready: Valmis.")
