"""Whether the best sentence answers *this* question or only something next to it.

Six signals on top of the plain thresholds of :mod:`assistant.refusal`, each defined without
reference to particular questions:

* a **typed answer**: the question asks for a kind of answer (a date, an amount, ...) *and* names
  which thing it means (an ordinal, a number or a name), and the sentence gives that kind and
  meets those requirements. The rest of the question is then mostly wording ("Mihin mennessä
  hakemukset piti jättää?" is answered by "... päättyi 31. joulukuuta 2023"), so a lower word
  coverage is enough.
* a **neighbour gain**: a sentence that misses only which thing is meant (the first call for a
  question about the second one) outscores the answer and covers question words that no quoted
  sentence covers. The documents then state the fact for the neighbour, not for the thing asked
  about: the near miss the assistant must refuse.
* a **value gap**: a count, amount or rate is asked, and the quoted sentences leave out specific
  question words that other retrieved sentences do cover: the number is given for a neighbouring
  thing (another sector, another programme), not for the one asked about.
* **background only**: the question has specific words (ones found in fewer than about half of
  the passages, or in none), but the sentence matches only background words such as "Pori".
  Word overlap then says nothing, and the dense similarity alone must be convincing (unless the
  answer is typed: its kind and the question's identifying details already tie it down).
* a **sibling value**: the count or sum is given for a thing that a retrieved sentence names
  beside the one asked ("teknologiametallit ja kiertotalous sekä automaatio ja robotiikka"):
  the two are alternatives, so the number answers the other one, however small the word gap.
* **nothing specific**: an English or Swedish question none of whose words the glossary knows as
  a specific Finnish term, and which asks for no kind of answer: the same rule, for a question
  the word evidence cannot tie to the documents at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.constraints import Constraints
from assistant.coordination import STEM, coordinated
from assistant.evidence import Evidence, Scored
from assistant.kinds import given_kinds
from assistant.names import has_name
from assistant.question import words
from assistant.terms import QWord, asks_for_kind, counted, is_specific

UNSAID_WEIGHT = 0.25  # of a word the documents never use, against the words they do


def typed_answer(best: Scored, constraints: Constraints) -> bool:
    """The sentence gives the asked kind of answer for the thing the question identifies."""
    # a name identifies the thing only when the sentence itself says it: "... -ohjelman
    # EU-rahoitus on noin 1,9 miljardia euroa" in a passage naming the JTF is no JTF sum
    tokens = words(best.sentence.text)
    # ... and a number only the context gives ("Teknologiametalleissa on 3 000 työpaikkaa, mutta
    # paljonko ...?") says what the asker knows, not which thing is asked
    identified = bool(
        constraints.ordinals
        or any(f"number:{n}" not in constraints.loose for n in constraints.numbers)
        or (constraints.names and all(has_name(tokens, n) for n in constraints.names))
    )
    kinds = constraints.kinds
    if kinds & {"person", "activity"}:
        # a person is tied to the thing asked by a role ("Satakuntaliiton yhteyshenkilö"), and
        # what a project does by its name, which only words state: the sentence must cover them
        # like any other answer
        return False
    given = given_kinds(kinds, best.sentence.kinds)
    return identified and bool(kinds) and kinds <= given and best.eligible


def neighbour_gain(selected: Sequence[Scored], neighbour: Scored | None) -> float:
    """Weight share of the question's words that ``neighbour`` covers and no quoted sentence does."""
    if neighbour is None:
        return 0.0
    used = [w for w in neighbour.qwords if counted(w)]
    total = sum(w.weight for w in used)
    if total <= 0:
        return 0.0
    answered = frozenset().union(*(s.covered for s in selected))
    gained = [w for w in used if w.lemma in neighbour.covered and w.lemma not in answered]
    return sum(w.weight for w in gained) / total


VALUE_KINDS = frozenset({"count", "money", "rate", "amount", "share", "person", "activity"})
# kinds whose answer names its thing in words: a specific word must be covered even when no
# retrieved passage has it
_NAMED_KINDS = frozenset({"person", "activity"})
# the value kinds that are sums or counts
SUM_KINDS = VALUE_KINDS - _NAMED_KINDS


@dataclass(frozen=True)
class _Gap:
    words: tuple[QWord, ...]  # specific question words the value answer leaves out
    share: float  # their weight share (with the words the documents never use)
    valued: tuple[Scored, ...]  # the quoted sentences that give a sum or count


def _value_gap(evidence: Evidence, constraints: Constraints) -> _Gap | None:
    if not constraints.kinds & VALUE_KINDS or evidence.best is None:
        return None
    used = [w for w in evidence.best.qwords if counted(w)]
    # a word the documents never use ("vuosittain", "kokonaisbudjetti") says which value is
    # asked, and no passage gives that one
    unsaid = [
        w
        for w in evidence.best.qwords
        if not counted(w) and not w.context and not asks_for_kind(w, constraints.kinds)
    ]
    unsaid_weight = UNSAID_WEIGHT * sum(w.weight for w in unsaid)
    total = sum(w.weight for w in used) + unsaid_weight
    if total <= 0:
        return None
    # what a project does is said of it in the best sentence, not by the list around it
    # ... and a sum or count by the sentences that give one: "Paljonko JTF:n rahaa ohjelmassa
    # on?" is not answered by the list naming the JTF next to the programme's total
    valued = tuple(s for s in evidence.selected if s.sentence.kinds & constraints.kinds & SUM_KINDS)
    answered = (
        evidence.best.covered
        if "activity" in constraints.kinds
        else frozenset().union(*(s.covered for s in (valued or evidence.selected)))
    )
    # a person's role must be said even when no passage says it ("Kenen nimi on kaupungin
    # allekirjoituksena?" is not answered by the contact person), and so must the project whose
    # work is asked ("Mitä Reboot Satakunta -hankkeessa tehdään?" is not answered by KARHU's)
    role = bool(constraints.kinds & _NAMED_KINDS)
    gap = tuple(
        w
        for w in used
        if is_specific(w) and w.lemma not in answered and (role or w.lemma in evidence.nearby)
    )
    return _Gap(gap, (sum(w.weight for w in gap) + unsaid_weight) / total, valued)


def value_gap(evidence: Evidence, constraints: Constraints) -> float:
    """Weight share of specific question words a value answer leaves out but the passages have.

    A number answers only the exact thing asked: "Kuinka monta työpaikkaa automaation alalla?"
    answered with the jobs of another sector covers the counted words but not the sector, though
    the retrieved passages do talk about that sector. 0.0 unless a count, amount or rate is asked.
    """
    gap = _value_gap(evidence, constraints)
    return 0.0 if gap is None else gap.share


def sibling_value(evidence: Evidence, constraints: Constraints) -> bool:
    """The sum or count is given for a thing the documents name beside the one asked.

    "Montako suoraa työpaikkaa automaatio- ja robotiikka-alalla on?" is answered with "Porin
    seudun teknologiametallien ja kiertotalouden ekosysteemissä on noin 3 000 suoraa
    työpaikkaa." only by a word gap too small for :func:`value_gap`; but a retrieved sentence
    joins the two ("teknologiametallit ja kiertotalous sekä automaatio ja robotiikka"): they are
    alternatives, and the number belongs to the other one.
    """
    return bool(sibling_words(evidence, constraints))


def sibling_words(evidence: Evidence, constraints: Constraints) -> frozenset[str]:
    """The words of the value sentences that a retrieved sentence joins to a left-out question
    word (see :func:`sibling_value`); empty when there are none."""
    gap = _value_gap(evidence, constraints)
    if gap is None or not gap.words or not gap.valued or evidence.best is None:
        return frozenset()
    asked = [w.lemma for w in evidence.best.qwords] + [
        part for w in evidence.best.qwords for part in w.parts
    ]
    # the valued sentences' own words: long, not numbers, not a form of a question word
    own = frozenset(
        t
        for s in gap.valued
        for t in s.sentence.terms
        if len(t) >= _MIN_OWN and t.isalpha() and not _related(t, asked)
    )
    return frozenset(
        t
        for w in gap.words
        for s in evidence.company.get(w.lemma, ())
        for t in own & s.sentence.terms
        if coordinated(s.sentence.text, t, w.lemma)
    )


_MIN_OWN = 6


def _related(term: str, lemmas: Sequence[str]) -> bool:
    return any(term in q or q in term or term[:STEM] == q[:STEM] for q in lemmas)


def background_only(best: Scored) -> bool:
    """The question has specific words, and the sentence covers none of them."""
    specific = [w for w in best.qwords if is_specific(w)]
    return bool(specific) and not any(w.lemma in best.covered for w in specific)


def nothing_specific(best: Scored) -> bool:
    """The question has no specific word that counts (only background words, or none known).

    For an English or Swedish question these are the glossary's Finnish terms: a question whose
    words the glossary does not know, or knows only as background ("Björneborg"), is about
    something the word evidence cannot tie to the documents.
    """
    return not any(is_specific(w) and counted(w) for w in best.qwords)
