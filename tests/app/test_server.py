"""The assembled app without a browser: routes, the ``ask`` endpoint's registration, offline."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi.testclient import TestClient

from assistant.webapp.server import create_app
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
