"""Loaders and chunker on the real demo corpus (corpus/documents)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.loaders import load_document
from ingest.models import LoadedDocument, SourceInfo
from ingest.sentences import split_sentences

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _documents() -> list[dict[str, str]]:
    manifest = CORPUS / "sources.toml"
    if not manifest.exists():
        return []
    return list(tomllib.loads(manifest.read_text(encoding="utf-8"))["document"])


@pytest.fixture(scope="module")
def corpus() -> dict[str, LoadedDocument]:
    entries = _documents()
    if not entries:
        pytest.skip("demo corpus not found")
    docs = {}
    for entry in entries:
        source = SourceInfo(doc_id=entry["id"], title=entry["title"], file=entry["file"])
        docs[entry["id"]] = load_document(CORPUS / entry["file"], source)
    return docs


def test_every_document_loads_with_its_notice(corpus: dict[str, LoadedDocument]) -> None:
    assert len(corpus) == 6
    for doc in corpus.values():
        assert "esimerkkiaineisto" in doc.text[:1500].lower()


def test_pdfs_keep_pages_and_lose_headers_and_footers(corpus: dict[str, LoadedDocument]) -> None:
    for doc_id, pages in (("sopimus-tiivistelma", 5), ("rahoitushaut", 3)):
        doc = corpus[doc_id]
        assert [p.number for p in doc.pages] == list(range(1, pages + 1))
        assert not re.search(r"Sivu \d+ / \d+", doc.text)
        assert "Pori-neuvoja esimerkkiaineisto" not in doc.text
        assert "(esimerkkiaineisto)\n" not in doc.text
        assert doc.text.startswith("# ")


@pytest.mark.parametrize(
    ("doc_id", "words"),
    [
        (
            "sopimus-tiivistelma",
            [
                "elinkeinoministeriön",
                "ekosysteemisopimus",
                "Ekosysteemisopimuksissa",
                "kaupunkialueella",
                "elinkeinoelämän",
                "toimenpidekokonaisuutta",
                "(T&K-menojen)",
                "PDF-tiedostona",
                "tutkimus- ja kehittämismenot",
            ],
        ),
        (
            "rahoitushaut",
            [
                "Satakuntaliitto",
                "Satakuntaliitossa",
                "kehittäjäorganisaatiot",
                "rakennepolitiikan",
                "rahoituspäätökseen",
                "EAKR-myöntövaltuus",
                "044 701 8303",
                "teemu.heino@pori.fi",
                "https://eura2021.fi/hakuilmoitukset/hakuilmoitus/"
                "d1da7ffc-d715-481b-b1c5-0f23adc37ef9/",
            ],
        ),
    ],
)
def test_pdf_words_broken_at_line_ends_are_rejoined(
    corpus: dict[str, LoadedDocument], doc_id: str, words: list[str]
) -> None:
    text = corpus[doc_id].text
    for word in words:
        assert re.search(rf"(?<![\w-]){re.escape(word)}", text), word
    assert not re.search(r"[a-zäö]- [a-zäö]", text.replace("- ja ", "").replace("- tai ", ""))


def test_structure_of_html_docx_and_markdown(corpus: dict[str, LoadedDocument]) -> None:
    page = corpus["pori-verkkosivu"].text
    assert "# Ekosysteemisopimus" in page
    assert "Etusivu" not in page.split("\n")  # the navigation menu is dropped
    docx_text = corpus["ensimmaisen-haun-hankkeet"].text
    assert docx_text.startswith("# Porin ekosysteemisopimuksen ensimmäisen rahoitushaun hankkeet")
    assert "\n- SUMEA (Satakunnan ammattikorkeakoulu SAMK)" in docx_text
    assert "\n### KARHU\n" in docx_text
    assert "\n## Teknologiametallien ja kiertotalouden ekosysteemi\n" in (
        corpus["teknologiametallit-kiertotalous"].text
    )


@pytest.mark.parametrize("target", [500, 900, 1400])
def test_chunks_of_the_demo_corpus(corpus: dict[str, LoadedDocument], target: int) -> None:
    for doc in corpus.values():
        chunks = chunk_document(doc, target_chars=target)
        assert chunks
        for chunk in chunks:
            assert chunk.text == doc.text[chunk.char_start : chunk.char_end]
            # at most a little over the target, unless the chunk is one long sentence
            assert len(chunk.text) <= target * 1.25 or len(split_sentences(chunk.text)) == 1
        if doc.pages[0].number is not None:
            assert all(c.page_start is not None and c.page_end is not None for c in chunks)
        assert len({c.chunk_id for c in chunks}) == len(chunks)
