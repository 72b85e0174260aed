"""Embedding texts through the on-disk cache: only texts the cache has never seen are embedded.

The build uses it twice: for the chunks (what Chroma stores) and for the quotable sentences of
every chunk (what the assistant scores when it picks the sentences of an answer). Embedding the
sentences at build time means no question has to wait for them later; the assistant's sentence
bank reads them through the same function (and embeds any the build did not).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from tqdm import tqdm

from ingest.models import Chunk
from ingest.sentences import quotable_spans
from ingest.vectorcache import VectorCache, text_key

EMBED_BATCH = 16


class TextEmbedder(Protocol):
    """The part of an embedder (:class:`ingest.embedding.Embedder`) that passages need."""

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]: ...


@dataclass(frozen=True)
class Embedded:
    """Vectors aligned with the texts asked for, and what it took to get them."""

    vectors: list[np.ndarray]
    embedded: int  # texts that were not in the cache
    seconds: float


def embed_cached(
    texts: Sequence[str],
    cache: VectorCache,
    embedder: TextEmbedder,
    desc: str,
    progress: bool = False,
) -> Embedded:
    """Vectors of ``texts``: cached ones read, the rest embedded in batches and cached."""
    keys = [text_key(t) for t in texts]
    have = cache.get_many(set(keys))
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in have}.items())
    started = time.perf_counter()
    bar = tqdm(total=len(missing), desc=desc, unit="kpl", disable=not progress or not missing)
    try:
        for start in range(0, len(missing), EMBED_BATCH):
            batch = missing[start : start + EMBED_BATCH]
            vecs = embedder.get_text_embedding_batch([t for _, t in batch])
            items = [
                (k, np.asarray(v, dtype=np.float32)) for (k, _), v in zip(batch, vecs, strict=True)
            ]
            cache.put_many(items)
            have.update(items)
            bar.update(len(batch))
    finally:
        bar.close()
    return Embedded([have[k] for k in keys], len(missing), time.perf_counter() - started)


def sentence_texts(chunks: Iterable[Chunk]) -> list[str]:
    """The distinct quotable sentences of ``chunks`` (see :func:`ingest.sentences.quotable_spans`)."""
    seen: dict[str, None] = {}
    for chunk in chunks:
        for start, end, _ in quotable_spans(chunk.text):
            seen.setdefault(chunk.text[start:end], None)
    return list(seen)
