"""The project's error hierarchy: every message names the bad value and says what to do."""

from __future__ import annotations


class PoriError(Exception):
    """Base class of every error this project raises on purpose."""


class ConfigError(PoriError):
    """A setting (environment variable or option) has a value that cannot be used."""


class DocumentError(PoriError):
    """A corpus file cannot be read; ingestion lists it in ``errors`` and skips it."""


class ManifestError(PoriError):
    """``corpus/sources.toml`` is missing, malformed or names files that do not exist."""


class IndexMissingError(PoriError):
    """No index has been built yet in the data directory."""


class EmbedderMismatchError(PoriError):
    """The index was built with another embedding model than the one configured."""


class AnalyzerMismatchError(PoriError):
    """The lexical index was built with another Finnish analyzer than the one searching it."""


class StoreError(PoriError):
    """The vector store (Chroma) could not be reached or answered with an error."""


class FetchError(PoriError):
    """Downloading an official document failed."""


class QuestionError(PoriError):
    """A question is empty, too long or otherwise unusable."""


class LLMError(PoriError):
    """The optional language-model endpoint failed or answered unusably."""
