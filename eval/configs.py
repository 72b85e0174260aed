"""The configurations ``python -m eval run`` compares, and their names.

Two kinds:

- assistant configs run the whole assistant (retrieval, evidence, answer, refusal) with one
  :class:`~assistant.retrieval.RetrievalConfig`, on the index in ``ASSISTANT_DATA_DIR`` or on a
  separate index built with another chunk size;
- retrieval-only configs rank chunks with BM25 over the terms of one analyzer of
  :mod:`ingest.finnish`. The assistant searches the one lexical index it was built with, so
  these have retrieval metrics only.

Names (see :func:`parse_config`): ``hybrid-<fusion>-<weight>``, ``dense``, ``lexical`` (the
assistant with BM25 only, on the index's own analyzer), ``chunks-<n>`` (default retrieval on
an index with ``chunk_chars = n``), ``bm25-<analyzer>`` (retrieval-only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.fusion import FUSION_METHODS
from assistant.retrieval import RetrievalConfig
from ingest.errors import ConfigError
from ingest.finnish import ANALYZER_NAMES

CHUNK_SIZES: tuple[int, ...] = (500, 900, 1400)
BM25_ANALYZERS: tuple[str, ...] = ("plain", "snowball", "lemma", "lemma_compound")
_CHUNKS = re.compile(r"chunks-(\d{3,5})")
_MIN_CHUNK_CHARS = 200  # the smallest ASSISTANT_CHUNK_CHARS that settings accept


@dataclass(frozen=True)
class EvalConfig:
    """One configuration to evaluate."""

    name: str
    retrieval: RetrievalConfig
    chunk_chars: int | None = None  # None: the index in ASSISTANT_DATA_DIR as it is
    analyzer: str | None = None  # set: retrieval-only BM25 with this analyzer

    @property
    def retrieval_only(self) -> bool:
        return self.analyzer is not None

    @property
    def description(self) -> str:
        """A short Finnish description for the report."""
        if self.analyzer is not None:
            return f"vain BM25-sanahaku, analyysi {self.analyzer} (ei vastauksia)"
        if self.chunk_chars is not None:
            return f"oletushaku, tekstikappaleen koko {self.chunk_chars} merkkiä"
        r = self.retrieval
        if r.mode == "dense":
            return "vain merkityshaku (e5-vektorit)"
        if r.mode == "lexical":
            return "vain BM25-sanahaku indeksin omalla analyysillä"
        return f"yhdistelmähaku, {r.fusion}-yhdistäminen, sanahaun paino {r.lexical_weight:g}"


def retrieval_name(retrieval: RetrievalConfig) -> str:
    """The config name of a retrieval setting on the index as it is."""
    if retrieval.mode == "hybrid":
        return f"hybrid-{retrieval.fusion}-{retrieval.lexical_weight:g}"
    return retrieval.mode


DEFAULT_RETRIEVAL = RetrievalConfig()
DEFAULT_CONFIG = retrieval_name(DEFAULT_RETRIEVAL)

STANDARD_CONFIGS: tuple[str, ...] = (
    DEFAULT_CONFIG,
    *(
        name
        for name in (
            "hybrid-zscore-0.1",
            "hybrid-zscore-0.2",
            "hybrid-zscore-0.3",
            "hybrid-rrf-0.5",
            "hybrid-minmax-0.2",
        )
        if name != DEFAULT_CONFIG
    ),
    "dense",
    "lexical",
    *(f"chunks-{n}" for n in CHUNK_SIZES),
    *(f"bm25-{a}" for a in BM25_ANALYZERS),
)


def _unknown(name: str) -> ConfigError:
    return ConfigError(
        f"Unknown evaluation config {name!r}. Use {DEFAULT_CONFIG!r}, "
        "'hybrid-<fusion>-<weight>' (fusion one of " + ", ".join(FUSION_METHODS) + ", weight "
        "0-1), 'dense', 'lexical', 'chunks-<n>' (n at least 200) or 'bm25-<analyzer>' "
        "(analyzer one of " + ", ".join(ANALYZER_NAMES) + ")."
    )


def parse_config(name: str) -> EvalConfig:
    """The :class:`EvalConfig` a name stands for (raises ConfigError for unknown names)."""
    if name in ("dense", "lexical"):
        return EvalConfig(name, RetrievalConfig(mode=name))
    kind, _, rest = name.partition("-")
    if kind == "bm25" and rest in ANALYZER_NAMES:
        return EvalConfig(name, RetrievalConfig(mode="lexical"), analyzer=rest)
    chunks = _CHUNKS.fullmatch(name)
    if chunks is not None and int(chunks.group(1)) >= _MIN_CHUNK_CHARS:
        return EvalConfig(name, DEFAULT_RETRIEVAL, chunk_chars=int(chunks.group(1)))
    if kind == "hybrid":
        fusion, _, weight_text = rest.partition("-")
        try:
            weight = float(weight_text)
        except ValueError:
            raise _unknown(name) from None
        if fusion in FUSION_METHODS and 0.0 <= weight <= 1.0:
            return EvalConfig(name, RetrievalConfig(fusion=fusion, lexical_weight=weight))
    raise _unknown(name)


def select(names: Sequence[str] | None, fast: bool = False) -> list[EvalConfig]:
    """The configs to run: the given names, the default only (``fast``), or all standard ones."""
    if names:
        chosen = list(dict.fromkeys(names))
    elif fast:
        chosen = [DEFAULT_CONFIG]
    else:
        chosen = list(STANDARD_CONFIGS)
    return [parse_config(name) for name in chosen]
