"""``python -m assistant ask`` on the tiny index: the contract's JSON, in and out of process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.settings import Settings

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def run(
    settings: Settings, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "ask", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        input=stdin,
    )


def test_json_and_readable_answer_in_process(
    tiny_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tiny_settings.data_dir))
    assert main(["ask", "Milloin toinen rahoitushaku oli auki?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"question", "answer", "refused", "latency_ms", "citations"}
    assert data["refused"] is False and "31.12.2023" in data["answer"]
    assert set(data["citations"][0]) >= {"n", "doc_id", "title", "page", "section", "url", "quote"}
    assert main(["ask", "Mikä on Teemu Heinon sähköpostiosoite?"]) == 0
    readable = capsys.readouterr().out
    assert "teemu.heino@pori.fi" in readable and "Lähteet:" in readable and "[1] " in readable


def test_batch_process_loads_once_and_reports_bad_lines(
    tiny_settings: Settings, tmp_path: Path
) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "1", "question": "Milloin toinen rahoitushaku oli auki?"}),
                json.dumps(
                    {
                        "id": "2",
                        "question": "Entä ensimmäinen?",
                        "history": ["Milloin toinen rahoitushaku oli auki?"],
                    }
                ),
                "{rikki",
                json.dumps({"id": "4", "question": "Mitkä ovat Turun painopistealueet?"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    done = run(tiny_settings, "--json", "--batch", str(batch))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r.get("id") for r in rows] == ["1", "2", None, "4"]
    assert "kesällä 2022" in rows[1]["answer"]
    assert "error" in rows[2] and rows[3]["refused"] is True


def test_answering_does_not_import_llama_index(tiny_settings: Settings) -> None:
    """The extractive query path talks to Chroma directly: llama-index costs ~2 s of start-up."""
    script = (
        "import json, sys\n"
        "from assistant.cli import main\n"
        "code = main(['ask', 'Milloin toinen rahoitushaku oli auki?', '--json'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'llama_index', 'gradio'})\n"
        "print(json.dumps({'code': code, 'loaded': loaded}), file=sys.stderr)\n"
    )
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tiny_settings.data_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "loaded": []}
    assert json.loads(done.stdout)["refused"] is False


def _closed_reader(settings: Settings, *args: str) -> tuple[int, str]:
    """Run a command whose standard output nobody reads (as in ``... | head -c 0``)."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(ROOT)}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", *args],
            cwd=ROOT,
            env=env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    finally:
        os.close(write_end)
    return done.returncode, done.stderr


def test_a_reader_that_stops_reading_gets_no_traceback(
    tiny_settings: Settings, tmp_path: Path
) -> None:
    code, err = _closed_reader(tiny_settings, "ingest", "status", "--json")
    assert code == 141 and "Traceback" not in err
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "1", "question": "Milloin haku oli auki?"}) + "\n")
    code, err = _closed_reader(tiny_settings, "assistant", "ask", "--json", "--batch", str(batch))
    assert code == 141 and "Traceback" not in err and "ei voi lukea" not in err
