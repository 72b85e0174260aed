"""Getting the index ready for the page: warm up, or build it first with visible progress.

:class:`AppStatus` is what the page shows in its banner while the app prepares itself; the
preparation runs before or beside the web server (see ``app.py``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ingest.errors import EmbedderMismatchError, IndexMissingError, PoriError
from ingest.settings import Settings
from ingest.store import IndexStore

log = logging.getLogger(__name__)

READY, BUILDING, LOADING, FAILED = "ready", "building", "loading", "failed"


class WarmUp(Protocol):
    def warm_up(self) -> None: ...


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
        self._lock = threading.Lock()
        self._snapshot = Snapshot(state, message)

    def set(self, state: str, message: str) -> None:
        with self._lock:
            self._snapshot = Snapshot(state, message)
        log.info("app status: %s: %s", state, message)

    def get(self) -> Snapshot:
        with self._lock:
            return self._snapshot


def build_command(settings: Settings) -> str:
    """The exact command that builds the index for these settings."""
    return (
        f"ASSISTANT_DATA_DIR={settings.data_dir} python -m ingest build "
        f"--corpus {settings.corpus_dir}"
    )


def index_exists(settings: Settings) -> bool:
    """True when a current index version is published (cheap: reads the pointer only)."""
    try:
        return IndexStore(settings).current_version() is not None
    except PoriError as exc:
        log.warning("could not read the index pointer: %s", exc)
        return False


def _corpus_has_files(corpus: Path) -> bool:
    return corpus.is_dir() and any(p.is_file() for p in corpus.rglob("*"))


def prepare(
    settings: Settings,
    assistant: WarmUp,
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
    log.info("assistant ready in %.2f s", time.perf_counter() - started)
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
    settings: Settings, assistant: WarmUp, status: AppStatus, auto_build: bool = True
) -> threading.Thread:
    """Run :func:`prepare` in a daemon thread (the page shows the status meanwhile)."""

    def run() -> None:
        try:
            prepare(settings, assistant, status, auto_build=auto_build)
        except Exception:  # the thread's last resort: log it and tell the page
            log.exception("preparing the index failed unexpectedly")
            status.set(
                FAILED,
                "Avustajaa ei voitu käynnistää odottamattoman virheen vuoksi "
                f"(syy näkyy sovelluksen lokissa). Kokeile: {build_command(settings)}",
            )

    thread = threading.Thread(target=run, name="prepare-index", daemon=True)
    thread.start()
    return thread
