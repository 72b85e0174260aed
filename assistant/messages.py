"""Plain Finnish messages for the errors the assistant raises (for the command line)."""

from __future__ import annotations

from ingest.errors import (
    ConfigError,
    EmbedderMismatchError,
    IndexMissingError,
    LLMError,
    PoriError,
    QuestionError,
    StoreError,
)


def finnish_message(exc: PoriError) -> str:
    """What to tell a person running ``python -m assistant`` (no traceback)."""
    if isinstance(exc, QuestionError):
        return str(exc)
    if isinstance(exc, IndexMissingError):
        return (
            "Asiakirjahakemistoa ei ole vielä rakennettu. Rakenna se ensin komennolla: "
            "python -m ingest build"
        )
    if isinstance(exc, EmbedderMismatchError):
        return (
            "Hakemisto on rakennettu eri upotusmallilla kuin nyt on valittu "
            "(ASSISTANT_EMBED_MODEL). Rakenna hakemisto uudelleen komennolla "
            f"python -m ingest build tai palauta asetus. ({exc})"
        )
    if isinstance(exc, StoreError):
        return f"Asiakirjatietokantaan ei saatu yhteyttä. Tarkista ASSISTANT_CHROMA_URL. ({exc})"
    if isinstance(exc, ConfigError):
        return f"Asetus on virheellinen: {exc}"
    if isinstance(exc, LLMError):
        return f"Kielimalli ei vastannut: {exc}"
    return f"Vastausta ei voitu muodostaa: {exc}"
