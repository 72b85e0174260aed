"""Chroma server mode: a real `chroma run` server, several readers, atomic version switches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.index import IndexManager
from ingest.build import build_index
from ingest.embedding import embedder_identity, make_embedder
from ingest.settings import Settings, load_settings
from ingest.store import IndexStore, collection_name
from tests.conftest import ROOT

pytestmark = pytest.mark.integration

DOCS = {
    "haku.md": "# Toinen haku\n\nToinen rahoitushaku oli auki 18.10.2023–31.12.2023 Satakuntaliitossa.\n",
    "painopisteet.md": "# Painopisteet\n\nPorin painopistealueet ovat teknologiametallit ja kiertotalous.\n",
}

WORKER = r"""
import json, os, sys, time
from assistant.index import IndexManager
from assistant.retrieval import Retriever
from ingest.embedding import embedder_identity, make_embedder
from ingest.finnish import DEFAULT_ANALYZER, make_analyzer
from ingest.settings import load_settings
settings = load_settings()
embedder = make_embedder(settings.embed_model)
manager = IndexManager(settings, embedder_identity(embedder), check_every=0.0)
retriever = Retriever(embedder, make_analyzer(DEFAULT_ANALYZER))
deadline = time.monotonic() + 180
out = open(sys.argv[2], "w")
while time.monotonic() < deadline and not os.path.exists(sys.argv[1]):
    index = manager.current()
    hits = retriever.search(index, "Milloin rahoitushaku oli auki?", k=5)
    out.write(json.dumps({"version": index.version, "ids": [h.chunk.chunk_id for h in hits]}) + "\n")
    out.flush()
"""


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _settings(tmp_path: Path, url: str, name: str = "data") -> Settings:
    namespace = "t" + str(abs(hash(str(tmp_path))) % 10**8)  # each test its own collections
    return load_settings().with_overrides(
        data_dir=tmp_path / name, chroma_url=url, chroma_namespace=namespace
    )


def test_build_and_query_through_the_server(tmp_path: Path, chroma_server: str) -> None:
    corpus = _corpus(tmp_path)
    settings = _settings(tmp_path, chroma_server)
    first = build_index(settings, corpus)
    assert first.changed and first.chunks >= 2
    assert build_index(settings, corpus).embedded == 0

    # a second worker with its own (empty) data folder rebuilds the lexical index from Chroma
    other = _settings(tmp_path, chroma_server, "other-worker")
    loaded = IndexManager(other, embedder_identity(make_embedder(other.embed_model))).current()
    assert loaded.version == first.version and len(loaded.lexical) == first.chunks
    assert (other.index_dir / "versions" / first.version / "lexical").exists()

    (corpus / "uusi.md").write_text(
        "# Uusi\n\nKolmas asiakirja kertoo robotiikasta.\n", encoding="utf-8"
    )
    second = build_index(settings, corpus)
    third_corpus_change = (corpus / "uusi.md").write_text(
        "# Uusi\n\nMuutettu teksti.\n", encoding="utf-8"
    )
    assert third_corpus_change
    third = build_index(settings, corpus)
    store = IndexStore(settings)
    assert store.current_version() == third.version
    names = {c.name for c in store.server_client().list_collections()}
    ns = settings.chroma_namespace
    assert collection_name(first.version, ns) not in names  # pruned: only the newest two are kept
    assert {collection_name(second.version, ns), collection_name(third.version, ns)} <= names


def test_workers_switch_versions_without_mixing(tmp_path: Path, chroma_server: str) -> None:
    corpus = _corpus(tmp_path)
    settings = _settings(tmp_path, chroma_server)
    first = build_index(settings, corpus)
    stop = tmp_path / "stop"
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CHROMA_URL": chroma_server,
        "ASSISTANT_CHROMA_NAMESPACE": settings.chroma_namespace,
    }
    logs = [tmp_path / f"worker{n}.jsonl" for n in range(2)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(stop), str(log)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for log in logs
    ]
    deadline = time.monotonic() + 120
    while not all(log.exists() and log.stat().st_size for log in logs):  # both serve version 1
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers)
        time.sleep(0.2)
    (corpus / "haku.md").write_text(
        DOCS["haku.md"].replace("Satakuntaliitossa", "Satakuntaliitossa Porissa"), encoding="utf-8"
    )
    second = build_index(settings, corpus)
    time.sleep(3)  # workers keep answering after the switch
    stop.touch()
    for w in workers:
        assert w.wait(timeout=120) == 0
    outputs = [(log.read_text(encoding="utf-8"), str(log)) for log in logs]
    store = IndexStore(settings)
    chunk_sets = {
        v: {i for d in store.read_info(v).documents for i in d.chunk_ids}
        for v in (first.version, second.version)
    }
    for out, err in outputs:
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        assert rows, err
        seen = [r["version"] for r in rows]
        assert seen[0] == first.version and seen[-1] == second.version, err
        assert seen == sorted(seen)  # never back to an old version
        for row in rows:
            assert set(row["ids"]) <= chunk_sets[row["version"]]


def test_server_down_gives_a_clear_error(tmp_path: Path) -> None:
    from ingest.errors import StoreError
    from tests.conftest import free_port

    settings = _settings(tmp_path, f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="chroma run"):
        IndexStore(settings).current_version()
    shutil.rmtree(settings.data_dir, ignore_errors=True)
