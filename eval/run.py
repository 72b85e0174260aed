"""``python -m eval run``: a question set through each configuration, in one process.

For every question, the retrieval metrics use the ranking the assistant itself searches with
(a follow-up's query includes its history, see :func:`assistant.question.contextualise`), and
the answer metrics use :meth:`assistant.service.Assistant.explain`. Each index is opened once
per run; an index with another chunk size is built (or updated) under
``<ASSISTANT_DATA_DIR>/eval/chunks-<n>`` and kept there, so later runs only check it.

llama-index and Chroma are imported where they are used, so that ``python -m eval tydi``
(which imports this module to register its command) starts quickly.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.question import clean, contextualise
from eval.gate import THRESHOLDS
from eval.metrics_answer import Outcome, QuoteCheck
from eval.questionset import (
    FAST_PER_CATEGORY,
    QUESTIONS,
    EvalQuestion,
    fast_subset,
    load_questions,
    relevant_chunks,
)
from eval.results import ConfigResult, QuestionResult, RunResult, finish, to_json
from ingest.errors import ConfigError, QuestionError
from ingest.finnish import make_analyzer
from ingest.lexical import LexicalIndex
from ingest.models import Answer, Chunk
from ingest.settings import Settings, load_settings

if TYPE_CHECKING:
    from assistant.retrieval import RetrievalConfig
    from assistant.service import Assistant
    from eval.configs import EvalConfig

log = logging.getLogger(__name__)

REPORTS = Path(__file__).resolve().parent / "reports"
DEPTH = 10  # ranking depth kept per question (the metrics look at 10)


def search_query(q: EvalQuestion, max_chars: int) -> str:
    """What the assistant searches with for this question (history added for follow-ups)."""
    return contextualise(clean(q.question, max_chars), q.history).query


def safe_query(q: EvalQuestion, max_chars: int) -> str:
    """:func:`search_query`, or the question alone when question and history are too long."""
    try:
        return search_query(q, max_chars)
    except QuestionError as exc:
        log.warning("question %s: %s", q.qid, exc)
        return q.question


def answer_outcome(q: EvalQuestion, answer: Answer, chunks: dict[str, Chunk]) -> Outcome:
    """The :class:`Outcome` of an answer; quotes are checked against the cited chunks."""
    quotes = tuple(
        QuoteCheck(c.quote, chunks[c.chunk_id].text if c.chunk_id in chunks else None)
        for c in answer.citations
    )
    return Outcome(
        answerable=q.answerable,
        refused=answer.refused,
        text=answer.text,
        key_facts=q.key_facts,
        quotes=quotes,
        latency_ms=answer.latency_ms,
    )


Say = Callable[[str], None]


class IndexContext:
    """One opened index: the assistant's loaded components, its chunks and chunk size.

    The index, the embedder and the sentence cache are loaded once; each retrieval config
    gets an assistant whose engine shares them and only has its own retriever.
    """

    def __init__(self, settings: Settings) -> None:
        from assistant.service import Assistant

        self.settings = settings
        self.base = Assistant(settings)
        self.base.warm_up()
        index = self.base.engine.index()
        self.version = index.info.version
        self.chunk_chars = index.info.chunk_chars
        self.chunks = dict(index.chunks)

    def assistant(self, retrieval: RetrievalConfig) -> Assistant:
        """An assistant on this index with another retrieval config (nothing is reloaded)."""
        from assistant.engine import Engine
        from assistant.retrieval import Retriever
        from assistant.service import Assistant

        if retrieval == self.base.retrieval:
            return self.base
        e = self.base.engine
        retriever = Retriever(e.embedder, e.analyzer, retrieval)
        engine = Engine(self.settings, e.embedder, e.analyzer, e.manager, retriever, e.bank)
        return Assistant(self.settings, retrieval=retrieval, engine=engine)

    def result(
        self,
        q: EvalQuestion,
        ids: Sequence[str],
        outcome: Outcome | None,
    ) -> QuestionResult:
        """A question's ranking (chunk ids, best first) with its relevant set and outcome."""
        ranking = tuple(ids[:DEPTH])
        docs = tuple(self.chunks[i].doc_id if i in self.chunks else "" for i in ranking)
        relevant, fallback = (
            relevant_chunks(q, self.chunks) if q.answerable else (frozenset(), False)
        )
        return QuestionResult(q, ranking, docs, relevant, fallback, outcome)

    def ask(self, assistant: Assistant, q: EvalQuestion, day: date) -> QuestionResult:
        """Ask the question; rank with the passages the answer used, then the assistant's search.

        The answer's passages come first (for a question split into parts, those of every
        part); the rest of the ten are the assistant's search for the same query. For a
        one-part question this is exactly the search ranking.
        """
        answer, trace = assistant.explain(q.question, q.history, today=day)
        query = safe_query(q, self.settings.max_question_chars)
        try:
            hits = assistant.search(query, DEPTH)
        except QuestionError:  # a follow-up joined with its history may exceed the length limit
            hits = assistant.search(q.question, DEPTH)
        ids = dict.fromkeys([h.chunk.chunk_id for h in (*trace.hits, *hits)])
        return self.result(q, list(ids), answer_outcome(q, answer, self.chunks))

    def bm25(self, analyzer_name: str, questions: Sequence[EvalQuestion]) -> list[QuestionResult]:
        """Rank with BM25 over this index's chunks analysed by another analyzer (in memory)."""
        from ingest.build import lexical_text

        analyzer = make_analyzer(analyzer_name)
        ids = list(self.chunks)
        terms = [analyzer.terms(lexical_text(self.chunks[i])) for i in ids]
        lexical = LexicalIndex.build(ids, terms, analyzer.name)
        out = []
        for q in questions:
            query_terms = analyzer.terms(safe_query(q, self.settings.max_question_chars))
            found = lexical.search(query_terms, DEPTH, analyzer.name) if query_terms else []
            out.append(self.result(q, [cid for cid, _ in found], None))
        return out


class IndexPool:
    """Opens each index once: the configured one, and one per other chunk size."""

    def __init__(self, settings: Settings, say: Say) -> None:
        self.settings = settings
        self.say = say
        self._main: IndexContext | None = None
        self._sized: dict[int, IndexContext] = {}

    def main(self) -> IndexContext:
        """The index in ASSISTANT_DATA_DIR (built first when there is none)."""
        from ingest.store import IndexStore

        if self._main is None:
            if IndexStore(self.settings).current_version() is None:
                self.say(
                    f"Kansiossa {self.settings.data_dir} ei ole indeksiä: rakennetaan se "
                    f"aineistosta {self.settings.corpus_dir} …"
                )
                _build(self.settings)
            self._main = IndexContext(self.settings)
        return self._main

    def get(self, chunk_chars: int | None) -> IndexContext:
        """The index for a chunk size (None: the configured index as it is)."""
        main = self.main()
        if chunk_chars is None or chunk_chars == main.chunk_chars:
            return main
        if chunk_chars not in self._sized:
            sized = sized_settings(self.settings, chunk_chars)
            self.say(f"Indeksi kappalekoolla {chunk_chars}: {sized.data_dir} …")
            _build(sized)
            self._sized[chunk_chars] = IndexContext(sized)
        return self._sized[chunk_chars]


def sized_settings(settings: Settings, chunk_chars: int) -> Settings:
    """Settings of the kept index with another chunk size (embedded Chroma, shared cache)."""
    folder = settings.data_dir / "eval" / f"chunks-{chunk_chars}"
    folder.mkdir(parents=True, exist_ok=True)
    cache = folder / "cache"
    if not cache.exists() and not cache.is_symlink():
        try:  # the embedding cache is content-addressed, so sharing it is safe
            settings.cache_dir.mkdir(parents=True, exist_ok=True)
            cache.symlink_to(settings.cache_dir.resolve(), target_is_directory=True)
        except OSError as exc:
            log.info("not sharing the embedding cache with %s: %s", folder, exc)
    return settings.with_overrides(data_dir=folder, chunk_chars=chunk_chars, chroma_url=None)


def _build(settings: Settings) -> None:
    from ingest.build import build_index

    result = build_index(settings, settings.corpus_dir)
    for error in result.errors:
        log.warning("skipped %s: %s", error.path, error.reason)
    log.info("index %s: %s chunks, %s embedded", settings.data_dir, result.chunks, result.embedded)


def run(
    settings: Settings,
    configs: Sequence[EvalConfig],
    questions: Sequence[EvalQuestion],
    *,
    question_file: str = "",
    fast: bool = False,
    today: date | None = None,
    say: Say | None = None,
) -> RunResult:
    """Evaluate every config on the questions (builds a missing index first, and says so)."""
    from eval.configs import DEFAULT_CONFIG

    if not configs:
        raise ConfigError("No configurations to evaluate. Give --config NAME or leave it out.")
    started = time.perf_counter()
    day = today or date.today()
    tell = say or log.info
    pool = IndexPool(settings, tell)
    done: dict[tuple[object, ...], ConfigResult] = {}
    out: dict[str, ConfigResult] = {}
    for config in configs:
        ctx = pool.get(config.chunk_chars)
        key = (ctx.settings.data_dir, ctx.version, config.retrieval, config.analyzer)
        if key in done:
            first = done[key]
            out[config.name] = replace(first, config=config, same_as=first.config.name)
            tell(f"{config.name}: sama ajo kuin {first.config.name}")
            continue
        tell(f"{config.name}: {len(questions)} kysymystä …")
        t0 = time.perf_counter()
        if config.analyzer is not None:
            results = ctx.bm25(config.analyzer, questions)
        else:
            assistant = ctx.assistant(config.retrieval)
            results = [ctx.ask(assistant, q, day) for q in questions]
        result = finish(config, results, len(ctx.chunks), ctx.chunk_chars, time.perf_counter() - t0)
        done[key] = out[config.name] = result
        tell(f"{config.name}: hit@5 {result.metrics['hit@5']:.3f} ({result.seconds:.0f} s)")
    default = DEFAULT_CONFIG if DEFAULT_CONFIG in out else next(iter(out))
    return RunResult(
        default=default,
        configs=out,
        question_file=question_file,
        fast=fast,
        day=day,
        seconds=time.perf_counter() - started,
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``run`` on the ``python -m eval`` command line."""
    parser = sub.add_parser("run", help="kysymysjoukko neuvojan läpi: mittarit ja raportti")
    add_questions_argument(parser)
    parser.add_argument(
        "--config",
        action="append",
        dest="configs",
        metavar="NAME",
        help="ajettava asetus (voi toistaa), esim. dense, hybrid-rrf-0.5, "
        "chunks-500, bm25-snowball; oletus: kaikki vakioasetukset",
    )
    parser.add_argument("--json", action="store_true", help="tulosta yksi JSON-objekti")
    parser.add_argument(
        "--fast",
        action="store_true",
        help=f"vain oletusasetus ja {FAST_PER_CATEGORY} kysymystä tyyppiä kohden",
    )
    parser.add_argument(
        "--gate",
        action="store_true",
        help="vertaa oletusasetuksen tuloksia kynnysarvoihin (exit 1 alittaessa)",
    )
    parser.add_argument(
        "--thresholds",
        type=Path,
        default=THRESHOLDS,
        metavar="FILE",
        help="kynnysarvot (oletus: eval/thresholds.json)",
    )
    parser.add_argument(
        "--reports",
        type=Path,
        metavar="DIR",
        help="raporttikansio (oletus: eval/reports; --fast-ajossa ei raporttia)",
    )
    parser.add_argument("--no-reports", action="store_true", help="älä kirjoita raportteja")
    add_today_argument(parser)
    parser.set_defaults(handler=command)


def add_questions_argument(parser: argparse.ArgumentParser) -> None:
    """``--questions FILE.jsonl`` (default ``eval/questions/demo.jsonl``)."""
    parser.add_argument(
        "--questions",
        type=Path,
        default=QUESTIONS,
        metavar="FILE.jsonl",
        help="kysymysjoukko (oletus: eval/questions/demo.jsonl)",
    )


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    """``--today VVVV-KK-PP``: the date call periods are compared with (default today)."""
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="VVVV-KK-PP",
        help="päivämäärä, johon hakuaikoja verrataan (oletus: tänään)",
    )


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def command(args: argparse.Namespace) -> int:
    """Run from parsed arguments: reports, JSON or a table on stdout, and the optional gate."""
    from eval import report
    from eval.configs import select
    from eval.gate import check, load_thresholds

    def say(message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    minimums = load_thresholds(args.thresholds) if args.gate else {}
    questions = load_questions(args.questions)
    if args.fast:
        questions = fast_subset(questions)
    result = run(
        load_settings(),
        select(args.configs, args.fast),
        questions,
        question_file=_shown(args.questions),
        fast=args.fast,
        today=args.today,
        say=say,
    )
    out_dir = args.reports or (None if args.fast else REPORTS)
    if out_dir is not None and not args.no_reports:
        for path in report.write(result, out_dir):
            say(f"Raportti: {path}")
    if args.json:
        sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(report.table(result) + "\n")
    failures = check(result.configs[result.default].metrics, minimums)
    for failure in failures:
        say(f"Kynnysarvo alittui ({result.default}): {failure}")
    return 1 if failures else 0
