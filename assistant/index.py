"""Opening the current index version for querying, and following version switches.

A query pins one :class:`LoadedIndex` for its whole run, so dense and lexical results always come
from the same version, even while a build switches the pointer. :class:`IndexManager` checks the
pointer at most every ``check_every`` seconds and swaps in the new version when it changes.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from ingest.errors import EmbedderMismatchError, IndexMissingError
from ingest.lexical import LexicalIndex
from ingest.models import Chunk
from ingest.records import chunk_from_record, record_terms
from ingest.settings import Settings
from ingest.store import IndexInfo, IndexStore

log = logging.getLogger(__name__)
_PAGE = 5000


@dataclass(frozen=True)
class LoadedIndex:
    """One index version, ready to query."""

    info: IndexInfo
    collection: Any  # the version's Chroma collection (queried directly, see retrieval.py)
    chunks: dict[str, Chunk]
    lexical: LexicalIndex
    terms: dict[str, list[str]]  # each chunk's analysed terms, as the build stored them

    @property
    def version(self) -> str:
        return self.info.version


def _all_records(collection: Any) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    ids: list[str] = []
    docs: list[str] = []
    metas: list[dict[str, Any]] = []
    offset = 0
    while True:
        got = collection.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
        ids += got["ids"]
        docs += got["documents"]
        metas += got["metadatas"]
        if len(got["ids"]) < _PAGE:
            return ids, docs, metas
        offset += _PAGE


def open_version(store: IndexStore, version: str, embedder: str) -> LoadedIndex:
    """Load chunks and the lexical index of ``version``; check that ``embedder`` built it."""
    info = store.read_info(version)
    if info.embedder != embedder:
        raise EmbedderMismatchError(
            f"The index was built with {info.embedder}, but ASSISTANT_EMBED_MODEL selects {embedder}. "
            "Run `python -m ingest build` to rebuild the index with the configured model, "
            "or set ASSISTANT_EMBED_MODEL back."
        )
    collection = store.get_collection(version)
    ids, docs, metas = _all_records(collection)
    chunks = {i: chunk_from_record(i, d, m) for i, d, m in zip(ids, docs, metas, strict=True)}
    folder = store.version_dir(version) / "lexical"
    terms = {i: record_terms(m) for i, m in zip(ids, metas, strict=True)}
    lexical: LexicalIndex | None = None
    if folder.exists():
        try:
            lexical = LexicalIndex.load(folder)
        except (OSError, ValueError, IndexMissingError) as exc:
            log.warning(
                "lexical index of %s unreadable (%s); rebuilding it from Chroma", version, exc
            )
    if lexical is None or len(lexical) != len(chunks):
        lexical = LexicalIndex.build(ids, [terms[i] for i in ids])
        try:
            tmp = folder.with_name(f"lexical.tmp-{time.time_ns()}")
            tmp.mkdir(parents=True, exist_ok=True)
            lexical.save(tmp)
            if not folder.exists():
                tmp.rename(folder)
        except OSError as exc:
            log.warning("could not cache the lexical index of %s: %s", version, exc)
    return LoadedIndex(
        info=info,
        collection=collection,
        chunks=chunks,
        lexical=lexical,
        terms=terms,
    )


class IndexManager:
    """Hands out the current :class:`LoadedIndex`, reloading when the pointer moves."""

    def __init__(self, settings: Settings, embedder: str, check_every: float = 1.0) -> None:
        self.store = IndexStore(settings)
        self.embedder = embedder
        self.check_every = check_every
        self._loaded: LoadedIndex | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def current(self) -> LoadedIndex:
        """The index to use for one query (raises IndexMissingError when none is built)."""
        loaded = self._loaded
        now = time.monotonic()
        if loaded is not None and now - self._checked < self.check_every:
            return loaded
        with self._lock:
            self._checked = time.monotonic()
            version = self.store.current_version()
            if version is None:
                if self._loaded is not None:
                    return self._loaded
                raise IndexMissingError(
                    "No index has been built yet. Run `python -m ingest build` first."
                )
            if self._loaded is None or self._loaded.version != version:
                log.info("loading index version %s", version)
                self._loaded = open_version(self.store, version, self.embedder)
            return self._loaded
