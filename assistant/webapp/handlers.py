"""What happens when a user acts on the chat: ask, start over, rate, comment; and the API.

Each browser session owns one :class:`ChatSession` (kept in a ``gr.State``), so one user's
conversation never reaches another. Errors become plain Finnish messages in the chat; nothing
shows a traceback. :class:`ChatHandlers` also holds the other tabs' handlers: ``helpdesk``
(search), ``index`` (notice and information tab) and ``staff`` (feedback view).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from assistant.feedback import FeedbackStore
from assistant.webapp import render
from assistant.webapp.helpdesk import HelpdeskSearch
from assistant.webapp.index_view import IndexView
from assistant.webapp.notices import LOADING_WAIT, UNEXPECTED, is_loading, not_ready, user_error
from assistant.webapp.protocol import AssistantLike
from assistant.webapp.staff import StaffDesk
from assistant.webapp.startup import AppStatus
from ingest.errors import PoriError
from ingest.models import Answer
from ingest.settings import Settings

log = logging.getLogger(__name__)

Message = dict[str, Any]


@dataclass
class ChatSession:
    """One browser session's conversation, answers and feedback ids."""

    messages: list[Message] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # earlier questions, oldest first
    answers: dict[int, Answer] = field(default_factory=dict)  # message index -> answer
    feedback_ids: dict[int, int] = field(default_factory=dict)  # message index -> feedback row
    pending: str | None = None
    staff: bool = False


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
        self.helpdesk = HelpdeskSearch(assistant, settings, status)
        self.index = IndexView(assistant, status)

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
        if is_loading(self.status):  # the question waits for the warm-up; say so meanwhile
            session.messages[slot] = {
                "role": "assistant",
                "content": render.waiting_html(LOADING_WAIT),
            }
            yield session.messages, session
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
                "content": render.error_html(UNEXPECTED),
            }
            yield session.messages, session
            return
        log.info(
            "answered in %.0f ms (%s history questions)",
            (time.perf_counter() - started) * 1000,
            len(session.history) - 1,
        )

    def _precheck(self, question: str) -> str | None:
        problem = not_ready(self.status)
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
            "Kiitos! Kommentti tallennettiin. Sähköpostiosoitteet, puhelinnumerot ja "
            "henkilötunnukset poistetaan ennen tallennusta."
        )

    # -- API -------------------------------------------------------------------------------
    def api_ask(self, question: str) -> dict[str, Any]:
        """The ``ask`` endpoint: the same JSON object as ``python -m assistant ask --json``."""
        problem = not_ready(self.status)
        if problem is not None:
            raise gr.Error(problem)
        try:
            return self.assistant.ask(question).to_json()
        except PoriError as exc:
            raise gr.Error(user_error(exc)) from None
