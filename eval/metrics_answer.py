"""Answer metrics: key facts, citation precision, verbatim quotes, refusals, latency.

Pure functions over :class:`Outcome` records (one per question), so they can be tested with
hand-made examples. Text matching is case-insensitive on whitespace-normalised text, with the
dashes of a range read alike ("2021–2027" is "2021-2027", as the documents write both); a
key-fact group is satisfied when any of its alternatives occurs as a substring.

Definitions (every value is a fraction from 0 to 1; an empty denominator gives 0.0):

- ``key_fact_recall``: answerable questions whose answer text satisfies every key-fact group
  / answerable questions (a refusal satisfies none).
- ``citation_precision``: citations of answerable questions whose quote contains an
  alternative of any key-fact group / all citations of answerable questions.
- ``verbatim_quote_rate``: quotes that are exact substrings of the cited chunk's text / all
  quotes (a quote whose chunk is not in the index counts as not verbatim).
- ``refusal_precision``: refused and unanswerable / refused.
- ``refusal_recall``: refused and unanswerable / unanswerable.
- ``false_refusal_rate``: refused and answerable / answerable.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")  # hyphens, en and em dashes, minus
KeyFacts = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class QuoteCheck:
    """One citation of an answer: its quote and the text of the chunk it points to."""

    quote: str
    chunk_text: str | None  # None when the cited chunk id is not in the index


@dataclass(frozen=True)
class Outcome:
    """What the assistant did with one question, with what the question expected."""

    answerable: bool
    refused: bool
    text: str
    key_facts: KeyFacts
    quotes: tuple[QuoteCheck, ...]
    latency_ms: float


def normalise(text: str) -> str:
    """NFC, lowercase, whitespace collapsed to single spaces, every dash a hyphen-minus."""
    text = _DASHES.sub("-", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip().lower()


def group_satisfied(text: str, group: Sequence[str]) -> bool:
    """Whether any alternative of a key-fact group occurs in ``text`` (normalised)."""
    haystack = normalise(text)
    return any(normalise(alt) in haystack for alt in group if alt.strip())


def missing_groups(text: str, key_facts: KeyFacts) -> list[tuple[str, ...]]:
    """The key-fact groups that ``text`` does not satisfy."""
    return [group for group in key_facts if not group_satisfied(text, group)]


def has_all_facts(outcome: Outcome) -> bool:
    """An answerable question answered (not refused) with every key-fact group in the text."""
    return (
        outcome.answerable
        and not outcome.refused
        and not missing_groups(outcome.text, outcome.key_facts)
    )


def quote_has_fact(quote: str, key_facts: KeyFacts) -> bool:
    """Whether a quote contains an alternative of any key-fact group."""
    return any(group_satisfied(quote, group) for group in key_facts)


def is_verbatim(check: QuoteCheck) -> bool:
    """Whether the quote is a non-empty exact substring of its chunk's text."""
    return check.chunk_text is not None and bool(check.quote) and check.quote in check.chunk_text


def ratio(part: int, whole: int) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation; 0.0 for no values."""
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"q must be between 0 and 100. Currently, q is {q}.")
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize_answers(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """The answer metrics of the module docstring over all outcomes."""
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    refused = [o for o in outcomes if o.refused]
    cited = [(q, o.key_facts) for o in answerable for q in o.quotes]
    quotes = [q for o in outcomes for q in o.quotes]
    latencies = [o.latency_ms for o in outcomes]
    return {
        "key_fact_recall": ratio(sum(has_all_facts(o) for o in answerable), len(answerable)),
        "citation_precision": ratio(
            sum(quote_has_fact(q.quote, facts) for q, facts in cited), len(cited)
        ),
        "verbatim_quote_rate": ratio(sum(is_verbatim(q) for q in quotes), len(quotes)),
        "refusal_precision": ratio(sum(not o.answerable for o in refused), len(refused)),
        "refusal_recall": ratio(sum(o.refused for o in unanswerable), len(unanswerable)),
        "false_refusal_rate": ratio(sum(o.refused for o in answerable), len(answerable)),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
