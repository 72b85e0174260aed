"""Unit tests for the Finnish sentence splitter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.sentences import quotable_spans, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haku alkoi. Haku päättyi.", ["Haku alkoi.", "Haku päättyi."]),
        ("Onko haku auki? Kyllä on! Hyvä.", ["Onko haku auki?", "Kyllä on!", "Hyvä."]),
        (
            "Haku oli auki 18.10.2023–31.12.2023. Se päättyi.",
            ["Haku oli auki 18.10.2023–31.12.2023.", "Se päättyi."],
        ),
        (
            "Rahoitus oli 0,9 miljoonaa euroa. Hakemuksia tuli 8.",
            ["Rahoitus oli 0,9 miljoonaa euroa.", "Hakemuksia tuli 8."],
        ),
        (
            "Haku avattiin 18. lokakuuta 2023 Satakuntaliitossa.",
            ["Haku avattiin 18. lokakuuta 2023 Satakuntaliitossa."],
        ),
        (
            "Painopisteitä ovat mm. Robotiikka ja kiertotalous.",
            ["Painopisteitä ovat mm. Robotiikka ja kiertotalous."],
        ),
        ("Esim. Pori ja Vaasa ovat mukana.", ["Esim. Pori ja Vaasa ovat mukana."]),
        (
            "Työpaikkoja on n. 3 000. Liikevaihto on n. 2 mrd. euroa.",
            ["Työpaikkoja on n. 3 000.", "Liikevaihto on n. 2 mrd. euroa."],
        ),
        ("Soita klo 9 puh. 044 701 8303. Kiitos.", ["Soita klo 9 puh. 044 701 8303.", "Kiitos."]),
        ("Yhteyshenkilö on T. Heino. Hän vastaa.", ["Yhteyshenkilö on T. Heino.", "Hän vastaa."]),
        (
            "Kirjoita teemu.heino@pori.fi. Vastaus tulee.",
            ["Kirjoita teemu.heino@pori.fi.", "Vastaus tulee."],
        ),
        (
            "Katso https://tem.fi/ekosysteemisopimukset. Sivulla on lisää.",
            ["Katso https://tem.fi/ekosysteemisopimukset.", "Sivulla on lisää."],
        ),
        (
            "Tavoite on 2.7 % -> 4 % BKT:sta. Vuoteen 2030.",
            ["Tavoite on 2.7 % -> 4 % BKT:sta.", "Vuoteen 2030."],
        ),
        (
            "Aiheita ovat kiertotalous, robotiikka jne. Lisäksi muut.",
            ["Aiheita ovat kiertotalous, robotiikka jne.", "Lisäksi muut."],
        ),
        ("Ks. liite. Se on ohessa.", ["Ks. liite.", "Se on ohessa."]),
        (
            "Hän sanoi: ”Haku on auki.” Sitten lähdettiin.",
            ["Hän sanoi: ”Haku on auki.”", "Sitten lähdettiin."],
        ),
        ("Rivi ilman pistettä\nToinen rivi", ["Rivi ilman pistettä", "Toinen rivi"]),
        ("Otsikko\n\n- kohta yksi\n- kohta kaksi", ["Otsikko", "- kohta yksi", "- kohta kaksi"]),
        ("Vuosi 2021. Uusi vuosi.", ["Vuosi 2021.", "Uusi vuosi."]),
        ("Se on ns. ekosysteemisopimus.", ["Se on ns. ekosysteemisopimus."]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "  Ensimmäinen lause.  Toinen lause!\n\nKolmas "
    spans = split_sentences(text)
    assert spans == [(2, 20), (22, 35), (37, 43)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aäB1 .!?\n,:-”")), max_size=120))
def test_spans_are_ordered_stripped_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Otsikko\nToinen haku oli auki.", [("Toinen haku oli auki.", False)]),
        (
            "- kiertotalous\n2) robotiikka ja automaatio",
            [("kiertotalous", True), ("robotiikka ja automaatio", True)],
        ),
        ("Lyhyt. Tämä lause on tarpeeksi pitkä.", [("Tämä lause on tarpeeksi pitkä.", False)]),
        ("", []),
    ],
    ids=["heading dropped", "list items without markers", "fragment dropped", "empty"],
)
def test_quotable_spans(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(text[s:e], item) for s, e, item in quotable_spans(text)] == expected
