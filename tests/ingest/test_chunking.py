"""Unit tests for structure-aware chunking."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_document
from ingest.errors import ConfigError
from ingest.models import Chunk, LoadedDocument, Page, SourceInfo
from ingest.sentences import split_sentences

SOURCE = SourceInfo(
    doc_id="rahoitushaut",
    title="Rahoitushaut",
    file="documents/rahoitushaut.pdf",
    doc_type="call_notice",
    url="https://example.invalid/haut",
    date="2023-10-18",
)


def make_doc(*pages: str, numbered: bool = True) -> LoadedDocument:
    return LoadedDocument(
        source=SOURCE,
        pages=tuple(
            Page(number=(i + 1) if numbered else None, text=text) for i, text in enumerate(pages)
        ),
        sha256="0" * 64,
    )


def sentence(n: int, words: int = 12) -> str:
    return " ".join(["Hanke"] + [f"sana{n}x{i}" for i in range(words)]) + "."


def assert_invariants(doc: LoadedDocument, chunks: list[Chunk]) -> None:
    text = doc.text
    sentence_ends = {end for start, end in split_sentences(text)}
    sentence_starts = {start for start, end in split_sentences(text)}
    for ordinal, chunk in enumerate(chunks):
        assert chunk.text == text[chunk.char_start : chunk.char_end]
        assert chunk.text == chunk.text.strip() and chunk.text
        assert chunk.char_start in sentence_starts, "a chunk starts mid-sentence"
        assert chunk.char_end in sentence_ends, "a chunk ends mid-sentence"
        assert chunk.ordinal == ordinal
        assert not any(line.startswith("#") for line in chunk.text.split("\n"))
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.char_start for c in chunks] == sorted(c.char_start for c in chunks)


def test_sections_paths_and_metadata() -> None:
    doc = make_doc(
        "# Rahoitushaut\n\nJohdanto kertoo hauista.\n\n## Ensimmäinen haku\n\n"
        "Ensimmäinen haku oli auki kesällä 2022.\n\n### Hankkeet\n\n- SUMEA\n- KARHU",
        "## Toinen haku\n\nToinen haku oli auki 18.10.2023–31.12.2023.",
    )
    chunks = chunk_document(doc)
    assert [(c.section, c.text) for c in chunks] == [
        ("Rahoitushaut", "Johdanto kertoo hauista."),
        ("Rahoitushaut > Ensimmäinen haku", "Ensimmäinen haku oli auki kesällä 2022."),
        ("Rahoitushaut > Ensimmäinen haku > Hankkeet", "- SUMEA\n- KARHU"),
        ("Rahoitushaut > Toinen haku", "Toinen haku oli auki 18.10.2023–31.12.2023."),
    ]
    assert [(c.page_start, c.page_end) for c in chunks] == [(1, 1), (1, 1), (1, 1), (2, 2)]
    first = chunks[0]
    assert (first.doc_id, first.title, first.doc_type, first.url, first.file, first.date) == (
        "rahoitushaut",
        "Rahoitushaut",
        "call_notice",
        "https://example.invalid/haut",
        "documents/rahoitushaut.pdf",
        "2023-10-18",
    )
    assert_invariants(doc, chunks)


def test_chunk_id_is_the_documented_content_hash() -> None:
    chunks = chunk_document(make_doc("# Otsikko\n\nLause yksi."))
    expected = hashlib.sha256(b"rahoitushaut\nOtsikko\nLause yksi.").hexdigest()[:32]
    assert chunks[0].chunk_id == expected
    assert chunk_document(make_doc("# Otsikko\n\nLause yksi."))[0].chunk_id == expected


def test_packs_whole_sentences_up_to_the_target() -> None:
    paragraph = " ".join(sentence(n) for n in range(30))
    doc = make_doc(f"# Osio\n\n{paragraph}")
    chunks = chunk_document(doc, target_chars=500)
    assert len(chunks) > 3
    assert all(len(c.text) <= 500 for c in chunks)
    assert " ".join(c.text for c in chunks) == paragraph
    assert_invariants(doc, chunks)


def test_a_sentence_longer_than_the_target_is_its_own_chunk() -> None:
    long = sentence(1, words=80)
    doc = make_doc(f"Lyhyt alku. {long} Lyhyt loppu on tässä ja se jatkuu vielä hetken.")
    chunks = chunk_document(doc, target_chars=200)
    assert [c.text for c in chunks] == [
        "Lyhyt alku.",
        long,
        "Lyhyt loppu on tässä ja se jatkuu vielä hetken.",
    ]
    assert_invariants(doc, chunks)


def test_list_items_stay_whole() -> None:
    items = "\n".join(f"- Kohta {n}: " + " ".join(["teksti"] * 8) for n in range(12))
    doc = make_doc(f"## Lista\n\n{items}")
    chunks = chunk_document(doc, target_chars=200)
    for chunk in chunks:
        assert all(line.startswith("- Kohta") for line in chunk.text.split("\n"))
    assert_invariants(doc, chunks)


def test_a_chunk_never_spans_two_sections() -> None:
    doc = make_doc("# A\n\nLause a.\n\n# B\n\nLause b.\n\n## B1\n\nLause c.")
    chunks = chunk_document(doc, target_chars=10_000)
    assert [(c.section, c.text) for c in chunks] == [
        ("A", "Lause a."),
        ("B", "Lause b."),
        ("B > B1", "Lause c."),
    ]


def test_pages_of_a_chunk_crossing_a_page_break() -> None:
    doc = make_doc("# Osio\n\nSivun yksi lause.", "Sivun kaksi lause.", "Sivun kolme lause.")
    chunks = chunk_document(doc)
    assert len(chunks) == 1
    assert (chunks[0].page_start, chunks[0].page_end) == (1, 3)
    assert chunks[0].text == "Sivun yksi lause.\n\nSivun kaksi lause.\n\nSivun kolme lause."


def test_non_pdf_pages_have_no_page_numbers() -> None:
    chunks = chunk_document(make_doc("Teksti ilman sivunumeroita.", numbered=False))
    assert (chunks[0].page_start, chunks[0].page_end) == (None, None)


def test_text_before_the_first_heading_has_an_empty_section() -> None:
    chunks = chunk_document(make_doc("Alkuteksti.\n\n# Otsikko\n\nTeksti."))
    assert [c.section for c in chunks] == ["", "Otsikko"]


def test_small_tail_is_merged_into_the_previous_chunk() -> None:
    doc = make_doc(" ".join(sentence(n, words=8) for n in range(9)) + " Loppu.")
    chunks = chunk_document(doc, target_chars=300)
    assert chunks[-1].text.endswith("Loppu.")
    assert len(chunks[-1].text) > len("Loppu.")
    assert_invariants(doc, chunks)


def test_duplicate_passages_get_distinct_ids() -> None:
    doc = make_doc("# Osio\n\n" + "\n\n".join([sentence(1, words=40)] * 3))
    chunks = chunk_document(doc, target_chars=100)
    assert len(chunks) == 3
    assert len({c.chunk_id for c in chunks}) == 3


def test_document_with_only_headings_gives_no_chunks() -> None:
    assert chunk_document(make_doc("# Otsikko\n\n## Alaotsikko")) == []


@pytest.mark.parametrize("target", [0, -5])
def test_bad_target_chars(target: int) -> None:
    with pytest.raises(ConfigError, match=f"target_chars must be greater than 0.*is {target}"):
        chunk_document(make_doc("Teksti."), target_chars=target)


_WORD = st.sampled_from(["hanke", "Pori", "EU-rahoitus", "31.12.2023", "esim.", "0,9", "n.", "ja"])
_SENTENCE = st.lists(_WORD, min_size=1, max_size=25).map(lambda ws: " ".join(ws) + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join)
_BLOCK = st.one_of(
    _PARAGRAPH,
    st.lists(_SENTENCE, min_size=1, max_size=4).map(lambda s: "\n".join(f"- {x}" for x in s)),
    st.sampled_from(["# Luku", "## Kohta", "### Alakohta"]),
)
_PAGE = st.lists(_BLOCK, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PAGE, min_size=1, max_size=4), st.integers(min_value=40, max_value=1200))
def test_invariants_hold_for_generated_documents(pages: list[str], target: int) -> None:
    doc = make_doc(*pages)
    chunks = chunk_document(doc, target_chars=target)
    assert_invariants(doc, chunks)
    for chunk in chunks:
        first_page = chunk.page_start or 0
        assert 1 <= first_page <= (chunk.page_end or 0) <= len(pages)
