"""``kill -9`` while feedback is being written: the database stays whole and keeps every row it
acknowledged.

Child processes write feedback through :class:`assistant.feedback.FeedbackStore` in a loop (adds,
updates, and old rows that later adds purge) and print each acknowledged row id; they are killed
with SIGKILL at random moments, several rounds on the same file. (A kill during an index build is
covered by tests/ingest/test_build.py::test_killed_build_leaves_previous_index_usable.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.feedback import FeedbackStore
from tests.conftest import ROOT

pytestmark = pytest.mark.integration

ROUNDS = 4
WRITERS = 2  # per round, writing to the same file at once

WRITER = """
import random, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from assistant.feedback import FeedbackStore

store = FeedbackStore(Path(sys.argv[1]), retention_days=30)
rng = random.Random(sys.argv[2])
n = 0
while True:
    n += 1
    if n % 7 == 0:  # an old row: the next add purges it, so kills also land in deletes
        store.add("down", f"vanha {n}", "x", now=datetime.now(UTC) - timedelta(days=40))
        continue
    row = store.add(
        "up", f"kysymys {sys.argv[2]}-{n}", "vastaus " * rng.randint(1, 300),
        comment="k" * rng.randint(0, 1500),
    )
    print(f"A {row}", flush=True)
    if n % 3 == 0:
        store.update(row, rating="down", comment=f"versio {n}")
        print(f"U {row} {n}", flush=True)
"""


class _Writer:
    """One writer process and the acknowledgements it printed."""

    def __init__(self, db: Path, seed: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), seed],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def acked(self) -> int:
        return sum(1 for line in self.lines if line.startswith("A "))

    def kill(self) -> str:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)  # everything printed before the kill is still in the pipe
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def test_kill_9_during_feedback_writes_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    rng = random.Random(20240601)
    acked: set[int] = set()
    updated: dict[int, str] = {}
    killed_after: list[int] = []
    for round_no in range(ROUNDS):
        writers = [_Writer(db, f"{round_no}-{w}") for w in range(WRITERS)]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and min(w.acked() for w in writers) < 3:
            assert all(w.proc.poll() is None for w in writers), [w.proc.stderr for w in writers]
            time.sleep(0.02)
        for writer in writers:
            time.sleep(rng.uniform(0.0, 0.8))  # a random moment, mid-write more often than not
            assert writer.proc.poll() is None, writer.kill()
            errors = writer.kill()
            assert "Traceback" not in errors, errors
            killed_after.append(writer.acked())
            for line in writer.lines:
                kind, row, *rest = line.split()
                acked.add(int(row))
                if kind == "U":
                    updated[int(row)] = f"versio {rest[0]}"

        with sqlite3.connect(db) as conn:  # opening recovers the WAL left by the kill
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = dict(conn.execute("SELECT id, comment FROM feedback").fetchall())
        missing = acked - set(rows)
        assert not missing, f"round {round_no}: acknowledged rows lost: {sorted(missing)[:10]}"
        wrong = {i: rows[i] for i, comment in updated.items() if rows[i] != comment}
        assert not wrong, f"round {round_no}: acknowledged updates lost: {wrong}"

    assert all(n >= 3 for n in killed_after), killed_after
    # the store still works after all the kills
    store = FeedbackStore(db, retention_days=30)
    new = store.add("up", "Toimiiko vielä?", "Toimii.")
    assert store.entries(limit=1)[0].id == new and store.journal_mode() == "wal"
