"""The assembled app without a browser: routes, the ``ask`` endpoint's registration, offline."""

from __future__ import annotations

import os
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.webapp.server import create_app, serve
from assistant.webapp.startup import BUILDING, READY, AppStatus
from ingest.settings import Settings
from tests.app.fakes import FakeAssistant


def test_app_routes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "documents" / "rahoitushaut.pdf").write_bytes(b"%PDF-1.4\n")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    status = AppStatus()
    status.set(BUILDING, "Rakennetaan")
    app = create_app(settings, FakeAssistant(), status)
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    client = TestClient(app)
    assert client.get("/terveys").json() == {"status": "building", "message": "Rakennetaan"}
    status.set(READY, "Valmis.")
    assert client.get("/terveys").json()["status"] == "ready"
    assert client.get("/asiakirjat/rahoitushaut").headers["content-type"] == "application/pdf"
    assert client.get("/asiakirjat/skripti").status_code == 404  # listed, but no file
    page = client.get("/")
    assert page.status_code == 200
    assert "fonts.googleapis.com" not in page.text and "cdn.jsdelivr" not in page.text
    config = client.get("/config").json()
    names = {d.get("api_name") for d in config["dependencies"]}
    assert "ask" in names
    assert settings.feedback_db.exists()  # opened (and purged) at start


def test_busy_port_is_reported_in_finnish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import app as app_module

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # in a thread of its own: Playwright may keep an event loop running in this one
        with ThreadPoolExecutor(1) as pool:
            assert pool.submit(app_module.main, ["--port", str(port)]).result(timeout=60) == 1
    err = capsys.readouterr().err
    assert f"Sovellus ei voinut kuunnella osoitetta 127.0.0.1:{port}" in err
    assert "Traceback" not in err


def test_serve_on_a_busy_port_returns_false_without_calling_back(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    started: list[bool] = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        settings = settings.with_overrides(port=busy.getsockname()[1])
        with ThreadPoolExecutor(1) as pool:
            done = pool.submit(serve, FastAPI(), settings, lambda: started.append(True))
            assert done.result(timeout=60) is False
    assert started == []
