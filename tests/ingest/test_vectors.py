"""Embedding through the cache, and which sentences the build embeds for the assistant."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ingest.models import Chunk
from ingest.vectorcache import VectorCache
from ingest.vectors import EMBED_BATCH, embed_cached, sentence_texts


class CountingEmbedder:
    """Deterministic 4-dimensional vectors; remembers every batch it was given."""

    identity = "fake/counting"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def get_query_embedding(self, query: str) -> list[float]:
        return self.get_text_embedding_batch([query])[0]

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return [[float(len(t)), float(t.count("a")), 1.0, 0.0] for t in texts]


def _chunk(text: str, chunk_id: str = "c1") -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id="d",
        text=text,
        title="T",
        doc_type="other",
        url="",
        page_start=None,
        page_end=None,
        section="",
        char_start=0,
        char_end=len(text),
        ordinal=0,
    )


def test_only_texts_missing_from_the_cache_are_embedded(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    cache = VectorCache(tmp_path, embedder.identity)
    texts = [f"lause {i} a" for i in range(EMBED_BATCH + 3)]
    first = embed_cached(texts, cache, embedder, "testi")
    assert first.embedded == len(texts)
    assert [len(b) for b in embedder.batches] == [EMBED_BATCH, 3]
    again = embed_cached([*texts, "uusi lause"], cache, embedder, "testi")
    assert again.embedded == 1 and embedder.batches[-1] == ["uusi lause"]
    assert len(again.vectors) == len(texts) + 1
    for text, vec in zip(texts, again.vectors, strict=False):
        assert np.allclose(vec, [len(text), text.count("a"), 1.0, 0.0])
    cache.close()


def test_duplicate_texts_are_embedded_once(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    cache = VectorCache(tmp_path, embedder.identity)
    got = embed_cached(["sama teksti", "sama teksti"], cache, embedder, "testi")
    assert got.embedded == 1 and np.array_equal(got.vectors[0], got.vectors[1])
    cache.close()


def test_sentence_texts_are_the_quotable_sentences_once_each() -> None:
    first = _chunk(
        "# Otsikko\nToinen haku oli auki 18.10.2023–31.12.2023. Lisätietoja antaa Teemu Heino.\n"
        "- kiertotalous ja teknologiametallit\nLyhyt."
    )
    second = _chunk("Lisätietoja antaa Teemu Heino.", chunk_id="c2")
    assert sentence_texts([first, second]) == [
        "Toinen haku oli auki 18.10.2023–31.12.2023.",
        "Lisätietoja antaa Teemu Heino.",
        "kiertotalous ja teknologiametallit",
    ]
