"""Structure-aware chunking: sections by heading, then whole sentences and list items packed.

A chunk never spans two sections and never cuts a sentence; its text is exactly
``doc.text[char_start:char_end]``. The heading path goes to ``Chunk.section`` rather than into
the text. Ids are content hashes, so re-chunking unchanged text gives the same ids.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_right
from dataclasses import dataclass

from ingest.cleaning import HEADING, LIST_ITEM
from ingest.errors import ConfigError
from ingest.models import Chunk, LoadedDocument
from ingest.sentences import split_sentences

__all__ = ["chunk_document", "chunk_id"]

logger = logging.getLogger(__name__)

_TAIL_SHARE = 0.25  # a last piece shorter than this share of the target joins its neighbour
_TAIL_SLACK = 1.25  # ... if the merged chunk stays within this multiple of the target


@dataclass(frozen=True)
class _Section:
    path: str
    units: tuple[tuple[int, int], ...]  # sentence / list-item spans in document offsets


def chunk_id(doc_id: str, section: str, text: str) -> str:
    """Deterministic id: sha256 of "doc_id\\nsection\\ntext", first 32 hex characters."""
    return hashlib.sha256(f"{doc_id}\n{section}\n{text}".encode()).hexdigest()[:32]


def _units(line: str, offset: int, target_chars: int) -> list[tuple[int, int]]:
    """Packing units of one content line: a whole list item, or the sentences of a paragraph."""
    stripped = line.strip()
    if LIST_ITEM.match(stripped) and len(stripped) <= target_chars:
        start = offset + line.index(stripped)
        return [(start, start + len(stripped))]
    return [(offset + s, offset + e) for s, e in split_sentences(line)]


def _sections(text: str, target_chars: int) -> list[_Section]:
    sections: list[_Section] = []
    stack: list[tuple[int, str]] = []
    units: list[tuple[int, int]] = []

    def close() -> None:
        if units:
            sections.append(_Section(" > ".join(title for _, title in stack), tuple(units)))

    offset = 0
    for line in text.split("\n"):
        heading = HEADING.match(line.strip())
        if heading:
            close()
            units = []
            level = len(heading.group(1))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, " ".join(heading.group(2).split())))
        elif line.strip():
            units.extend(_units(line, offset, target_chars))
        offset += len(line) + 1
    close()
    return sections


def _pack(units: tuple[tuple[int, int], ...], target_chars: int) -> list[tuple[int, int]]:
    """Greedy packing of consecutive units into spans of at most ``target_chars``."""
    spans: list[tuple[int, int]] = []
    start, end = units[0]
    for unit_start, unit_end in units[1:]:
        if unit_end - start > target_chars:
            spans.append((start, end))
            start = unit_start
        end = unit_end
    spans.append((start, end))
    if len(spans) > 1:
        last_start, last_end = spans[-1]
        prev_start, _ = spans[-2]
        small = last_end - last_start < target_chars * _TAIL_SHARE
        if small and last_end - prev_start <= target_chars * _TAIL_SLACK:
            spans[-2:] = [(prev_start, last_end)]
    return spans


def chunk_document(doc: LoadedDocument, target_chars: int = 900) -> list[Chunk]:
    """Split a loaded document into chunks of about ``target_chars`` characters."""
    if target_chars <= 0:
        raise ConfigError(
            f"target_chars must be greater than 0. Currently, target_chars is {target_chars}."
        )
    text = doc.text
    page_starts: list[int] = []
    position = 0
    for page in doc.pages:
        page_starts.append(position)
        position += len(page.text) + 2

    def page_at(offset: int) -> int | None:
        if not doc.pages:
            return None
        return doc.pages[max(0, bisect_right(page_starts, offset) - 1)].number

    source = doc.source
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for section in _sections(text, target_chars):
        for start, end in _pack(section.units, target_chars):
            body = text[start:end]
            cid = chunk_id(source.doc_id, section.path, body)
            if cid in seen:  # the same passage twice in one section: keep ids unique
                cid = chunk_id(source.doc_id, section.path, f"{body}\n{len(chunks)}")
            seen.add(cid)
            chunks.append(
                Chunk(
                    chunk_id=cid,
                    doc_id=source.doc_id,
                    text=body,
                    title=source.title,
                    doc_type=source.doc_type,
                    url=source.url,
                    page_start=page_at(start),
                    page_end=page_at(end - 1),
                    section=section.path,
                    char_start=start,
                    char_end=end,
                    ordinal=len(chunks),
                    file=source.file,
                    date=source.date,
                )
            )
    logger.debug("Chunked %s into %d chunks", source.doc_id, len(chunks))
    return chunks
