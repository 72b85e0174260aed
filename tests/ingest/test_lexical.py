"""BM25 lexical index over a tiny inline Finnish corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import AnalyzerMismatchError, IndexMissingError
from ingest.finnish import Analyzer, make_analyzer
from ingest.lexical import META_FILE, LexicalIndex

CORPUS = {
    "sopimus": "Porin kaupunki ja työ- ja elinkeinoministeriö solmivat ekosysteemisopimuksen "
    "vuosille 2021-2027.",
    "haku": "Toinen rahoitushaku oli avoinna 18.10.2023-31.12.2023 Satakuntaliitossa.",
    "yhteys": "Lisätietoja antaa erityisasiantuntija Teemu Heino, puh. 044 701 8303, "
    "teemu.heino@pori.fi.",
    "robotiikka": "Automaation ja robotiikan hankkeet vahvistavat alueen osaamista.",
    "metallit": "Teknologiametallien ja kiertotalouden ekosysteemissä on noin 3 000 työpaikkaa.",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return make_analyzer("lemma_compound")


@pytest.fixture(scope="module")
def index(analyzer: Analyzer) -> LexicalIndex:
    ids = list(CORPUS)
    return LexicalIndex.build(ids, [analyzer.terms(CORPUS[i]) for i in ids], analyzer.name)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Keneltä saa lisätietoja?", "yhteys"),
        ("Milloin rahoitushaku päättyi?", "haku"),
        ("Mitä robotiikkahankkeita on?", "robotiikka"),
        ("Kenen kanssa sopimus on tehty?", "sopimus"),
        ("Paljonko metalliala työllistää?", "metallit"),
        ("Mikä on numero 044 701 8303?", "yhteys"),
        ("teemu.heino@pori.fi", "yhteys"),
        ("Mitä tapahtui 31.12.2023?", "haku"),
    ],
)
def test_finnish_questions_find_their_passage(
    index: LexicalIndex, analyzer: Analyzer, question: str, expected: str
) -> None:
    hits = index.search(analyzer.terms(question), k=3, analyzer=analyzer.name)
    assert hits[0][0] == expected


def test_results_are_best_first_positive_and_at_most_k(
    index: LexicalIndex, analyzer: Analyzer
) -> None:
    hits = index.search(analyzer.terms("ekosysteemi hanke sopimus"), k=2)
    assert 0 < len(hits) <= 2
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


def test_k_larger_than_corpus_returns_only_matching_documents(
    index: LexicalIndex, analyzer: Analyzer
) -> None:
    hits = index.search(analyzer.terms("robotiikka"), k=100)
    assert [doc for doc, _ in hits] == ["robotiikka"]


@pytest.mark.parametrize("terms", [[], ["tuntematon"], ["", "xyzzy"]])
def test_query_without_known_terms_returns_nothing(index: LexicalIndex, terms: list[str]) -> None:
    assert index.search(terms, k=5) == []


def test_empty_corpus_is_searchable(tmp_path: Path) -> None:
    empty = LexicalIndex.build([], [], "lemma_compound")
    assert len(empty) == 0
    assert empty.search(["hanke"], k=5) == []
    empty.save(tmp_path / "lex")
    assert LexicalIndex.load(tmp_path / "lex").search(["hanke"], k=5) == []


def test_documents_without_terms_are_allowed() -> None:
    index = LexicalIndex.build(["a", "b"], [[], ["hanke"]], "plain")
    assert len(index) == 2
    assert index.search(["hanke"], k=5)[0][0] == "b"


def test_save_and_load_round_trip(index: LexicalIndex, analyzer: Analyzer, tmp_path: Path) -> None:
    folder = tmp_path / "lexical"
    index.save(folder)
    assert (folder / META_FILE).is_file()
    loaded = LexicalIndex.load(folder, analyzer=analyzer.name)
    terms = analyzer.terms("rahoitushaku Satakuntaliitto")
    assert len(loaded) == len(index)
    assert loaded.analyzer == "lemma_compound"
    assert loaded.search(terms, k=5) == index.search(terms, k=5)


def test_searching_with_another_analyzer_is_refused(index: LexicalIndex) -> None:
    with pytest.raises(AnalyzerMismatchError, match="built with the analyzer 'lemma_compound'"):
        index.search(["hanke"], k=5, analyzer="snowball")


def test_loading_with_another_analyzer_is_refused(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "lex")
    with pytest.raises(AnalyzerMismatchError, match="searched with 'plain'"):
        LexicalIndex.load(tmp_path / "lex", analyzer="plain")


def test_loading_a_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="python -m ingest build"):
        LexicalIndex.load(tmp_path / "nothing")


def test_loading_a_corrupt_index_says_to_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / META_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexMissingError, match="cannot be read"):
        LexicalIndex.load(folder)


@pytest.mark.parametrize(
    ("ids", "term_lists", "k", "message"),
    [
        (["a"], [["x"], ["y"]], 1, "same length"),
        (["a", "a"], [["x"], ["y"]], 1, r"must be unique. Currently, \['a'\]"),
        (["a"], [["x"]], 0, "k must be at least 1. Currently, k is 0"),
    ],
)
def test_bad_input_is_refused(
    ids: list[str], term_lists: list[list[str]], k: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        LexicalIndex.build(ids, term_lists).search(["x"], k=k)
