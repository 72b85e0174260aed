"""The document route serves exactly the files the index lists, with safe headers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.webapp.documents import DocumentLibrary, DocumentNotServed, document_router
from ingest.errors import IndexMissingError
from ingest.store import DocRecord, IndexInfo
from tests.app.fakes import make_info


def _record(doc_id: str, file: str) -> DocRecord:
    return DocRecord(
        doc_id=doc_id,
        title=doc_id,
        doc_type="other",
        date="",
        url="",
        file=file,
        sha256="0",
        fingerprint="0",
        chunk_ids=("x",),
        pages=None,
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "rahoitushaut.pdf").write_bytes(b"%PDF-1.4\n%fake\n")
    (root / "documents" / "sivu.html").write_text("<p>Sivu</p><script>alert(1)</script>", "utf-8")
    (root / "documents" / "muistio.md").write_text("# Muistio\n", "utf-8")
    (root / "documents" / "hankkeet.docx").write_bytes(b"PK\x03\x04fake")
    (root / "documents" / "ei-indeksissa.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "salainen.txt").write_text("salaisuus", "utf-8")
    return root


@pytest.fixture()
def client(corpus: Path) -> TestClient:
    info = replace(
        make_info(),
        corpus=str(corpus),
        documents=(
            _record("rahoitushaut", "documents/rahoitushaut.pdf"),
            _record("sivu", "documents/sivu.html"),
            _record("muistio", "documents/muistio.md"),
            _record("hankkeet", "documents/hankkeet.docx"),
            _record("karkuri", "../salainen.txt"),
            _record("puuttuu", "documents/poistettu.pdf"),
            _record("outo", "documents/kuva.exe"),
        ),
    )
    app = FastAPI()
    app.include_router(document_router(DocumentLibrary(lambda: info, corpus)))
    return TestClient(app)


@pytest.mark.parametrize(
    ("doc_id", "media_type", "sandboxed"),
    [
        ("rahoitushaut", "application/pdf", False),
        ("sivu", "text/html; charset=utf-8", True),
        ("muistio", "text/plain; charset=utf-8", True),
        (
            "hankkeet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            False,
        ),
    ],
)
def test_serves_indexed_files(
    client: TestClient, doc_id: str, media_type: str, sandboxed: bool
) -> None:
    response = client.get(f"/asiakirjat/{doc_id}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["x-content-type-options"] == "nosniff"
    assert ("sandbox" in response.headers.get("content-security-policy", "")) is sandboxed
    assert client.head(f"/asiakirjat/{doc_id}").status_code == 200


def test_unknown_document_message(client: TestClient) -> None:
    response = client.get("/asiakirjat/ei-indeksissa")
    assert response.text.startswith("Asiakirjaa ei löydy")


def test_docx_is_a_download(client: TestClient) -> None:
    assert (
        client.get("/asiakirjat/hankkeet").headers["content-disposition"].startswith("attachment")
    )
    assert (
        client.get("/asiakirjat/rahoitushaut").headers["content-disposition"].startswith("inline")
    )


@pytest.mark.parametrize(
    "path",
    [
        "/asiakirjat/ei-indeksissa",  # a file in the corpus folder but not in the index
        "/asiakirjat/karkuri",  # an index record pointing outside the corpus folder
        "/asiakirjat/puuttuu",  # listed but the file is gone
        "/asiakirjat/outo",  # a file type the app does not serve
        "/asiakirjat/..%2Fsalainen.txt",
        "/asiakirjat/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/asiakirjat/documents%2Frahoitushaut.pdf",
    ],
)
def test_refuses_everything_else(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "salaisuus" not in response.text
    assert "%PDF" not in response.text


@pytest.mark.parametrize(
    ("doc_id", "message"),
    [
        ("tuntematon", "document 'tuntematon' is not in the index"),
        ("karkuri", "the file '../salainen.txt' of document 'karkuri' is missing"),
        ("outo", "unsupported file type '.exe'"),
    ],
)
def test_resolve_errors(corpus: Path, doc_id: str, message: str) -> None:
    info = replace(
        make_info(),
        corpus=str(corpus),
        documents=(_record("karkuri", "../salainen.txt"), _record("outo", "documents/kuva.exe")),
    )
    with pytest.raises(DocumentNotServed, match=message):
        DocumentLibrary(lambda: info, corpus).resolve(doc_id)


def test_falls_back_to_configured_corpus(corpus: Path) -> None:
    info: IndexInfo = replace(
        make_info(),
        corpus="/nonexistent/elsewhere",
        documents=(_record("rahoitushaut", "documents/rahoitushaut.pdf"),),
    )
    doc = DocumentLibrary(lambda: info, corpus).resolve("rahoitushaut")
    assert doc.path == (corpus / "documents" / "rahoitushaut.pdf").resolve()


def test_no_index(corpus: Path) -> None:
    def missing() -> IndexInfo:
        raise IndexMissingError("No index has been built yet.")

    with pytest.raises(DocumentNotServed, match="no index to look 'x' up in"):
        DocumentLibrary(missing, corpus).resolve("x")
