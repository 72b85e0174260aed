"""What the page needs from the assistant (``assistant.service.Assistant`` or a test fake)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from ingest.models import Answer, Hit

if TYPE_CHECKING:  # heavy (chromadb): imported where needed, after the page is up
    from assistant.retrieval import Filters
    from ingest.store import IndexInfo


class AssistantLike(Protocol):
    """The part of ``assistant.service.Assistant`` the page uses."""

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        today: date | None = None,
        filters: Filters | None = None,
    ) -> Answer: ...

    def ask_stream(
        self, question: str, history: Sequence[str] = (), *, today: date | None = None
    ) -> Iterator[str | Answer]: ...

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]: ...

    def index_info(self) -> IndexInfo: ...

    @property
    def mode(self) -> str: ...
