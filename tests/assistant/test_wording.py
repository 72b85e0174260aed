from __future__ import annotations

import pytest

from assistant.glossary import to_finnish
from assistant.wording import in_documents_words


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the government approving the programme is the documents' "valtioneuvosto"
        (
            "Milloin Suomen hallitus hyväksyi ohjelman?",
            "fi",
            "Milloin valtioneuvosto hyväksyi ohjelman?",
        ),
        (
            "Koska Suomen hallitus näytti vihreää valoa ohjelmalle?",
            "fi",
            "Koska valtioneuvosto näytti vihreää valoa ohjelmalle?",
        ),
        (
            "Minä päivänä ohjelma sai Suomen hallituksen hyväksynnän?",
            "fi",
            "Minä päivänä ohjelma sai valtioneuvoston hyväksynnän?",
        ),
        (
            "When did the Finnish government approve the programme?",
            "en",
            "When did the Finnish Council of State approve the programme?",
        ),
        (
            "När godkände den finska regeringen programmet?",
            "sv",
            "När godkände statsrådet programmet?",
        ),
        # what else the government does, the documents say of "hallitus"
        (
            "Minkä Suomen hallituksen ohjelmaa sopimus toteuttaa?",
            "fi",
            "Minkä Suomen hallituksen ohjelmaa sopimus toteuttaa?",
        ),
        (
            "Mikä on hallituksen tavoite T&K-menoille?",
            "fi",
            "Mikä on hallituksen tavoite T&K-menoille?",
        ),
        # the city board is no government
        (
            "Milloin Porin kaupunginhallitus hyväksyi sopimuksen?",
            "fi",
            "Milloin Porin kaupunginhallitus hyväksyi sopimuksen?",
        ),
    ],
)
def test_the_government_approving_is_said_in_the_documents_words(
    text: str, language: str, expected: str
) -> None:
    assert in_documents_words(text, language) == expected


def test_the_glossary_reads_the_council_of_state() -> None:
    assert "valtioneuvosto" in to_finnish("the Finnish Council of State approved", "en").split()
    assert "valtioneuvosto" in to_finnish("statsrådet godkände", "sv").split()
