"""Serving the indexed corpus files at ``/asiakirjat/{doc_id}``, and nothing else.

The route looks ``doc_id`` up in the current index; the path comes from the index record, never
from the request. A record whose file would resolve outside the corpus folder is refused too.
HTML copies of web pages are served with a sandboxing Content-Security-Policy, so scripts in a
corpus document never run with the app's origin.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response

from ingest.errors import PoriError

if TYPE_CHECKING:
    from ingest.store import IndexInfo

log = logging.getLogger(__name__)

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class DocumentNotServed(PoriError):
    """The requested document is not in the index, or its file cannot be served."""


@dataclass(frozen=True)
class ServedDocument:
    """A corpus file that the route may send."""

    doc_id: str
    title: str
    path: Path
    media_type: str


class DocumentLibrary:
    """Maps the doc ids of the current index to their files under the corpus folder."""

    def __init__(self, index_info: Callable[[], IndexInfo], corpus_dir: Path) -> None:
        self._index_info = index_info
        self._corpus_dir = corpus_dir

    def _roots(self, info: IndexInfo) -> list[Path]:
        roots = [Path(info.corpus)] if info.corpus else []
        roots.append(self._corpus_dir)
        return [r.resolve() for r in roots]

    def resolve(self, doc_id: str) -> ServedDocument:
        """The file of ``doc_id``; raises DocumentNotServed when it must not or cannot be sent."""
        try:
            info = self._index_info()
        except PoriError as exc:
            raise DocumentNotServed(f"no index to look {doc_id!r} up in: {exc}") from None
        record = next((d for d in info.documents if d.doc_id == doc_id), None)
        if record is None:
            raise DocumentNotServed(f"document {doc_id!r} is not in the index")
        suffix = Path(record.file).suffix.lower()
        media_type = MEDIA_TYPES.get(suffix)
        if media_type is None:
            raise DocumentNotServed(f"document {doc_id!r} has an unsupported file type {suffix!r}")
        for root in self._roots(info):
            path = (root / record.file).resolve()
            if not path.is_relative_to(root):
                log.warning("refusing %s: %s lies outside the corpus folder %s", doc_id, path, root)
                continue
            if path.is_file():
                return ServedDocument(doc_id, record.title, path, media_type)
        raise DocumentNotServed(f"the file {record.file!r} of document {doc_id!r} is missing")


def document_response(doc: ServedDocument) -> Response:
    """The file with its content type; HTML is sandboxed, DOCX is offered as a download."""
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}
    disposition = "attachment" if doc.path.suffix.lower() == ".docx" else "inline"
    headers["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(doc.path.name)}"
    if doc.media_type.startswith(("text/html", "text/plain")):
        headers["Content-Security-Policy"] = _SANDBOX
    return FileResponse(doc.path, media_type=doc.media_type, headers=headers)


def document_router(library: DocumentLibrary, prefix: str = "/asiakirjat") -> APIRouter:
    """A router with ``GET/HEAD {prefix}/{doc_id}``."""
    router = APIRouter()

    @router.api_route(prefix + "/{doc_id}", methods=["GET", "HEAD"], include_in_schema=False)
    def get_document(doc_id: str) -> Response:
        try:
            doc = library.resolve(doc_id)
        except DocumentNotServed as exc:
            log.info("document request refused: %s", exc)
            return PlainTextResponse(
                "Asiakirjaa ei löydy. Palaa keskusteluun ja avaa lähde uudelleen.",
                status_code=404,
            )
        return document_response(doc)

    return router
