"""Finnish analysis: tokens kept whole, lemmas, compound parts, stopwords, analyzer names."""

from __future__ import annotations

import importlib.util

import pytest

from ingest.errors import ConfigError
from ingest.finnish import (
    ANALYZER_NAMES,
    DEFAULT_ANALYZER,
    Analyzer,
    CompoundAnalyzer,
    make_analyzer,
)
from ingest.tokens import STOPWORDS, normalize, tokens


@pytest.fixture(scope="module")
def compound() -> Analyzer:
    return make_analyzer("lemma_compound")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("robotiikkahankkeeni", {"robotiikkahanke", "robotiikka", "hanke"}),
        ("ekosysteemisopimuksen", {"ekosysteemisopimus", "sopimus"}),
        ("kiertotaloushanke", {"kiertotaloushanke", "kiertotalous", "hanke"}),
        ("rahoituskelpoinen", {"rahoituskelpoinen", "rahoitus", "kelpoinen"}),
        ("kaupunginhallitus", {"kaupunginhallitus", "kaupunki", "hallitus"}),
        ("teknologiametallien", {"teknologiametalli", "teknologia", "metalli"}),
        ("yhteyshenkilö", {"yhteyshenkilö", "yhteys", "henkilö"}),
        # unknown to the dictionary: the inflected head is found in the surface form
        ("rahoitushakuun", {"rahoitushaku", "rahoitus", "haku"}),
        ("Satakuntaliitossa", {"satakuntaliitto", "satakunta", "liitto"}),
        ("kiertotaloushankkeiden", {"kiertotaloushanke", "kiertotalous", "hanke"}),
    ],
)
def test_compound_words_give_whole_lemma_and_parts(
    compound: Analyzer, word: str, expected: set[str]
) -> None:
    assert expected <= set(compound.terms(word))


@pytest.mark.parametrize("word", ["hallitus", "sopimus", "talous", "ensimmäinen", "presidentti"])
def test_plain_words_are_not_split(compound: Analyzer, word: str) -> None:
    assert compound.terms(word) == [word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haku päättyy 31.12.2023.", ["haku", "päättyä", "31.12.2023"]),
        ("puh. 044 701 8303", ["puh", "044", "701", "8303"]),
        ("teemu.heino@pori.fi", ["teemu.heino@pori.fi"]),
        ("EAKR-rahoitus", ["eakr", "rahoitus"]),
        ("EU:n ohjelma", ["eu", "ohjelma"]),
        ("TKI-toiminnan 2,7 %", ["tki", "toiminta", "2,7"]),
        ("Porin kaupunki", ["pori", "kaupunki"]),
    ],
)
def test_numbers_dates_emails_and_acronyms_are_kept(text: str, expected: list[str]) -> None:
    assert make_analyzer("lemma").terms(text) == expected


def test_words_in_capitals_are_analysed_but_short_acronyms_kept(compound: Analyzer) -> None:
    assert compound.terms("HANKKEIDEN RAHOITUS ON EAKR:N") == ["hanke", "rahoitus", "eakr"]


def test_stopwords_and_question_words_are_dropped(compound: Analyzer) -> None:
    terms = compound.terms("Mikä on se hanke, jonka kaupunki ja ministeriö ovat sopineet?")
    assert not set(terms) & STOPWORDS
    assert {"hanke", "kaupunki", "ministeriö"} <= set(terms)


def test_a_stopword_as_written_is_not_read_as_another_words_form(compound: Analyzer) -> None:
    # "noilla" (with those) is also a form of "noki" (soot) in the dictionary
    assert compound.terms("noilla sopimuksilla") == ["sopimus"]
    # ... and so is "noin" (about, approximately)
    assert compound.terms("noin kaksi vuotta") == ["kaksi", "vuosi"]


def test_normalize_removes_soft_hyphens_and_citation_marks() -> None:
    assert normalize("alkali\u00adkalkki\u00adlasi[8] on") == "alkalikalkkilasi  on"
    assert [s for _, s in tokens("Kaupunki\u00adseutu[12]")] == ["Kaupunkiseutu"]


def test_nfc_makes_decomposed_letters_equal(compound: Analyzer) -> None:
    decomposed = "ha\u0308ta\u0308"  # "hätä" with combining diaeresis
    assert compound.terms(decomposed) == compound.terms("hätä")


def test_token_kinds() -> None:
    kinds = dict((s, k) for k, s in tokens("EAKR 9.2.2021 1,9 a@b.fi hanke"))
    assert kinds == {
        "EAKR": "acronym",
        "9.2.2021": "date",
        "1,9": "number",
        "a@b.fi": "email",
        "hanke": "word",
    }


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("plain", "Hankkeiden Rahoitus", ["hankkeiden", "rahoitus"]),
        ("snowball", "hankkeiden rahoitusta", ["hank", "rahoitu"]),
        ("lemma", "hankkeiden rahoitusta", ["hanke", "rahoitus"]),
    ],
)
def test_simple_analyzers(name: str, text: str, expected: list[str]) -> None:
    analyzer = make_analyzer(name)
    assert analyzer.name == name
    assert analyzer.terms(text) == expected


def test_default_is_the_permissive_compound_analyzer() -> None:
    assert DEFAULT_ANALYZER == "lemma_compound"
    assert make_analyzer().name == "lemma_compound"


def test_vocabulary_adds_known_compound_parts() -> None:
    analyzer = CompoundAnalyzer(vocabulary=["kiertotalous"])
    assert analyzer.split("kiertotaloushanke") == ["kiertotalous", "hanke"]
    assert "kierto" in CompoundAnalyzer().split("kiertotaloushanke")


def test_empty_and_punctuation_only_text_give_no_terms(compound: Analyzer) -> None:
    assert compound.terms("") == []
    assert compound.terms(" ?!... -- ") == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("stemmer", "Unknown analyzer 'stemmer'"),
        ("", "Unknown analyzer ''"),
        ("LEMMA", "Choose one of: " + ", ".join(ANALYZER_NAMES)),
    ],
)
def test_unknown_analyzer_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        make_analyzer(name)


@pytest.mark.skipif(importlib.util.find_spec("pyvoikko") is None, reason="pyvoikko not installed")
def test_optional_voikko_analyzer_gives_compound_parts() -> None:
    terms = make_analyzer("voikko").terms("robotiikkahankkeeni")
    assert {"robotiikkahanke", "robotiikka", "hanke"} <= set(terms)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("hausta", "haku"),
        ("haulta", "haku"),
        ("Porista", "pori"),
        ("kesällä", "kesä"),
        # the dictionary's "vuode" (bed) is the rarer reading: "vuoteen 2035 mennessä"
        ("vuoteen", "vuosi"),
    ],
)
def test_inflected_forms_the_dictionary_lacks_get_their_lemma(word: str, lemma: str) -> None:
    assert make_analyzer("lemma_compound").terms(word)[0] == lemma
