"""One conversation (one user or browser session): its own history, no global state."""

from __future__ import annotations

from assistant.question import clean
from assistant.service import Assistant
from ingest.models import Answer


class Conversation:
    """Asks the shared :class:`Assistant` with this conversation's earlier questions."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.history: list[str] = []  # the user's earlier questions, oldest first

    def ask(self, question: str) -> Answer:
        """Answer a question in the context of this conversation, then remember it."""
        answer = self.assistant.ask(question, tuple(self.history))
        self.history.append(clean(question, self.assistant.settings.max_question_chars))
        return answer

    def reset(self) -> None:
        """Start over: forget the earlier questions."""
        self.history.clear()
