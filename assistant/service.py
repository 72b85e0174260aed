"""The assistant's public API: cited answers, refusals, eligibility checklists, passage search.

``Assistant(settings)`` loads nothing; :meth:`Assistant.warm_up` (or the first question) loads
the embedder and the index. Answers are extractive by default; with ``ASSISTANT_LLM_*`` set, a
language model writes the answer from the same passages, and any failure falls back to the
extractive answer with a notice.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from assistant import bridge, eligibility
from assistant.blocks import quote_key, quoted_once
from assistant.compose import compose
from assistant.constraints import Constraints, HeadTerms, extract
from assistant.context import premise, unframed
from assistant.contrast import SUM_KINDS, sibling_words
from assistant.engine import Engine, Gathered
from assistant.evidence import IDENTITY, EvidenceConfig
from assistant.kinds import asked_kinds
from assistant.llm import LLMClient
from assistant.llm_answer import growing, stream_llm_answer
from assistant.question import (
    Question,
    clean,
    contextualise,
    detect_language,
    points_back,
    sub_questions,
)
from assistant.refusal import (
    COUNT_NOT_WHICH,
    LEANS_ON_MISSING,
    SIBLING_VALUE,
    RefusalConfig,
    Verdict,
    decide,
    has_content,
    partial_note,
    refusal_text,
)
from assistant.retrieval import Filters, RetrievalConfig
from assistant.sentencebank import Sentence
from assistant.trace import Part, Trace
from assistant.wording import in_documents_words
from ingest.errors import QuestionError
from ingest.models import Answer, Chunk, Hit
from ingest.settings import Settings
from ingest.store import IndexInfo

log = logging.getLogger(__name__)
SUGGESTIONS = 3


class Assistant:
    """Answers questions about the indexed documents; one instance serves many users."""

    def __init__(
        self,
        settings: Settings,
        retrieval: RetrievalConfig | None = None,
        *,
        evidence: EvidenceConfig | None = None,
        refusal: RefusalConfig | None = None,
        engine: Engine | None = None,
    ) -> None:
        """Nothing is loaded here; ``engine`` shares already loaded components (e.g. in tests)."""
        self.settings = settings
        self.retrieval = retrieval or RetrievalConfig()
        self.evidence_config = evidence or EvidenceConfig()
        self.refusal_config = refusal or RefusalConfig()
        self._engine: Engine | None = engine
        self._llm: LLMClient | None = None
        self._lock = threading.Lock()

    # -- loading ---------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Load the embedder and the index (raises IndexMissingError when none is built)."""
        self._get_engine()

    def prefill(self) -> int:
        """Embed the sentences of all passages ahead of questions (see :meth:`Engine.prefill`)."""
        return self._get_engine().prefill()

    @property
    def engine(self) -> Engine:
        """The loaded components (loads them on first use)."""
        return self._get_engine()

    def _get_engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._lock:
                if self._engine is None:
                    started = time.perf_counter()
                    self._engine = Engine.load(self.settings, self.retrieval)
                    log.info("assistant ready in %.2f s", time.perf_counter() - started)
                engine = self._engine
        return engine

    @property
    def mode(self) -> str:
        """``"llm"`` when a language model is configured, else ``"extractive"``."""
        return "llm" if self.settings.llm_enabled else "extractive"

    def index_info(self) -> IndexInfo:
        """What the current index contains."""
        return self._get_engine().index().info

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        """Passages matching a query, best first (for the helpdesk search)."""
        text = clean(query, self.settings.max_question_chars)
        if k <= 0:
            raise QuestionError(f"Tulosten määrän pitää olla vähintään 1 (nyt {k}).")
        engine = self._get_engine()
        return engine.search(engine.index(), text, k, filters)

    # -- answering -------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        today: date | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        """A cited answer (or a refusal with suggestions); ``latency_ms`` is filled in."""
        return self.explain(question, history, today=today, filters=filters)[0]

    def explain(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        today: date | None = None,
        filters: Filters | None = None,
    ) -> tuple[Answer, Trace]:
        """Like :meth:`ask`, with the trace of how the answer was chosen."""
        started = time.perf_counter()
        answer, trace = self._extractive(question, history, today, filters)
        if self.mode == "llm" and trace.route == "answer" and trace.gathered is not None:
            answer = self._with_llm(answer, trace)
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000), trace

    def ask_stream(
        self, question: str, history: Sequence[str] = (), *, today: date | None = None
    ) -> Iterator[str | Answer]:
        """The answer text as it grows (each piece is the whole text so far), then the Answer."""
        started = time.perf_counter()
        answer, trace = self._extractive(question, history, today, None)
        if self.mode == "llm" and trace.route == "answer" and trace.gathered is not None:
            final: Answer | None = None
            for piece in self._stream_llm(answer, trace):
                if isinstance(piece, Answer):
                    final = piece
                else:
                    yield piece
            answer = final or answer
        else:
            yield from growing(answer.text)
        yield replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def _extractive(
        self, raw: str, history: Sequence[str], today: date | None, filters: Filters | None
    ) -> tuple[Answer, Trace]:
        text = clean(raw, self.settings.max_question_chars)
        # greetings, thanks and "asiakas kysyy:" say nothing about what is asked
        # ... and "Suomen hallitus hyväksyi" is the documents' "Valtioneuvosto hyväksyi"
        question = contextualise(
            _reworded(unframed(text)), [_reworded(unframed(h)) for h in history]
        )
        engine = self._get_engine()
        index = engine.index()
        constraints = extract(question, engine.heads)
        if not has_content(question.text):
            verdict = Verdict(True, "no_content")
            return self._refusal(text, question, verdict, []), Trace(
                question, constraints, verdict, "refusal"
            )
        if constraints.refuse_city:
            verdict = Verdict(True, "other_city")
            hits = engine.search(index, question.query, SUGGESTIONS, filters)
            return self._refusal(text, question, verdict, hits), Trace(
                question, constraints, verdict, "refusal"
            )

        def judged(sub: Question, sub_constraints: Constraints, gathered: Gathered) -> Part:
            verdict = decide(
                gathered.evidence,
                sub_constraints,
                sub.language,
                self.refusal_config,
                gathered.unknown,
            )
            return Part(sub, gathered, verdict)

        def ask(sub: Question) -> Part:
            sub_constraints = extract(sub, engine.heads) if sub is not question else constraints
            gathered = engine.gather(
                index, sub, sub_constraints, self.evidence_config, self.settings.top_k, filters
            )
            return judged(sub, sub_constraints, gathered)

        if eligibility.is_eligibility(question.text) and filters is None:

            def also(unmatched: frozenset[str]) -> list[tuple[Chunk, Sentence]]:
                # what the documents say of a thing the checklist does not mention
                # ("ahvenanmaalainen yritys": the programme does not cover Åland)
                whole = ask(question)
                if whole.verdict.refuse:
                    return []
                return [
                    (s.chunk, s.sentence)
                    for s in whole.gathered.evidence.selected
                    if s.covered & unmatched
                ]

            checklist = eligibility.answer(engine, index, question, today or date.today(), also)
            if checklist is not None:
                body, cites = checklist
                answer = Answer(question=text, text=body, citations=cites, refused=False)
                return answer, Trace(question, constraints, Verdict(False), "eligibility")

        parts: list[Part] = []
        leaned_on: Part | None = None  # the first part's answer
        for sub in sub_questions(question):
            whole = ask(sub)
            # the first part, when this one leans on it ("... ja paljonko siinä haussa oli?")
            prior = leaned_on if sub.followup and not question.followup else None
            if prior and whole.verdict.refuse:
                whole = bridge.chain(sub, prior, ask) or whole
            elif prior and prior.verdict.refuse and asks_of_person(sub.text):
                # "Kuka on hankkeen projektipäällikkö ja miten häneen saa yhteyden?": the person
                # the first part asks for is not in the documents, so neither is how to reach them
                whole = Part(sub, whole.gathered, Verdict(True, "unknown_person"))
            elif prior and points_back(sub.text) and _lacks_what_is_asked(prior, sub):
                # "Onko hakua auki vuonna 2025, ja mihin päivään mennessä hakemus pitää silloin
                # jättää?": no retrieved sentence has the year the first part asks about, so
                # "silloin" cannot be answered from another year's call
                whole = Part(sub, whole.gathered, Verdict(True, LEANS_ON_MISSING))
            elif prior and _about_sibling(prior, whole, engine.heads):
                # "Montako työpaikkaa automaatioalalla on ja mikä sen liikevaihto on?": the
                # documents give the first part's value only for another sector, and "sen" is
                # the asked sector, not the one the found turnover is given for
                whole = Part(sub, whole.gathered, Verdict(True, SIBLING_VALUE))
            elif prior:
                # "Kuka toteuttaa SUMEA-hankkeen ja mistä siinä on kyse?": the second part leans
                # on the first one's words, and a sentence the first part quotes answers it only
                # when nothing else can (chosen again from the same retrieval)
                quoted = quoted_keys(parts)
                if all(
                    quote_key(s.sentence.text) in quoted for s in whole.gathered.evidence.selected
                ):
                    sub_constraints = extract(sub, engine.heads)
                    fresh = engine.without(
                        whole.gathered, sub_constraints, self.evidence_config, quoted
                    )
                    again = judged(sub, sub_constraints, fresh)
                    whole = whole if again.verdict.refuse else again
            resolved = (
                bridge.resolve(sub, whole, ask) or bridge.by_ordinal(sub, whole, ask) or [whole]
            )
            leaned_on = leaned_on or resolved[-1]
            parts.extend(resolved)
        answered = [p for p in parts if not p.verdict.refuse]
        first = answered[0] if answered else parts[0]
        trace = Trace(
            question,
            constraints,
            first.verdict,
            "answer" if answered else "refusal",
            first.gathered,
            tuple(parts),
        )
        if not answered:
            log.info("refused %r: %s", text[:80], first.verdict.reason)
            return self._refusal(text, question, first.verdict, list(trace.hits)), trace
        stated = self._premise(question, ask)
        if stated is not None:
            answered.insert(0, stated)
            trace = replace(trace, parts=(*trace.parts, stated))  # quoted first, ranked last
        picked = quoted_once(p.gathered.evidence.selected for p in answered)
        body, cites = compose(picked, question.language)
        missing = [p.question.text for p in parts if p.verdict.refuse]
        if missing:
            body += "\n\n" + partial_note(question.language, missing)
        return Answer(question=text, text=body, citations=cites, refused=False), trace

    def _premise(self, question: Question, ask: Callable[[Question], Part]) -> Part | None:
        """What the question states as known, when the documents say it (its best sentence only).

        "Kasvun ekosysteemi -hankkeen tavoite liittyy invest in -ympäristöön; mikä ...?": the
        sentence that says so is quoted before the answer, so the asker can check the premise.
        A statement the documents do not clearly say is left alone (the answer does not repeat
        it).
        """
        if question.followup:
            return None
        statement = premise(question.text)
        if not statement:
            return None
        part = ask(replace(question, text=statement, query=statement, focus=statement))
        best = part.gathered.evidence.best
        if part.verdict.refuse or best is None or best.coverage < self.refusal_config.premise:
            return None
        return part.quoting_best()

    def _refusal(
        self, asked: str, question: Question, verdict: Verdict, hits: Sequence[Hit]
    ) -> Answer:
        suggestions = tuple(hits[:SUGGESTIONS])
        return Answer(
            question=asked,
            text=refusal_text(
                question.language, verdict.reason, with_suggestions=bool(suggestions)
            ),
            citations=(),
            refused=True,
            suggestions=suggestions,
        )

    # -- optional language model -----------------------------------------------------------
    def _client(self) -> LLMClient:
        if self._llm is None:
            self._llm = LLMClient(self.settings)
        return self._llm

    def _with_llm(self, extractive: Answer, trace: Trace) -> Answer:
        final = extractive
        for piece in self._stream_llm(extractive, trace):
            if isinstance(piece, Answer):
                final = piece
        return final

    def _stream_llm(self, extractive: Answer, trace: Trace) -> Iterator[str | Answer]:
        def refuse(question: Question, verdict: Verdict, hits: Sequence[Hit]) -> Answer:
            return self._refusal(extractive.question, question, verdict, hits)

        return stream_llm_answer(
            self._client(), extractive, trace, self._get_engine().analyzer, refuse
        )


def _reworded(text: str) -> str:
    return in_documents_words(text, detect_language(text))


def quoted_keys(parts: Sequence[Part]) -> frozenset[str]:
    """The sentences the parts quote, by :func:`~assistant.blocks.quote_key`."""
    return frozenset(
        quote_key(s.sentence.text) for p in parts for s in p.gathered.evidence.selected
    )


_PERSON_PRONOUN = re.compile(r"\b(?:hän\w*|häne\w*|him|her|his|honom|henne|hans|hennes)\b", re.I)


def _lacks_what_is_asked(prior: Part, part: Question) -> bool:
    """Whether the first part a later one points back at asks about something the documents
    lack: a thing no retrieved sentence names, which ones of the things counted it asks for, or
    a value no sentence gives when the later part asks a value of it too ("Mikä on hankkeen
    kokonaisbudjetti ja paljonko siitä tulee EAKR:stä?")."""
    if not prior.verdict.refuse:
        return False
    if prior.verdict.reason == COUNT_NOT_WHICH:
        return True  # "Mitkä kolme hakemusta ..., ja keiden ne olivat?": which ones is unknown
    valueless = prior.verdict.reason in ("requirements:no_sentence", "requirements:counted")
    return _names_absent(prior) or (valueless and bool(asked_kinds(part.text) & SUM_KINDS))


def _names_absent(part: Part) -> bool:
    """Whether a refused part names a thing (a year, an ordinal, a name) that no sentence it
    retrieved has: the documents do not speak of it at all, unlike "toinen haku" asked for a
    value the documents lack."""
    top = part.gathered.evidence.top
    return top is not None and any(
        label.startswith(IDENTITY) and all(label in s.missing for s in part.gathered.scored)
        for label in top.missing
    )


def _about_sibling(prior: Part, part: Part, heads: HeadTerms) -> bool:
    """The first part was refused for giving a value of a thing named beside the asked one, and
    this part's best sentence names that other thing too."""
    best = part.gathered.evidence.best
    if prior.verdict.reason != SIBLING_VALUE or best is None:
        return False
    other = sibling_words(prior.gathered.evidence, extract(prior.question, heads))
    return bool(other & best.sentence.terms)


def asks_of_person(text: str) -> bool:
    """Whether a question part points back to a person ("miten häneen saa yhteyden?")."""
    return _PERSON_PRONOUN.search(text) is not None
