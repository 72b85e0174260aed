"""Names a question requires of its answer sentence (no model needed)."""

from __future__ import annotations

import pytest

from assistant.names import question_names


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Onko SAMK mukana KARHU-hankkeessa?", ("samk", "karhu")),
        ("Mitä EAKR-rahoitusta hanke saa?", ("eakr",)),
        # the documents write "ESR+" and their words drop the plus
        ("ESR+ on varmaan yksi niistä?", ("esr",)),
        # who says it is no name the answer must carry
        ("Mihin vuoteen mennessä Suomessa pitäisi TEM:n mukaan olla ympäristöjä?", ("suome",)),
        # an indefinite pronoun before the name: which programme is what is asked
        ("Riittääkö tämä, vai pitääkö hankkeen sopia myös johonkin EU-ohjelmaan?", ()),
        ("Kuuluuko hanke jonkin EU-ohjelman piiriin?", ()),
        ("Toteuttaako hanke jotain EAKR-ohjelmaa?", ()),
    ],
)
def test_names_are_capitalised_words_but_not_an_unknown_one(
    question: str, names: tuple[str, ...]
) -> None:
    assert question_names(question, "fi") == names
