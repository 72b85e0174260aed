"""The loaded parts of the assistant and the evidence step they run together.

:class:`Engine` owns the embedder, the Finnish analyzer, the index manager, the hybrid
retriever and the sentence bank. :meth:`Engine.gather` turns a question into scored sentences
and the chosen :class:`~assistant.evidence.Evidence`; answering, refusing and eligibility build
on it. Everything here is created in :meth:`Engine.load`, never at import time.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from assistant.blocks import quote_key
from assistant.constraints import Constraints, HeadTerms
from assistant.evidence import Evidence, EvidenceConfig, Scored, score_sentences, select
from assistant.glossary import to_finnish
from assistant.index import IndexManager, LoadedIndex
from assistant.kinds import asked_kinds
from assistant.names import shared_names
from assistant.question import Question
from assistant.retrieval import Filters, RetrievalConfig, Retriever
from assistant.sentencebank import ChunkSentences, SentenceBank, surfaces
from assistant.terms import (
    QWord,
    TermStats,
    asks_for_kind,
    counted,
    question_words,
    unknown_concepts,
)
from ingest.embedding import Embedder, embedder_identity, make_embedder
from ingest.finnish import Analyzer, make_analyzer
from ingest.models import Chunk, Hit
from ingest.settings import Settings
from ingest.vectorcache import VectorCache

log = logging.getLogger(__name__)
_MEMO = 64


class MemoEmbedding:
    """Wraps an embedder and remembers recent query vectors (retrieval and scoring share them)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self._memo: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return self.inner.identity

    def get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            hit = self._memo.get(query)
            if hit is not None:
                self._memo.move_to_end(query)
                return hit
        vec = self.inner.get_query_embedding(query)
        with self._lock:
            self._memo[query] = vec
            while len(self._memo) > _MEMO:
                self._memo.popitem(last=False)
        return vec

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return self.inner.get_text_embedding_batch(texts)


@dataclass
class VersionState:
    """What is derived once from one index version."""

    stats: TermStats
    section_terms: dict[str, frozenset[str]]
    memo: dict[str, Any] = field(default_factory=dict)  # e.g. eligibility criteria sentences


@dataclass(frozen=True)
class Gathered:
    """The evidence step's result for one question."""

    hits: tuple[Hit, ...]
    groups: tuple[ChunkSentences, ...]
    qwords: tuple[QWord, ...]
    scored: tuple[Scored, ...]
    evidence: Evidence
    unknown: tuple[QWord, ...] = ()  # compounds naming things the corpus never mentions


class Engine:
    """Loaded components; build with :meth:`load`."""

    def __init__(
        self,
        settings: Settings,
        embedder: MemoEmbedding,
        analyzer: Analyzer,
        manager: IndexManager,
        retriever: Retriever,
        bank: SentenceBank,
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.analyzer = analyzer
        self.manager = manager
        self.retriever = retriever
        self.bank = bank
        self.heads = HeadTerms(analyzer)
        self._states: dict[str, VersionState] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, settings: Settings, retrieval: RetrievalConfig | None = None) -> Engine:
        """Load the embedder and the current index (raises IndexMissingError when none)."""
        inner = make_embedder(settings.embed_model)
        ident = embedder_identity(inner)
        manager = IndexManager(settings, ident)
        index = manager.current()
        analyzer = make_analyzer(index.info.analyzer)
        embedder = MemoEmbedding(inner)
        retriever = Retriever(embedder, analyzer, retrieval or RetrievalConfig())
        cache: VectorCache | None
        try:
            cache = VectorCache(settings.cache_dir, ident)
        except (OSError, sqlite3.Error) as exc:
            log.warning("sentence vectors will not be cached on disk: %s", exc)
            cache = None
        engine = cls(
            settings,
            embedder,
            analyzer,
            manager,
            retriever,
            SentenceBank(embedder, analyzer, cache),
        )
        engine.state(index)
        embedder.get_query_embedding("lämmittely")  # loads the model engine
        return engine

    def index(self) -> LoadedIndex:
        return self.manager.current()

    def state(self, index: LoadedIndex) -> VersionState:
        """Term statistics of a version, computed on first use."""
        state = self._states.get(index.version)
        if state is None:
            with self._lock:
                state = self._states.get(index.version)
                if state is None:
                    sections = {c.section for c in index.chunks.values()}
                    state = VersionState(
                        stats=TermStats(
                            [*self._chunk_terms(index, c), *surfaces(c.text)]
                            for c in index.chunks.values()
                        ),
                        section_terms={s: frozenset(self.analyzer.terms(s)) for s in sections},
                    )
                    self._states = {index.version: state}  # older versions are not needed
                    self.heads.use_vocabulary(state.stats.df)
                    self.heads.use_phrases(c.text for c in index.chunks.values())
        return state

    def _chunk_terms(self, index: LoadedIndex, chunk: Chunk) -> list[str]:
        """The analysed terms of a chunk's section and text (stored by the build)."""
        stored = index.terms.get(chunk.chunk_id)
        return stored if stored else self.analyzer.terms(f"{chunk.section}\n{chunk.text}")

    def prefill(self) -> int:
        """Split and embed the sentences of every chunk now (persisted in the embedding cache).

        Returns how many chunks were prepared. Run it after a build or in a background thread at
        start-up, so that no question has to wait for sentence embeddings.
        """
        chunks = list(self.index().chunks.values())
        for start in range(0, len(chunks), 16):
            self.bank.get(chunks[start : start + 16])
        return len(chunks)

    def query_vector(self, text: str) -> np.ndarray:
        return np.asarray(self.embedder.get_query_embedding(text), dtype=np.float32)

    def search(
        self, index: LoadedIndex, query: str, k: int, filters: Filters | None = None
    ) -> list[Hit]:
        """Hybrid retrieval (filters by document and type are applied by the retriever)."""
        self.state(index)
        return self.retriever.search(index, query, k=k, filters=filters)

    def question_words(self, question: Question, state: VersionState) -> list[QWord]:
        """Content words the answer should cover: a follow-up's own words when it has some.

        A follow-up that asks for a value ("Kenelle siitä voi soittaa?") keeps its own words even
        when none counts: the value's kind is required, and which thing it is about comes from
        the earlier question's requirements, not from repeating its wording.
        """

        def of(text: str) -> list[QWord]:
            wording = text
            if question.language != "fi":
                names = shared_names(text, self.heads.proper_names)
                wording = " ".join([to_finnish(text, question.language), *names])
            return question_words(wording, self.analyzer, state.stats)

        if question.followup and question.text in question.focus:
            own = of(question.text)
            if any(counted(w) for w in own) or asked_kinds(question.text) - {"person"}:
                return own
        return of(question.focus)

    def gather(
        self,
        index: LoadedIndex,
        question: Question,
        constraints: Constraints,
        config: EvidenceConfig,
        k: int,
        filters: Filters | None = None,
        hits: Sequence[Hit] | None = None,
    ) -> Gathered:
        """Retrieve passages for the question and choose the sentences that answer it."""
        query = question.query
        if question.language != "fi":  # the documents' own Finnish words help BM25
            query = f"{query} {to_finnish(query, question.language)}".strip()
        found = list(hits) if hits is not None else self.search(index, query, k, filters)
        state = self.state(index)
        groups = self.bank.get([h.chunk for h in found])
        qwords = self.question_words(question, state)
        qvec = self.query_vector(question.focus)
        if (
            question.followup
            and question.text in question.focus
            and question.text != question.focus
        ):
            # lean on the earlier question, but let the follow-up's own words count as much
            qvec = qvec + self.query_vector(question.text)
        scored = score_sentences(
            qvec, qwords, constraints, self.heads, groups, state.section_terms, config
        )
        evidence = select(scored, constraints, groups, config, question.text)
        unknown = (
            [
                w
                for w in unknown_concepts(
                    qwords, state.stats, self.analyzer, constraints.owner_words
                )
                # "tehtävänimike": a word asking for the kind of answer names no new thing
                if not asks_for_kind(w, constraints.kinds)
            ]
            if question.language == "fi"
            else []
        )
        return Gathered(
            tuple(found), tuple(groups), tuple(qwords), tuple(scored), evidence, tuple(unknown)
        )

    @staticmethod
    def without(
        gathered: Gathered, constraints: Constraints, config: EvidenceConfig, quoted: Set[str]
    ) -> Gathered:
        """The evidence chosen again, leaving out sentences already quoted (by their
        :func:`~assistant.blocks.quote_key`): what a later part of a question adds."""
        scored = [s for s in gathered.scored if quote_key(s.sentence.text) not in quoted]
        evidence = select(scored, constraints, gathered.groups, config)
        return replace(gathered, scored=tuple(scored), evidence=evidence)
