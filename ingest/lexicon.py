"""simplemma's Finnish dictionary on disk (SQLite), so that no process has to load it whole.

Loading simplemma's Finnish dictionary into memory takes ~5 s on a quiet 2-core machine (18 s
under load) and ~400 MB per process, which dominated cold start. The first use on a machine
writes the 3.5 million form -> lemma pairs once into ``~/.cache/pori-neuvoja/`` (or
``$XDG_CACHE_HOME``); every process after that opens the file read-only and looks words up
(the analyzers cache per word). Lemmas are identical to simplemma's: its own lemmatizer runs on
top of this mapping through simplemma's ``DictionaryFactory`` interface.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from simplemma.strategies.dictionaries.dictionary_factory import DecodedStrMapping

log = logging.getLogger(__name__)
FORMAT = 1


def lexicon_path() -> Path:
    """Where the Finnish lexicon lives (one per simplemma version)."""
    import simplemma

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "pori-neuvoja" / f"simplemma-{simplemma.__version__}-fi-v{FORMAT}.sqlite3"


def _build(path: Path) -> None:
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    log.info("writing the Finnish lexicon to %s (once per machine)", path)
    raw = _load_dictionary_from_disk("fi")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    db = sqlite3.connect(tmp)
    try:
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE lemmas (lemma TEXT PRIMARY KEY) WITHOUT ROWID;"
        )
        db.executemany(
            "INSERT INTO forms VALUES (?, ?)",
            ((k.decode(), v.decode()) for k, v in sorted(raw.items())),
        )
        db.executemany(
            "INSERT INTO lemmas VALUES (?)",
            ((v,) for v in sorted({v.decode() for v in raw.values()})),
        )
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


class Lexicon:
    """Read-only lookups: form -> lemma, and whether a word is a lemma."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def form(self, word: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT lemma FROM forms WHERE form = ?", (word,)).fetchone()
        return None if row is None else str(row[0])

    def is_lemma(self, word: str) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM lemmas WHERE lemma = ?", (word,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM forms").fetchone()[0])


class _FormMapping(DecodedStrMapping):
    """The str -> str view simplemma's strategies expect."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def _lookup(self, key: str) -> str | None:
        return self._lexicon.form(key)

    def __iter__(self) -> Iterator[str]:  # never used by the strategies; kept cheap and honest
        raise TypeError("the on-disk lexicon cannot be iterated")

    def __len__(self) -> int:
        return len(self._lexicon)


class LexiconDictionaryFactory:
    """A simplemma ``DictionaryFactory`` serving Finnish from the on-disk lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._mapping = _FormMapping(lexicon)

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != "fi":
            raise ValueError(f"Unsupported language: {lang}")
        return self._mapping


_BUILD_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def finnish_lexicon() -> Lexicon:
    """The shared lexicon, written on first use on this machine."""
    path = lexicon_path()
    with _BUILD_LOCK:
        if not path.exists():
            _build(path)
    return Lexicon(path)
