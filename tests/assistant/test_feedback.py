"""The feedback store: redaction, WAL mode, retention, CSV export, no identifying columns."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.feedback import (
    CSV_COLUMNS,
    EMAIL_PLACEHOLDER,
    HETU_PLACEHOLDER,
    PHONE_PLACEHOLDER,
    FeedbackStore,
    redact,
)
from ingest.errors import ConfigError
from ingest.models import Citation

E, P, H = EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER, HETU_PLACEHOLDER
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
CITE = Citation(
    n=1,
    doc_id="rahoitushaut",
    title="Rahoitushaut",
    page=2,
    section="Toinen haku",
    url="https://www.pori.fi/",
    quote="Haku oli auki 18.10.2023–31.12.2023.",
)


@pytest.fixture()
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "data" / "feedback.sqlite3", retention_days=30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # e-mail addresses, also with the "@" written out
        ("ota yhteyttä teemu.heino@pori.fi kiitos", f"ota yhteyttä {E} kiitos"),
        ("Matti.Meikalainen+pori@example.co.uk", E),
        ("etunimi.sukunimi(at)pori.fi", E),
        ("etunimi.sukunimi[at]pori.fi.", f"{E}."),
        ("etunimi.sukunimi (at) pori.fi", E),
        ("etunimi.sukunimi{AT}pori.fi", E),
        ("kirjoita etunimi.sukunimi at pori.fi", f"kirjoita {E}"),
        ("teemu (at) pori (dot) fi", E),
        ("teemu.heino @ pori.fi", E),
        # personal identity codes (henkilötunnus), every century sign
        ("hetuni on 131052-308T", f"hetuni on {H}"),
        ("131052-308t, kiitos", f"{H}, kiitos"),
        ("010101A123N.", f"{H}."),
        ("lapsen 010120F1234", f"lapsen {H}"),
        ("311299Y123H ja 150385W456J", f"{H} ja {H}"),
        ("010185+1234", H),
        # phone numbers
        ("soita 044 701 1234", f"soita {P}"),
        ("puh. +358 44 701 1234.", f"puh. {P}."),
        ("02 621 1111", P),
        ("numero 0447018303", f"numero {P}"),
        ("+358447011234", P),
        ("040-1234567 tai 050 123 45 67", f"{P} tai {P}"),
        ("(02) 621 1111", P),
        ("00358 44 7018303", P),
        # kept: business IDs, dates, periods, amounts, times, page numbers, words
        ("Porin kaupungin Y-tunnus on 0204819-8.", "Porin kaupungin Y-tunnus on 0204819-8."),
        ("0204819-8, puh. 044 701 1234", f"0204819-8, puh. {P}"),
        ("haku päättyy 31.12.2023", "haku päättyy 31.12.2023"),
        ("haku oli auki 18.10.2023-31.12.2023", "haku oli auki 18.10.2023-31.12.2023"),
        ("05.03.2024 alkaen", "05.03.2024 alkaen"),
        ("ohjelmakausi 2021-2027", "ohjelmakausi 2021-2027"),
        ("rahoitusta 55 milj. euroa", "rahoitusta 55 milj. euroa"),
        ("0,9 miljoonaa euroa ja 3 000 työpaikkaa", "0,9 miljoonaa euroa ja 3 000 työpaikkaa"),
        ("1 000 000 euroa", "1 000 000 euroa"),
        ("kello 10:00-12:00 tai klo 9 at 10.30", "kello 10:00-12:00 tai klo 9 at 10.30"),
        ("1.4.2023 alkaen, sivu 044", "1.4.2023 alkaen, sivu 044"),
        ("What is at stake", "What is at stake"),
        ("ei henkilötietoja", "ei henkilötietoja"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["a." * 1000, "a dot " * 333, "x " * 1000 + "@", "0 " * 1000])
def test_redact_leaves_long_lookalikes_alone(text: str) -> None:
    # near-misses for every pattern, as long as a comment may be (runaway backtracking would
    # hang here: about 1 ms each when measured)
    assert redact(text) == text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: s.add("meh", "q", "a"),
            "rating must be 'up', 'down' or None. Currently, rating is 'meh'",
        ),
        (lambda s: s.update(1, rating="5"), "Currently, rating is '5'"),
    ],
)
def test_bad_rating_is_rejected(store: FeedbackStore, call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(store)  # type: ignore[operator]


def test_retention_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError, match=r"retention_days must be at least 1\. Currently, retention_days is 0"
    ):
        FeedbackStore(tmp_path / "f.sqlite3", retention_days=0)


def test_wal_mode_and_columns(store: FeedbackStore) -> None:
    store.add("up", "kysymys", "vastaus", [CITE], now=NOW)
    assert store.journal_mode() == "wal"
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = [row[1] for row in conn.execute("PRAGMA table_info(feedback)")]
    assert columns == ["id", "created", "rating", "question", "answer", "citations", "comment"]
    assert not any("ip" in c or "session" in c or "user" in c for c in columns)


def test_add_redacts_free_text_but_keeps_the_answer(store: FeedbackStore) -> None:
    answer = "Lisätietoja antaa Teemu Heino, teemu.heino@pori.fi, puh. 044 701 8303 [1]"
    row = store.add(
        "down",
        "Olen matti@example.com, soita 040 123 4567",
        answer,
        [CITE],
        comment="vastaa minulle: 050-7654321",
        now=NOW,
    )
    [rec] = store.entries(now=NOW)
    assert rec.id == row
    assert rec.rating == "down"
    assert rec.question == f"Olen {E}, soita {P}"
    assert rec.comment == f"vastaa minulle: {P}"
    assert rec.answer == answer  # public document text, quoted verbatim
    assert rec.created == "2025-06-01T12:00:00Z"
    assert rec.citations[0]["title"] == "Rahoitushaut"
    assert rec.citations[0]["page"] == 2
    assert rec.citations[0]["quote"] == CITE.quote


def test_update_rating_and_comment(store: FeedbackStore) -> None:
    row = store.add("up", "q", "a", now=NOW)
    assert store.update(row, rating="down", comment="soita 044 701 8303")
    [rec] = store.entries(now=NOW)
    assert (rec.rating, rec.comment) == ("down", f"soita {P}")
    assert not store.update(row + 100, comment="x")


def test_retention_deletes_old_rows(store: FeedbackStore) -> None:
    store.add("up", "vanha", "a", now=NOW - timedelta(days=31))
    store.add("down", "tuore", "a", now=NOW - timedelta(days=29))
    assert store.purge(now=NOW) == 1
    assert [r.question for r in store.entries(now=NOW)] == ["tuore"]
    # writing also purges
    store.add("up", "uusi", "a", now=NOW + timedelta(days=2))
    assert [r.question for r in store.entries(now=NOW + timedelta(days=2))] == ["uusi"]


def test_entries_newest_first_with_limit(store: FeedbackStore) -> None:
    for i in range(5):
        store.add("up", f"q{i}", "a", now=NOW)
    assert [r.question for r in store.entries(limit=2, now=NOW)] == ["q4", "q3"]


def test_csv_export(store: FeedbackStore, tmp_path: Path) -> None:
    store.add("up", '=HYPERLINK("http://x")', "Vastaus [1]", [CITE], comment="hyvä", now=NOW)
    store.add(None, "toinen", "Vastaus", comment="@komento", now=NOW)
    path = store.export_csv(tmp_path / "out" / "palaute.csv", now=NOW)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheet programs
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][2:] == ["", "toinen", "Vastaus", "", "'@komento"]
    assert rows[2][2] == "up"
    assert rows[2][3] == '\'=HYPERLINK("http://x")'  # not run as a formula
    assert rows[2][5] == "[1] Rahoitushaut, s. 2"
    assert len(rows) == 3


def test_concurrent_writers(store: FeedbackStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(lambda i: store.add("up", f"q{i}", "a", now=NOW), range(40)))
    assert len(set(ids)) == 40
    assert len(store.entries(now=NOW)) == 40
