"""Two hops for a question that describes its thing with a relative clause (no model needed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.bridge import (
    Described,
    by_ordinal,
    chain,
    described,
    named_thing,
    ordinal_named,
    resolve,
)
from assistant.engine import Gathered
from assistant.question import Question, contextualise, sub_questions
from assistant.refusal import Verdict
from assistant.terms import QWord
from assistant.trace import Part
from tests.assistant.fakes import one_sentence_evidence

BRIDGE = (
    "Toisen haun hankkeiden on toteutettava myös Uudistuva ja osaava Suomi 2021–2027 -ohjelmaa."
)
ANSWER = "Valtioneuvosto hyväksyi Uudistuva ja osaava Suomi 2021–2027 -ohjelman 21.10.2021."
QUESTION = (
    "Milloin valtioneuvosto hyväksyi sen ohjelman, jota toisen haun hankkeiden on toteutettava?"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            QUESTION,
            Described(
                "Milloin valtioneuvosto hyväksyi sen ohjelman?",
                "ohjelman, jota toisen haun hankkeiden on toteutettava",
            ),
        ),
        (
            "Mikä toimintalinja edistää kiertotaloutta siinä ohjelmassa, jota hankkeiden on "
            "toteutettava?",
            Described(
                "Mikä toimintalinja edistää kiertotaloutta siinä ohjelmassa?",
                "ohjelmassa, jota hankkeiden on toteutettava",
            ),
        ),
        ("Milloin toinen rahoitushaku oli auki?", None),  # no relative clause
        ("Se, jota haetaan?", None),  # too little left to ask
        # a pronoun head describes no one thing to look up first
        ("Kuuluuko oppilaitokset niihin, jotka voi toteuttaa näitä hankkeita?", None),
    ],
)
def test_a_relative_clause_is_the_description(text: str, expected: Described | None) -> None:
    assert described(text) == expected


def test_the_named_thing_is_what_the_description_lacks() -> None:
    description = "ohjelman, jota toisen haun hankkeiden on toteutettava"
    assert named_thing(BRIDGE, description) == "Uudistuva ja osaava Suomi"
    assert named_thing("Haku oli auki kesällä.", "haku, joka oli auki") == ""


def _part(question: Question, sentence: str | None, refuse: bool = False) -> Part:
    evidence = one_sentence_evidence(
        sentence or "Tämä lause ei vastaa kysymykseen mitenkään.", (), set(), set()
    )
    if sentence is None:
        evidence = type(evidence)((), None, evidence.top)
    gathered = Gathered((), (), (), (), evidence)
    return Part(question, gathered, Verdict(refuse, "weak" if refuse else ""))


def test_the_bridge_names_the_thing_and_the_rest_is_asked_about_it() -> None:
    question = contextualise(QUESTION, ())
    asked: list[str] = []

    def ask(sub: Question) -> Part:
        asked.append(sub.text)
        return _part(sub, BRIDGE if sub.text.startswith("ohjelman") else ANSWER)

    parts = resolve(question, _part(question, None, refuse=True), ask)
    assert asked == [
        "ohjelman, jota toisen haun hankkeiden on toteutettava",
        "Milloin valtioneuvosto hyväksyi sen ohjelman Uudistuva ja osaava Suomi?",
    ]
    assert parts is not None
    assert [p.gathered.evidence.selected[0].sentence.text for p in parts] == [BRIDGE, ANSWER]


def test_no_bridge_when_the_whole_question_has_its_own_answer_or_a_hop_finds_nothing() -> None:
    question = contextualise(QUESTION, ())

    def ask(sub: Question) -> Part:
        return _part(sub, BRIDGE if sub.text.startswith("ohjelman") else ANSWER)

    answered = _part(question, ANSWER)
    assert resolve(question, answered, ask) is None
    # the whole reading found only the bridge sentence: the second hop answers
    assert resolve(question, _part(question, BRIDGE), ask) is not None

    def refuses_second(sub: Question) -> Part:
        found = sub.text.startswith("ohjelman")
        return _part(sub, BRIDGE if found else None, refuse=not found)

    assert resolve(question, _part(question, None, refuse=True), refuses_second) is None


FIRST_ANSWER = (
    "Kasvun ekosysteemi -hanke sai rahoituksen Porin ekosysteemisopimuksen ensimmäisestä "
    "rahoitushausta."
)


def test_a_part_leaning_on_the_first_is_asked_after_the_first_answer() -> None:
    first_q, later = sub_questions(
        contextualise(
            "Mistä hausta Kasvun ekosysteemi -hanke sai rahoituksensa, ja paljonko siinä haussa "
            "oli haettavana?"
        )
    )
    assert later.followup
    asked: list[Question] = []

    def ask(sub: Question) -> Part:
        asked.append(sub)
        return _part(sub, "Ensimmäisessä rahoitushaussa haettavana oli 0,9 miljoonaa euroa.")

    chained = chain(later, _part(first_q, FIRST_ANSWER), ask)
    assert chained is not None
    # the first part's answer, not its question, is what the later part leans on
    assert asked[0].history == (FIRST_ANSWER,)
    assert "ensimmäisestä rahoitushausta" in asked[0].query
    # nothing to lean on when the first part was refused, or nothing found after it either
    assert chain(later, _part(first_q, None, refuse=True), ask) is None
    assert chain(later, _part(first_q, FIRST_ANSWER), lambda q: _part(q, None, True)) is None


PROGRAMME = (
    "Toisessa haussa rahoitettavien hankkeiden on toteutettava myös Uudistuva ja osaava Suomi "
    "2021–2027 -ohjelmaa."
)
FUNDS = "Uudistuva ja osaava Suomi 2021–2027 -ohjelmaa rahoitetaan kolmesta EU:n rahastosta."


def test_a_leaning_part_about_the_thing_the_first_answer_names_is_asked_about_that_name() -> None:
    # "sitä" is the programme the first answer names, not the second call the question names
    first_q, later = sub_questions(
        contextualise(
            "Mikä ohjelma toisen haun hankkeiden on toteutettava ja mistä sitä rahoitetaan?"
        )
    )
    asked: list[Question] = []

    def ask(sub: Question) -> Part:
        asked.append(sub)
        found = "Uudistuva" in sub.text
        return _part(sub, FUNDS if found else None, refuse=not found)

    chained = chain(later, _part(first_q, PROGRAMME), ask)
    assert chained is not None
    assert [q.text for q in asked] == [
        later.text,
        "mistä sitä rahoitetaan Uudistuva ja osaava Suomi?",
    ]
    assert not asked[1].followup  # the name says which thing: the history requires nothing


def test_a_later_part_describing_its_thing_bridges_within_the_first_parts_context() -> None:
    first, later = sub_questions(
        contextualise(
            "Kuinka kauan Porin toinen rahoitushaku oli auki, ja milloin valtioneuvosto hyväksyi "
            "sen ohjelman, jota haun hankkeiden on myös toteutettava?"
        )
    )
    assert later.followup and not later.history
    asked: list[Question] = []

    def ask(sub: Question) -> Part:
        asked.append(sub)
        return _part(sub, BRIDGE if sub.text.startswith("ohjelman") else ANSWER)

    parts = resolve(later, _part(later, None, refuse=True), ask)
    assert parts is not None
    bridge_q, answer_q = asked
    # "haun" means the first part's call: the description is asked in its context ...
    assert bridge_q.focus.startswith(first.text) and bridge_q.text.startswith("ohjelman")
    # ... and the named programme is asked about on its own
    assert answer_q.focus == answer_q.text and not answer_q.followup
    # a conversation's follow-up is no part of one question: no bridge
    followup = contextualise("Entä sen ohjelman, jota hankkeiden on toteutettava?", ["Mikä?"])
    assert resolve(followup, _part(followup, None, refuse=True), ask) is None
    # ... but a self-standing question asked later in a conversation is bridged
    later_in_chat = contextualise(
        "Milloin valtioneuvosto hyväksyi ohjelman, jota toisen haun hankkeiden on toteutettava?",
        ("Milloin toinen haku oli auki?",),
    )
    assert later_in_chat.history and not later_in_chat.followup
    assert resolve(later_in_chat, _part(later_in_chat, None, refuse=True), ask) is not None


FIRST_AREA = "Porin ensimmäinen painopistealue on teknologiametallit ja kiertotalous."
TURNOVER = (
    "Teknologiametallien ja kiertotalouden ekosysteemin vuotuinen liikevaihto on 2 miljardia."
)


@pytest.mark.parametrize(
    ("sentence", "ordinal", "name"),
    [
        (FIRST_AREA, "ensimmäinen", "teknologiametallit ja kiertotalous"),
        # the name may come first
        (
            "Automaatio ja robotiikka on Porin ekosysteemisopimuksen toinen painopistealue.",
            "toinen",
            "Automaatio ja robotiikka",
        ),
        # the clause ends the name
        (
            "Toinen haku on Innokaupungit Pori, joka oli auki syksyllä.",
            "toinen",
            "Innokaupungit Pori",
        ),
        (FIRST_AREA, "toinen", ""),  # another ordinal
        ("Toinen rahoitushaku oli auki syksyllä 2023.", "toinen", ""),  # no "on"
    ],
)
def test_the_name_a_sentence_gives_an_ordinal(sentence: str, ordinal: str, name: str) -> None:
    assert ordinal_named(sentence, ordinal) == name


def _ordinal_ask(asked: list[str]) -> Callable[[Question], Part]:
    def ask(sub: Question) -> Part:
        asked.append(sub.text)
        return _part(sub, FIRST_AREA if sub.text.startswith("Mikä on ensimmäisen") else TURNOVER)

    return ask


def test_an_ordinal_refused_for_want_of_a_numbered_sentence_is_named_first() -> None:
    """ "Mikä on ensimmäisen painopistealueen liikevaihto?": the turnover sentence does not
    number the area, the sentence naming the first area bridges to it."""
    question = contextualise("Mikä on ensimmäisen painopistealueen vuotuinen liikevaihto?", ())
    refused = Part(
        question, _part(question, None).gathered, Verdict(True, "requirements:ordinal:ensimmäinen")
    )
    asked: list[str] = []
    parts = by_ordinal(question, refused, _ordinal_ask(asked))
    assert asked == [
        "Mikä on ensimmäisen painopistealueen?",
        "Mikä on teknologiametallit ja kiertotalous vuotuinen liikevaihto?",
    ]
    assert parts is not None
    assert [p.gathered.evidence.best.sentence.text for p in parts if p.gathered.evidence.best] == [
        FIRST_AREA,
        TURNOVER,
    ]


def test_an_answer_naming_only_the_ordinals_thing_is_bridged_when_an_asked_word_is_uncovered() -> (
    None
):
    question = contextualise("Mikä on ensimmäisen painopistealueen vuotuinen liikevaihto?", ())
    words = (
        QWord("liikevaihto", "liikevaihto", (), 3.0),
        QWord("painopistealueen", "painopistealue", (), 2.0),
    )
    gathered = Gathered(
        (), (), (), (), one_sentence_evidence(FIRST_AREA, words, {"painopistealue"}, set())
    )
    named_only = Part(question, gathered, Verdict(False))
    assert by_ordinal(question, named_only, _ordinal_ask([])) is not None
    # every asked word covered: the answer stands
    covered = Gathered(
        (),
        (),
        (),
        (),
        one_sentence_evidence(FIRST_AREA, words, {"painopistealue", "liikevaihto"}, set()),
    )
    assert by_ordinal(question, Part(question, covered, Verdict(False)), _ordinal_ask([])) is None


def test_no_ordinal_bridge_for_another_refusal_or_without_an_ordinal() -> None:
    question = contextualise("Mikä on ensimmäisen painopistealueen vuotuinen liikevaihto?", ())
    weak = _part(question, None, refuse=True)  # refused as weak evidence, not for the ordinal
    assert by_ordinal(question, weak, _ordinal_ask([])) is None
    plain = contextualise("Mikä on klusterin vuotuinen liikevaihto?", ())
    refused = Part(plain, weak.gathered, Verdict(True, "requirements:ordinal:ensimmäinen"))
    assert by_ordinal(plain, refused, _ordinal_ask([])) is None
