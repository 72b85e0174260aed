"""Getting the assistant ready while the page is already being served.

The web server starts first (a few seconds: Gradio itself); a background thread then imports the
assistant, builds the index if there is none (progress in the log and on the page) and warms the
assistant up. :class:`AppStatus` is what the page shows meanwhile, and questions asked during the
warm-up wait for it instead of failing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.errors import EmbedderMismatchError, IndexMissingError, PoriError
from ingest.models import Answer, Hit
from ingest.settings import Settings

if TYPE_CHECKING:
    from assistant.retrieval import Filters
    from assistant.service import Assistant
    from ingest.store import IndexInfo

log = logging.getLogger(__name__)

READY, BUILDING, LOADING, FAILED = "ready", "building", "loading", "failed"


@dataclass(frozen=True)
class Snapshot:
    """The app's readiness at one moment."""

    state: str
    message: str

    @property
    def ready(self) -> bool:
        return self.state == READY


class AppStatus:
    """Thread-safe readiness of the app: loading, building the index, ready or failed."""

    def __init__(self, state: str = LOADING, message: str = "Pori-neuvoja käynnistyy…") -> None:
        self._changed = threading.Condition()
        self._snapshot = Snapshot(state, message)

    def set(self, state: str, message: str) -> None:
        with self._changed:
            self._snapshot = Snapshot(state, message)
            self._changed.notify_all()
        log.info("app status: %s: %s", state, message)

    def get(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def wait(self, timeout: float) -> Snapshot:
        """Wait while the assistant is still loading (not while building), up to ``timeout`` s."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._snapshot.state == LOADING:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return self._snapshot


class LazyAssistant:
    """``assistant.service.Assistant``, imported and created on first use.

    Importing it pulls in Chroma and the retrieval stack (seconds); the page does not wait.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._real: Assistant | None = None
        self._lock = threading.Lock()

    def _get(self) -> Assistant:
        if self._real is None:
            with self._lock:
                if self._real is None:
                    from assistant.service import Assistant

                    self._real = Assistant(self.settings)
        return self._real

    def warm_up(self) -> None:
        self._get().warm_up()

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        today: date | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        return self._get().ask(question, history, today=today, filters=filters)

    def ask_stream(
        self, question: str, history: Sequence[str] = (), *, today: date | None = None
    ) -> Iterator[str | Answer]:
        return self._get().ask_stream(question, history, today=today)

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        return self._get().search(query, k, filters)

    def index_info(self) -> IndexInfo:
        return self._get().index_info()

    @property
    def mode(self) -> str:
        return self._get().mode


def build_command(settings: Settings) -> str:
    """The exact command that builds the index for these settings."""
    return (
        f"ASSISTANT_DATA_DIR={settings.data_dir} python -m ingest build "
        f"--corpus {settings.corpus_dir}"
    )


def index_exists(settings: Settings) -> bool:
    """True when a current index version is published (reads the pointer only; in embedded mode
    that is a file, and chromadb is not imported, so ``app.py --no-build`` stays fast)."""
    from ingest.store import IndexStore

    try:
        return IndexStore(settings).current_version() is not None
    except (PoriError, OSError) as exc:
        log.warning("could not read the index pointer: %s", exc)
        return False


def _corpus_has_files(corpus: Path) -> bool:
    return corpus.is_dir() and any(p.is_file() for p in corpus.rglob("*"))


def prepare(
    settings: Settings,
    assistant: LazyAssistant | Assistant,
    status: AppStatus,
    *,
    auto_build: bool = True,
    builder: Callable[[Settings], object] | None = None,
) -> Snapshot:
    """Warm the assistant up, building the index first when there is none (blocking)."""
    started = time.perf_counter()
    if not index_exists(settings):
        if not auto_build or not _corpus_has_files(settings.corpus_dir):
            why = (
                "Hakemistoa ei ole rakennettu"
                if not auto_build
                else f"Hakemistoa ei ole rakennettu, eikä aineistokansiossa {settings.corpus_dir} "
                "ole tiedostoja"
            )
            status.set(FAILED, f"{why}. Rakenna se komennolla: {build_command(settings)}")
            return status.get()
        status.set(
            BUILDING,
            "Hakemistoa rakennetaan asiakirjoista. Tämä kestää noin minuutin; "
            "sivu päivittyy, kun vastaaminen on mahdollista.",
        )
        try:
            _build(settings, builder)
        except PoriError as exc:
            log.error("index build failed: %s", exc)
            status.set(
                FAILED,
                "Hakemiston rakentaminen epäonnistui (syy näkyy sovelluksen "
                f"lokissa). Korjaa asia ja aja: {build_command(settings)}",
            )
            return status.get()
    status.set(LOADING, "Ladataan hakemistoa…")
    try:
        assistant.warm_up()
    except (IndexMissingError, EmbedderMismatchError) as exc:
        log.error("index not usable: %s", exc)
        status.set(
            FAILED, f"Hakemistoa ei voi käyttää. Rakenna se uudelleen: {build_command(settings)}"
        )
        return status.get()
    except PoriError as exc:
        log.error("warm-up failed: %s", exc)
        status.set(FAILED, "Avustajaa ei voitu käynnistää (syy näkyy sovelluksen lokissa).")
        return status.get()
    status.set(READY, "Valmis.")
    log.info("assistant prepared in %.2f s", time.perf_counter() - started)
    return status.get()


def _build(settings: Settings, builder: Callable[[Settings], object] | None) -> None:
    if builder is not None:
        builder(settings)
        return
    from ingest.build import build_index  # heavy imports only when a build is needed

    log.info("no index found in %s; building it from %s", settings.data_dir, settings.corpus_dir)
    result = build_index(settings, settings.corpus_dir, progress=True)
    for error in result.errors:
        log.warning("skipped %s: %s", error.path, error.reason)
    log.info(
        "index built: %s documents, %s chunks in %.1f s",
        result.documents,
        result.chunks,
        result.seconds,
    )


def prepare_in_background(
    settings: Settings,
    assistant: LazyAssistant | Assistant,
    status: AppStatus,
    auto_build: bool = True,
) -> threading.Thread:
    """Run :func:`prepare` in a daemon thread (the page shows the status meanwhile)."""

    def run() -> None:
        try:
            prepare(settings, assistant, status, auto_build=auto_build)
        except Exception:  # the thread's last resort: log it and tell the page
            log.exception("preparing the assistant failed unexpectedly")
            status.set(
                FAILED,
                "Avustajaa ei voitu käynnistää odottamattoman virheen vuoksi "
                f"(syy näkyy sovelluksen lokissa). Kokeile: {build_command(settings)}",
            )

    thread = threading.Thread(target=run, name="prepare-assistant", daemon=True)
    thread.start()
    return thread
