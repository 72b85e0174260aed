"""``python -m assistant ask "kysymys" [--json]`` and ``ask --json --batch FILE.jsonl``.

Errors (no index, bad settings, unusable question) print a plain Finnish message on stderr and
exit with status 2. In batch mode the index is loaded once, each input line gives one output
line with its ``id``, and a bad line gives a line with an ``error`` field instead of stopping.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from assistant.messages import finnish_message
from assistant.service import Assistant
from ingest.errors import PoriError, QuestionError
from ingest.models import Answer
from ingest.pipes import closed_pipe_exit
from ingest.settings import load_settings

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Virheellinen komento: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant", description="Pori-neuvoja komentoriviltä")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ask = sub.add_parser("ask", help="kysy asiakirjoista")
    ask.add_argument("question", nargs="?", help="kysymys (ei --batch-tilassa)")
    ask.add_argument("--json", action="store_true", help="tulosta JSON")
    ask.add_argument(
        "--batch",
        type=Path,
        metavar="FILE.jsonl",
        help='kysymykset tiedostosta, rivi kerrallaan: {"id", "question", "history"?}',
    )
    ask.add_argument(
        "--history",
        action="append",
        default=[],
        metavar="KYSYMYS",
        help="aiempi kysymys samassa keskustelussa (voi toistaa)",
    )
    ask.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="VVVV-KK-PP",
        help="päivämäärä, johon hakuaikoja verrataan (oletus: tänään)",
    )
    return parser


def format_answer(answer: Answer) -> str:
    """A readable Finnish answer with numbered sources (and suggestions when refused)."""
    lines = [answer.text]
    if answer.notice:
        lines += ["", f"Huom: {answer.notice}"]
    if answer.citations:
        lines += ["", "Lähteet:"]
        for c in answer.citations:
            where = ", ".join(
                x for x in (c.title, f"s. {c.page}" if c.page else "", c.section or "") if x
            )
            lines.append(f"[{c.n}] {where}")
            if c.url:
                lines.append(f"    {c.url}")
            lines.append(f"    \u201d{c.quote}\u201d")
    if answer.suggestions:
        lines += ["", "Lähimmät kohdat, joista voi olla apua:"]
        for i, hit in enumerate(answer.suggestions, start=1):
            chunk = hit.chunk
            where = ", ".join(
                x
                for x in (
                    chunk.title,
                    f"s. {chunk.page_start}" if chunk.page_start else "",
                    chunk.section,
                )
                if x
            )
            snippet = (
                chunk.text if len(chunk.text) <= 200 else chunk.text[:200].rsplit(" ", 1)[0] + " …"
            )
            lines.append(f"{i}. {where}")
            if chunk.url:
                lines.append(f"    {chunk.url}")
            lines.append(f"    {snippet}")
    return "\n".join(lines)


def _history(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(h, str) for h in value):
        raise QuestionError('Kentän "history" pitää olla lista kysymyksiä (merkkijonoja).')
    return tuple(value)


def run_batch(assistant: Assistant, lines: Iterable[str], out: TextIO, today: date | None) -> int:
    """Answer each JSON line; returns how many lines failed."""
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id: object = None
        try:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise QuestionError(
                    f"Rivi {number} ei ole kelvollista JSONia ({exc.msg})."
                ) from None
            if not isinstance(item, dict):
                raise QuestionError(f"Rivin {number} pitää olla JSON-objekti.")
            item_id = item.get("id")
            question = item.get("question")
            if not isinstance(question, str):
                raise QuestionError(f'Riviltä {number} puuttuu kenttä "question" (merkkijono).')
            answer = assistant.ask(question, _history(item.get("history")), today=today)
            record: dict[str, object] = {"id": item_id, **answer.to_json()}
        except QuestionError as exc:
            failed += 1
            record = {"id": item_id, "error": str(exc)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.batch is None and not args.question:
        sys.stderr.write(
            'Anna kysymys, esim. python -m assistant ask "Milloin toinen haku oli auki?", '
            "tai --batch TIEDOSTO.jsonl.\n"
        )
        return EXIT_ERROR
    try:
        return _run(args)
    except BrokenPipeError:  # "... | head" stopped reading
        return closed_pipe_exit()


def _run(args: argparse.Namespace) -> int:
    """Answer the question, or every line of the batch file, on standard output."""
    try:
        assistant = Assistant(load_settings())
        if args.batch is not None:
            try:
                with open(args.batch, encoding="utf-8") as fh:
                    assistant.warm_up()
                    run_batch(assistant, fh, sys.stdout, args.today)
            except BrokenPipeError:
                raise
            except OSError as exc:
                sys.stderr.write(f"Tiedostoa {args.batch} ei voi lukea: {exc.strerror}.\n")
                return EXIT_ERROR
            return 0
        answer = assistant.ask(args.question, tuple(args.history), today=args.today)
    except PoriError as exc:
        sys.stderr.write(finnish_message(exc) + "\n")
        return EXIT_ERROR
    if args.json:
        sys.stdout.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_answer(answer) + "\n")
    return 0
