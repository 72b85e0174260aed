"""A content-addressed embedding cache: sha256(embedded text) -> vector, per embedder.

Re-running a build only embeds texts it has never seen; the cache is SQLite in WAL mode, so a
killed build keeps every vector it had committed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def text_key(text: str) -> str:
    """The cache key of an embedded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorCache:
    """Vectors of one embedder, stored in ``folder/<embedder>.sqlite3``."""

    def __init__(self, folder: Path, embedder: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", embedder)[:120]
        self.path = folder / f"{slug}.sqlite3"
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)"
        )
        self._db.commit()

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``keys``."""
        found: dict[str, np.ndarray] = {}
        keys = list(keys)
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", part)
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        """Store vectors and commit (each batch is durable once this returns)."""
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items],
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
