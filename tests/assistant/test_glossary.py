"""The English/Swedish -> Finnish glossary maps question words to the documents' own terms."""

from __future__ import annotations

import pytest

from assistant.glossary import GLOSSARY, to_finnish


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Which two themes does the agreement focus on?", "en", {"painopistealue", "sopimus"}),
        ("Vilka två branscher satsar Björneborg på?", "sv", {"ala", "painopistealue", "Pori"}),
        ("Who leads the steering group?", "en", {"johtoryhmä"}),
        # the funds' acronyms and the granting authorisation
        ("What is the ERDF funding authority?", "en", {"eakr", "myöntövaltuus"}),
        ("Vad är ERUF?", "sv", {"eakr"}),
        ("Can universities and companies apply?", "en", {"korkeakoulu", "yritys", "haku"}),
        ("När stängde ansökningsomgången?", "sv", {"päättyä", "haku"}),
        ("What did the first call emphasise?", "en", {"ensimmäinen", "haku", "painotus"}),
        ("Who carries out the projects?", "en", {"toteuttaa", "hanke"}),
        ("Gäller programmet även Åland?", "sv", {"ahvenanmaa"}),
        # who answers questions about a call: who gives more information
        ("Vem svarar på frågor om utlysningen?", "sv", {"lisätieto", "haku"}),
        ("Who answers questions about the call?", "en", {"lisätieto", "haku"}),
        ("När godkände stadsstyrelsen avtalet?", "sv", {"kaupunginhallitus", "sopimus"}),
        ("Hur länge gäller avtalet med staten?", "sv", {"voimassa", "sopimus", "valtio"}),
        ("Do the agreements support startup communities?", "en", {"start", "yhteisö"}),
        # how many, and "thematic" as the documents write it ("kaksi temaattista
        # painopistealuetta")
        (
            "What are the two thematic focus areas?",
            "en",
            {"kaksi", "temaattinen", "painopistealue"},
        ),
        ("Vilka två tematiska områden?", "sv", {"kaksi", "temaattinen"}),
        # the Swedish glossary knows what the English one knows
        (
            "Hur många arbetsplatser finns inom automation och robotik?",
            "sv",
            {"työpaikka", "automaatio", "robotiikka"},
        ),
    ],
)
def test_question_words_become_the_documents_finnish_terms(
    question: str, language: str, expected: set[str]
) -> None:
    assert expected <= set(to_finnish(question, language).rstrip("?").split())


def test_each_language_has_its_own_glossary() -> None:
    # the English "job" must not read the Swedish "jobbar" ("works")
    assert "työpaikka" not in to_finnish("Jag jobbar på ett företag.", "sv")
    assert "työpaikka" in to_finnish("How many jobs are there?", "en")
    # "funded" is what was financed, not a fund
    assert to_finnish("How many projects were funded", "en").split() == ["hanke", "rahoittaa"]
    assert to_finnish("Vad är målet?", "fi") == ""  # no glossary for Finnish


def test_sentence_ends_and_a_lead_in_dash_are_kept() -> None:
    text = "Jag jobbar på ett företag i Björneborg – vilka teman har avtalet?"
    assert to_finnish(text, "sv") == "yritys Pori: painopistealue sopimus?"


def test_unknown_words_are_skipped_and_terms_are_not_repeated() -> None:
    assert to_finnish("zebra quokka", "en") == ""
    assert to_finnish("project projects", "en").split() == ["hanke"]


def test_money_words_do_not_claim_an_amount_in_euros() -> None:
    # "how much money" asks for an amount; the word itself must not make any euro sentence match
    assert "euro" not in to_finnish("How much money does the city spend?", "en")
    assert "euro" not in to_finnish("Hur mycket pengar satsar staden?", "sv")


def test_every_entry_maps_to_finnish_terms() -> None:
    for language, glossary in GLOSSARY.items():
        for key, terms in glossary.items():
            assert key == key.lower() and terms, (language, key)


@pytest.mark.parametrize(
    ("question", "finnish"),
    [
        # one Swedish word, two glossary keys: one Finnish compound, as the documents write it
        ("Hur länge gäller ekosystemavtalet?", "voimassa ekosysteemisopimus?"),
        # past a linking "s"; a part with two readings keeps them apart
        ("Vem leder stadsutvecklingen?", "kaupunki kehittäjäorganisaatio kehittäminen?"),
        # a short rest is an ending, not a second part
        ("Vilka städer?", "kaupunki?"),
    ],
)
def test_a_swedish_compound_reads_each_of_its_parts(question: str, finnish: str) -> None:
    assert to_finnish(question, "sv") == finnish


@pytest.mark.parametrize(
    ("question", "language", "finnish"),
    [
        # a phrase is one document term, not its words one by one
        ("Which city regions have an agreement?", "en", "kaupunkiseutu sopimus?"),
        ("När skrevs avtalet under?", "sv", "sopimus?"),  # the particle is not next to the verb
        ("Avtalet skrevs under i februari", "sv", "sopimus allekirjoittaa"),
        # the documents' "kärkialat"
        ("Vilka nyckelbranscher?", "sv", "kärkiala?"),
        ("Which key industries?", "en", "kärkiala?"),
        # the EU's priority axes are the programme's "toimintalinjat"; passing on money is
        # the documents' "välittää"
        ("Which priority axes?", "en", "toimintalinja?"),
        ("Who passes on the funding?", "en", "välittää rahoitus?"),
        ("Vem styr genomförandet?", "sv", "ohjata toteutus?"),
    ],
)
def test_a_glossary_phrase_is_read_as_one_term(question: str, language: str, finnish: str) -> None:
    assert to_finnish(question, language) == finnish
