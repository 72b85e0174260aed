from __future__ import annotations

from assistant.blocks import quoted_once
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
