"""``python -m ingest status``: what the current index holds."""

from __future__ import annotations

from typing import Any

from ingest.embedding import embedder_identity, make_embedder
from ingest.errors import IndexMissingError
from ingest.settings import Settings
from ingest.store import IndexStore


def index_status(settings: Settings) -> dict[str, Any]:
    """The contract's status object: documents, chunks, embedder, plus build details."""
    store = IndexStore(settings)
    configured = embedder_identity(make_embedder(settings.embed_model))
    try:
        info = store.current_info()
    except IndexMissingError as exc:
        return {
            "built": False,
            "documents": 0,
            "chunks": 0,
            "embedder": configured,
            "message": str(exc),
        }
    return {
        "built": True,
        "documents": len(info.documents),
        "chunks": info.chunks,
        "embedder": info.embedder,
        "configured_embedder": configured,
        "embedder_matches": info.embedder == configured,
        "analyzer": info.analyzer,
        "version": info.version,
        "built_at": info.created,
        "build_seconds": info.build_seconds,
        "chunk_chars": info.chunk_chars,
        "corpus": info.corpus,
        "store": settings.chroma_url or str(store.version_dir(info.version)),
        "document_list": [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "type": d.doc_type,
                "date": d.date,
                "chunks": len(d.chunk_ids),
                "pages": d.pages,
                "url": d.url,
                "file": d.file,
            }
            for d in info.documents
        ],
    }


def print_status(status: dict[str, Any]) -> None:
    if not status["built"]:
        print(f"Hakemistoa ei ole rakennettu. {status.get('message', '')}")
        return
    print(
        f"Hakemiston versio {status['version']} (rakennettu {status['built_at']}, {status['build_seconds']} s)"
    )
    print(f"Asiakirjoja {status['documents']}, tekstikappaleita {status['chunks']}")
    print(
        f"Upotusmalli {status['embedder']}"
        + (
            ""
            if status["embedder_matches"]
            else f" — HUOM: asetuksissa on {status['configured_embedder']}; aja `python -m ingest build`."
        )
    )
    for doc in status["document_list"]:
        pages = f", {doc['pages']} s." if doc["pages"] else ""
        print(f"  - {doc['title']} ({doc['type']}{pages}, {doc['chunks']} kpl)")
