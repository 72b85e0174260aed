"""The words that only frame a question socially are dropped before it is analysed."""

from __future__ import annotations

import pytest

from assistant.context import split_context, unframed, without_introductions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported question: the greeting and the lead-in go, the question keeps its case
        (
            "Hei! Olen Porin kaupungin asiakaspalvelussa, ja asiakas kysyy puhelimessa: mistä "
            "tasosta T&K-menojen osuutta on tarkoitus nostaa?",
            "Mistä tasosta T&K-menojen osuutta on tarkoitus nostaa?",
        ),
        (
            "Toimittaja tässä, hei. Teen juttua ja tarvitsisin tarkan tiedon: mikä on "
            "tukiprosentti?",
            "Mikä on tukiprosentti?",
        ),
        # written in lower case: it stays so
        (
            "moi, mulla ois yks kysymys: milloin toinen haku päättyi?",
            "milloin toinen haku päättyi?",
        ),
        ("moi, mitä se pori hakee?", "mitä se pori hakee?"),
        # thanks after the question, with or without punctuation
        (
            "Keiden välinen Porin ekosysteemisopimus on? Kiitos jo etukäteen vastauksesta!",
            "Keiden välinen Porin ekosysteemisopimus on?",
        ),
        ("mikä on robocost kiitos jo etukäteen!", "mikä on robocost"),
        ("What is Robocoast? Thanks!", "What is Robocoast?"),
        # "haluaisi tietää, mille ...", "mietimme yhtä asiaa: ..."
        (
            "Heippa! Satakuntaliiton neuvonnasta tässä. Soittaja haluaisi tietää, mille vuosille "
            "sopimus on tehty?",
            "Mille vuosille sopimus on tehty?",
        ),
        (
            "Hyvää päivää. Edustan pientä yritystä Ulvilassa ja mietimme yhtä asiaa: mikä on "
            "robocoast",
            "Mikä on robocoast",
        ),
        (
            "Soittaja haluaisi tietää, minä päivänä sopimukset allekirjoitettiin?",
            "Minä päivänä sopimukset allekirjoitettiin?",
        ),
        # a letter: salutation, "seuraavaa." and the signature go
        (
            "Hyvä vastaanottaja, meillä on yhdistyksessä pohdittu seuraavaa. Milloin haku "
            "päättyi? Ystävällisin terveisin, Pekka",
            "Milloin haku päättyi?",
        ),
        ("Mikä on Satakuntaliiton rooli? T. Maija Meikäläinen", "Mikä on Satakuntaliiton rooli?"),
        ("Dear team, when did the call close?", "When did the call close?"),
        # a pronoun in the question points back to nothing in "haluaisi tietää,"
        (
            "Soittaja haluaisi tietää, montako duunia se porukka Porin seudulla työllistää?",
            "Montako duunia se porukka Porin seudulla työllistää?",
        ),
        # in English and Swedish too
        (
            "Hi! I work at the city helpdesk and a customer asks: when did the second call close?",
            "When did the second call close?",
        ),
        ("Hej! En kund undrar: när stängde den andra ansökan?", "När stängde den andra ansökan?"),
        # spoken Finnish: "Mä oon ... ja mietin et kenelle ...?"
        (
            "Mä oon hankevalmistelija ammattikorkeakoulussa ja mietin et kenelle mä voin soittaa "
            "toisesta hausta?",
            "Kenelle mä voin soittaa toisesta hausta?",
        ),
        # spoken clitics and "entä" after the lead-in
        (
            "Soittaja haluaisi tietää, mikäs Satakuntaliiton rooli tässä on?",
            "Mikäs Satakuntaliiton rooli tässä on?",
        ),
        (
            "Soittaja haluaisi tietää, entä kuinka suuri EU-rahoitus ohjelmalla on?",
            "Entä kuinka suuri EU-rahoitus ohjelmalla on?",
        ),
        # where or how it was asked, then a comma
        (
            "Asiakas kysyy puhelimessa, kuinka pitkään sopimukset ovat voimassa?",
            "Kuinka pitkään sopimukset ovat voimassa?",
        ),
        # why the asker needs the answer, said after it
        (
            "Millä päivämäärällä kaupunginhallitus hyväksyi sopimuksen, tarvitsen sen "
            "pöytäkirjaviitettä varten?",
            "Millä päivämäärällä kaupunginhallitus hyväksyi sopimuksen?",
        ),
        # no question mark: the lead-in still goes
        (
            "Asiakas kysyy puhelimessa: mitkä on porin painopistealuet",
            "Mitkä on porin painopistealuet",
        ),
    ],
)
def test_greetings_thanks_and_reporting_lead_ins_are_dropped(text: str, expected: str) -> None:
    assert unframed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a statement the question points back to ("se") is what it asks about
        "Meillä on Porissa robotiikkaan liittyvä TKI-hanke. Onko se painopistealueiden mukainen?",
        "Asiakas kysyy siitä toisesta hausta: milloin se päättyi?",
        # a premise is part of the question; the dash stays as written
        "Porin EAKR-rahoitus on kestävän kaupunkikehittämisen rahaa – kuinka suuri osa "
        "EAKR:stä menee ilmastotoimiin?",
        # nothing but framing: the text is kept (it is refused or answered as it is)
        "Kiitos!",
        "Hei",
        # "minä" alone is "I", no interrogative: the sentence asks as a whole
        "Minä en tiedä, onko haku auki?",
        # "hyvä" and "seuraava" as plain words
        "Hyvä hanke, vai onko?",
        "Mitkä ovat seuraavat vaiheet?",
        # thanks that are the subject of the question
        "Mikä on kiitoksen arvo?",
    ],
)
def test_content_is_never_dropped(text: str) -> None:
    assert unframed(text) == text


def test_minä_päivänä_asks_and_is_no_introduction() -> None:
    text = "Haku oli auki syksyllä. Minä päivänä se päättyi"
    assert without_introductions(text) == text
    assert without_introductions("Minä olen toimittaja. Milloin haku päättyi?") == (
        "Milloin haku päättyi?"
    )


def test_what_the_asker_is_making_is_context_before_a_dash() -> None:
    # "sen" points back to the agreement the lead-in names, but the lead-in says what the asker
    # is making: context, not part of what is asked
    text = (
        "Teen aikajanaa Porin ekosysteemisopimuksesta – mikä oli se päivämäärä, jolloin "
        "kaupunginhallitus sen hyväksyi?"
    )
    asked, context = split_context(text)
    assert context == "Teen aikajanaa Porin ekosysteemisopimuksesta"
    assert asked.startswith("mikä oli se päivämäärä")
    # a statement of fact before the dash still names what the question points back to
    fact = "Porin sopimus solmittiin vuonna 2021 – milloin kaupunginhallitus sen hyväksyi?"
    assert split_context(fact) == (fact, "")
