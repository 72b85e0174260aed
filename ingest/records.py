"""Chunks to and from the metadata of Chroma records.

The build writes records through llama-index nodes (:mod:`ingest.nodes`); reading them back
needs nothing but this module, so the query path does not import llama-index.
Chroma metadata cannot hold None, so absent pages are stored as -1. Each record also carries the
chunk's analysed terms (space-joined) so that the lexical index can be rebuilt from the collection.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ingest.models import Chunk

_NO_PAGE = -1


def chunk_metadata(chunk: Chunk, terms: list[str]) -> dict[str, str | int]:
    """Flat, Chroma-safe metadata of a chunk."""
    return {
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "doc_type": chunk.doc_type,
        "url": chunk.url,
        "page_start": _NO_PAGE if chunk.page_start is None else chunk.page_start,
        "page_end": _NO_PAGE if chunk.page_end is None else chunk.page_end,
        "section": chunk.section,
        "char_start": chunk.char_start,
        "char_end": chunk.char_end,
        "ordinal": chunk.ordinal,
        "file": chunk.file,
        "date": chunk.date,
        "terms": " ".join(terms),
    }


def _page(value: Any) -> int | None:
    try:
        page = int(value)
    except (TypeError, ValueError):
        return None
    return None if page == _NO_PAGE else page


def chunk_from_record(chunk_id: str, text: str, meta: Mapping[str, Any]) -> Chunk:
    """Rebuild a :class:`Chunk` from a Chroma record (id, document, metadata)."""
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta.get("doc_id", "")),
        text=text,
        title=str(meta.get("title", "")),
        doc_type=str(meta.get("doc_type", "other")),
        url=str(meta.get("url", "")),
        page_start=_page(meta.get("page_start")),
        page_end=_page(meta.get("page_end")),
        section=str(meta.get("section", "")),
        char_start=int(meta.get("char_start", 0)),
        char_end=int(meta.get("char_end", 0)),
        ordinal=int(meta.get("ordinal", 0)),
        file=str(meta.get("file", "")),
        date=str(meta.get("date", "")),
    )


def record_terms(meta: Mapping[str, Any]) -> list[str]:
    """The analysed terms stored with a record."""
    raw = meta.get("terms", "")
    return str(raw).split() if raw else []
