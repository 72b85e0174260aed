"""The helpdesk staff's feedback view: optional login, the feedback table and CSV export.

With ASSISTANT_STAFF_USER and ASSISTANT_STAFF_PASSWORD set, a browser session must log in before
it sees any feedback; without them the view is open (meant for a local installation). The public
chat never needs a login.
"""

from __future__ import annotations

import hmac
import shutil
import tempfile
import time
from pathlib import Path
from typing import Protocol

from assistant.feedback import FeedbackStore
from ingest.settings import Settings

EXPORT_TTL_S = 3600.0
RATING_LABELS = {"up": "hyödyllinen", "down": "ei hyödyllinen"}


class StaffSession(Protocol):
    staff: bool


class StaffDesk:
    """Login check, feedback rows and CSV export for one feedback store."""

    def __init__(self, feedback: FeedbackStore, settings: Settings) -> None:
        self.feedback = feedback
        self.settings = settings

    @property
    def login_required(self) -> bool:
        return bool(self.settings.staff_user and self.settings.staff_password)

    def check(self, user: str, password: str) -> bool:
        """Constant-time comparison with ASSISTANT_STAFF_USER / ASSISTANT_STAFF_PASSWORD."""
        if not self.login_required:
            return True
        ok_user = hmac.compare_digest(
            (user or "").encode(), (self.settings.staff_user or "").encode()
        )
        ok_pass = hmac.compare_digest(
            (password or "").encode(), (self.settings.staff_password or "").encode()
        )
        return ok_user and ok_pass

    def allowed(self, session: StaffSession | None) -> bool:
        return not self.login_required or bool(session and session.staff)

    def rows(self, session: StaffSession | None, limit: int = 500) -> list[list[str]]:
        """Feedback for the staff table, newest first (empty without staff rights)."""
        if not self.allowed(session):
            return []
        rows = []
        for rec in self.feedback.entries(limit=limit):
            cites = "; ".join(
                str(c.get("title", "")) + (f", s. {c['page']}" if c.get("page") else "")
                for c in rec.citations
            )
            rating = RATING_LABELS.get(rec.rating or "", "–")
            rows.append([rec.created, rating, rec.question, rec.answer, cites, rec.comment])
        return rows

    def export_csv(self, session: StaffSession | None) -> str | None:
        """Write the feedback CSV under the data folder; None without staff rights.

        Each export gets its own folder (the download keeps the name ``palaute.csv``); exports
        older than an hour are deleted, since Gradio serves the file from its own copy.
        """
        if not self.allowed(session):
            return None
        root = self.settings.data_dir / "exports"
        root.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - EXPORT_TTL_S
        for old in root.iterdir():
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=root))
        return str(self.feedback.export_csv(folder / "palaute.csv"))
