"""Plain Finnish for the page: why the assistant cannot answer yet, and errors it raised.

Nothing here shows an exception's own text to the user except a :class:`QuestionError`, whose
message is written in Finnish for the user.
"""

from __future__ import annotations

from assistant.webapp.startup import FAILED, LOADING, AppStatus
from ingest.errors import (
    EmbedderMismatchError,
    IndexMissingError,
    LLMError,
    PoriError,
    QuestionError,
    StoreError,
)

NOT_READY = "Pori-neuvoja valmistelee vielä asiakirjahakemistoa. Yritä hetken kuluttua uudelleen."
UNAVAILABLE = "Pori-neuvoja ei ole juuri nyt käytettävissä."
LOADING_WAIT = "Pori-neuvojaa ladataan vielä. Vastaus tulee heti, kun lataus on valmis…"
READY_WAIT_S = 60.0  # a question asked while the assistant loads waits this long for it
UNEXPECTED = "Tapahtui odottamaton virhe. Yritä uudelleen hetken kuluttua."


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


def is_loading(status: AppStatus) -> bool:
    """True while the assistant is still being loaded (a question then waits for it)."""
    return status.get().state == LOADING


def not_ready(status: AppStatus, timeout: float = READY_WAIT_S) -> str | None:
    """None when the assistant can answer (waiting up to ``timeout`` s while it loads), else why."""
    snap = status.wait(timeout)
    if snap.ready:
        return None
    return f"{UNAVAILABLE} {snap.message}" if snap.state == FAILED else NOT_READY
