"""The helpdesk search tab: passages for a query, with document and type filters."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from assistant.webapp.notices import not_ready, user_error
from assistant.webapp.protocol import AssistantLike
from assistant.webapp.render_search import search_results_html
from assistant.webapp.startup import AppStatus
from ingest.errors import PoriError
from ingest.settings import Settings

log = logging.getLogger(__name__)


class HelpdeskSearch:
    """Runs the search tab's queries against the assistant's hybrid retrieval."""

    def __init__(self, assistant: AssistantLike, settings: Settings, status: AppStatus) -> None:
        self.assistant = assistant
        self.settings = settings
        self.status = status

    def search(
        self, query: str, doc_ids: Sequence[str] | None, doc_types: Sequence[str] | None, k: float
    ) -> tuple[str, str]:
        """Passages as HTML (scores, citations), and a status line."""
        query = (query or "").strip()
        if not query:
            return "", "Kirjoita hakusana tai kysymys."
        problem = not_ready(self.status)
        if problem is not None:
            return "", problem
        limit = self.settings.max_question_chars
        if len(query) > limit:
            return "", f"Haku on liian pitkä. Lyhennä se alle {limit} merkkiin."
        from assistant.retrieval import Filters  # after the page is up (see startup)

        filters = Filters(doc_ids=tuple(doc_ids or ()), doc_types=tuple(doc_types or ()))
        try:
            hits = self.assistant.search(
                query,
                k=max(1, int(k)),
                filters=filters if filters.doc_ids or filters.doc_types else None,
            )
        except PoriError as exc:
            log.info("search failed: %s", exc)
            return "", user_error(exc)
        status = f"{len(hits)} osumaa." if hits else "Ei osumia. Kokeile toista sanaa."
        return search_results_html(hits), status
