"""Sentences of indexed chunks, with their terms and embeddings, computed once per chunk.

Extractive answers quote whole sentences, so every sentence keeps its offsets in the chunk text
(a quote is ``chunk.text[start:end]``, verbatim by construction). Sentence vectors are passage
embeddings of the sentence text; they are kept in memory per chunk id and persisted in the
embedding cache under the data folder (keyed by the text's hash), so a restart reuses them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.constraints import kinds_present
from ingest.finnish import Analyzer
from ingest.models import Chunk
from ingest.sentences import quotable_spans
from ingest.vectorcache import VectorCache
from ingest.vectors import TextEmbedder, embed_cached

_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) of a chunk; ``text == chunk.text[start:end]``."""

    chunk_id: str
    index: int  # position within the chunk
    start: int
    end: int
    text: str
    terms: frozenset[str]
    kinds: frozenset[str]
    item: bool  # a list item ("- ...")
    lead_in: bool  # ends with ":" and introduces a list


@dataclass(frozen=True)
class ChunkSentences:
    """The sentences of one chunk and their unit vectors (one row per sentence)."""

    chunk: Chunk
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray


def surfaces(text: str) -> frozenset[str]:
    """Lowercase words as written (lemmatisation sometimes loses a compound's head)."""
    return frozenset(w.lower() for w in _WORDS.findall(text) if len(w) >= 4)


def split_chunk(chunk: Chunk, analyzer: Analyzer) -> list[Sentence]:
    """The quotable sentences of a chunk (headings and fragments left out)."""
    text = chunk.text
    out: list[Sentence] = []
    for start, end, item in quotable_spans(text):
        piece = text[start:end]
        out.append(
            Sentence(
                chunk_id=chunk.chunk_id,
                index=len(out),
                start=start,
                end=end,
                text=piece,
                terms=frozenset(analyzer.terms(piece)) | surfaces(piece),
                kinds=kinds_present(piece),
                item=item,
                lead_in=piece.rstrip().endswith(":"),
            )
        )
    return _with_item_kinds(out)


def _with_item_kinds(sentences: list[Sentence]) -> list[Sentence]:
    """Each list's lead-in with the kinds of answer its items give: "... on julkaistu
    PDF-tiedostona osoitteessa:" gives the address its item holds (the lead-in is quoted with
    its items)."""
    out = list(sentences)
    for i, sentence in enumerate(out):
        if not sentence.lead_in:
            continue
        kinds = set(sentence.kinds)
        for item in out[i + 1 :]:
            if not item.item:
                break
            kinds |= item.kinds
        out[i] = replace(sentence, kinds=frozenset(kinds))
    return out


class SentenceBank:
    """Sentences and sentence vectors per chunk id, computed lazily and cached."""

    def __init__(
        self,
        embedder: TextEmbedder,
        analyzer: Analyzer,
        cache: VectorCache | None = None,
    ) -> None:
        self.embedder = embedder
        self.analyzer = analyzer
        self.cache = cache
        self._by_chunk: dict[str, ChunkSentences] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._by_chunk)

    def get(self, chunks: Sequence[Chunk]) -> list[ChunkSentences]:
        """Sentences of each chunk, in the given order (missing vectors embedded in one batch)."""
        missing = [c for c in chunks if c.chunk_id not in self._by_chunk]
        if missing:
            with self._lock:
                self._fill([c for c in missing if c.chunk_id not in self._by_chunk])
        return [self._by_chunk[c.chunk_id] for c in chunks]

    def _fill(self, chunks: list[Chunk]) -> None:
        split = {c.chunk_id: split_chunk(c, self.analyzer) for c in chunks}
        texts = sorted({s.text for sents in split.values() for s in sents})
        vectors = self._vectors(texts)
        for chunk in chunks:
            sents = split[chunk.chunk_id]
            dim = next(iter(vectors.values())).shape[0] if vectors else 0
            matrix = (
                np.vstack([vectors[s.text] for s in sents])
                if sents
                else np.zeros((0, dim), dtype=np.float32)
            )
            self._by_chunk[chunk.chunk_id] = ChunkSentences(chunk, tuple(sents), matrix)

    def _vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        if not texts:
            return {}
        if self.cache is not None:  # the build has usually embedded them all already
            vectors = embed_cached(texts, self.cache, self.embedder, "Lauseiden upotukset").vectors
        else:
            vectors = [
                np.asarray(v, dtype=np.float32)
                for v in self.embedder.get_text_embedding_batch(texts)
            ]
        return {t: _unit(v) for t, v in zip(texts, vectors, strict=True)}


def _unit(vec: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec
