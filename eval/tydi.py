"""Retrieval benchmark on TyDi QA Finnish (GoldP dev, SQuAD-style JSON).

All unique passages form one pool; the gold of a question is the passage it was asked
about (matched by text). Each config ranks the pool for every question and is scored with
hit@1, hit@5, MRR@10 and nDCG@10. ``run_tydi`` returns the contract JSON of
``python -m eval tydi --json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.fusion import DEFAULT_FUSION_METHOD, DEFAULT_FUSION_WEIGHT
from eval.metrics_retrieval import summarize
from eval.retrievers import (
    RetrieverConfig,
    Scores,
    bm25_scores,
    clean_passage,
    default_cache_dir,
    dense_scores,
    parse_config,
    passage_id,
    rank,
)
from ingest.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_CONFIG = f"hybrid-{DEFAULT_FUSION_METHOD}-{DEFAULT_FUSION_WEIGHT:g}"
STANDARD_CONFIGS: tuple[str, ...] = (
    "bm25-plain",
    "bm25-snowball",
    "bm25-lemma",
    "bm25-lemma_compound",
    "dense",
    "hybrid-rrf-0.5",
    *(f"hybrid-zscore-{w:g}" for w in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)),
    *(f"hybrid-minmax-{w:g}" for w in (0.1, 0.15, 0.2, 0.3)),
    "hybrid-zscore-0.25-snowball",
    "hybrid-zscore-0.25-lemma",
    "bm25-lemma_compound+title",
    "dense+title",
    "hybrid-zscore-0.25+title",
)


def standard_configs() -> list[str]:
    """The configs run by default: ``STANDARD_CONFIGS``, the default one, Voikko if installed."""
    names = list(STANDARD_CONFIGS)
    if DEFAULT_CONFIG not in names:
        names.append(DEFAULT_CONFIG)
    if importlib.util.find_spec("pyvoikko") is not None:  # optional, GPL-3.0
        names += ["bm25-voikko", f"{DEFAULT_CONFIG}-voikko"]
    return names


@dataclass(frozen=True)
class TydiQuestion:
    """One question and the id of its gold passage."""

    qid: str
    question: str
    gold: str


@dataclass(frozen=True)
class TydiSet:
    """The pooled passages (ids, texts, article titles; first-seen order) and the questions."""

    passage_ids: tuple[str, ...]
    passages: tuple[str, ...]
    titles: tuple[str, ...]
    questions: tuple[TydiQuestion, ...]

    def texts(self, with_titles: bool) -> list[str]:
        """Cleaned passage texts, optionally prefixed with the article title."""
        if with_titles:
            return [
                f"{t}: {clean_passage(p)}" for t, p in zip(self.titles, self.passages, strict=True)
            ]
        return [clean_passage(p) for p in self.passages]


def load_tydi(path: Path, limit: int | None = None) -> TydiSet:
    """Read the SQuAD-style file; with ``limit``, the first questions and only their passages."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = data["data"]
    except FileNotFoundError:
        raise ConfigError(
            f"TyDi QA file {path} does not exist. Pass the path of "
            "tydiqa_goldp_v1.1_dev_finnish.json with --file."
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigError(
            f"TyDi QA file {path} is not SQuAD-style JSON with a 'data' list ({err})."
        ) from err
    passages: dict[str, tuple[str, str]] = {}
    questions: list[TydiQuestion] = []
    try:
        for article in articles:
            for paragraph in article.get("paragraphs", []):
                context = str(paragraph["context"])
                pid = passage_id(context)
                for qa in paragraph.get("qas", []):
                    if limit is not None and len(questions) >= limit:
                        break
                    passages.setdefault(pid, (context, str(article.get("title", ""))))
                    questions.append(TydiQuestion(str(qa["id"]), str(qa["question"]), pid))
    except (KeyError, TypeError, AttributeError) as err:
        raise ConfigError(
            f"TyDi QA file {path} does not follow the SQuAD layout "
            f"data[].paragraphs[].context/qas[].question ({err!r})."
        ) from err
    if not questions:
        raise ConfigError(f"TyDi QA file {path} holds no questions.")
    return TydiSet(
        tuple(passages),
        tuple(text for text, _ in passages.values()),
        tuple(title for _, title in passages.values()),
        tuple(questions),
    )


def run_tydi(
    path: Path,
    configs: list[str] | None = None,
    *,
    limit: int | None = None,
    cache_dir: Path | None = None,
) -> dict[str, object]:
    """Score each config (default: ``STANDARD_CONFIGS``) on the file; contract JSON."""
    names = list(configs) if configs else standard_configs()
    parsed = [parse_config(name) for name in names]
    bench = load_tydi(path, limit)
    questions = [q.question for q in bench.questions]
    golds = [q.gold for q in bench.questions]
    cache = default_cache_dir() if cache_dir is None else cache_dir

    dense: dict[bool, list[Scores]] = {}
    lexical: dict[tuple[str, bool], list[Scores]] = {}
    results: dict[str, dict[str, float | int]] = {}
    for config in parsed:
        started = time.perf_counter()
        texts = bench.texts(config.titles)
        if config.kind in ("dense", "hybrid") and config.titles not in dense:
            dense[config.titles] = dense_scores(bench.passage_ids, texts, questions, cache)
        lex_key = (config.analyzer, config.titles)
        if config.kind in ("bm25", "hybrid") and lex_key not in lexical:
            lexical[lex_key] = bm25_scores(bench.passage_ids, texts, questions, config.analyzer)
        rankings = _rankings(config, len(questions), dense.get(config.titles), lexical.get(lex_key))
        metrics = summarize(rankings, golds)
        results[config.name] = {
            "questions": len(questions),
            "passages": len(bench.passages),
            **{key: round(value, 4) for key, value in metrics.items()},
        }
        log.info("%s: %s (%.1f s)", config.name, metrics, time.perf_counter() - started)
    default = DEFAULT_CONFIG if DEFAULT_CONFIG in results else names[0]
    return {"default": default, "configs": results}


def _rankings(
    config: RetrieverConfig,
    n: int,
    dense: list[Scores] | None,
    lexical: list[Scores] | None,
) -> list[list[str]]:
    return [
        rank(config, dense[i] if dense else None, lexical[i] if lexical else None) for i in range(n)
    ]


def format_table(result: dict[str, object]) -> str:
    """A plain-text table of the result, one config per line (for the CLI)."""
    configs = result["configs"]
    assert isinstance(configs, dict)
    lines = [f"{'config':34} {'hit@1':>6} {'hit@5':>6} {'mrr@10':>7} {'ndcg@10':>8}"]
    for name, m in configs.items():
        mark = " *" if name == result["default"] else ""
        lines.append(
            f"{name:34} {m['hit@1']:6.3f} {m['hit@5']:6.3f} {m['mrr@10']:7.3f} "
            f"{m['ndcg@10']:8.3f}{mark}"
        )
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``tydi`` on the ``python -m eval`` command line."""
    parser = sub.add_parser("tydi", help="hakutarkkuus TyDi QA -aineiston suomenkielisellä osalla")
    parser.add_argument(
        "--file", type=Path, required=True, help="tydiqa_goldp_v1.1_dev_finnish.json"
    )
    parser.add_argument("--json", action="store_true", help="tulosta yksi JSON-objekti")
    parser.add_argument(
        "--config",
        action="append",
        dest="configs",
        metavar="NAME",
        help="ajettava asetus (voi toistaa), esim. dense, bm25-lemma_compound, hybrid-zscore-0.25",
    )
    parser.add_argument(
        "--limit", type=int, help="vain N ensimmäistä kysymystä ja niiden kappaleet"
    )
    parser.add_argument("--cache", type=Path, help="kappalevektorien välimuistikansio")
    parser.set_defaults(handler=command)


def command(args: argparse.Namespace) -> int:
    """Run the benchmark from parsed arguments; print JSON or a table."""
    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit must be at least 1. Currently, it is {args.limit}.")
    try:
        result = run_tydi(args.file, args.configs, limit=args.limit, cache_dir=args.cache)
    except ValueError as err:
        raise ConfigError(str(err)) from err
    print(json.dumps(result, ensure_ascii=False) if args.json else format_table(result))
    return 0
