"""Versioned index storage: Chroma (embedded folder or server) plus the lexical index.

Every build writes a complete new *version* beside the current one and then switches a pointer
atomically, so a crash, ``kill -9`` or Ctrl-C mid-build leaves the previous version in use.

Embedded mode (``ASSISTANT_CHROMA_URL`` unset)::

    data/index/CURRENT                    the current version id (replaced with os.replace)
    data/index/versions/<vid>/chroma/     a Chroma persistent folder with one collection
    data/index/versions/<vid>/lexical/    the BM25 index
    data/index/versions/<vid>/index.json  what was built (IndexInfo)

Server mode: the collection ``<namespace>-<vid>`` lives on the Chroma server and the pointer plus
``index.json`` live in the server collection ``<namespace>-meta`` (namespace from
``ASSISTANT_CHROMA_NAMESPACE``, default ``pori``), so every app worker that talks to the
server sees the same current version. Each worker rebuilds the lexical index of a version from the
collection itself (every chunk carries its analysed terms), so lexical and dense results always
come from the same version. The rebuilt lexical index is cached under the data folder.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ingest.errors import IndexMissingError, StoreError
from ingest.settings import Settings

if TYPE_CHECKING:
    from chromadb.config import Settings as ChromaSettings

log = logging.getLogger(__name__)
KEEP_VERSIONS = 2  # the current one and the one before it, for readers still using it


@dataclass(frozen=True)
class DocRecord:
    """What a version knows about one ingested document."""

    doc_id: str
    title: str
    doc_type: str
    date: str
    url: str
    file: str
    sha256: str
    fingerprint: str  # sha256 + metadata + chunking settings; equal means "reuse the chunks"
    chunk_ids: tuple[str, ...]
    pages: int | None
    official: bool = False
    publisher: str = ""


@dataclass(frozen=True)
class IndexInfo:
    """The ``index.json`` of a version."""

    version: str
    created: str
    embedder: str
    dim: int
    analyzer: str
    chunk_chars: int
    corpus: str
    build_seconds: float
    documents: tuple[DocRecord, ...] = field(default=())

    @property
    def chunks(self) -> int:
        return sum(len(d.chunk_ids) for d in self.documents)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, raw: str) -> IndexInfo:
        data = json.loads(raw)
        docs = tuple(
            DocRecord(**{**d, "chunk_ids": tuple(d["chunk_ids"])}) for d in data.pop("documents")
        )
        return cls(**data, documents=docs)


def new_version_id() -> str:
    """Sortable by creation time (microseconds, UTC) and unique per data folder: time plus pid."""
    now = datetime.now(UTC)
    return now.strftime("%Y%m%dT%H%M%S%f") + f"-{os.getpid()}"


def collection_name(version: str, namespace: str = "pori") -> str:
    return f"{namespace}-{version}"


def _chroma_settings() -> ChromaSettings:
    # a new object per client: HttpClient writes server settings into the object it is given
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


class IndexStore:
    """Where versions live and which one is current."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.index_dir
        self._server: Any = None
        self.namespace = settings.chroma_namespace
        self.meta_name = f"{self.namespace}-meta"

    # -- clients -------------------------------------------------------------------------
    @property
    def server_mode(self) -> bool:
        return self.settings.chroma_url is not None

    def version_dir(self, version: str) -> Path:
        return self.root / "versions" / version

    def server_client(self) -> Any:
        """The shared HttpClient (server mode only)."""
        if self._server is None:
            import chromadb  # imported on first use: reading the pointer needs none of it

            url = urlparse(self.settings.chroma_url or "")
            try:
                self._server = chromadb.HttpClient(
                    host=url.hostname or "127.0.0.1",
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                    settings=_chroma_settings(),
                )
                self._server.heartbeat()
            except Exception as exc:  # chromadb raises many types for connection failures
                self._server = None
                raise StoreError(
                    f"Chroma server at {self.settings.chroma_url} did not answer ({exc}). Start it "
                    "with `chroma run --path DIR --host 127.0.0.1 --port 8000` or unset "
                    "ASSISTANT_CHROMA_URL to use the embedded index."
                ) from None
        return self._server

    def client_for(self, version: str) -> Any:
        if self.server_mode:
            return self.server_client()
        import chromadb

        path = self.version_dir(version) / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())

    def create_collection(self, version: str) -> Any:
        return self.client_for(version).create_collection(
            collection_name(version, self.namespace),
            embedding_function=None,
            metadata={"hnsw:space": "cosine"},
        )

    def get_collection(self, version: str) -> Any:
        try:
            return self.client_for(version).get_collection(collection_name(version, self.namespace))
        except Exception as exc:  # NotFoundError differs between chromadb versions
            raise IndexMissingError(
                f"Index version {version} has no Chroma collection ({exc}). "
                "Run `python -m ingest build` to build the index again."
            ) from None

    # -- the pointer ---------------------------------------------------------------------
    def current_version(self) -> str | None:
        """The id of the current version, or None when nothing has been built."""
        if self.server_mode:
            meta = self._meta()
            got = meta.get(ids=["current"], include=["metadatas"])
            if not got["ids"]:
                return None
            return str(got["metadatas"][0]["version"])
        try:
            return (self.root / "CURRENT").read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def read_info(self, version: str) -> IndexInfo:
        if self.server_mode:
            got = self._meta().get(ids=[f"info-{version}"], include=["documents"])
            if not got["ids"]:
                raise IndexMissingError(f"Index version {version} is not on the Chroma server.")
            return IndexInfo.from_json(got["documents"][0])
        path = self.version_dir(version) / "index.json"
        try:
            return IndexInfo.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexMissingError(
                f"{path} is missing. Run `python -m ingest build` to build the index again."
            ) from None

    def current_info(self) -> IndexInfo:
        version = self.current_version()
        if version is None:
            where = self.settings.chroma_url or str(self.root)
            raise IndexMissingError(
                f"No index has been built in {where}. Run `python -m ingest build` first."
            )
        return self.read_info(version)

    def publish(self, info: IndexInfo) -> None:
        """Write ``index.json`` of a finished version and make it current, atomically."""
        if self.server_mode:
            meta = self._meta()
            meta.upsert(
                ids=[f"info-{info.version}"],
                documents=[info.to_json()],
                metadatas=[{"kind": "info"}],
                embeddings=[[0.0]],
            )
            meta.upsert(
                ids=["current"],
                documents=[info.version],
                metadatas=[{"version": info.version}],
                embeddings=[[0.0]],
            )
            return
        folder = self.version_dir(info.version)
        _atomic_write(folder / "index.json", info.to_json())
        _atomic_write(self.root / "CURRENT", info.version + "\n")

    def _meta(self) -> Any:
        return self.server_client().get_or_create_collection(
            self.meta_name, embedding_function=None
        )

    # -- housekeeping --------------------------------------------------------------------
    def versions(self) -> list[str]:
        if self.server_mode:
            names = [
                c.name if hasattr(c, "name") else str(c)
                for c in self.server_client().list_collections()
            ]
            prefix = f"{self.namespace}-"
            return sorted(
                n[len(prefix) :] for n in names if n.startswith(prefix) and n != self.meta_name
            )
        folder = self.root / "versions"
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.exists() else []

    def prune(self, keep: int = KEEP_VERSIONS) -> list[str]:
        """Delete versions older than the newest ``keep`` published ones, and unfinished ones."""
        current = self.current_version()
        all_versions = self.versions()
        finished = [v for v in all_versions if self._finished(v)]
        keep_set = set(finished[-keep:]) | ({current} if current else set())
        doomed = [v for v in all_versions if v not in keep_set]
        for version in doomed:
            self.drop(version)
        return doomed

    def drop(self, version: str) -> None:
        if self.server_mode:
            try:
                self.server_client().delete_collection(collection_name(version, self.namespace))
            except Exception as exc:  # already gone is fine
                log.debug("could not delete collection of %s: %s", version, exc)
            self._meta().delete(ids=[f"info-{version}"])
        shutil.rmtree(self.version_dir(version), ignore_errors=True)

    def _finished(self, version: str) -> bool:
        if self.server_mode:
            return bool(self._meta().get(ids=[f"info-{version}"])["ids"])
        return (self.version_dir(version) / "index.json").exists()


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
