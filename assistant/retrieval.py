"""Hybrid retrieval: dense (e5 through Chroma) plus BM25 over Finnish terms, fused.

The dense side queries the version's Chroma collection directly (``collection.query`` with a
``where`` filter) rather than through llama-index's vector store, so answering a question does not
import llama-index (about 2 s of start-up on the 2-core machine, measured).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.fusion import DEFAULT_FUSION_METHOD, DEFAULT_FUSION_WEIGHT, fuse
from assistant.index import LoadedIndex
from ingest.embedding import Embedder
from ingest.errors import ConfigError
from ingest.finnish import Analyzer
from ingest.models import Hit

log = logging.getLogger(__name__)
MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class RetrievalConfig:
    """How candidates are found and fused. Defaults chosen by measurement (see eval/)."""

    mode: str = "hybrid"
    candidates: int = 50
    fusion: str = DEFAULT_FUSION_METHOD
    lexical_weight: float = DEFAULT_FUSION_WEIGHT

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(
                f"mode must be one of {', '.join(MODES)}. Currently, mode is {self.mode!r}."
            )
        if self.candidates <= 0:
            raise ConfigError(
                f"candidates must be greater than 0. Currently, candidates is {self.candidates}."
            )
        if not 0.0 <= self.lexical_weight <= 1.0:
            raise ConfigError(
                f"lexical_weight must be between 0 and 1. Currently, it is {self.lexical_weight}."
            )


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some documents or document types."""

    doc_ids: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()

    def allows(self, doc_id: str, doc_type: str) -> bool:
        return (not self.doc_ids or doc_id in self.doc_ids) and (
            not self.doc_types or doc_type in self.doc_types
        )

    def to_where(self) -> dict[str, Any] | None:
        """The filter as a Chroma ``where`` clause (None when nothing is filtered)."""
        parts: list[dict[str, Any]] = []
        for key, values in (("doc_id", self.doc_ids), ("doc_type", self.doc_types)):
            if len(values) == 1:
                parts.append({key: {"$eq": values[0]}})
            elif values:
                parts.append({key: {"$in": list(values)}})
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else {"$and": parts}


class Retriever:
    """Finds the chunks of one loaded index version that best match a question."""

    def __init__(
        self, embedder: Embedder, analyzer: Analyzer, config: RetrievalConfig | None = None
    ) -> None:
        self.embedder = embedder
        self.analyzer = analyzer
        self.config = config or RetrievalConfig()

    def dense(
        self,
        index: LoadedIndex,
        query: str,
        k: int,
        filters: Filters | None = None,
        vector: Sequence[float] | None = None,
    ) -> dict[str, float]:
        """Cosine similarity of the top ``k`` chunks."""
        embedding = list(vector) if vector is not None else self.embedder.get_query_embedding(query)
        result = index.collection.query(
            query_embeddings=[embedding],
            n_results=min(k, max(1, len(index.chunks))),
            where=filters.to_where() if filters else None,
            include=["distances"],
        )
        ids = (result.get("ids") or [[]])[0]
        distances = (result.get("distances") or [[]])[0]
        # the collections use the cosine space: distance = 1 - cosine similarity
        return {i: 1.0 - float(d) for i, d in zip(ids, distances, strict=True)}

    def lexical(
        self, index: LoadedIndex, query: str, k: int, filters: Filters | None = None
    ) -> dict[str, float]:
        """BM25 scores of the top ``k`` chunks (only chunks sharing a term with the query)."""
        terms = self.analyzer.terms(query)
        if not terms:
            return {}
        wanted = k if filters is None else k * 4
        hits = index.lexical.search(terms, wanted)
        out: dict[str, float] = {}
        for chunk_id, score in hits:
            chunk = index.chunks.get(chunk_id)
            if chunk is None or (filters and not filters.allows(chunk.doc_id, chunk.doc_type)):
                continue
            out[chunk_id] = score
            if len(out) >= k:
                break
        return out

    def search(
        self, index: LoadedIndex, query: str, k: int = 5, filters: Filters | None = None
    ) -> list[Hit]:
        """The ``k`` best chunks, best first, with their fused and component scores."""
        if k <= 0:
            raise ConfigError(f"k must be greater than 0. Currently, k is {k}.")
        cfg = self.config
        n = max(cfg.candidates, k)
        dense = self.dense(index, query, n, filters) if cfg.mode in ("hybrid", "dense") else {}
        lexical = (
            self.lexical(index, query, n, filters) if cfg.mode in ("hybrid", "lexical") else {}
        )
        if cfg.mode == "dense":
            ranked = sorted(dense.items(), key=lambda kv: -kv[1])
        elif cfg.mode == "lexical":
            ranked = sorted(lexical.items(), key=lambda kv: -kv[1])
        else:
            ranked = fuse(dense, lexical, method=cfg.fusion, weight=cfg.lexical_weight)
        hits = []
        for chunk_id, score in ranked[:k]:
            chunk = index.chunks.get(chunk_id)
            if chunk is None:
                log.warning("chunk %s missing from loaded version %s", chunk_id, index.version)
                continue
            hits.append(
                Hit(
                    chunk=chunk,
                    score=float(score),
                    dense=dense.get(chunk_id),
                    lexical=lexical.get(chunk_id),
                )
            )
        return hits
