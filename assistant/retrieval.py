"""Hybrid retrieval: dense (e5 through Chroma) plus BM25 over Finnish terms, fused."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.vector_stores.types import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
)

from assistant.fusion import DEFAULT_FUSION_METHOD, DEFAULT_FUSION_WEIGHT, fuse
from assistant.index import LoadedIndex
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

    def to_llama(self) -> MetadataFilters | None:
        parts: list[MetadataFilter | MetadataFilters] = []
        for key, values in (("doc_id", self.doc_ids), ("doc_type", self.doc_types)):
            if len(values) == 1:
                parts.append(MetadataFilter(key=key, value=values[0], operator=FilterOperator.EQ))
            elif values:
                parts.append(
                    MetadataFilter(key=key, value=list(values), operator=FilterOperator.IN)
                )
        return MetadataFilters(filters=parts) if parts else None


class Retriever:
    """Finds the chunks of one loaded index version that best match a question."""

    def __init__(
        self, embedder: BaseEmbedding, analyzer: Analyzer, config: RetrievalConfig | None = None
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
        result = index.vector_store.query(
            VectorStoreQuery(
                query_embedding=embedding,
                similarity_top_k=min(k, max(1, len(index.chunks))),
                filters=filters.to_llama() if filters else None,
            )
        )
        ids = result.ids or []
        sims = result.similarities or []
        # the Chroma store reports exp(-cosine distance); turn it back into cosine similarity
        return {i: 1.0 + math.log(max(s, 1e-12)) for i, s in zip(ids, sims, strict=True)}

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
