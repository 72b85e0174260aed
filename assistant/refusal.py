"""When to say "En löydä tähän vastausta asiakirjoista." instead of answering.

Questions that try to give orders (:mod:`assistant.safety`) are refused first. Most near misses
are refused by hard requirements (:mod:`assistant.constraints`) and by
:func:`assistant.terms.unknown_concepts`; the thresholds below catch weak evidence, and the
signals of :mod:`assistant.contrast` catch answers about a neighbouring thing. The dense and
coverage thresholds were calibrated with ``python -m assistant.tune`` on
``eval/questions/demo.jsonl`` (160 questions, 26 unanswerable). The contrast thresholds are round
values set from their definitions and then checked on that set: a quarter of the question's
weight for the typed-answer coverage and the neighbour gain, and 0.87 (about the lower quartile,
0.875, of the best-sentence similarity of answerable Finnish questions) when only background
words match. Result: refusal precision and recall 0.962, false refusals 0.7 % (1 of 134). Set
and checked on that same set, so expect lower figures on unseen questions.

Added after the first held-out set (``eval/questions/holdout.jsonl``, 90 questions, then a
development set) showed where these rules did not generalise, each checked on both sets:
``min_dense_covered`` lets a sentence that covers every counted question word pass at 0.78 (a
follow-up "Milloin se tuli voimaan?" scored 0.7999 on its answer); ``max_value_gap`` (a round
0.30, above a quarter like the other contrast values; the answerable questions of both sets stay
at or below 0.24) refuses counts and amounts given for a neighbouring thing. Figures in
CHANGELOG.md. After the second held-out set, English and Swedish questions (checked on similarity
only until then) also get the value gap, over their words translated to Finnish.

After the third held-out set (also used for development then; a fourth one, written blind, is the
final check): a question asking when is refused when no quoted sentence gives a time (a date, a
time phrase such as "kun ..." or "kesällä", a weekday or clock time); and a person is a value
kind, so a person named for another thing is a value gap (:mod:`assistant.contrast`).

In the seventh session: a question with a year bound ("vuoden 2027 jälkeen") is refused when its
best match misses only that bound (the documents speak of the thing up to the year, and a later
year in a weaker match is about something else); and an English or Swedish question with no
specific word the glossary knows and no kind asked needs the background similarity (0.87).

In the tenth session the word-coverage bar went from 0.40 (calibrated on ``demo.jsonl`` alone) to
a third, 0.33. Re-running the last three blind sets at the commits they were first run at showed
that 8 of their 14 false refusals were ``weak_coverage`` at 0.34-0.39 (long, chatty questions
whose extra words dilute the share). On all 20 sets of the time, 0.35 and 0.33 refused every
near miss the 0.40 bar refused and won two answers (0.30 and 0.25 lost one answer part, 0.20
answered a near miss): the near misses are caught by the other rules, not by this bar. A question
asking the day ("Minä päivänä ...?") is refused when no quoted sentence gives one (the documents
say only "kesällä 2022" of the first call), like "Milloin" without any time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.constraints import Constraints
from assistant.contrast import (
    background_only,
    neighbour_gain,
    nothing_specific,
    sibling_value,
    typed_answer,
    value_gap,
)
from assistant.evidence import Evidence, Scored
from assistant.kinds import tells_when
from assistant.terms import QWord

# the reason of a refusal whose value is given for a thing named beside the one asked
SIBLING_VALUE = "sibling_value"
# a later part pointing back at what the first part asked, which the documents do not have
LEANS_ON_MISSING = "leans_on_missing"
# the documents count the things asked for but do not say which ones they are
COUNT_NOT_WHICH = "count_not_which"
REFUSAL_FI = "En löydä tähän vastausta asiakirjoista."
_REFUSAL = {
    "fi": REFUSAL_FI,
    "en": f"I could not find an answer to this in the documents. ({REFUSAL_FI})",
    "sv": f"Jag hittar inget svar på det här i dokumenten. ({REFUSAL_FI})",
}
_CITY_NOTE = {
    "fi": "Aineisto käsittelee Porin ekosysteemisopimusta; muiden kaupunkien sopimusten "
    "yksityiskohtia en löydä siitä.",
    "en": "The documents cover the City of Pori's agreement; I cannot find details of other "
    "cities' agreements in them.",
    "sv": "Dokumenten gäller Björneborgs (Pori) avtal; detaljer om andra städers avtal hittar "
    "jag inte i dem.",
}
_INJECTION_NOTE = {
    "fi": "Vastaan vain kysymyksiin asiakirjojen sisällöstä enkä noudata kysymykseen "
    "kirjoitettuja ohjeita.",
    "en": "I only answer questions about what the documents say, and I do not follow "
    "instructions written into a question.",
    "sv": "Jag svarar bara på frågor om vad dokumenten säger och följer inte instruktioner "
    "som skrivits in i en fråga.",
}
_SUGGEST = {
    "fi": "Alla on lähimmät kohdat, joista voi olla apua.",
    "en": "The closest passages, which may help, are listed below.",
    "sv": "De närmaste avsnitten, som kan vara till hjälp, finns nedan.",
}


@dataclass(frozen=True)
class RefusalConfig:
    """Evidence weaker than this is refused (see the module docstring for the calibration)."""

    min_dense: float = 0.80  # cosine of the best eligible sentence (Finnish questions)
    min_coverage: float = 0.33  # weighted share of question words it covers (Finnish)
    min_dense_other: float = 0.75  # English and Swedish questions (word coverage does not apply)
    min_coverage_typed: float = 0.25  # a typed answer for the identified thing (assistant.contrast)
    max_neighbour_gain: float = 0.25  # share of question words only a near miss covers
    min_dense_background: float = 0.87  # the sentence matches only background words
    max_value_gap: float = 0.30  # share of specific words a count/amount answer leaves out
    min_dense_covered: float = 0.78  # the sentence covers every counted question word
    premise: float = 0.6  # coverage of a stated premise for its sentence to be quoted


@dataclass(frozen=True)
class Verdict:
    """Whether to refuse, and why (for logs, tests and tuning)."""

    refuse: bool
    reason: str = ""


_FULL = 0.999
_WORD = re.compile(r"[^\W\d_]{2,40}")


def has_content(text: str) -> bool:
    """Whether a question has at least one plausible word (2-40 letters, not one letter repeated).

    Emoji-only questions and keyboard mashing have no evidence to find; without this rule the
    closest passage (often the sample-material notice) was quoted as an answer.
    """
    return any(len(set(w.lower())) > 1 for w in _WORD.findall(text))


def decide(
    evidence: Evidence,
    constraints: Constraints,
    language: str,
    config: RefusalConfig,
    unknown: Sequence[QWord] = (),
) -> Verdict:
    """Refuse near misses, questions about things the documents never name, weak evidence."""
    if constraints.injection:
        return Verdict(True, "injection")
    if constraints.refuse_city:
        return Verdict(True, "other_city")
    if unknown:
        return Verdict(True, "unknown_concept:" + ",".join(w.lemma for w in unknown))
    best, top = evidence.best, evidence.top
    if best is None or not evidence.found:
        why = ",".join(top.missing) if top is not None and top.missing else "no_sentence"
        return Verdict(True, f"requirements:{why}")
    if (
        top is not None
        and top.missing
        and all(m.startswith("bound:") for m in top.missing)
        and top.score > best.score
    ):
        # "Jatkuuko sopimus vuoden 2027 jälkeen?": the best match says the agreement covers
        # 2021–2027 and nothing later; a later year in a weaker match (R&D spending in 2030)
        # is about something else
        return Verdict(True, "within_bound")
    if "date" in constraints.kinds and not any(
        tells_when(s.sentence.kinds) for s in evidence.selected
    ):
        # "Milloin IKI-hanke alkaa?": the sentences about IKI give no time at all
        return Verdict(True, "no_time")
    if "day" in constraints.kinds and not any("day" in s.sentence.kinds for s in evidence.selected):
        # "Minä päivänä ensimmäinen haku sulkeutui?": the documents say only "kesällä 2022"
        return Verdict(True, "no_day")
    if constraints.which and all(
        "count" in s.sentence.kinds and not s.sentence.lead_in for s in evidence.selected
    ):
        # "Mitkä ne kolme hakemusta olivat, jotka eivät saaneet rahoitusta?": how many there were
        # does not say which
        return Verdict(True, COUNT_NOT_WHICH)
    if constraints.which_many and _counts_others(evidence, *constraints.which_many):
        # "Mitkä kolme hakemusta jäivät ilman rahoitusta?": the documents count 8 applications and
        # 5 funded projects; which three were left out they do not say
        return Verdict(True, COUNT_NOT_WHICH)
    if language == "fi":
        return _decide_finnish(evidence, best, constraints, config)
    if best.dense < config.min_dense_other:
        return Verdict(True, f"weak_dense:{best.dense:.3f}")
    if (
        not constraints.kinds
        and nothing_specific(best)
        and best.dense < config.min_dense_background
    ):
        # "Hur bokar jag en tid hos hälsocentralen i Björneborg?": no word the glossary knows
        # says what is asked, nor does a kind of answer; only a convincing similarity may answer
        return Verdict(True, f"nothing_specific:{best.dense:.3f}")
    # word coverage is not reliable across languages, but an amount or count given for another
    # thing is still a near miss ("Hur mycket pengar satsar staden själv ...?")
    gap = 0.0 if typed_answer(best, constraints) else value_gap(evidence, constraints)
    if gap >= config.max_value_gap:
        return Verdict(True, f"value_gap:{gap:.2f}")
    return Verdict(False)


_COUNT_OF = re.compile(
    r"\b(\d+|kah\w*|kaks\w*|kolm\w*|nelj\w*|vii\w*|kuu\w*|kahdeks\w*)\s+(?:[\w-]+\s+)?([^\W\d_]+)",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"kahd": 8, "kah": 2, "kak": 2, "kol": 3, "nel": 4, "vii": 5, "kuu": 6}


def _count_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    low = word.lower()
    return next((n for prefix, n in _NUMBER_WORDS.items() if low.startswith(prefix)), None)


def _counts_others(evidence: Evidence, asked: int, stem: str) -> bool:
    """Whether the quoted sentences list nothing, and the retrieved ones count the asked thing
    by other numbers only."""
    if any(s.sentence.lead_in for s in evidence.selected):
        return False
    retrieved = [*evidence.selected, *(s for near in evidence.company.values() for s in near)]
    counts = {
        _count_value(m.group(1))
        for s in retrieved
        for m in _COUNT_OF.finditer(s.sentence.text)
        if m.group(2).lower().startswith(stem)
    }
    counts.discard(None)
    return bool(counts) and asked not in counts


def _decide_finnish(
    evidence: Evidence, best: Scored, constraints: Constraints, config: RefusalConfig
) -> Verdict:
    """Dense and word-coverage thresholds, then the signals of :mod:`assistant.contrast`."""
    full = best.coverage >= _FULL  # complete word evidence may make up for a little similarity
    if best.dense < (config.min_dense_covered if full else config.min_dense):
        return Verdict(True, f"weak_dense:{best.dense:.3f}")
    typed = typed_answer(best, constraints)
    if best.coverage < (config.min_coverage_typed if typed else config.min_coverage):
        return Verdict(True, f"weak_coverage:{best.coverage:.2f}")
    gain = 0.0 if typed else neighbour_gain(evidence.selected, evidence.neighbour)
    if gain >= config.max_neighbour_gain:
        return Verdict(True, f"neighbour:{gain:.2f}")
    if not typed and background_only(best) and best.dense < config.min_dense_background:
        return Verdict(True, f"background_only:{best.dense:.3f}")
    if not typed and sibling_value(evidence, constraints):
        return Verdict(True, SIBLING_VALUE)
    gap = 0.0 if typed else value_gap(evidence, constraints)
    if gap >= config.max_value_gap:
        return Verdict(True, f"value_gap:{gap:.2f}")
    return Verdict(False)


def refusal_text(language: str, reason: str = "", with_suggestions: bool = True) -> str:
    """The refusal in the question's language (the Finnish sentence is always included)."""
    parts = [_REFUSAL.get(language, REFUSAL_FI)]
    if reason == "other_city":
        parts.append(_CITY_NOTE.get(language, _CITY_NOTE["fi"]))
    elif reason == "injection":
        parts.append(_INJECTION_NOTE.get(language, _INJECTION_NOTE["fi"]))
    if with_suggestions:
        parts.append(_SUGGEST.get(language, _SUGGEST["fi"]))
    return " ".join(parts)


_PARTIAL = {
    "fi": "En löydä asiakirjoista vastausta tähän kysymyksen osaan: {parts}",
    "en": "I could not find an answer in the documents to this part of the question: {parts}",
    "sv": "Jag hittar inget svar i dokumenten på den här delen av frågan: {parts}",
}


def partial_note(language: str, parts: Sequence[str]) -> str:
    """Says which parts of a two-part question the documents do not answer."""
    quoted = "; ".join(f"\u201d{p}\u201d" for p in parts)
    return _PARTIAL.get(language, _PARTIAL["fi"]).format(parts=quoted)
