"""The passages of a trace: those the answer quotes first (they rank the eval's hit@k)."""

from __future__ import annotations

from assistant.constraints import Constraints
from assistant.engine import Gathered
from assistant.evidence import Evidence, Scored
from assistant.question import contextualise
from assistant.refusal import Verdict
from assistant.trace import Part, Trace
from ingest.models import Hit
from tests.assistant.fakes import group, make_chunk

QUOTED = "Toinen rahoitushaku oli auki syksyllä 2023."


def _part(ids: list[str], quoted: str | None, refuse: bool = False) -> Part:
    """A part that retrieved ``ids`` and quotes the passage ``quoted`` (or nothing)."""
    hits = tuple(Hit(make_chunk(QUOTED, chunk_id=i), 1.0) for i in ids)
    evidence = Evidence((), None, None)
    if quoted is not None:
        grp = group(next(h.chunk for h in hits if h.chunk.chunk_id == quoted))
        best = Scored(grp.sentences[0], grp.chunk, 0, 0.9, 0.6, 1.0)
        evidence = Evidence((best,), best, best)
    question = contextualise("Milloin haku oli auki?", ())
    return Part(question, Gathered(hits, (), (), (), evidence), Verdict(refuse))


def test_quoted_passages_of_every_answered_part_come_first() -> None:
    bridge = _part(["a", "b", "c"], "b")
    answer = _part(["d", "e", "a"], "e")
    refused = _part(["f", "g"], None, refuse=True)
    trace = Trace(
        contextualise("Milloin?", ()),
        Constraints(),
        Verdict(False),
        "answer",
        None,
        (bridge, answer, refused),
    )
    assert [h.chunk.chunk_id for h in trace.hits] == ["b", "e", "a", "c", "d", "f", "g"]
