"""The ``ask`` API endpoint through gradio_client, alone and with 20 clients at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.app.conftest import RunningApp
from tests.conftest import ROOT

pytestmark = pytest.mark.integration
CONTRACT_KEYS = {"question", "answer", "refused", "latency_ms", "citations"}
CITATION_KEYS = {"n", "doc_id", "title", "page", "section", "url", "quote"}
QUESTIONS = (
    "Milloin toinen rahoitushaku oli auki?",
    "Mitkä ovat Porin ekosysteemisopimuksen painopistealueet?",
    "Kuka antaa lisätietoja rahoitushausta?",
    "Mikä on Satakuntaliiton rooli?",
    "Mikä on Tampereen ekosysteemisopimuksen painopiste?",
)


def client(url: str) -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"  # no hub lookups or telemetry from the client
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False)


def without_latency(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "latency_ms"}


def test_ask_endpoint_returns_the_cli_json(running_app: RunningApp) -> None:
    question = QUESTIONS[0]
    data = client(running_app.url).predict(question, api_name="/ask")
    assert set(data) >= CONTRACT_KEYS
    assert isinstance(data["latency_ms"], float) and data["latency_ms"] > 0
    assert data["question"] == question and data["refused"] is False
    assert data["citations"] and all(set(c) >= CITATION_KEYS for c in data["citations"])
    assert [c["n"] for c in data["citations"]] == list(range(1, len(data["citations"]) + 1))

    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(running_app.data_dir),
        "ASSISTANT_CORPUS_DIR": str(running_app.corpus_dir),
    }
    cli = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", question],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert without_latency(data) == without_latency(json.loads(cli.stdout))


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "Kysymys"), ("x" * 1200, "liian pitkä")],
)
def test_ask_endpoint_bad_questions(running_app: RunningApp, question: str, message: str) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match=message):
        client(running_app.url).predict(question, api_name="/ask")


def test_twenty_concurrent_clients_get_their_own_answers(running_app: RunningApp) -> None:
    reference = {q: client(running_app.url).predict(q, api_name="/ask") for q in QUESTIONS}

    def one(i: int) -> tuple[str, dict[str, Any]]:
        question = QUESTIONS[i % len(QUESTIONS)]
        return question, client(running_app.url).predict(question, api_name="/ask")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(20)))
    assert len(results) == 20
    for question, data in results:
        assert data["question"] == question
        assert without_latency(data) == without_latency(reference[question])


def test_private_files_are_not_served(running_app: RunningApp) -> None:
    import httpx

    paths = [
        f"/gradio_api/file={running_app.feedback_db}",
        f"/gradio_api/file={ROOT / 'app.py'}",
        f"/gradio_api/file={running_app.corpus_dir / 'sources.toml'}",
        "/gradio_api/file=/etc/passwd",
        "/asiakirjat/..%2F..%2Fsources.toml",
        "/asiakirjat/feedback.sqlite3",
    ]
    with httpx.Client(base_url=running_app.url) as http:
        for path in paths:
            response = http.get(path)
            assert response.status_code in (403, 404), path
            assert (
                b"SQLite format" not in response.content and b"[[document]]" not in response.content
            )
        health = http.get("/terveys").json()
    assert health["status"] == "ready"
