"""How the service treats a later part that points back at a refused first part (no model)."""

from __future__ import annotations

from dataclasses import replace

from assistant.engine import Gathered
from assistant.question import contextualise
from assistant.refusal import COUNT_NOT_WHICH, Verdict
from assistant.service import _lacks_what_is_asked
from assistant.trace import Part
from tests.assistant.fakes import one_sentence_evidence


def _refused(reason: str, missing: tuple[str, ...], others_missing: bool) -> Part:
    evidence = one_sentence_evidence("Toinen haku oli auki syksyllä 2023.", (), set(), set())
    top = replace(evidence.selected[0], missing=missing)
    other = replace(top, missing=missing if others_missing else ())
    gathered = Gathered(
        (), (), (), (top, other), replace(evidence, selected=(), best=None, top=top)
    )
    question = contextualise("Onko hakua auki vuonna 2025?")
    return Part(question, gathered, Verdict(True, reason))


def test_a_year_no_retrieved_sentence_has_leaves_nothing_to_point_back_at() -> None:
    later = contextualise("mihin päivään mennessä hakemus pitää silloin jättää?")
    absent = _refused("requirements:number:2025", ("number:2025",), others_missing=True)
    assert _lacks_what_is_asked(absent, later)
    # another sentence has the thing: it exists, only this value is not given
    present = _refused("requirements:number:2025", ("number:2025",), others_missing=False)
    assert not _lacks_what_is_asked(present, later)


def test_a_value_of_a_value_the_documents_lack_is_refused_but_not_a_contact() -> None:
    no_value = _refused("requirements:no_sentence", (), others_missing=False)
    assert _lacks_what_is_asked(no_value, contextualise("paljonko siitä tulee EAKR:stä?"))
    assert not _lacks_what_is_asked(no_value, contextualise("kuka siitä antaa lisätietoja?"))


def test_which_ones_of_things_the_documents_only_count_leaves_nothing_to_point_back_at() -> None:
    # "Mitkä kolme hakemusta jäivät ilman rahoitusta, ja keiden hakemuksia ne olivat?"
    unnamed = _refused(COUNT_NOT_WHICH, (), others_missing=False)
    assert _lacks_what_is_asked(unnamed, contextualise("keiden hakemuksia ne olivat?"))
