"""Small stand-ins for unit tests: an analyzer with a fixed lemma table, chunks, sentences."""

from __future__ import annotations

import re
from typing import ClassVar

import numpy as np

from assistant.evidence import Evidence, Scored
from assistant.sentencebank import ChunkSentences, Sentence, split_chunk
from assistant.terms import QWord
from ingest.models import Chunk

LEMMAS = {
    "haun": "haku",
    "haussa": "haku",
    "hakuun": "haku",
    "haku": "haku",
    "rahoitushaku": "rahoitushaku",
    "rahoitushaun": "rahoitushaku",
    "rahoitushaussa": "rahoitushaku",
    "toisen": "toinen",
    "toisessa": "toinen",
    "ensimmäisen": "ensimmäinen",
    "ensimmäisessä": "ensimmäinen",
    "hakemusta": "hakemus",
    "hakemukset": "hakemus",
    "painotusta": "painotus",
    "painotukset": "painotus",
    "porin": "pori",
    "tampereen": "tampere",
    "heinon": "heino",
    "sähköpostiosoite": "sähköpostiosoite",
    "kaupunginjohtaja": "kaupunginjohtaja",
}
PARTS = {
    "rahoitushaku": ("rahoitus", "haku"),
    "kaupunginjohtaja": ("kaupunki", "johtaja"),
    "sähköpostiosoite": ("sähköposti", "osoite"),
}
STOP = {"ja", "on", "oli", "mikä", "milloin", "kuinka", "monta", "se", "the"}


class FakeAnalyzer:
    """Lowercase words, a small lemma table, compound parts for a few words."""

    name = "fake"

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for word in re.findall(r"[\w@.+-]+", text):
            low = word.lower().strip(".")
            if not low or low in STOP:
                continue
            lemma = LEMMAS.get(low, low)
            out.append(lemma)
            out.extend(PARTS.get(lemma, ()))
        return out


def make_chunk(
    text: str,
    chunk_id: str = "c1",
    doc_id: str = "doc",
    section: str = "",
    title: str = "Otsikko",
    page: int | None = 2,
) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=doc_id,
        text=text,
        title=title,
        doc_type="other",
        url="https://example.test/doc",
        page_start=page,
        page_end=page,
        section=section,
        char_start=0,
        char_end=len(text),
        ordinal=0,
        file="doc.md",
    )


def group(chunk: Chunk, vectors: list[list[float]] | None = None) -> ChunkSentences:
    """Sentences of a chunk with given (or one-hot) vectors."""
    sents = split_chunk(chunk, FakeAnalyzer())
    if vectors is None:
        mat = np.eye(len(sents), 4, dtype=np.float32)
    else:
        mat = np.asarray(vectors, dtype=np.float32)
    return ChunkSentences(chunk, tuple(sents), mat)


def sentence_of(grp: ChunkSentences, index: int) -> Sentence:
    return grp.sentences[index]


class SplitAnalyzer(FakeAnalyzer):
    """The fake analyzer, with the compounds of ``SPLIT`` split as Voikko splits them."""

    SPLIT: ClassVar[dict[str, list[str]]] = {}

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for word in text.split():
            low = word.strip("?.,!").lower()
            out += self.SPLIT.get(low, super().terms(low))
        return out


def one_sentence_evidence(
    text: str, words: tuple[QWord, ...], covered: set[str], nearby: set[str]
) -> Evidence:
    """Evidence quoting the one sentence ``text`` (dense 0.9, coverage 0.6), with the question's
    ``words``, the lemmas it covers and those the other retrieved passages cover (``nearby``)."""
    grp = group(make_chunk(text))
    best = Scored(grp.sentences[0], grp.chunk, 0, 0.9, 0.6, 1.0, (), frozenset(covered), words)
    return Evidence((best,), best, best, nearby=frozenset(nearby))
