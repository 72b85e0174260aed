"""How an answer came about: the question's parts, their evidence and verdicts (for tuning,
tests and logs)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.constraints import Constraints
from assistant.engine import Gathered
from assistant.question import Question
from assistant.refusal import Verdict
from ingest.models import Hit


@dataclass(frozen=True)
class Part:
    """One part of a question that asks two things, with its evidence and verdict."""

    question: Question
    gathered: Gathered
    verdict: Verdict

    def quoting_best(self) -> Part:
        """The part quoting only its best sentence (a bridge or a premise: one sentence is the
        link, the answer comes from another part)."""
        evidence = self.gathered.evidence
        only_best = replace(evidence, selected=(evidence.best,) if evidence.best else ())
        return replace(self, gathered=replace(self.gathered, evidence=only_best))


@dataclass(frozen=True)
class Trace:
    """How an answer came about (for tuning, tests and logs)."""

    question: Question
    constraints: Constraints
    verdict: Verdict
    route: str  # "answer", "eligibility" or "refusal"
    gathered: Gathered | None = None  # of the first answered part
    parts: tuple[Part, ...] = ()

    @property
    def hits(self) -> tuple[Hit, ...]:
        """Passages retrieved for all parts, without repeats: first those an answered part quotes
        (first part first), then the rest in each part's retrieval order."""
        out: dict[str, Hit] = {}
        for part in self.parts:
            if part.verdict.refuse:
                continue
            quoted = {s.chunk.chunk_id for s in part.gathered.evidence.selected}
            for hit in part.gathered.hits:
                if hit.chunk.chunk_id in quoted:
                    out.setdefault(hit.chunk.chunk_id, hit)
        for part in self.parts:
            for hit in part.gathered.hits:
                out.setdefault(hit.chunk.chunk_id, hit)
        return tuple(out.values())
