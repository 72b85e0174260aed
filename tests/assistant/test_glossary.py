"""The English/Swedish -> Finnish glossary maps question words to the documents' own terms."""

from __future__ import annotations

import pytest

from assistant.glossary import GLOSSARY, to_finnish


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which two themes does the agreement focus on?", {"painopistealue", "sopimus"}),
        ("Vilka två branscher satsar Björneborg på?", {"ala", "painopistealue", "Pori"}),
        ("Who leads the steering group?", {"johtoryhmä"}),
        ("Can universities and companies apply?", {"korkeakoulu", "yritys", "haku"}),
        ("När stängde ansökningsomgången?", {"päättyä", "haku"}),
        ("What did the first call emphasise?", {"ensimmäinen", "haku", "painotus"}),
    ],
)
def test_question_words_become_the_documents_finnish_terms(
    question: str, expected: set[str]
) -> None:
    assert expected <= set(to_finnish(question).split())


def test_unknown_words_are_skipped_and_terms_are_not_repeated() -> None:
    assert to_finnish("zebra quokka") == ""
    assert to_finnish("project projects projekt").split() == ["hanke"]


def test_money_words_do_not_claim_an_amount_in_euros() -> None:
    # "how much money" asks for an amount; the word itself must not make any euro sentence match
    assert "euro" not in to_finnish("How much money does the city spend? Hur mycket pengar?")


def test_every_entry_maps_to_finnish_terms() -> None:
    for key, terms in GLOSSARY.items():
        assert key == key.lower() and terms, key
