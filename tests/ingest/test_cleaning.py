"""Unit tests for the pure cleaning functions."""

from __future__ import annotations

import unicodedata

import pytest

from ingest.cleaning import (
    clean_text,
    collapse_whitespace,
    find_repeated_lines,
    is_structural_line,
    normalize_unicode,
    rejoin_hyphenated,
    remove_repeated_lines,
    unwrap_lines,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tutkimus-\nhanke", "tutkimushanke"),
        ("kiertotalous-\nhanke alkoi", "kiertotaloushanke alkoi"),
        ("EU-\nrahoitus", "EU-rahoitus"),
        ("TKI-\ntoiminta", "TKI-toiminta"),
        ("EAKR-\nmyöntövaltuus", "EAKR-myöntövaltuus"),
        ("ESR-\nrahasto", "ESR-rahasto"),
        ("vuosina 2021-\n2027", "vuosina 2021-2027"),
        ("Pohjois-\nSavo", "Pohjois-Savo"),
        ("pk-\nyritykset", "pk-yritykset"),
        ("kuorma-\nauto", "kuorma-auto"),
        ("tutkimus-\nja kehittämistoiminta", "tutkimus- ja kehittämistoiminta"),
        ("kehittämis-\ntai innovaatiotoiminta", "kehittämis- tai innovaatiotoiminta"),
        ("tutkimus- ja kehittämistoiminta", "tutkimus- ja kehittämistoiminta"),
        (
            "tutkimus-, kehittämis- ja\ninnovaatiotoiminta",
            "tutkimus-, kehittämis- ja\ninnovaatiotoiminta",
        ),
        ("tutki-\nmus-\nhanke", "tutkimushanke"),
        ("tutkimus-  \n  hanke", "tutkimushanke"),
        ("loppuu viivaan -\nseuraava", "loppuu viivaan -\nseuraava"),
        ("kappale-\n\nuusi kappale", "kappale-\n\nuusi kappale"),
        ("lista-\n- kohta", "lista-\n- kohta"),
        ("otsikko-\n# Otsikko", "otsikko-\n# Otsikko"),
    ],
)
def test_rejoin_hyphenated(raw: str, expected: str) -> None:
    assert rejoin_hyphenated(raw) == expected


def test_normalize_unicode_nfc_soft_hyphens_and_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Yhteistyö Pöytäkirja")
    assert decomposed != "Yhteistyö Pöytäkirja"
    assert normalize_unicode(decomposed) == "Yhteistyö Pöytäkirja"
    assert normalize_unicode("tutki\u00admus\u00ad\nhanke") == "tutkimushanke"
    assert normalize_unicode("a\u00a0b\u202fc\u200bd\r\ne") == "a b cd\ne"
    assert normalize_unicode("ﬁnanssi\x07") == "finanssi"


def test_collapse_whitespace() -> None:
    assert collapse_whitespace("  a   b \t \n\n\n\n c  \n") == "a b\n\nc"


def test_unwrap_lines_keeps_structure() -> None:
    raw = (
        "Ensimmäinen rivi\njatkuu tässä.\n# Otsikko\nKappale alkaa\nja jatkuu.\n"
        "- kohta yksi\n  jatkuu\n- kohta kaksi\n\n| a | b |\n| c | d |\nLoppu."
    )
    assert unwrap_lines(raw) == (
        "Ensimmäinen rivi jatkuu tässä.\n\n# Otsikko\n\nKappale alkaa ja jatkuu.\n\n"
        "- kohta yksi jatkuu\n- kohta kaksi\n\n| a | b |\n| c | d |\n\nLoppu."
    )


def test_unwrap_turns_bullets_into_dashes_and_keeps_dates_in_paragraphs() -> None:
    raw = "• eka\n· toka\nHaku avattiin\n18. lokakuuta 2023."
    assert unwrap_lines(raw) == "- eka\n- toka Haku avattiin 18. lokakuuta 2023."
    assert (
        unwrap_lines("Haku:\n\n1. Ensimmäinen\n2. Toinen") == "Haku:\n\n1. Ensimmäinen\n2. Toinen"
    )


@pytest.mark.parametrize(
    ("line", "structural"),
    [
        ("# Otsikko", True),
        ("### Alaotsikko", True),
        ("- kohta", True),
        ("1. kohta", True),
        ("| a | b |", True),
        ("#hashtag", False),
        ("18. lokakuuta 2023", False),
        ("Tavallinen lause.", False),
    ],
)
def test_is_structural_line(line: str, structural: bool) -> None:
    assert is_structural_line(line) is structural


def test_clean_text_full_chain() -> None:
    raw = (
        "Porin  kaupunki tukee tutkimus-\nhanketta ja EU-\nrahoitusta.\u00a0 \n\n\n"
        "# Otsikko\nTeksti."
    )
    assert clean_text(raw) == (
        "Porin kaupunki tukee tutkimushanketta ja EU-rahoitusta.\n\n# Otsikko\n\nTeksti."
    )


def test_remove_repeated_lines_headers_footers_and_page_numbers() -> None:
    pages = [
        ["Porin sopimus - tiivistelmä", "Johdanto", "Teksti A.", "Esimerkkiaineisto Sivu 1 / 12"],
        ["Porin sopimus - tiivistelmä", "Teksti B.", "Esimerkkiaineisto Sivu 2 / 12"],
        ["Porin sopimus - tiivistelmä", "Teksti C.", "Lisää.", "Esimerkkiaineisto Sivu 10 / 12"],
        ["Teksti D ilman ylätunnistetta.", "11"],
    ]
    assert remove_repeated_lines(pages) == [
        ["Johdanto", "Teksti A."],
        ["Teksti B."],
        ["Teksti C.", "Lisää."],
        ["Teksti D ilman ylätunnistetta."],
    ]


def test_repeated_lines_outside_the_zone_are_kept() -> None:
    pages = [
        ["Yläotsake", f"{w} yksi", f"{w} kaksi", f"{w} kolme", "Toistuva lause keskellä.",
         f"{w} neljä", f"{w} viisi", f"{w} kuusi"]
        for w in ("Alfa", "Beeta", "Gamma")
    ]  # fmt: skip
    assert find_repeated_lines(pages) == [{0}, {0}, {0}]  # the middle line stays


def test_single_page_keeps_its_lines_except_page_numbers() -> None:
    assert remove_repeated_lines([["Otsake", "Teksti.", "- 1 -"]]) == [["Otsake", "Teksti."]]


def test_repeated_lines_must_sit_at_the_same_height_when_positions_are_given() -> None:
    pages = [
        ["Otsake", "Teksti A.", "Sama loppurivi.", "Sivu 1"],
        ["Otsake", "Teksti B.", "Sama loppurivi.", "Sivu 2"],
        ["Otsake", "Teksti C.", "Muu rivi.", "Sivu 3"],
    ]
    positions = [[800.0, 700.0, 300.0, 30.0], [800.5, 650.0, 120.0, 30.0], [800.0, 600, 90, 30]]
    assert find_repeated_lines(pages) == [{0, 2, 3}, {0, 2, 3}, {0, 3}]
    assert find_repeated_lines(pages, positions=positions) == [{0, 3}, {0, 3}, {0, 3}]
