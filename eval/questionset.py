"""Question sets for ``python -m eval run`` (format: eval/questions/README.md).

A retrieved chunk is relevant to an answerable question when its document is a gold document
and (when the question gives gold passages) its whitespace-normalised text contains one of
them. When no chunk of the gold documents contains a passage (e.g. it spans two chunks),
relevance falls back to the whole document; :func:`relevant_chunks` says when it did.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import ConfigError
from ingest.models import Chunk

QUESTIONS = Path(__file__).resolve().parent / "questions" / "demo.jsonl"
FAST_PER_CATEGORY = 3
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class EvalQuestion:
    """One item of a question set (see eval/questions/README.md)."""

    qid: str
    question: str
    history: tuple[str, ...]
    answerable: bool
    gold_doc_ids: tuple[str, ...]
    gold_passages: tuple[str, ...]
    key_facts: tuple[tuple[str, ...], ...]
    category: str
    fact: str = ""


def _strings(value: Any, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {name} must be a list of strings. Currently, it is {value!r}.")
    return tuple(value)


def _item(raw: Any, where: str) -> EvalQuestion:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a JSON object, got {type(raw).__name__}.")
    for name in ("id", "question", "answerable"):
        if name not in raw:
            raise ConfigError(
                f"{where}: the field {name!r} is missing (see eval/questions/README.md)."
            )
    if not isinstance(raw["question"], str) or not raw["question"].strip():
        raise ConfigError(f"{where}: question must be a non-empty string.")
    if not isinstance(raw["answerable"], bool):
        raise ConfigError(
            f"{where}: answerable must be true or false. Currently, it is {raw['answerable']!r}."
        )
    gold = raw.get("gold") or {}
    if not isinstance(gold, dict):
        raise ConfigError(f"{where}: gold must be an object with doc_ids and passages.")
    groups = raw.get("key_facts") or []
    if not isinstance(groups, list):
        raise ConfigError(f"{where}: key_facts must be a list of lists of strings.")
    return EvalQuestion(
        qid=str(raw["id"]),
        question=raw["question"],
        history=_strings(raw.get("history"), "history", where),
        answerable=raw["answerable"],
        gold_doc_ids=_strings(gold.get("doc_ids"), "gold.doc_ids", where),
        gold_passages=_strings(gold.get("passages"), "gold.passages", where),
        key_facts=tuple(_strings(g, "each key_facts group", where) for g in groups),
        category=str(raw.get("category") or "muu"),
        fact=str(raw.get("fact") or ""),
    )


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question set (JSON lines); raise ConfigError naming the bad file or line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(
            f"Question file {path} cannot be read ({exc.strerror}). Pass --questions FILE.jsonl."
        ) from None
    out: list[EvalQuestion] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{number} is not valid JSON ({exc.msg}).") from None
        item = _item(raw, f"{path}:{number}")
        if any(q.qid == item.qid for q in out):
            raise ConfigError(f"{path}:{number}: the id {item.qid!r} is used twice.")
        out.append(item)
    if not out:
        raise ConfigError(f"Question file {path} holds no questions.")
    return out


def fast_subset(
    questions: Sequence[EvalQuestion], per_category: int = FAST_PER_CATEGORY
) -> list[EvalQuestion]:
    """The first ``per_category`` questions of every category, in file order."""
    seen: dict[str, int] = {}
    out = []
    for q in questions:
        if seen.get(q.category, 0) < per_category:
            seen[q.category] = seen.get(q.category, 0) + 1
            out.append(q)
    return out


def _ws(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def relevant_chunks(q: EvalQuestion, chunks: dict[str, Chunk]) -> tuple[frozenset[str], bool]:
    """The chunk ids relevant to an answerable question, and whether doc fallback was used."""
    gold = set(q.gold_doc_ids)
    in_gold = [c for c in chunks.values() if c.doc_id in gold]
    passages = [_ws(p) for p in q.gold_passages if p.strip()]
    if not passages:
        return frozenset(c.chunk_id for c in in_gold), False
    hits = frozenset(c.chunk_id for c in in_gold if any(p in _ws(c.text) for p in passages))
    if hits:
        return hits, False
    return frozenset(c.chunk_id for c in in_gold), True
