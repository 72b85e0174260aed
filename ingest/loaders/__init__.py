"""Turn one corpus file into a cleaned :class:`~ingest.models.LoadedDocument`.

Every format loader returns Markdown-like text (see :mod:`ingest.cleaning`); PDFs keep one
Page per PDF page, other formats give one Page with ``number=None``. Bad input of any kind
raises :class:`~ingest.errors.DocumentError` with a short Finnish reason.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ingest.errors import DocumentError
from ingest.loaders.base import Extracted, title_from_filename
from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from ingest.models import LoadedDocument, SourceInfo

__all__ = ["SUPPORTED_SUFFIXES", "load_document"]

logger = logging.getLogger(__name__)

_LOADERS: dict[str, Callable[[bytes, Path], Extracted]] = {
    ".pdf": load_pdf,
    ".html": load_html,
    ".htm": load_html,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_markdown,
    ".docx": load_docx,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_LOADERS)


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"Tiedosto on liian suuri ({size} tavua, enintään {max_bytes} tavua); "
                "jaa se pienempiin osiin tai nosta ASSISTANT_MAX_FILE_BYTES-rajaa."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"Tiedostoa ei löydy: {path}.") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} on kansio eikä tiedosto.") from None
    except OSError as exc:
        raise DocumentError(f"Tiedostoa ei voi lukea ({exc.strerror or exc}).") from None
    if len(data) > max_bytes:  # the file grew while we were reading it
        raise DocumentError(
            f"Tiedosto on liian suuri ({len(data)} tavua, enintään {max_bytes} tavua)."
        )
    if not data.strip():
        raise DocumentError("Tiedosto on tyhjä; lisää siihen tekstiä tai poista se aineistosta.")
    return data


def load_document(path: Path, source: SourceInfo, *, max_bytes: int = 50_000_000) -> LoadedDocument:
    """Load, clean and return one document; bad input raises DocumentError (reason in Finnish).

    When ``source.title`` is empty, the title comes from the file itself (PDF metadata, HTML
    <title>/<h1>, DOCX core title, first Markdown heading) or else from the file name.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "(ei päätettä)"
        raise DocumentError(f"Tiedostotyyppiä {shown} ei tueta; tuetut tyypit: {supported}.")
    data = _read(path, max_bytes)
    extracted = loader(data, path)
    if not any(page.text.strip() for page in extracted.pages):
        raise DocumentError("Tiedostossa ei ole tekstiä; tarkista sen sisältö.")
    if not source.title:
        source = replace(source, title=extracted.title or title_from_filename(path))
    logger.debug("Loaded %s: %d page(s)", path, len(extracted.pages))
    return LoadedDocument(
        source=source,
        pages=tuple(page for page in extracted.pages if page.text.strip()),
        sha256=hashlib.sha256(data).hexdigest(),
    )
