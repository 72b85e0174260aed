"""Lemmas through paradigm siblings: the same weak-grade stem with another case ending."""

from __future__ import annotations

import pytest

from ingest.inflection import sibling_lemma

FORMS = {"haussa": "haku", "haun": "haku", "haulla": "haku", "talon": "talo", "hausta": "hausta"}


@pytest.mark.parametrize(
    ("word", "min_agree", "expected"),
    [
        ("hausta", 1, "haku"),  # elative unknown, inessive known
        ("hausta", 2, "haku"),  # three siblings agree
        ("talolle", 1, "talo"),
        ("talolle", 2, None),  # only one sibling known
        ("hauksi", 1, "haku"),
        ("talo", 1, None),  # no case ending
        ("ost", 1, None),  # stem too short
        ("kissalla", 1, None),  # no sibling known
    ],
)
def test_sibling_lemma(word: str, min_agree: int, expected: str | None) -> None:
    assert sibling_lemma(word, FORMS.get, min_agree=min_agree) == expected


def test_a_form_never_votes_for_itself() -> None:
    assert sibling_lemma("hausta", {"haussa": "hausta"}.get) is None
