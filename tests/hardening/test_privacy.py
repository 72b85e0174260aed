"""Privacy of stored feedback, through the public API of assistant/feedback.py.

Nothing identifies the user (no IP address, session or user column); e-mail addresses and phone
numbers a user types are redacted before anything reaches the disk, while the citations and the
answer (public text from the documents) keep theirs; rows past the retention period are deleted,
and their text does not linger in the database files.
"""

from __future__ import annotations

import inspect
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.feedback import (
    EMAIL_PLACEHOLDER,
    PHONE_PLACEHOLDER,
    FeedbackStore,
)
from ingest.models import Citation

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
_IDENTIFYING = re.compile(r"ip|addr|host|session|user|agent|cookie|client", re.IGNORECASE)


def _store(tmp_path: Path, retention_days: int = 365) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.sqlite3", retention_days=retention_days)


def _raw_bytes(tmp_path: Path) -> bytes:
    """Everything SQLite keeps on disk for the store: the file, its WAL and shared memory."""
    return b"".join(p.read_bytes() for p in sorted(tmp_path.glob("feedback.sqlite3*")))


def test_no_column_or_parameter_can_hold_an_ip_address(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("up", "Milloin haku oli auki?", "Vastaus.", now=NOW)
    with sqlite3.connect(store.path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = {
            (table, row[1])
            for table in tables
            for row in conn.execute(f"PRAGMA table_info({table})")
        }
    assert ("feedback", "question") in columns
    assert not [c for c in columns if _IDENTIFYING.search(c[1])], columns
    for method in (FeedbackStore.add, FeedbackStore.update):
        params = inspect.signature(method).parameters
        assert not [p for p in params if _IDENTIFYING.search(p)], (method, list(params))


PERSONAL = [
    ("044 701 8303", PHONE_PLACEHOLDER),
    ("+358 44 701 8303", PHONE_PLACEHOLDER),
    ("0447018303", PHONE_PLACEHOLDER),
    ("+358447018303", PHONE_PLACEHOLDER),
    ("00358 44 7018303", PHONE_PLACEHOLDER),
    ("040-1234567", PHONE_PLACEHOLDER),
    ("(02) 621 1111", PHONE_PLACEHOLDER),
    ("teemu.heino@pori.fi", EMAIL_PLACEHOLDER),
    ("Teemu.Heino@Satakuntaliitto.FI", EMAIL_PLACEHOLDER),
]


@pytest.mark.parametrize(("personal", "placeholder"), PERSONAL)
def test_phones_and_emails_typed_by_users_are_redacted(
    tmp_path: Path, personal: str, placeholder: str
) -> None:
    store = _store(tmp_path)
    row = store.add(
        "down",
        f"Voiko minulle soittaa numeroon {personal} hausta?",
        "Toinen rahoitushaku oli auki 18.10.2023–31.12.2023.",
        comment=f"Ottakaa yhteyttä: {personal}, kiitos.",
        now=NOW,
    )
    store.update(row, comment=f"Päivitys: {personal} tai {personal}.")
    store.add("up", "Toinen", "Vastaus.", comment=f"yhteys {personal}", now=NOW)
    (entry,) = [e for e in store.entries(now=NOW) if e.id == row]
    assert personal not in entry.question and placeholder in entry.question
    assert entry.comment == f"Päivitys: {placeholder} tai {placeholder}."
    assert all(personal not in e.comment for e in store.entries(now=NOW))
    assert personal not in store.to_csv(now=NOW)
    assert personal.encode() not in _raw_bytes(tmp_path)  # not even in the WAL


@pytest.mark.parametrize(
    "public",
    [
        "18.10.2023–31.12.2023",
        "2021-2027",
        "1.4.2023-31.3.2026",
        "0,9 milj. euroa",
        "klo 9.00-16.00",
    ],
)
def test_dates_amounts_and_periods_are_not_taken_for_phone_numbers(
    tmp_path: Path, public: str
) -> None:
    store = _store(tmp_path)
    store.add("up", f"Kysymys ajasta {public}?", "Vastaus.", comment=f"Tieto {public} oli oikein.")
    (entry,) = store.entries()
    assert public in entry.question and public in entry.comment


def test_citations_and_answers_keep_their_contact_details(tmp_path: Path) -> None:
    """The answer and its citations are public text from the documents, stored as they are."""
    store = _store(tmp_path)
    quote = "Lisätietoja antaa Teemu Heino, teemu.heino@pori.fi, puh. 044 701 8303."
    citation = Citation(
        n=1, doc_id="rahoitushaut", title="Rahoitushaut", page=2, section="Yhteystiedot",
        url=None, quote=quote,
    )  # fmt: skip
    store.add("up", "Kuka antaa lisätietoja?", f"{quote} [1]", citations=[citation], now=NOW)
    (entry,) = store.entries(now=NOW)
    assert entry.answer == f"{quote} [1]"
    assert entry.citations[0]["quote"] == quote
    assert entry.citations[0]["doc_id"] == "rahoitushaut"


def test_retention_deletes_old_rows_and_their_text(tmp_path: Path) -> None:
    store = _store(tmp_path, retention_days=30)
    for days in (400, 31):
        store.add(
            "down",
            f"VANHA-KYSYMYS-{days} Matti Virtanen kysyi " * 10,
            "vastaus " * 50,
            comment=f"VANHA-KOMMENTTI-{days} " * 20,
            now=NOW - timedelta(days=days),
        )
    keep = store.add("up", "Tuore kysymys", "Tuore vastaus.", now=NOW - timedelta(days=29))
    assert store.purge(now=NOW) == 1  # the 400-day row went when the 31-day row was added
    assert [e.id for e in store.entries(now=NOW)] == [keep]
    assert "VANHA" not in store.to_csv(now=NOW)
    assert b"VANHA-" not in _raw_bytes(tmp_path)  # deleted, not just unlinked from the tree


def test_retention_runs_when_a_new_store_opens_and_writes(tmp_path: Path) -> None:
    old = _store(tmp_path, retention_days=365)
    old.add("up", "Vuoden vanha", "Vastaus.", now=NOW - timedelta(days=366))
    reopened = _store(tmp_path, retention_days=365)
    reopened.add("up", "Uusi", "Vastaus.", now=NOW)
    assert [e.question for e in reopened.entries(now=NOW)] == ["Uusi"]


@pytest.mark.parametrize("days", [0, -5])
def test_retention_must_be_positive(tmp_path: Path, days: int) -> None:
    with pytest.raises(Exception, match=f"retention_days is {days}"):
        _store(tmp_path, retention_days=days)
