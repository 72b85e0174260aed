"""The framed copies of a question set (``python -m eval framing``)."""

from __future__ import annotations

from eval.framing import TUNED, UNTUNED, format_table, frame, framed_set
from eval.questionset import EvalQuestion


def item(qid: str, question: str, category: str = "direct") -> EvalQuestion:
    return EvalQuestion(
        qid, question, ("Aiempi kysymys?",), True, ("d",), ("p",), (("x",),), category
    )


def test_a_question_after_a_lead_in_starts_in_lower_case_unless_an_acronym() -> None:
    lead = "Asiakas kysyy: {q}"
    assert frame("Milloin haku päättyi?", lead) == "Asiakas kysyy: milloin haku päättyi?"
    assert frame("SAMK:n hanke?", lead) == "Asiakas kysyy: SAMK:n hanke?"
    assert frame("Milloin haku päättyi?", "{q} Kiitos!") == "Milloin haku päättyi? Kiitos!"


def test_framed_set_keeps_finnish_items_and_their_history() -> None:
    items = [item("q1", "Milloin?"), item("q2", "When?", "english"), item("q3", "När?", "swedish")]
    framed = framed_set(items, "Hei! {q}")
    assert [q.qid for q in framed] == ["q1"]
    assert framed[0].question == "Hei! milloin?" and framed[0].history == ("Aiempi kysymys?",)


def test_frames_hold_the_question_once_and_tuned_ones_are_marked() -> None:
    assert all(t.count("{q}") == 1 for t in (*TUNED.values(), *UNTUNED.values()))
    assert not set(TUNED) & set(UNTUNED)
    metrics = {
        "key_fact_recall": 1.0,
        "refusal_recall": 1.0,
        "false_refusal_rate": 0.0,
        "hit@5": 1.0,
    }
    table = format_table({"kehyksetön": metrics, next(iter(TUNED)): metrics})
    assert f"{next(iter(TUNED))}*" in table and "kehyksetön*" not in table


def test_command_line_has_framing() -> None:
    from eval import framing
    from eval.__main__ import _parser

    args = _parser().parse_args(["framing", "--today", "2026-11-28", "--json"])
    assert args.handler is framing.command and args.json and args.today.isoformat() == "2026-11-28"
