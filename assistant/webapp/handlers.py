"""What happens when a user acts on the page: ask, rate, comment, search, log in, export.

Each browser session owns one :class:`ChatSession` (kept in a ``gr.State``), so one user's
conversation never reaches another. Errors become plain Finnish messages in the chat; nothing
shows a traceback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import gradio as gr

from assistant.feedback import FeedbackStore
from assistant.webapp import render
from assistant.webapp.staff import StaffDesk
from assistant.webapp.startup import AppStatus
from ingest.errors import (
    EmbedderMismatchError,
    IndexMissingError,
    LLMError,
    PoriError,
    QuestionError,
    StoreError,
)
from ingest.models import Answer, Hit
from ingest.settings import Settings

if TYPE_CHECKING:  # heavy (llama-index, chromadb): imported where needed, after the page is up
    from assistant.retrieval import Filters
    from ingest.store import IndexInfo

log = logging.getLogger(__name__)

NOT_READY = "Pori-neuvoja valmistelee vielä asiakirjahakemistoa. Yritä hetken kuluttua uudelleen."
UNAVAILABLE = "Pori-neuvoja ei ole juuri nyt käytettävissä."
READY_WAIT_S = 60.0  # a question asked while the assistant loads waits this long for it
Message = dict[str, Any]


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


@dataclass
class ChatSession:
    """One browser session's conversation, answers and feedback ids."""

    messages: list[Message] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # earlier questions, oldest first
    answers: dict[int, Answer] = field(default_factory=dict)  # message index -> answer
    feedback_ids: dict[int, int] = field(default_factory=dict)  # message index -> feedback row
    pending: str | None = None
    staff: bool = False


def user_error(exc: PoriError) -> str:
    """A plain Finnish message for an error the assistant raised."""
    if isinstance(exc, QuestionError):
        return str(exc)
    if isinstance(exc, IndexMissingError | EmbedderMismatchError):
        return (
            "Asiakirjahakemisto ei ole käytettävissä. Ylläpitäjä voi rakentaa sen "
            "komennolla: python -m ingest build"
        )
    if isinstance(exc, StoreError):
        return "Asiakirjatietokantaan ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen."
    if isinstance(exc, LLMError):
        return "Kielimalli ei vastannut. Yritä hetken kuluttua uudelleen."
    return "Vastausta ei voitu muodostaa. Yritä uudelleen tai muotoile kysymys toisin."


def _liked_rating(liked: object) -> str | None:
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return None


def _message_index(index: object) -> int | None:
    if isinstance(index, int):
        return index
    if isinstance(index, list | tuple) and index and isinstance(index[0], int):
        return index[0]
    return None


class ChatHandlers:
    """Event handlers of the page, bound to one assistant, feedback store and settings."""

    def __init__(
        self,
        assistant: AssistantLike,
        feedback: FeedbackStore,
        settings: Settings,
        status: AppStatus,
    ) -> None:
        self.assistant = assistant
        self.feedback = feedback
        self.settings = settings
        self.status = status
        self.staff = StaffDesk(feedback, settings)

    # -- chat ------------------------------------------------------------------------------
    def submit(
        self, message: str, session: ChatSession | None
    ) -> tuple[str, list[Message], ChatSession]:
        """Show the question at once; :meth:`respond` then fills in the answer."""
        session = session or ChatSession()
        question = (message or "").strip()
        if not question:
            session.pending = None
            return "", session.messages, session
        session.messages.append({"role": "user", "content": render.user_message_html(question)})
        session.messages.append({"role": "assistant", "content": render.pending_html("")})
        session.pending = question
        return "", session.messages, session

    def respond(self, session: ChatSession | None) -> Iterator[tuple[list[Message], ChatSession]]:
        """Stream the answer to the pending question into the last chat message."""
        session = session or ChatSession()
        question, session.pending = session.pending, None
        if question is None or not session.messages:
            yield session.messages, session
            return
        slot = len(session.messages) - 1
        problem = self._precheck(question)
        if problem is not None:
            session.messages[slot] = {"role": "assistant", "content": render.error_html(problem)}
            yield session.messages, session
            return
        started = time.perf_counter()
        try:
            for piece in self.assistant.ask_stream(question, tuple(session.history)):
                if isinstance(piece, Answer):
                    session.messages[slot] = {
                        "role": "assistant",
                        "content": render.answer_html(piece),
                    }
                    session.answers[slot] = piece
                    session.history.append(piece.question or question)  # as Conversation does
                else:
                    session.messages[slot] = {
                        "role": "assistant",
                        "content": render.pending_html(piece),
                    }
                yield session.messages, session
        except PoriError as exc:
            log.info("question not answered: %s", exc)
            session.messages[slot] = {
                "role": "assistant",
                "content": render.error_html(user_error(exc)),
            }
            yield session.messages, session
            return
        except Exception:  # the page's last resort: log the traceback, show a plain message
            log.exception("answering failed unexpectedly")
            session.messages[slot] = {
                "role": "assistant",
                "content": render.error_html(
                    "Tapahtui odottamaton virhe. Yritä uudelleen hetken kuluttua."
                ),
            }
            yield session.messages, session
            return
        log.info(
            "answered in %.0f ms (%s history questions)",
            (time.perf_counter() - started) * 1000,
            len(session.history) - 1,
        )

    def _not_ready(self) -> str | None:
        """None when the assistant can answer (waiting while it loads), else why not."""
        snap = self.status.wait(READY_WAIT_S)
        if snap.ready:
            return None
        return f"{UNAVAILABLE} {snap.message}" if snap.state == "failed" else NOT_READY

    def _precheck(self, question: str) -> str | None:
        problem = self._not_ready()
        if problem is not None:
            return problem
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return (
                f"Kysymys on liian pitkä ({len(question)} merkkiä). "
                f"Lyhennä se alle {limit} merkkiin."
            )
        return None

    def new_conversation(
        self, session: ChatSession | None
    ) -> tuple[list[Message], ChatSession, str]:
        """Forget this session's conversation (staff login is kept)."""
        fresh = ChatSession(staff=bool(session and session.staff))
        return fresh.messages, fresh, ""

    # -- feedback --------------------------------------------------------------------------
    def like(self, session: ChatSession | None, data: gr.LikeData) -> str:
        """Store a thumbs up/down for the rated answer."""
        if session is None:
            return ""
        slot = _message_index(data.index)
        answer = session.answers.get(slot) if slot is not None else None
        rating = _liked_rating(data.liked)
        if slot is None or answer is None or rating is None:
            return ""
        if slot in session.feedback_ids:
            self.feedback.update(session.feedback_ids[slot], rating=rating)
        else:
            session.feedback_ids[slot] = self.feedback.add(
                rating, answer.question, answer.text, answer.citations
            )
        return "Kiitos palautteesta! Voit vielä kirjoittaa kommentin alla olevaan kenttään."

    def comment(self, text: str, session: ChatSession | None) -> tuple[str, str]:
        """Attach a comment to the latest answer; returns (cleared textbox, status text)."""
        if session is None or not session.answers:
            return text, "Palaute liitetään vastaukseen: kysy ensin jotakin."
        comment = (text or "").strip()
        if not comment:
            return text, "Kirjoita kommentti ennen lähettämistä."
        slot = max(session.answers)
        answer = session.answers[slot]
        row = session.feedback_ids.get(slot)
        if row is None or not self.feedback.update(row, comment=comment):
            session.feedback_ids[slot] = self.feedback.add(
                None, answer.question, answer.text, answer.citations, comment=comment
            )
        return "", (
            "Kiitos! Kommentti tallennettiin. Sähköpostiosoitteet ja puhelinnumerot "
            "poistetaan ennen tallennusta."
        )

    # -- helpdesk search -------------------------------------------------------------------
    def search(
        self, query: str, doc_ids: Sequence[str] | None, doc_types: Sequence[str] | None, k: float
    ) -> tuple[str, str]:
        """Passages for the helpdesk search tab as HTML (scores, citations), and a status line."""
        query = (query or "").strip()
        if not query:
            return "", "Kirjoita hakusana tai kysymys."
        problem = self._not_ready()
        if problem is not None:
            return "", problem
        limit = self.settings.max_question_chars
        if len(query) > limit:
            return "", f"Haku on liian pitkä. Lyhennä se alle {limit} merkkiin."
        from assistant.retrieval import Filters

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
        return render.search_results_html(hits), status

    # -- index information -----------------------------------------------------------------
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
            kind = "error" if snap.state == "failed" else "progress"
            return render.banner_html([snap.message], kind)
        info = self._info()
        if info is not None and render.is_sample_corpus(info):
            return render.banner_html(
                [
                    "Käytössä on esimerkkiaineisto: asiakirjat on koottu julkisista lähteistä, "
                    "eivätkä ne ole virallisia asiakirjoja. Tarkista tiedot virallisista lähteistä."
                ],
                "sample",
            )
        return ""

    def info_html(self) -> str:
        info = self._info()
        if info is None:
            return render.banner_html([self.status.get().message], "progress")
        return render.index_info_html(info, self.assistant.mode)

    def document_choices(self) -> list[tuple[str, str]]:
        info = self._info()
        return [(d.title or d.doc_id, d.doc_id) for d in info.documents] if info else []

    def type_choices(self) -> list[tuple[str, str]]:
        info = self._info()
        types = sorted({d.doc_type for d in info.documents}) if info else []
        return [(render.doc_type_label(t), t) for t in types]

    # -- API -------------------------------------------------------------------------------
    def api_ask(self, question: str) -> dict[str, Any]:
        """The ``ask`` endpoint: the same JSON object as ``python -m assistant ask --json``."""
        problem = self._not_ready()
        if problem is not None:
            raise gr.Error(problem)
        try:
            return self.assistant.ask(question).to_json()
        except PoriError as exc:
            raise gr.Error(user_error(exc)) from None
