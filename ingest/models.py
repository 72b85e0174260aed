"""Typed, frozen records passed between the pipeline's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocType = Literal["agreement", "call_notice", "programme", "web_page", "projects", "other"]
DOC_TYPES: tuple[str, ...] = (
    "agreement",
    "call_notice",
    "programme",
    "web_page",
    "projects",
    "other",
)


@dataclass(frozen=True)
class SourceInfo:
    """One entry of ``corpus/sources.toml``: what a document is and where it came from."""

    doc_id: str
    title: str
    file: str  # path relative to the corpus folder
    doc_type: str = "other"
    publisher: str = ""
    language: str = "fi"
    date: str = ""  # ISO date, may be empty
    url: str = ""
    official: bool = False
    sources: tuple[str, ...] = ()  # URLs the sample material was compiled from


@dataclass(frozen=True)
class Page:
    """Cleaned text of one page (PDF) or of the whole document (other formats, page=None)."""

    number: int | None
    text: str


@dataclass(frozen=True)
class LoadedDocument:
    """A document after loading and cleaning: its pages and where each page starts."""

    source: SourceInfo
    pages: tuple[Page, ...]
    sha256: str  # of the raw file bytes

    @property
    def text(self) -> str:
        """The cleaned text of all pages joined with blank lines (offsets refer to this)."""
        return "\n\n".join(p.text for p in self.pages)


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage with everything a citation needs."""

    chunk_id: str  # content hash (doc_id + text), stable across runs
    doc_id: str
    text: str
    title: str
    doc_type: str
    url: str
    page_start: int | None
    page_end: int | None
    section: str  # heading path, " > " separated, may be empty
    char_start: int  # offsets in LoadedDocument.text
    char_end: int
    ordinal: int  # position of the chunk within its document
    file: str = ""  # path relative to the corpus folder
    date: str = ""


@dataclass(frozen=True)
class Hit:
    """A chunk found for a query, with its fused score and the scores behind it."""

    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class Citation:
    """One numbered source of an answer; ``quote`` is a verbatim substring of the chunk text."""

    n: int
    doc_id: str
    title: str
    page: int | None
    section: str | None
    url: str | None
    quote: str
    chunk_id: str = ""
    file: str = ""


@dataclass(frozen=True)
class Answer:
    """What the assistant says: text with [n] markers, its citations, and whether it refused."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool
    latency_ms: float = 0.0
    suggestions: tuple[Hit, ...] = field(default=())  # closest passages shown when refused
    mode: str = "extractive"
    notice: str | None = None  # e.g. "LLM unavailable, answered extractively"

    def to_json(self) -> dict[str, object]:
        """The contract's JSON object (``python -m assistant ask --json``)."""
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "latency_ms": round(self.latency_ms, 2),
            "citations": [
                {
                    "n": c.n,
                    "doc_id": c.doc_id,
                    "title": c.title,
                    "page": c.page,
                    "section": c.section,
                    "url": c.url,
                    "quote": c.quote,
                }
                for c in self.citations
            ],
            "mode": self.mode,
            "notice": self.notice,
        }
