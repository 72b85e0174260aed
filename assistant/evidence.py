"""Choosing the sentences that answer a question from the top passages.

Every sentence of the retrieved chunks gets a score: its cosine similarity to the question
(e5 query vs. sentence passage vectors) plus a weighted share of the question's content words it
covers (with its section heading). Sentences that miss a hard requirement of the question
(:mod:`assistant.constraints`) are not eligible. The best eligible sentence leads the answer;
close runners-up that add something new follow, and a sentence that introduces a list ("... kolme
painotusta:") brings its list items along.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.blocks import add_neighbours, add_siblings, expand, quote_key
from assistant.constraints import Constraints, HeadTerms, violations
from assistant.coordination import joined
from assistant.kinds import given_kinds, tells_when
from assistant.ordinals import ordinal_of
from assistant.safety import looks_like_injection
from assistant.sentencebank import ChunkSentences, Sentence
from assistant.terms import QWord, counted, is_specific, match
from ingest.models import Chunk

# requirements that say *which* thing is meant: another call, number or name
IDENTITY = ("ordinal:", "number:", "name:")
_NEARBY = 30  # candidates whose covered words count as "the retrieved passages talk about it"
_URL_ONLY = re.compile(r"\s*(?:https?://|www\.)\S+\s*")


@dataclass(frozen=True)
class EvidenceConfig:
    """Weights of the sentence score and how many sentences an answer may quote."""

    coverage_weight: float = 0.15
    rank_penalty: float = 0.004  # per rank of the sentence's chunk among the hits
    margin: float = 0.05  # runners-up within this much of the best are quoted too
    max_sentences: int = 3
    max_list_items: int = 8
    soft_kind_penalty: float = 0.05  # asked "milloin" but the sentence has no date
    neighbour_margin: float = 0.06  # a sentence next to the best one is quoted within this much
    attribute_penalty: float = 0.1  # "Mikä on X:n tavoite?" but the sentence gives no "tavoite"
    completion_margin: float = 0.1  # a sentence covering an asked word no chosen one covers
    max_completions: int = 2


# Answer kinds a sentence must have when asked for; a missing date only lowers the score
# ("Milloin sopimus tulee voimaan?" -> "..., kun molemmat osapuolet ovat allekirjoittaneet sen."),
# and so does a missing day when an exact one is asked ("Minä päivänä ...?": not "helmikuussa").
SOFT_KINDS = frozenset({"date", "day", "deadline"})


@dataclass(frozen=True)
class Scored:
    """A candidate sentence with its scores and the hard requirements it misses."""

    sentence: Sentence
    chunk: Chunk
    rank: int
    dense: float
    coverage: float
    score: float
    missing: tuple[str, ...] = ()
    covered: frozenset[str] = frozenset()  # lemmas of the question words it covers
    qwords: tuple[QWord, ...] = ()  # the question's words (shared by all candidates)

    @property
    def eligible(self) -> bool:
        return not self.missing

    @property
    def neighbour(self) -> bool:
        """It misses only *which* thing is meant: another call, number or name (a near miss).

        A sentence that misses an ordinal names another one ("Ensimmäisessä haussa ..."); one that
        names none ("Virallinen hakuilmoitus on julkaistu eura2021.fi-palvelussa.") speaks of the
        thing in general and is no neighbour.
        """
        if not self.missing or not all(m.startswith(IDENTITY) for m in self.missing):
            return False
        if any(m.startswith("ordinal:") for m in self.missing):
            return self.names_another
        return True

    @property
    def names_another(self) -> bool:
        """It misses an ordinal and names another one (in the sentence or its section)."""
        return any(m.startswith("ordinal:") for m in self.missing) and (
            ordinal_of(f"{self.chunk.section}\n{self.sentence.text}") is not None
        )


@dataclass(frozen=True)
class Evidence:
    """The sentences chosen for an answer, in answer order, and what the choice was based on."""

    selected: tuple[Scored, ...]
    best: Scored | None  # best eligible sentence
    top: Scored | None  # best sentence overall, eligible or not
    kinds_missing: frozenset[str] = field(default_factory=frozenset)
    neighbour: Scored | None = None  # a near miss that outscores ``best`` (see Scored.neighbour)
    nearby: frozenset[str] = frozenset()  # question lemmas the top candidates cover
    # the terms of the top candidates that cover each question lemma: what a word is named with
    company: Mapping[str, tuple[Scored, ...]] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return bool(self.selected)


def score_sentences(
    qvec: np.ndarray,
    qwords: list[QWord],
    constraints: Constraints,
    heads: HeadTerms,
    groups: Sequence[ChunkSentences],
    section_terms: dict[str, frozenset[str]],
    config: EvidenceConfig,
) -> list[Scored]:
    """Every sentence of ``groups`` (in hit order) scored, best first."""
    out: list[Scored] = []
    words = tuple(qwords)
    q = np.asarray(qvec, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(q))
    q = q / norm if norm > 0 else q
    for rank, group in enumerate(groups):
        if not group.sentences or looks_like_injection(group.chunk.text):
            continue  # a passage that tries to give orders is not trusted at all
        dense = group.vectors @ q
        context_terms = section_terms.get(group.chunk.section, frozenset())
        for sentence, sim in zip(group.sentences, dense.tolist(), strict=True):
            if looks_like_injection(sentence.text):
                continue
            if _URL_ONLY.fullmatch(sentence.text) and "url" not in constraints.kinds:
                continue  # a bare address answers nothing but "where is it published"
            given = given_kinds(constraints.kinds, sentence.kinds)
            cov, covered = match(qwords, sentence.terms | context_terms, given)
            missing = violations(
                sentence.text,
                group.chunk.section,
                group.chunk.title,
                constraints,
                heads,
                group.chunk.text,
            )
            score = float(sim) + config.coverage_weight * cov - config.rank_penalty * rank
            if "date" in constraints.kinds and not tells_when(sentence.kinds):
                score -= config.soft_kind_penalty
            if "day" in constraints.kinds and "day" not in sentence.kinds:
                score -= config.soft_kind_penalty
            if constraints.which and "count" in sentence.kinds and not sentence.lead_in:
                score -= config.soft_kind_penalty  # "Mitkä hankkeet ...?": not "5 hanketta"
            if any(w.attribute and w.lemma not in covered for w in words):
                score -= config.attribute_penalty
            out.append(
                Scored(
                    sentence,
                    group.chunk,
                    rank,
                    float(sim),
                    cov,
                    score,
                    tuple(missing),
                    covered,
                    words,
                )
            )
    out.sort(key=lambda s: -s.score)
    return out


def _pool(eligible: list[Scored], hard: frozenset[str]) -> list[Scored]:
    """The candidates that give a kind the question needs (all of them when it needs none); a sum
    asked for each thing ("each") needs a sentence that gives one per thing."""
    if not hard:
        return eligible
    pool = [s for s in eligible if s.sentence.kinds & hard]
    return [s for s in pool if "each" in s.sentence.kinds] if "each" in hard else pool


def _misses_only(scored: Scored, labels: Set[str]) -> bool:
    """Whether a sentence misses some requirements, all of them among ``labels``, and names no
    other ordinal than the one asked ("Ensimmäisen haun hakemuksista ..." for the second call)."""
    return bool(scored.missing) and set(scored.missing) <= labels and not scored.names_another


def _answering(pool: list[Scored]) -> list[Scored]:
    """Leave out sentences that only restate what the question gives as known.

    "Kuulin, että Porin sopimukseen liittyen oli syksyllä 2023 rahoitushaku. Mitä asioita siinä
    haussa painotettiin?": a sentence covering only the context words restates the premise;
    when another candidate covers an asked word, the restating one is left out. (Measured:
    leaving out also candidates that cover less than half the asked words' weight another
    covers won two answers and lost two.)
    """
    if not pool or not any(w.context for w in pool[0].qwords):
        return pool

    def asks(s: Scored) -> bool:
        return any(w.lemma in s.covered for w in s.qwords if not w.context and counted(w))

    return [s for s in pool if asks(s)] or pool


def uncovered_asked(qwords: Sequence[QWord], chosen: Sequence[Scored]) -> list[QWord]:
    """The specific words the question itself asks about (not its context) that none of the
    chosen sentences covers."""
    covered = set().union(*(s.covered for s in chosen))
    return [
        w
        for w in qwords
        if not w.context and counted(w) and is_specific(w) and w.lemma not in covered
    ]


def _completions(
    selected: list[Scored],
    pool: list[Scored],
    best: Scored,
    seen: set[str],
    config: EvidenceConfig,
    text: str,
) -> list[Scored]:
    """Sentences for an asked word that no chosen sentence covers, when the question joins it to
    one they do cover.

    "Kuinka iso klusteri on työpaikoilla ja liikevaihdolla mitattuna?": the jobs sentence leads,
    and the turnover sentence, a little lower, is quoted too. Only a word coordinated with a
    covered one and agreeing with it in case counts ("teollisuudella ja koko Suomella"), not one
    of a context sentence, and only candidates within ``completion_margin`` of the best one.
    """
    covered = set().union(*(s.covered for s in selected))
    asked = [w for w in best.qwords if not w.context and counted(w)]
    wanted = sorted(
        (
            w
            for w in uncovered_asked(best.qwords, selected)
            if any(v.lemma in covered and joined(text, w.surface, v.surface) for v in asked)
        ),
        key=lambda w: -w.weight,
    )
    added: list[Scored] = []
    for word in wanted[: config.max_completions]:
        if word.lemma in covered:
            continue
        extra = next(
            (
                s
                for s in pool
                if word.lemma in s.covered
                and s.score >= best.score - config.completion_margin
                and quote_key(s.sentence.text) not in seen
            ),
            None,
        )
        if extra is not None:
            added.append(extra)
            seen.add(quote_key(extra.sentence.text))
            covered |= extra.covered
    return added


def select(
    scored: list[Scored],
    constraints: Constraints,
    groups: Sequence[ChunkSentences],
    config: EvidenceConfig,
    text: str = "",
) -> Evidence:
    """Pick the answer sentences from scored candidates (see the module docstring); ``text`` is
    the question as asked, for the words it joins (see :func:`_completions`)."""
    top = scored[0] if scored else None
    kinds = constraints.kinds
    hard = kinds - SOFT_KINDS
    # What only a long question's context sentences give is background ("Toisen haun
    # hankkeiden täytyy toteuttaa erästä EU-ohjelmaa. Minä päivänä valtioneuvosto hyväksyi
    # kyseisen ohjelman?"): a sentence missing only that competes with the others on its score
    # ... but a number no candidate gives is no background: "Haen rahoitusta 2025 – mihin
    # päivään mennessä ...?" is about a year the documents do not speak of
    unmet = {
        m
        for m in constraints.loose
        if m.startswith("number:") and all(m in s.missing for s in scored)
    }
    # ... and a number the history gives beside an ordinal only dates the thing the ordinal names
    # ("toisesta hausta, se oli auki syksyllä 2023"): a sentence about that thing competes on its
    # score without it
    dated = (
        {m for m in constraints.from_history if m.startswith("number:")}
        if any(m.startswith("ordinal:") for m in constraints.from_history)
        else set()
    )
    background = (constraints.loose - constraints.from_history - unmet) | dated
    pool = _pool(
        [
            s if s.eligible else replace(s, missing=())
            for s in scored
            if s.eligible or _misses_only(s, background)
        ],
        hard,
    )
    pool = _answering(pool)
    relaxed = False
    waived: Set[str] = background  # misses that do not keep a sentence from being quoted
    if not pool and constraints.loose:
        # a follow-up's history only guides: "Kenelle siitä voi soittaa?" after a question about
        # the second call needs a phone number, not one more mention of "toinen"
        # ... but only a thing the passages do mention: after "Milloin kolmas haku avautuu?" no
        # sentence meets "kolmas", and "Paljonko siinä oli rahaa?" must stay a near miss
        # ... and never a sentence that names another one ("Ensimmäisen haun hakemuksista ...")
        # What only a long question's context sentences give is background and always soft
        # ("Suunnittelemme hanketta SAMKin kanssa. Mihin numeroon voi soittaa?").
        soft = {
            m
            for m in constraints.loose - unmet
            if m not in constraints.from_history or any(m not in s.missing for s in scored)
        }
        pool = _pool(
            [replace(s, missing=()) for s in scored if _misses_only(s, soft)],
            hard,
        )
        relaxed = True
        waived = soft
    if not pool:
        return Evidence((), None, top, kinds)
    best = pool[0]
    # a sentence missing only what the history named, and naming no other ordinal, speaks of the
    # thing in general ("Virallinen hakuilmoitus on julkaistu ..." after a question about the call
    # in Satakuntaliitto): the history only guides, so that is no near miss
    neighbour = (
        None
        if relaxed
        else next(
            (
                s
                for s in scored
                if s.score > best.score
                and s.neighbour
                and not _misses_only(s, constraints.from_history)
            ),
            None,
        )
    )
    by_chunk = {g.chunk.chunk_id: g for g in groups}
    chosen: list[tuple[Scored, list[Sentence]]] = []
    seen: set[str] = set()
    covered_kinds: set[str] = set()
    quoted = 0
    for cand in pool:
        if quoted >= config.max_sentences:
            break
        if chosen and cand.score < best.score - config.margin:
            break
        key = quote_key(cand.sentence.text)
        if key in seen:
            continue
        block = expand(cand, by_chunk, config)
        fresh = [s for s in block if quote_key(s.text) not in seen]
        if not fresh:
            continue
        for s in block:
            seen.add(quote_key(s.text))
            covered_kinds |= s.kinds
        chosen.append((cand, list(block)))
        quoted += 1
    # the sentence after "... rahoitetaan kolmesta EU:n rahastosta." names them, and it may
    # miss only what the chosen ones may miss
    quotable = [replace(s, missing=()) if _misses_only(s, waived) else s for s in scored]
    add_neighbours(chosen, quotable, seen, config)
    if not constraints.one:
        # "Mitkä olivat toisen haun painotukset?": all of them; an ordinal picking one member
        # ("toinen painotus") asks for that one only
        picked = frozenset(h for o in constraints.ordinals for h in o.heads)
        add_siblings(chosen, scored, seen, picked)
    # a kind still missing (e.g. the e-mail of a person named in the best sentence): add the best
    # eligible sentence that has it
    for kind in sorted(hard - covered_kinds):
        extra = next(
            (
                s
                for s in pool
                if kind in s.sentence.kinds and quote_key(s.sentence.text) not in seen
            ),
            None,
        )
        if extra is not None:
            chosen.append((extra, [extra.sentence]))
            seen.add(quote_key(extra.sentence.text))
            covered_kinds |= extra.sentence.kinds
    by_pos = {(s.chunk.chunk_id, s.sentence.index): s for s in scored}
    selected: list[Scored] = []
    for cand, block in chosen:
        for sent in block:
            own = by_pos.get((cand.chunk.chunk_id, sent.index))
            selected.append(
                cand
                if sent is cand.sentence
                else replace(
                    cand,
                    sentence=sent,
                    missing=(),
                    covered=own.covered if own is not None else frozenset(),
                )
            )
    selected.extend(_completions(selected, pool, best, seen, config, text))
    company: dict[str, tuple[Scored, ...]] = {}
    for cand in scored[:_NEARBY]:
        for lemma in cand.covered:
            company[lemma] = (*company.get(lemma, ()), cand)
    nearby = frozenset(company)
    return Evidence(
        tuple(selected),
        best,
        top,
        frozenset(hard - covered_kinds),
        neighbour,
        nearby,
        company,
    )
