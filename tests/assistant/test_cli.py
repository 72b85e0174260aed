"""The command line without a model: batch lines, readable output, errors (exit 2)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import format_answer, main, run_batch
from assistant.session import Conversation
from ingest.errors import QuestionError
from ingest.models import Answer, Citation, Hit
from tests.assistant.fakes import make_chunk

CITE = Citation(
    n=1,
    doc_id="haut",
    title="Rahoitushaut",
    page=3,
    section="Toinen haku",
    url="https://example.test/haut",
    quote="Haku oli auki 18.10.2023–31.12.2023.",
)


class FakeAssistant:
    """Answers everything with one citation; refuses "tuntematon"; rejects empty questions."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[str, ...]]] = []
        self.settings = type("S", (), {"max_question_chars": 1000})()

    def ask(
        self, question: str, history: Sequence[str] = (), *, today: date | None = None
    ) -> Answer:
        if not question.strip():
            raise QuestionError("Kysymys on tyhjä.")
        self.calls.append((question, tuple(history)))
        if "tuntematon" in question:
            hit = Hit(chunk=make_chunk("Lähin kohta."), score=0.1)
            return Answer(
                question=question,
                text="En löydä tähän vastausta asiakirjoista.",
                citations=(),
                refused=True,
                suggestions=(hit,),
            )
        return Answer(
            question=question,
            text="Haku oli auki 18.10.2023–31.12.2023. [1]",
            citations=(CITE,),
            refused=False,
            latency_ms=12.5,
        )


def test_batch_answers_each_line_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "question": "Milloin haku oli auki?"}),
        json.dumps(
            {"id": "b", "question": "Entä ensimmäinen?", "history": ["Milloin haku oli auki?"]}
        ),
        "{not json",
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "question": "  "}),
        json.dumps({"id": "f", "question": "x", "history": "ei lista"}),
        "",
    ]
    out = io.StringIO()
    assistant = FakeAssistant()
    failed = run_batch(assistant, lines, out, None)  # type: ignore[arg-type]
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failed == 4 and [r["id"] for r in rows] == ["a", "b", None, "d", "e", "f"]
    assert rows[0]["answer"].endswith("[1]") and rows[0]["citations"][0]["quote"]
    assert set(rows[0]) >= {"question", "answer", "refused", "latency_ms", "citations"}
    assert assistant.calls[1] == ("Entä ensimmäinen?", ("Milloin haku oli auki?",))
    assert "JSON" in rows[2]["error"] and "question" in rows[3]["error"]
    assert rows[4]["error"] == "Kysymys on tyhjä." and "history" in rows[5]["error"]


def test_readable_answer_lists_sources_and_suggestions() -> None:
    text = format_answer(FakeAssistant().ask("Milloin?"))
    assert "Lähteet:" in text and "[1] Rahoitushaut, s. 3, Toinen haku" in text
    assert "https://example.test/haut" in text
    refused = format_answer(FakeAssistant().ask("tuntematon asia"))
    assert "Lähimmät kohdat" in refused and "Lähin kohta." in refused


def test_no_index_gives_a_finnish_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "Milloin toinen haku oli auki?", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "python -m ingest build" in captured.err and "Traceback" not in captured.err


def test_missing_question_and_bad_batch_file_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["ask"]) == 2
    assert "Anna kysymys" in capsys.readouterr().err
    assert main(["ask", "--json", "--batch", str(tmp_path / "puuttuu.jsonl")]) == 2
    assert "ei voi lukea" in capsys.readouterr().err


def test_conversation_keeps_its_own_history() -> None:
    assistant = FakeAssistant()
    first, second = Conversation(assistant), Conversation(assistant)  # type: ignore[arg-type]
    first.ask("Milloin toinen haku oli auki?")
    first.ask("Entä ensimmäinen?")
    second.ask("Kuka antaa lisätietoja?")
    assert assistant.calls[1] == ("Entä ensimmäinen?", ("Milloin toinen haku oli auki?",))
    assert assistant.calls[2] == ("Kuka antaa lisätietoja?", ())
    first.reset()
    assert first.history == [] and second.history == ["Kuka antaa lisätietoja?"]
