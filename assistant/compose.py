"""Answer text with [n] markers and the citations behind them.

Each block of adjacent quoted sentences from one chunk becomes one citation whose ``quote`` is
``chunk.text[start:end]`` (verbatim by construction). Every sentence of the answer ends with its
marker; a list keeps its lead-in and items on lines of their own. Numbers, dates, names, e-mail
addresses and phone numbers therefore appear exactly as in the documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.sentencebank import Sentence
from ingest.models import Chunk, Citation

_PREFACE = {
    "fi": "",
    "en": "According to the documents (quoted in Finnish):",
    "sv": "Enligt dokumenten (citerade på finska):",
}


@dataclass(frozen=True)
class Block:
    """Adjacent sentences of one chunk quoted together under one citation number."""

    chunk: Chunk
    sentences: tuple[Sentence, ...]

    @property
    def quote(self) -> str:
        return self.chunk.text[self.sentences[0].start : self.sentences[-1].end]


def blocks(picked: Sequence[tuple[Chunk, Sentence]]) -> list[Block]:
    """Group sentences (in answer order) into blocks of adjacent sentences of the same chunk."""
    out: list[Block] = []
    for chunk, sentence in picked:
        last = out[-1] if out else None
        if (
            last is not None
            and last.chunk.chunk_id == chunk.chunk_id
            and last.sentences[-1].index + 1 == sentence.index
        ):
            out[-1] = Block(chunk, (*last.sentences, sentence))
        else:
            out.append(Block(chunk, (sentence,)))
    return out


def citation(n: int, chunk: Chunk, quote: str) -> Citation:
    """A numbered citation of ``quote`` (which must be a substring of ``chunk.text``)."""
    if quote not in chunk.text:
        raise ValueError(f"quote is not a verbatim substring of chunk {chunk.chunk_id}: {quote!r}")
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        title=chunk.title,
        page=chunk.page_start,
        section=chunk.section or None,
        url=chunk.url or None,
        quote=quote,
        chunk_id=chunk.chunk_id,
        file=chunk.file,
    )


def render_block(block: Block, n: int) -> str:
    """The block's sentences, each followed by ``[n]``; list items on lines of their own."""
    lines: list[str] = []
    for sentence in block.sentences:
        piece = f"{sentence.text} [{n}]"
        if sentence.item:
            lines.append(f"\n- {piece}")
        else:
            lines.append(("\n\n" if lines and lines[-1].startswith("\n- ") else " ") + piece)
    return "".join(lines).strip()


def compose(
    picked: Sequence[tuple[Chunk, Sentence]], language: str = "fi", first_n: int = 1
) -> tuple[str, tuple[Citation, ...]]:
    """Answer text and citations for the picked sentences (numbered from ``first_n``)."""
    parts: list[str] = []
    cites: list[Citation] = []
    for i, block in enumerate(blocks(picked)):
        n = first_n + i
        cites.append(citation(n, block.chunk, block.quote))
        text = render_block(block, n)
        has_list = any(s.item for s in block.sentences)
        if parts and (has_list or "\n- " in parts[-1]):
            parts.append("\n\n" + text)
        else:
            parts.append((" " if parts else "") + text)
    body = "".join(parts).strip()
    preface = _PREFACE.get(language, "")
    return (f"{preface}\n\n{body}" if preface else body), tuple(cites)
