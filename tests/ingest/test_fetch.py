"""`python -m ingest fetch` against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from ingest.fetch import fetch_official
from ingest.manifest import read_manifest
from tests.conftest import free_port

PAYLOAD = b"%PDF-1.4\n" + bytes(range(256)) * 400


class _Handler(BaseHTTPRequestHandler):
    served_ranges: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        rng = self.headers.get("Range")
        _Handler.served_ranges.append(rng or "")
        body, status = PAYLOAD, 200
        if rng:
            start = int(rng.split("=")[1].rstrip("-"))
            body, status = PAYLOAD[start:], 206
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _corpus(tmp_path: Path, entries: list[tuple[str, str, str]]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = []
    for doc_id, url, sha in entries:
        lines += [
            "[[official]]",
            f'id = "{doc_id}"',
            f'title = "Otsikko {doc_id}"',
            'type = "agreement"',
            f'url = "{url}"',
            f'file = "official/{doc_id}.pdf"',
            "official = true",
            f'sha256 = "{sha}"',
            "",
        ]
    (corpus / "sources.toml").write_text("\n".join(lines), encoding="utf-8")
    return corpus


def test_downloads_records_checksum_and_writes_manifest(tmp_path: Path, server: str) -> None:
    corpus = _corpus(tmp_path, [("sopimus", f"{server}/doc.pdf", "")])
    report = fetch_official(corpus)
    assert report.ok
    target = corpus / "official" / "sopimus.pdf"
    assert target.read_bytes() == PAYLOAD
    sha = hashlib.sha256(PAYLOAD).hexdigest()
    assert json.loads((corpus / "official" / "checksums.json").read_text()) == {"sopimus": sha}
    manifest = read_manifest(corpus / "official")
    assert [d.doc_id for d in manifest.documents] == ["sopimus"]
    assert manifest.documents[0].file == "sopimus.pdf" and manifest.documents[0].official


def test_resumes_a_partial_download(tmp_path: Path, server: str) -> None:
    corpus = _corpus(tmp_path, [("sopimus", f"{server}/doc.pdf", "")])
    (corpus / "official").mkdir()
    (corpus / "official" / "sopimus.pdf.part").write_bytes(PAYLOAD[:1000])
    _Handler.served_ranges.clear()
    report = fetch_official(corpus)
    assert report.outcomes[0].status == "resumed"
    assert _Handler.served_ranges == ["bytes=1000-"]
    assert (corpus / "official" / "sopimus.pdf").read_bytes() == PAYLOAD


def test_known_checksum_skips_download(tmp_path: Path, server: str) -> None:
    sha = hashlib.sha256(PAYLOAD).hexdigest()
    corpus = _corpus(tmp_path, [("sopimus", f"{server}/doc.pdf", sha)])
    assert fetch_official(corpus).outcomes[0].status == "downloaded"
    assert fetch_official(corpus).outcomes[0].status == "unchanged"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/missing", "palvelin vastasi 404"), (None, "ei verkkoyhteyttä")],
)
def test_failures_are_reported_plainly(
    tmp_path: Path, server: str, path: str | None, expected: str
) -> None:
    url = f"{server}{path}" if path else f"http://127.0.0.1:{free_port()}/doc.pdf"
    corpus = _corpus(tmp_path, [("sopimus", url, "")])
    report = fetch_official(corpus, timeout=5)
    assert not report.ok
    assert expected in report.outcomes[0].reason
    assert not (corpus / "official" / "sopimus.pdf").exists()


def test_checksum_mismatch_keeps_file_aside(tmp_path: Path, server: str) -> None:
    corpus = _corpus(tmp_path, [("sopimus", f"{server}/doc.pdf", "0" * 64)])
    report = fetch_official(corpus)
    assert not report.ok and "tarkistussumma ei täsmää" in report.outcomes[0].reason
    assert (corpus / "official" / "sopimus.pdf.mismatch").exists()
