from __future__ import annotations

import pytest

from assistant.coordination import case_ending, coordinated, joined


@pytest.mark.parametrize(
    ("text", "joined_"),
    [
        ("Teemat ovat kiertotalous sekä automaatio ja robotiikka.", True),
        ("Automaatio, robotiikka ja kiertotalous ovat teemoja.", True),
        ("Automaatio kasvaa Porissa. Kiertotaloudesta kerrotaan toisaalla.", False),
        # an abbreviation in brackets after the first word
        ("Alat ovat kiertotalous (KT), automaatio (AR) ja muut.", True),
    ],
)
def test_coordinated_words(text: str, joined_: bool) -> None:
    assert coordinated(text, "kiertotalous", "automaatio") is joined_


@pytest.mark.parametrize(
    ("text", "a", "b", "expected"),
    [
        (
            "Kuinka iso se on työpaikoilla ja liikevaihdolla mitattuna?",
            "liikevaihdolla",
            "työpaikoilla",
            True,
        ),
        (
            "Porin seudun teollisuudella ja koko Suomella on tavoitteet.",
            "Suomella",
            "teollisuudella",
            True,
        ),
        (
            "Minkä ohjelmien ja strategioiden kanssa ne ovat linjassa?",
            "strategioiden",
            "ohjelmien",
            True,
        ),
        # a word after the pair is not one of them
        ("Miltä vuosilta Porin ja TEMin välinen sopimus on?", "välinen", "Porin", False),
        # different cases: not two things of one kind
        ("Kuka toteuttaa hankkeen ja milloin se alkaa?", "hankkeen", "alkaa", False),
        ("Montako työpaikkaa on? Ja liikevaihto?", "liikevaihto", "työpaikkaa", False),
    ],
)
def test_joined_words(text: str, a: str, b: str, expected: bool) -> None:
    assert joined(text, a, b) is expected


def test_case_ending() -> None:
    assert case_ending("haussa") == "ssa"
    assert case_ending("hakemus") == ""
