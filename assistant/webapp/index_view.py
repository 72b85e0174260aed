"""What the page shows about the index: the notice above the chat, the information tab and the
search tab's document and type choices. Until the assistant is ready, the preparation progress."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from assistant.webapp.protocol import AssistantLike
from assistant.webapp.render import banner_html, doc_type_label
from assistant.webapp.render_info import index_info_html, is_sample_corpus
from assistant.webapp.startup import FAILED, AppStatus
from ingest.errors import PoriError

if TYPE_CHECKING:
    from ingest.store import IndexInfo

log = logging.getLogger(__name__)

SAMPLE_NOTE = (
    "Käytössä on esimerkkiaineisto: asiakirjat on koottu julkisista lähteistä, "
    "eivätkä ne ole virallisia asiakirjoja. Tarkista tiedot virallisista lähteistä."
)


class IndexView:
    """Index information for the page, read from the assistant once it is ready."""

    def __init__(self, assistant: AssistantLike, status: AppStatus) -> None:
        self.assistant = assistant
        self.status = status

    def _info(self) -> IndexInfo | None:
        if not self.status.get().ready:
            return None
        try:
            return self.assistant.index_info()
        except PoriError as exc:
            log.warning("index info unavailable: %s", exc)
            return None

    def banner(self) -> str:
        """The notice above the chat: preparation progress, or the sample-corpus note."""
        snap = self.status.get()
        if not snap.ready:
            return banner_html([snap.message], "error" if snap.state == FAILED else "progress")
        info = self._info()
        if info is not None and is_sample_corpus(info):
            return banner_html([SAMPLE_NOTE], "sample")
        return ""

    def info_html(self) -> str:
        """The information tab (documents, build time, embedder, answer mode) or the progress."""
        info = self._info()
        if info is None:
            return banner_html([self.status.get().message], "progress")
        return index_info_html(info, self.assistant.mode)

    def document_choices(self) -> list[tuple[str, str]]:
        """(title, doc id) for the search tab's document filter."""
        info = self._info()
        return [(d.title or d.doc_id, d.doc_id) for d in info.documents] if info else []

    def type_choices(self) -> list[tuple[str, str]]:
        """(Finnish label, doc type) for the search tab's type filter."""
        info = self._info()
        types = sorted({d.doc_type for d in info.documents}) if info else []
        return [(doc_type_label(t), t) for t in types]
