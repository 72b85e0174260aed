"""``python -m eval framing``: the same questions inside the words people wrap them in.

Helpdesk staff relay questions ("Hei! Olen kaupungin asiakaspalvelussa, ja asiakas kysyy
puhelimessa: ..."), people thank in advance ("... Kiitos jo etukäteen vastauksesta!"). Such words
say nothing about what is asked, so the answers should not change. This runs a question set
(default ``eval/questions/demo.jsonl``, Finnish items only) once as written and once inside each
frame, with the default configuration, and prints key-fact recall, refusal recall and false
refusals side by side.

``TUNED`` frames were used while building :func:`assistant.context.unframed`; ``UNTUNED`` ones
were written afterwards and measured once, to show how the handling carries over.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from eval.configs import DEFAULT_CONFIG, select
from eval.questionset import EvalQuestion, load_questions
from eval.run import add_questions_argument, add_today_argument, run
from ingest.settings import load_settings

TUNED: dict[str, str] = {
    "asiakaspalvelu": "Hei! Olen Porin kaupungin asiakaspalvelussa, ja asiakas kysyy "
    "puhelimessa: {q}",
    "kiitos": "{q} Kiitos jo etukäteen vastauksesta!",
    "toimittaja": "Toimittaja tässä, hei. Teen juttua aiheesta ja tarvitsisin tarkan tiedon: {q}",
    "puhekieli": "Moi, mulla ois yks kysymys, kun en löytäny tätä mistään: {q}",
    # written as untuned frames and measured once (key-fact recall 0.902 and 0.869), then
    # used to widen the handling
    "yrittäjä": "Hyvää päivää. Edustan pientä yritystä Ulvilassa ja mietimme yhtä asiaa: {q}",
    "neuvonta": "Heippa! Satakuntaliiton neuvonnasta tässä. Soittaja haluaisi tietää, {q}",
    # the second round of untuned frames, measured once (0.992, 0.975, 0.992 and 0.590); the
    # letter frame then taught salutations, signatures and "seuraavaa."
    "terveisin": "{q} Kiitoksia avusta jo etukäteen, terveisin Maija",
    "opettaja": "Moikka, olen opettaja Porin lyseossa ja oppilaat kysyivät tunnilla: {q}",
    "kiitti": "{q} Kiitti paljon avusta!",
    "sähköposti": "Hyvä vastaanottaja, meillä on yhdistyksessä pohdittu seuraavaa. {q} "
    "Ystävällisin terveisin, Pekka",
}
UNTUNED: dict[str, str] = {
    "porukka": "Terve! Ollaan porukalla mietitty tätä juttua jo pitkään. {q} Kiitos kovasti!",
    "opiskelija": "Hei, olen SAMKin opiskelija ja teen harjoitustyötä ekosysteemisopimuksista, "
    "joten kysyisin: {q}",
    "puhelu": "Huomenta. Asiakas soitti juuri ja ihmetteli, {q}",
}
METRICS = ("key_fact_recall", "refusal_recall", "false_refusal_rate", "hit@5")
_FOREIGN = ("english", "swedish")


def frame(question: str, template: str) -> str:
    """The question inside a frame; after a lead-in it starts in lower case ("... kysyy: mikä
    ..."), unless it starts with an acronym or a name in capitals ("SAMK", "EAKR")."""
    q = question
    if not template.startswith("{q}") and q[:1].isupper() and not q[1:2].isupper():
        q = q[0].lower() + q[1:]
    return template.format(q=q)


def framed_set(questions: Sequence[EvalQuestion], template: str) -> list[EvalQuestion]:
    """The Finnish questions of a set, each inside the frame (history unchanged)."""
    return [
        replace(q, question=frame(q.question, template))
        for q in questions
        if q.category not in _FOREIGN
    ]


def measure(path: Path, today: date | None) -> dict[str, dict[str, float]]:
    """Metrics of the default configuration for the set as written and in every frame."""
    questions = load_questions(path)
    settings = load_settings()
    configs = select([DEFAULT_CONFIG])
    out: dict[str, dict[str, float]] = {}
    for name, template in {"kehyksetön": "{q}", **TUNED, **UNTUNED}.items():
        sys.stderr.write(f"{name} …\n")
        result = run(settings, configs, framed_set(questions, template), today=today)
        metrics = result.configs[result.default].metrics
        out[name] = {key: float(metrics[key]) for key in METRICS}
    return out


def format_table(results: dict[str, dict[str, float]]) -> str:
    """A plain-text table, one row per frame, tuned frames marked with *."""
    lines = [f"{'kehys':<16}" + "".join(f"{m:>20}" for m in METRICS)]
    for name, metrics in results.items():
        mark = "*" if name in TUNED else ""
        lines.append(f"{name + mark:<16}" + "".join(f"{metrics[m]:>20.3f}" for m in METRICS))
    lines.append("* kehys, jota käytettiin kehitystyössä")
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing`` on the ``python -m eval`` command line."""
    parser = sub.add_parser(
        "framing", help="samat kysymykset tervehdysten ja kiitosten kehystäminä"
    )
    add_questions_argument(parser)
    parser.add_argument("--json", action="store_true", help="tulosta yksi JSON-objekti")
    add_today_argument(parser)
    parser.set_defaults(handler=command)


def command(args: argparse.Namespace) -> int:
    results = measure(args.questions, args.today)
    if args.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_table(results) + "\n")
    return 0
