from __future__ import annotations

import pytest

from assistant.ordinals import picks_listed
from assistant.question import (
    clean,
    contextualise,
    detect_language,
    is_followup,
    ordinal_of,
    sub_questions,
)
from ingest.errors import QuestionError


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Kysymys on tyhjä"),
        ("   \n\t ", "Kysymys on tyhjä"),
        ("\x00\x07", "Kysymys on tyhjä"),
        ("a" * 1200, "Kysymys on liian pitkä (1200 merkkiä). Lyhennä se alle 1000 merkkiin."),
    ],
)
def test_clean_rejects_unusable_questions(raw: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        clean(raw, 1000)


def test_clean_strips_control_characters_and_keeps_html_as_text() -> None:
    assert clean("Milloin\x00 haku\u200b\n  päättyy?\x1b", 1000) == "Milloin haku päättyy?"
    assert clean("<script>alert(1)</script> Mikä?", 1000) == "<script>alert(1)</script> Mikä?"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Milloin toinen rahoitushaku oli auki?", "fi"),
        ("When was the second funding call open?", "en"),
        ("När undertecknades ekosystemavtalen?", "sv"),
        ("Vilka är Björneborgs fokusområden?", "sv"),
        ("SAMK?", "fi"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        ("Entä ensimmäinen?", True),
        ("Mikä hänen sähköpostiosoitteensa on?", True),
        ("And the first one?", True),
        # a plural demonstrative points back too ("näillä rahoilla": the money just named)
        ("keiden hankkeita näillä rahoilla toteutetaan?", True),
        ("Milloin Porin ekosysteemisopimuksen toinen rahoitushaku oli auki?", False),
    ],
)
def test_is_followup(text: str, followup: bool) -> None:
    assert is_followup(text) is followup


def test_ordinal_followup_rewrites_the_earlier_question() -> None:
    q = contextualise("Entä ensimmäinen?", ["Milloin toinen rahoitushaku oli auki?"])
    assert q.followup
    assert q.focus == "Milloin ensimmäinen rahoitushaku oli auki?"
    assert "toinen" not in q.query


def test_an_ordinal_picking_one_of_the_listed_things_rewrites_nothing() -> None:
    history = ["Mitkä olivat toisen rahoitushaun painotukset?"]
    for text in ("Mikä on ensimmäinen niistä?", "Ja se eka niistä, mitä siinä haettiin?"):
        q = contextualise(text, history)
        assert q.followup
        assert "toisen rahoitushaun" in q.focus and text in q.focus


@pytest.mark.parametrize(
    ("text", "picks"),
    [
        ("Mikä on ensimmäinen niistä?", True),
        ("Entä niistä toinen?", True),
        ("What about the first one of them?", True),
        ("Och den andra av dem?", True),
        ("Entä ensimmäinen haku?", False),
        ("Entä toinen?", False),
        # "niistä" counts the earlier things; the ordinal names the call
        ("Montako niistä rahoitettiin ensimmäisessä haussa?", False),
    ],
)
def test_picks_listed(text: str, picks: bool) -> None:
    assert picks_listed(text) is picks


def test_a_thing_named_by_number_takes_the_follow_ups_ordinal() -> None:
    q = contextualise("No entäs kakkonen, mikä se on?", ["Mikä on toimintalinja 1?"])
    assert q.focus == "Mikä on toimintalinja 2?"
    same = contextualise("Entäs ykkönen?", ["Mikä on toimintalinja 1?"])
    assert same.focus == "Mikä on toimintalinja 1? Entäs ykkönen?"


@pytest.mark.parametrize(
    ("earlier", "text", "focus"),
    [
        (
            "Mikä on Porin seudun teollisuuden hiilineutraaliustavoite?",
            "Entä koko Suomen?",
            "Mikä on koko Suomen hiilineutraaliustavoite?",
        ),
        (
            "Mitkä ovat Porin painopistealueet?",
            "Entäs Tampereen?",
            "Mitkä ovat Tampereen painopistealueet?",
        ),
        # a common noun does not replace a name, nor a pronoun anything
        ("Mikä on Teemu Heinon puhelinnumero?", "Entä sähköpostin?", None),
        ("Kuka antaa lisätietoja?", "Entä hänen?", None),
        # "Milloin" is no genitive
        ("Milloin haku päättyi?", "Entä Tampereen?", None),
    ],
)
def test_an_elliptic_genitive_takes_the_earlier_ones_place(
    earlier: str, text: str, focus: str | None
) -> None:
    q = contextualise(text, [earlier])
    assert q.followup
    assert q.focus == (focus if focus is not None else f"{earlier} {text}")


def test_an_elliptic_second_part_is_the_first_part_asked_again() -> None:
    parts = sub_questions(
        contextualise(
            "Mikä on Porin seudun teollisuuden hiilineutraaliustavoite, entä koko Suomen?"
        )
    )
    assert [p.text for p in parts] == [
        "Mikä on Porin seudun teollisuuden hiilineutraaliustavoite?",
        "entä koko Suomen?",
    ]
    assert parts[1].focus == "Mikä on koko Suomen hiilineutraaliustavoite?"
    # nothing to put in place of: the question is asked as it is
    assert len(sub_questions(contextualise("Milloin haku päättyi, entä Tampereen?"))) == 1


def test_pronoun_followup_is_retrieved_with_its_context() -> None:
    q = contextualise("Mikä hänen sähköpostiosoitteensa on?", ["Kuka antaa lisätietoja?"])
    assert q.query == "Kuka antaa lisätietoja? Mikä hänen sähköpostiosoitteensa on?"
    assert q.history == ("Kuka antaa lisätietoja?",)


def test_a_follow_up_of_a_follow_up_keeps_the_question_that_named_the_subject() -> None:
    # "Mikä sillä hankkeella on päätavoitteena?" after "Kuka toteuttaa Kasvun ekosysteemi
    # -hankkeen?" and "Milloin se alkoi?": the project is named two turns back
    q = contextualise(
        "Mikä sillä hankkeella on tavoitteena?",
        ["Kuka toteuttaa Kasvun ekosysteemi -hankkeen?", "Milloin se alkoi?"],
    )
    assert q.focus.startswith("Kuka toteuttaa Kasvun ekosysteemi -hankkeen? Milloin se alkoi?")


def test_self_standing_question_ignores_history() -> None:
    q = contextualise("Mitkä ovat Porin painopistealueet?", ["Kuka antaa lisätietoja?"])
    assert not q.followup and q.query == q.focus == "Mitkä ovat Porin painopistealueet?"


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("toisen haun painotukset", "toinen"),
        ("ekassa haussa", "ensimmäinen"),
        ("the third call", "kolmas"),
        ("kolmanteen rahoitushakuun", "kolmas"),  # the illative
        ("ei järjestyslukua", None),
        # a colloquial number before a compound's head
        ("sillä kakkoslinjalla", "toinen"),
        ("ykköshaussa", "ensimmäinen"),
        # ... or alone ("Entäs kakkonen?"); a word that only starts like one is none
        ("No entäs kakkonen, mikä se on?", "toinen"),
        ("ykkösessä", "ensimmäinen"),
        ("kolmosta", "kolmas"),
        ("kakku", None),
    ],
)
def test_ordinal_of(text: str, ordinal: str | None) -> None:
    found = ordinal_of(text)
    assert (found[0] if found else None) == ordinal


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "montako hakemusta ensimmäiseen hakuun tuli ja minä päivänä haku päättyi?",
            ["montako hakemusta ensimmäiseen hakuun tuli?", "minä päivänä haku päättyi?"],
        ),
        # an open question offered as the alternative of a yes/no one asks too
        (
            "Saako EAKR-rahasta suoraa yritystukea, vai millaista rahoitusta se on?",
            ["Saako EAKR-rahasta suoraa yritystukea?", "millaista rahoitusta se on?"],
        ),
        # an adverb may stand before the second asking word
        (
            "How many direct jobs does it have, and roughly what is its turnover?",
            ["How many direct jobs does it have?", "roughly what is its turnover?"],
        ),
        (
            "Kuka hanketta toteuttaa ja myös mitä siinä tehdään?",
            ["Kuka hanketta toteuttaa?", "myös mitä siinä tehdään?"],
        ),
        (
            "Kuka vetää hanketta, ja kehen kaupungilla otan yhteyttä?",
            ["Kuka vetää hanketta?", "kehen kaupungilla otan yhteyttä?"],
        ),
        # the colloquial "koska" (when) asks like "milloin"
        (
            "Koska kaupunginhallitus hyväksyi sopimuksen, ja koska toinen haku avautui?",
            ["Koska kaupunginhallitus hyväksyi sopimuksen?", "koska toinen haku avautui?"],
        ),
        # "koko" and nouns in -kko ask nothing: no yes/no verb after "ja"
        (
            "Porin seudun teollisuudella ja koko Suomella on tavoitteet. Mitkä vuodet ne ovat?",
            ["Porin seudun teollisuudella ja koko Suomella on tavoitteet. Mitkä vuodet ne ovat?"],
        ),
        (
            "Mikä on hankkeiden joukko ja joukko muita asioita?",
            ["Mikä on hankkeiden joukko ja joukko muita asioita?"],
        ),
        # two numbered things: one question about each (no sentence names both)
        (
            "Mitkä ovat ohjelman toimintalinjat 1 ja 2?",
            ["Mitkä ovat ohjelman toimintalinjat 1?", "Mitkä ovat ohjelman toimintalinjat 2?"],
        ),
        (
            "Mitkä ovat ohjelman kaksi ensimmäistä toimintalinjaa?",
            ["Mitkä ovat ohjelman toimintalinjaa 1?", "Mitkä ovat ohjelman toimintalinjaa 2?"],
        ),
        (
            "What are the first two priority axes of the programme?",
            [
                "What are priority axes 1 of the programme?",
                "What are priority axes 2 of the programme?",
            ],
        ),
        # a count or a year is no numbered thing
        (
            "Montako hanketta rahoitettiin vuosina 2022 ja 2023?",
            ["Montako hanketta rahoitettiin vuosina 2022 ja 2023?"],
        ),
    ],
)
def test_the_parts_a_question_asks(text: str, parts: list[str]) -> None:
    assert [p.text for p in sub_questions(contextualise(text))] == parts


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        # only words that ask, also with a conditional "pitäisi"
        ("Onko hankkeille hakuaikoja vuonna 2025, ja mihin mennessä hakemus pitäisi jättää?", True),
        ("Kuka toteuttaa IKI-hankkeen ja mikä taho välittää sopimuksen rahoituksen?", False),
        # a short part leans on the first one unless a long word names its own thing
        ("Montako hakemusta toiseen hakuun tuli ja moniko sai rahaa?", True),
        ("Paljonko rahaa ensimmäisessä haussa oli ja mikä taho välittää rahoituksen?", False),
        # a place pronoun points back too: "sinne" is the call the first part names
        (
            "Moniko hakija pääsi läpi syksyn 2023 haussa ja kuinka monta hakemusta sinne "
            "kaikkiaan tuli?",
            True,
        ),
    ],
)
def test_whether_a_later_part_leans_on_the_first(text: str, leans: bool) -> None:
    assert sub_questions(contextualise(text))[1].followup is leans


def test_two_part_question_is_split_and_the_leaning_part_keeps_context() -> None:
    parts = sub_questions(contextualise("paljonko alalla on työpaikkoja ja mistä se tulee?"))
    assert [p.text for p in parts] == ["paljonko alalla on työpaikkoja?", "mistä se tulee?"]
    assert parts[1].focus.startswith("paljonko alalla on työpaikkoja?")
    assert len(sub_questions(contextualise("Milloin toinen haku oli auki?"))) == 1
    assert len(sub_questions(contextualise("Onko haku yhä auki vai jo päättynyt?"))) == 1
    # a later part with only words that ask is about the first part's thing
    deadline = sub_questions(
        contextualise("Milloin kolmas haku avautuu ja mihin mennessä hakemukset pitää jättää?")
    )
    assert deadline[1].followup and deadline[1].focus.startswith("Milloin kolmas haku avautuu?")
    # two words ask about the first part's subject, even with a long word among them
    elliptic = sub_questions(
        contextualise("Montako työpaikkaa ekosysteemissä on ja paljonko liikevaihtoa?")
    )
    assert [p.text for p in elliptic] == [
        "Montako työpaikkaa ekosysteemissä on?",
        "paljonko liikevaihtoa?",
    ]
    assert elliptic[1].followup and elliptic[1].focus.startswith("Montako työpaikkaa")


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("Onko Lappeenrannan sopimuksessa mukana joku toinen kunta?", None),  # another one
        ("Onko mukana jokin toinen kaupunki?", None),
        ("Milloin toinen haku avautui?", "toinen"),
        # "vilka andra kommuner": which other ones; "den andra utlysningen": the second one
        ("Vilka andra kommuner ingår i avtalet?", None),
        ("När öppnade den andra utlysningen?", "toinen"),
    ],
)
def test_another_is_no_ordinal(text: str, ordinal: str | None) -> None:
    found = ordinal_of(text)
    assert (found[0] if found else None) == ordinal


def test_a_follow_up_asking_two_things_is_split_and_both_parts_lean_on_the_history() -> None:
    question = contextualise(
        "Entä kuinka monta hakemusta sinne tuli ja montako niistä rahoitettiin?",
        ["Milloin ensimmäinen rahoitushaku oli?"],
    )
    parts = sub_questions(question)
    assert [p.text for p in parts] == [
        "Entä kuinka monta hakemusta sinne tuli?",
        "montako niistä rahoitettiin?",
    ]
    assert all(p.followup and p.focus.startswith("Milloin ensimmäinen") for p in parts)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Toimittajana haluaisin kaksi lukua: teknologiametalliekosysteemin vuotuinen "
            "liikevaihto ja ensimmäisen haun euromäärä.",
            [
                "Mikä on teknologiametalliekosysteemin vuotuinen liikevaihto?",
                "Mikä on ensimmäisen haun euromäärä?",
            ],
        ),
        (
            "Kerro kolme asiaa: haun alkamispäivä, haun päättymispäivä ja yhteyshenkilön nimi",
            [
                "Mikä on haun alkamispäivä?",
                "Mikä on haun päättymispäivä?",
                "Mikä on yhteyshenkilön nimi?",
            ],
        ),
        (
            "I need two facts: the opening date of the second call and its contact person.",
            ["What is the opening date of the second call?", "What is its contact person?"],
        ),
        # items that are questions of their own are asked as they are
        (
            "Minulla on kaksi kysymystä: milloin haku avautui ja voiko yritys hakea?",
            ["milloin haku avautui?", "voiko yritys hakea?"],
        ),
    ],
)
def test_a_counted_list_of_asks_after_a_colon_is_one_question_each(
    question: str, parts: list[str]
) -> None:
    assert [q.text for q in sub_questions(contextualise(question))] == parts


@pytest.mark.parametrize(
    "question",
    [
        # one thing with "ja" in its name: fewer items than announced
        "Kerro kaksi asiaa: teknologiametallit ja kiertotalous sekä automaatio ja robotiikka",
        # the lead-in asks itself: the list is what to check, not what is asked
        "Mitkä ovat Porin kaksi painopistealuetta: teknologiametallit ja robotiikka?",
    ],
)
def test_a_list_that_is_not_the_asks_stays_one_question(question: str) -> None:
    assert len(sub_questions(contextualise(question))) == 1
