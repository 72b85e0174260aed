"""``python -m ingest build``: corpus files -> chunks -> vectors -> a new index version.

Unchanged documents (same bytes, metadata and chunking settings) reuse their chunks from the
current version; only texts the embedding cache has never seen are embedded. When nothing changed,
no version is written at all. The new version is switched to only when it is complete.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore
from tqdm import tqdm

from ingest.chunking import chunk_document
from ingest.embedding import Embedder, embedder_identity, make_embedder
from ingest.errors import DocumentError, PoriError
from ingest.finnish import DEFAULT_ANALYZER, make_analyzer
from ingest.lexical import LexicalIndex
from ingest.manifest import discover
from ingest.models import Chunk, SourceInfo
from ingest.nodes import chunk_to_node
from ingest.records import chunk_from_record, record_terms
from ingest.sandbox import LoaderSandbox
from ingest.settings import Settings
from ingest.store import DocRecord, IndexInfo, IndexStore, new_version_id
from ingest.vectorcache import VectorCache
from ingest.vectors import Embedded, embed_cached, sentence_texts

log = logging.getLogger(__name__)
PIPELINE_VERSION = "7"  # bump when loading/cleaning/chunking/embedding or term analysis change
ADD_BATCH = 1000


@dataclass(frozen=True)
class FileError:
    path: str
    reason: str


@dataclass(frozen=True)
class BuildResult:
    """The contract's JSON of ``python -m ingest build --json`` (plus a few extra fields)."""

    documents: int
    chunks: int
    embedded: int
    removed: int
    errors: tuple[FileError, ...]
    seconds: float
    version: str | None
    changed: bool
    embed_seconds: float = 0.0
    sentences_embedded: int = 0  # quotable sentences embedded for the assistant in this run
    sentence_seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["errors"] = [asdict(e) for e in self.errors]
        data["seconds"] = round(self.seconds, 3)
        data["embed_seconds"] = round(self.embed_seconds, 3)
        data["sentence_seconds"] = round(self.sentence_seconds, 3)
        return data


@dataclass
class _Doc:
    source: SourceInfo
    sha256: str
    fingerprint: str
    chunks: list[Chunk]
    terms: list[list[str]]
    pages: int | None
    reused: bool = False


@dataclass
class _Plan:
    docs: list[_Doc] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)


def embedding_text(chunk: Chunk) -> str:
    """What the embedder sees for a chunk: its title and section give the passage context."""
    head = " > ".join(p for p in (chunk.title, chunk.section) if p)
    return f"{head}\n{chunk.text}" if head else chunk.text


def lexical_text(chunk: Chunk) -> str:
    """What the lexical index sees for a chunk."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


@contextmanager
def build_lock(settings: Settings, wait_seconds: float = 15.0) -> Iterator[None]:
    """One build at a time per data folder.

    Waits a little before giving up: the parsing worker of a build that was just killed holds the
    lock until the kernel has delivered its own SIGKILL (see ingest/sandbox.py).
    """
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".build.lock", "w") as fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PoriError(
                        f"Another build is running on {settings.data_dir}. Wait for it to finish."
                    ) from None
                time.sleep(0.1)
        yield


def _fingerprint(source: SourceInfo, sha: str, settings: Settings, embedder: str) -> str:
    payload = json.dumps(
        [asdict(source), sha, settings.chunk_chars, PIPELINE_VERSION, embedder, DEFAULT_ANALYZER],
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _plan(
    settings: Settings,
    corpus: Path,
    store: IndexStore,
    embedder: str,
    progress: bool,
    sandbox: LoaderSandbox,
) -> _Plan:
    analyzer = make_analyzer(DEFAULT_ANALYZER)
    previous: dict[str, DocRecord] = {}
    old_collection = None
    version = store.current_version()
    if version is not None:
        try:
            info = store.read_info(version)
            previous = {d.fingerprint: d for d in info.documents}
            old_collection = store.get_collection(version)
        except PoriError as exc:
            log.warning("current index unreadable, rebuilding everything: %s", exc)
            previous = {}
    plan = _Plan()
    files = discover(corpus)
    for path, source in tqdm(
        files, desc="Luetaan asiakirjoja", unit="tiedosto", disable=not progress
    ):
        rel = str(
            path.relative_to(corpus.resolve()) if path.is_relative_to(corpus.resolve()) else path
        )
        try:
            rel.encode("utf-8")
        except UnicodeEncodeError:  # a name from an old disk or zip; Chroma needs UTF-8 text
            plan.errors.append(
                FileError(
                    rel, "tiedoston nimi ei ole kelvollista UTF-8-tekstiä; nimeä se uudelleen"
                )
            )
            continue
        try:
            if not path.exists():
                raise DocumentError("tiedostoa ei löydy (tarkista sources.toml)")
            sha = _sha256(path)
        except OSError as exc:
            plan.errors.append(FileError(rel, f"tiedostoa ei voi lukea: {exc.strerror}"))
            continue
        except DocumentError as exc:
            plan.errors.append(FileError(rel, str(exc)))
            continue
        fingerprint = _fingerprint(source, sha, settings, embedder)
        old = previous.get(fingerprint)
        if old is not None and old_collection is not None:
            doc = _reuse(old, old_collection, source, sha, fingerprint)
            if doc is not None:
                plan.docs.append(doc)
                continue
        try:
            loaded = sandbox.load(path, source)
        except DocumentError as exc:
            plan.errors.append(FileError(rel, str(exc)))
            continue
        chunks = _unique(chunk_document(loaded, target_chars=settings.chunk_chars))
        if not chunks:
            plan.errors.append(FileError(rel, "asiakirjasta ei löytynyt tekstiä"))
            continue
        pdf_pages = [p.number for p in loaded.pages if p.number is not None]
        plan.docs.append(
            _Doc(
                source=loaded.source,
                sha256=sha,
                fingerprint=fingerprint,
                chunks=chunks,
                terms=[analyzer.terms(lexical_text(c)) for c in chunks],
                pages=max(pdf_pages) if pdf_pages else None,
            )
        )
    return plan


def _unique(chunks: list[Chunk]) -> list[Chunk]:
    """Drop exact repeats (same section and text) so that chunk ids stay unique."""
    seen: set[str] = set()
    out = []
    for chunk in chunks:
        if chunk.chunk_id not in seen:
            seen.add(chunk.chunk_id)
            out.append(chunk)
    return out


def _reuse(old: DocRecord, collection: Any, source: SourceInfo, sha: str, fp: str) -> _Doc | None:
    got = collection.get(ids=list(old.chunk_ids), include=["documents", "metadatas"])
    if len(got["ids"]) != len(old.chunk_ids):
        return None
    by_id = {
        i: (d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    }
    chunks = [chunk_from_record(i, by_id[i][0], by_id[i][1]) for i in old.chunk_ids]
    terms = [record_terms(by_id[i][1]) for i in old.chunk_ids]
    title = old.title or source.title
    return _Doc(
        source=SourceInfo(**{**asdict(source), "title": title, "sources": source.sources}),
        sha256=sha,
        fingerprint=fp,
        chunks=chunks,
        terms=terms,
        pages=old.pages,
        reused=True,
    )


def _vectors(
    chunks: list[Chunk], settings: Settings, embedder: Embedder, ident: str, progress: bool
) -> tuple[Embedded, Embedded]:
    """Chunk vectors, and the sentence vectors put in the cache for the assistant."""
    cache = VectorCache(settings.cache_dir, ident)
    try:
        chunk_vectors = embed_cached(
            [embedding_text(c) for c in chunks], cache, embedder, "Lasketaan upotuksia", progress
        )
        sentences = embed_cached(
            sentence_texts(chunks), cache, embedder, "Lasketaan lauseiden upotuksia", progress
        )
        return chunk_vectors, sentences
    finally:
        cache.close()


def build_index(
    settings: Settings, corpus: Path | None = None, progress: bool = False
) -> BuildResult:
    """Build or update the index from ``corpus`` (default: the configured corpus folder)."""
    started = time.perf_counter()
    corpus = corpus or settings.corpus_dir
    store = IndexStore(settings)
    embedder = make_embedder(settings.embed_model)
    ident = embedder_identity(embedder)
    sandbox = LoaderSandbox(
        settings.max_file_seconds, settings.max_file_memory_mb, settings.max_file_bytes
    )
    with build_lock(settings), sandbox:
        store.prune()  # leftovers of killed builds
        plan = _plan(settings, corpus, store, ident, progress, sandbox)
        current = store.current_version()
        old_ids: set[str] = set()
        if current is not None:
            try:
                old_ids = {i for d in store.read_info(current).documents for i in d.chunk_ids}
            except PoriError:
                old_ids = set()
        all_chunks = [c for d in plan.docs for c in d.chunks]
        new_ids = {c.chunk_id for c in all_chunks}
        unchanged = current is not None and all(d.reused for d in plan.docs) and new_ids == old_ids
        if unchanged:
            return BuildResult(
                documents=len(plan.docs),
                chunks=len(all_chunks),
                embedded=0,
                removed=0,
                errors=tuple(plan.errors),
                seconds=time.perf_counter() - started,
                version=current,
                changed=False,
            )
        chunk_vectors, sentence_vectors = _vectors(all_chunks, settings, embedder, ident, progress)
        vectors = chunk_vectors.vectors
        version = new_version_id()
        _write_version(store, version, plan, vectors, progress)
        info = IndexInfo(
            version=version,
            created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            embedder=ident,
            dim=int(vectors[0].shape[0]) if vectors else 0,
            analyzer=DEFAULT_ANALYZER,
            chunk_chars=settings.chunk_chars,
            corpus=str(corpus),
            build_seconds=round(time.perf_counter() - started, 3),
            documents=tuple(
                DocRecord(
                    doc_id=d.source.doc_id,
                    title=d.source.title,
                    doc_type=d.source.doc_type,
                    date=d.source.date,
                    url=d.source.url,
                    file=d.source.file,
                    sha256=d.sha256,
                    fingerprint=d.fingerprint,
                    chunk_ids=tuple(c.chunk_id for c in d.chunks),
                    pages=d.pages,
                    official=d.source.official,
                    publisher=d.source.publisher,
                )
                for d in plan.docs
            ),
        )
        store.publish(info)
        store.prune()
        return BuildResult(
            documents=len(plan.docs),
            chunks=len(all_chunks),
            embedded=chunk_vectors.embedded,
            removed=len(old_ids - new_ids),
            errors=tuple(plan.errors),
            seconds=time.perf_counter() - started,
            version=version,
            changed=True,
            embed_seconds=chunk_vectors.seconds,
            sentences_embedded=sentence_vectors.embedded,
            sentence_seconds=sentence_vectors.seconds,
        )


def _write_version(
    store: IndexStore, version: str, plan: _Plan, vectors: list[np.ndarray], progress: bool
) -> None:
    collection = store.create_collection(version)
    vector_store = ChromaVectorStore(chroma_collection=collection)
    nodes: list[BaseNode] = []
    terms_all: list[list[str]] = []
    ids: list[str] = []
    i = 0
    for doc in plan.docs:
        for chunk, terms in zip(doc.chunks, doc.terms, strict=True):
            nodes.append(chunk_to_node(chunk, vectors[i].tolist(), terms))
            terms_all.append(terms)
            ids.append(chunk.chunk_id)
            i += 1
    for start in tqdm(
        range(0, len(nodes), ADD_BATCH),
        desc="Tallennetaan",
        unit="erä",
        disable=not progress or len(nodes) <= ADD_BATCH,
    ):
        vector_store.add(nodes[start : start + ADD_BATCH])
    lexical = LexicalIndex.build(ids, terms_all)
    folder = store.version_dir(version) / "lexical"
    folder.mkdir(parents=True, exist_ok=True)
    lexical.save(folder)
