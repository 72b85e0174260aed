"""Files are parsed in a worker process with a time and memory budget."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import ingest.sandbox
from ingest.errors import DocumentError
from ingest.models import LoadedDocument, SourceInfo
from ingest.sandbox import LoaderSandbox

_real = ingest.sandbox.load_document


def _hostile(path: Path, source: SourceInfo, max_bytes: int) -> LoadedDocument:
    if path.name == "hidas.md":
        time.sleep(60)
    if path.name == "pommi.md":
        _ = bytearray(2_000_000_000)  # more than the worker may allocate
    return _real(path, source, max_bytes=max_bytes)


@pytest.fixture()
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(ingest.sandbox, "load_document", _hostile)  # the forked worker inherits it
    for name in ("hyva.md", "hidas.md", "pommi.md"):
        (tmp_path / name).write_text("# Otsikko\n\nTeksti on tässä.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "reason"),
    [("hidas.md", "kesti yli 2 s"), ("pommi.md", "liikaa muistia"), ("puuttuu.md", "")],
)
def test_budget_violations_are_document_errors(files: Path, name: str, reason: str) -> None:
    with LoaderSandbox(max_seconds=2, max_memory_mb=400, max_bytes=10_000) as sandbox:
        with pytest.raises(DocumentError) as info:
            sandbox.load(files / name, SourceInfo(doc_id="x", title="", file=name))
        assert reason in str(info.value)
        # the sandbox keeps working after a rejected file
        good = sandbox.load(files / "hyva.md", SourceInfo(doc_id="hyva", title="", file="hyva.md"))
        assert "Teksti on tässä." in good.text


def test_size_budget(files: Path) -> None:
    with (
        LoaderSandbox(max_seconds=5, max_memory_mb=400, max_bytes=10) as sandbox,
        pytest.raises(DocumentError),
    ):
        sandbox.load(files / "hyva.md", SourceInfo(doc_id="hyva", title="", file="hyva.md"))
