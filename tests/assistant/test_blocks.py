from __future__ import annotations

from assistant.blocks import add_siblings, quoted_once
from assistant.evidence import Scored
from tests.assistant.fakes import group, make_chunk

SHARED = "Ensimmäinen rahoitushaku oli auki kesällä 2022."


def _scored(text: str, chunk_id: str, doc_id: str) -> list[Scored]:
    grp = group(make_chunk(text, chunk_id=chunk_id, doc_id=doc_id))
    return [Scored(s, grp.chunk, 0, 0.9, 0.6, 1.0, (), frozenset(), ()) for s in grp.sentences]


def test_a_sentence_two_documents_share_is_quoted_once() -> None:
    premise = _scored(SHARED, "a1", "haut")
    answer = _scored(f"{SHARED} Haussa oli 0,9 miljoonaa euroa.", "b1", "hankkeet")
    picked = quoted_once([premise, answer])
    assert [(c.doc_id, s.text) for c, s in picked] == [
        ("haut", SHARED),
        ("hankkeet", "Haussa oli 0,9 miljoonaa euroa."),
    ]


SERIES = (
    "Haussa oli kolme painotusta. Toisen haun ensimmäinen painotus oli osaajat. "
    "Toisen haun toinen painotus oli investoinnit. Toisen haun kolmas painotus oli TKI-toiminta. "
    "Ensimmäinen haku oli auki kesällä 2022."
)


def test_a_quoted_member_of_a_series_brings_the_others_in_the_passages_order() -> None:
    scored = _scored(SERIES, "c1", "haut")
    third = next(s for s in scored if "kolmas" in s.sentence.text)
    chosen = [(third, [third.sentence])]
    add_siblings(chosen, scored, set())
    assert [s.text for s in chosen[0][1]] == [
        "Toisen haun ensimmäinen painotus oli osaajat.",
        "Toisen haun toinen painotus oli investoinnit.",
        "Toisen haun kolmas painotus oli TKI-toiminta.",
    ]
    # a sentence whose ordinal names another series ("Ensimmäinen haku ...") is no member
    first_call = next(s for s in scored if s.sentence.text.startswith("Ensimmäinen haku"))
    alone = [(first_call, [first_call.sentence])]
    add_siblings(alone, scored, set())
    assert [s.text for s in alone[0][1]] == [first_call.sentence.text]


def test_an_ordinal_of_the_call_does_not_pick_a_member_but_one_of_the_members_does() -> None:
    scored = _scored(SERIES, "c1", "haut")
    member = next(s for s in scored if "toinen painotus" in s.sentence.text)
    # "What was the emphasis of the second call?": the ordinal goes with "haku"
    of_call = [(member, [member.sentence])]
    add_siblings(of_call, scored, set(), frozenset({"haku"}))
    assert len(of_call[0][1]) == 3
    # "Mikä oli toisen haun toinen painotus?": the ordinal goes with "painotus"
    of_member = [(member, [member.sentence])]
    add_siblings(of_member, scored, set(), frozenset({"haku", "painotus"}))
    assert [s.text for s in of_member[0][1]] == [member.sentence.text]
