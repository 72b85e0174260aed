"""User feedback on answers, stored in SQLite (WAL mode) under the data folder.

Stored per answer: the rating (``up``/``down``), the question, the answer text, its citations,
an optional comment and the time. Nothing identifies the user: no IP address, no session id.
E-mail addresses (also written ``(at)``), personal identity codes and phone numbers in the free
text a user types (the question and the comment) are replaced with placeholders before anything
reaches the disk. Rows older than the retention period are deleted whenever the store is opened,
written to or listed.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ingest.errors import ConfigError
from ingest.models import Citation

log = logging.getLogger(__name__)

RATINGS = ("up", "down")
EMAIL_PLACEHOLDER = "[sähköpostiosoite poistettu]"
PHONE_PLACEHOLDER = "[puhelinnumero poistettu]"
HETU_PLACEHOLDER = "[henkilötunnus poistettu]"
MAX_COMMENT_CHARS = 2000
CSV_COLUMNS = ("id", "created", "rating", "question", "answer", "citations", "comment")

# The "@" may be written out, as many Finnish web pages do: etunimi.sukunimi(at)pori.fi,
# [at], {at}, <at>, (ät) or " at " between words; the dot likewise as (dot), [piste], " dot ".
# The domain must end in letters, so "klo 9 at 10.30" is left alone.
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|ät|a)\s*[)\]}>]\s*|\s+(?:at|ät)\s+)"
_DOT = r"(?:\.|\s*[(\[{<]\s*(?:dot|piste)\s*[)\]}>]\s*|\s+(?:dot|piste)\s+)"
_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}}\b",
    re.IGNORECASE,
)
# Finnish personal identity code (henkilötunnus): DDMMYY, a century sign (+ for the 1800s,
# - Y X W V U for the 1900s, A B C D E F for the 2000s), three digits and a check character.
# The check character is not verified: a mistyped code is still personal data.
_HETU_RE = re.compile(
    r"(?<![\w+-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}"
    r"[0-9A-FHJ-NPR-Y](?![\w-])",
    re.IGNORECASE,
)
# A business ID (Y-tunnus, 0204819-8) identifies a company, is public, and stays.
_BUSINESS_ID = r"\d{7}-\d(?!\d)"
# International (+358 44 701 8303, 00358-44-7018303) or national (044 701 8303, (02) 621 1111,
# 040-1234567) numbers; digit groups separated by single spaces or hyphens. Dates (18.10.2023),
# year ranges (2021-2027) and amounts (0,9 milj.) do not start with + or 0 followed by digits
# grouped like this, and the digit count check below rejects short runs.
_PHONE_RE = re.compile(
    r"(?<![\w.,/])"
    rf"(?!{_BUSINESS_ID})"
    r"(?:(?:\+|00)\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{1,4}|\(0\d{1,3}\)|0\d{1,3})"
    r"(?:[ -]?\d{2,4}){1,4}"
    r"(?![\w.,/-]\d|\w)"
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    rating TEXT,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created);
"""


def redact(text: str) -> str:
    """Replace e-mail addresses, personal identity codes and phone numbers with placeholders.

    Business IDs, dates, year ranges and amounts are kept.
    """
    text = _EMAIL_RE.sub(EMAIL_PLACEHOLDER, text)
    text = _HETU_RE.sub(HETU_PLACEHOLDER, text)

    def phone(match: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in match.group(0))
        return PHONE_PLACEHOLDER if 7 <= digits <= 15 else match.group(0)

    return _PHONE_RE.sub(phone, text)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _spreadsheet_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@dataclass(frozen=True)
class FeedbackRecord:
    """One stored piece of feedback."""

    id: int
    created: str  # ISO time, UTC
    rating: str | None  # "up", "down" or None (comment only)
    question: str
    answer: str
    citations: tuple[dict[str, object], ...]
    comment: str


def citations_json(citations: Sequence[Citation]) -> str:
    """The citations of an answer as stored: number, document, title, page, section, quote."""
    return json.dumps(
        [
            {
                "n": c.n,
                "doc_id": c.doc_id,
                "title": c.title,
                "page": c.page,
                "section": c.section,
                "quote": c.quote,
            }
            for c in citations
        ],
        ensure_ascii=False,
    )


class FeedbackStore:
    """Feedback rows in one SQLite file; every call opens its own short-lived connection."""

    def __init__(self, path: Path, retention_days: int = 365) -> None:
        if retention_days < 1:
            raise ConfigError(
                f"retention_days must be at least 1. Currently, retention_days is {retention_days}."
            )
        self.path = path
        self.retention_days = retention_days
        self._ready = False
        self._init_lock = threading.Lock()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            # one thread creates the file, switches it to WAL and creates the tables: two doing it
            # at once could fail with "database is locked" (the switch does not wait)
            with self._init_lock:
                if not self._ready:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    with closing(sqlite3.connect(self.path, timeout=10.0)) as conn:
                        conn.execute("PRAGMA journal_mode=WAL")
                        conn.executescript(_SCHEMA)
                    self._ready = True
        # one transaction per use, committed on success
        with closing(sqlite3.connect(self.path, timeout=10.0)) as conn, conn:
            yield conn

    def journal_mode(self) -> str:
        """The SQLite journal mode of the file ("wal" once the store has been used)."""
        with self._connect() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def add(
        self,
        rating: str | None,
        question: str,
        answer: str,
        citations: Sequence[Citation] = (),
        comment: str = "",
        now: datetime | None = None,
    ) -> int:
        """Store feedback on one answer and return its id; free text is redacted first."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(
                f"rating must be 'up', 'down' or None. Currently, rating is {rating!r}."
            )
        moment = now or _now()
        with self._connect() as conn:
            self._purge(conn, moment)
            cursor = conn.execute(
                "INSERT INTO feedback (created, rating, question, answer, citations, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    _iso(moment),
                    rating,
                    redact(question),
                    answer,
                    citations_json(citations),
                    redact(comment[:MAX_COMMENT_CHARS]),
                ),
            )
            row_id = int(cursor.lastrowid or 0)
        log.info("feedback %s stored (rating %s)", row_id, rating)
        return row_id

    def update(
        self, feedback_id: int, *, rating: str | None = None, comment: str | None = None
    ) -> bool:
        """Change the rating and/or the comment of a stored row; False when it no longer exists."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(
                f"rating must be 'up', 'down' or None. Currently, rating is {rating!r}."
            )
        sets: list[str] = []
        values: list[object] = []
        if rating is not None:
            sets.append("rating = ?")
            values.append(rating)
        if comment is not None:
            sets.append("comment = ?")
            values.append(redact(comment[:MAX_COMMENT_CHARS]))
        if not sets:
            return True
        with self._connect() as conn:
            cursor = conn.execute(
                f"UPDATE feedback SET {', '.join(sets)} WHERE id = ?", (*values, feedback_id)
            )
            return cursor.rowcount > 0

    def purge(self, now: datetime | None = None) -> int:
        """Delete rows older than the retention period; returns how many were deleted."""
        with self._connect() as conn:
            return self._purge(conn, now or _now())

    def _purge(self, conn: sqlite3.Connection, now: datetime) -> int:
        cutoff = _iso(now - timedelta(days=self.retention_days))
        deleted = conn.execute("DELETE FROM feedback WHERE created < ?", (cutoff,)).rowcount
        if deleted:
            log.info("deleted %s feedback rows older than %s days", deleted, self.retention_days)
        return int(deleted)

    def entries(
        self, limit: int | None = None, now: datetime | None = None
    ) -> list[FeedbackRecord]:
        """Stored feedback, newest first (old rows are purged first)."""
        sql = (
            "SELECT id, created, rating, question, answer, citations, comment FROM feedback "
            "ORDER BY id DESC"
        )
        params: tuple[object, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        with self._connect() as conn:
            self._purge(conn, now or _now())
            rows = conn.execute(sql, params).fetchall()
        return [
            FeedbackRecord(
                id=r[0],
                created=r[1],
                rating=r[2],
                question=r[3],
                answer=r[4],
                citations=tuple(json.loads(r[5])),
                comment=r[6],
            )
            for r in rows
        ]

    def to_csv(self, now: datetime | None = None) -> str:
        """All stored feedback as CSV text (UTF-8, header row, newest first)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for rec in self.entries(now=now):
            cites = "; ".join(
                f"[{c.get('n')}] {c.get('title')}" + (f", s. {c['page']}" if c.get("page") else "")
                for c in rec.citations
            )
            writer.writerow(
                [
                    rec.id,
                    rec.created,
                    rec.rating or "",
                    *(_spreadsheet_safe(v) for v in (rec.question, rec.answer, cites, rec.comment)),
                ]
            )
        return out.getvalue()

    def export_csv(self, path: Path, now: datetime | None = None) -> Path:
        """Write :meth:`to_csv` to ``path`` (with a BOM so spreadsheet programs see UTF-8)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_csv(now=now), encoding="utf-8-sig")
        return path
