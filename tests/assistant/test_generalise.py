"""Mechanisms that keep answers and refusals general: framing words, names and requirements in
context, long questions, count announcements, value gaps (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

import numpy as np
import pytest

from assistant.constraints import Constraints, HeadTerms, OrdinalPhrase, extract, violations
from assistant.context import split_context
from assistant.contrast import UNSAID_WEIGHT, value_gap
from assistant.eligibility import is_eligibility
from assistant.evidence import Evidence, EvidenceConfig, Scored, score_sentences, select
from assistant.question import contextualise, sub_questions
from assistant.sentencebank import ChunkSentences
from assistant.terms import (
    QWord,
    TermStats,
    counted,
    question_words,
    unknown_concepts,
)
from ingest.models import Chunk
from tests.assistant import fakes
from tests.assistant.fakes import FakeAnalyzer, group, make_chunk, one_sentence_evidence

STATS = TermStats([["haku", "yhteys", "vuosi", "pori", "kaupunki", "auki"], ["pori", "haku"]])
HEADS = HeadTerms(FakeAnalyzer(), vocabulary={"haku", "rahoitushaku"})


class SplitAnalyzer(fakes.SplitAnalyzer):
    """The fake analyzer, with a few compounds split as Voikko splits them."""

    SPLIT: ClassVar[dict[str, list[str]]] = {
        "yhteyshenkilön": ["yhteyshenkilö", "yhteys", "henkilö"],
        "vuodenaikana": ["vuodenaika", "vuosi", "aika"],
        "päivämäärään": ["päivämäärä", "päivä", "määrä"],
        "aikanaan": ["aikanaan", "aika", "naan"],
        "kaupunginjohtaja": ["kaupunginjohtaja", "kaupunki", "johtaja"],
        "aukioloajat": ["aukioloaika", "aukiolo", "aika"],
        "yhteenlaskettu": ["yhteenlaskettu", "yhteen", "laskettu"],
        "päämäärä": ["päämäärä", "pää", "määrä"],
        "sopimuskierroksessa": ["sopimuskierros", "sopimus", "kierros"],
        "kärkialalistauksessa": ["kärkialalistaus", "kärkiala", "listaus"],
    }


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Mikä on yhteyshenkilön nimi?", []),  # known word + a head naming the answer's kind
        ("Minä vuodenaikana haku oli auki?", []),
        ("Mihin päivämäärään asti haku on auki?", []),
        ("Kenen kanssa painopisteet aikanaan valittiin?", []),  # a discourse adverb
        ("Kuka on kaupunginjohtaja?", ["kaupunginjohtaja"]),  # a concept the corpus lacks
        ("Mitkä ovat aukioloajat?", ["aukioloaika"]),  # unknown modifier: a concept
        ("Mikä on yhteenlaskettu liikevaihto?", []),  # a participle describes, names nothing
    ],
)
def test_framing_words_are_no_unknown_concepts(question: str, unknown: list[str]) -> None:
    analyzer = SplitAnalyzer()
    words = question_words(question, analyzer, STATS)
    assert [w.lemma for w in unknown_concepts(words, STATS, analyzer)] == unknown


def test_a_list_of_known_things_is_no_unknown_concept() -> None:
    analyzer = SplitAnalyzer()
    stats = TermStats([["kärkiala", "ala"], ["pori"]])
    words = question_words("Mitä aloja kärkialalistauksessa mainitaan?", analyzer, stats)
    assert unknown_concepts(words, stats, analyzer) == []


def test_an_unknown_simple_word_owning_a_contact_detail_is_an_unknown_concept() -> None:
    # "pormestarin puhelinnumero": the documents give no mayor's number; elsewhere an unknown
    # simple word is usually a colloquial verb, and a capitalised one a (misspelt) name
    analyzer = SplitAnalyzer()
    owners = frozenset({"pormestarin", "heinosen"})
    asked = question_words("Mikä on pormestarin puhelinnumero?", analyzer, STATS)
    assert [w.surface for w in unknown_concepts(asked, STATS, analyzer, owners)] == ["pormestarin"]
    assert unknown_concepts(asked, STATS, analyzer) == []
    named = question_words("Mikä on Heinosen puhelinnumero?", analyzer, STATS)
    assert unknown_concepts(named, STATS, analyzer, owners) == []


def test_context_sentences_weigh_less_and_name_no_unknown_concept() -> None:
    text = "Hei, täällä kaupunginjohtaja. Milloin haku oli auki?"
    asked, context = split_context(text)
    assert asked == "Milloin haku oli auki?" and context == "Hei, täällä kaupunginjohtaja."
    analyzer = SplitAnalyzer()
    words = {w.lemma: w for w in question_words(text, analyzer, STATS)}
    assert words["kaupunginjohtaja"].context and not words["haku"].context
    alone = {w.lemma: w for w in question_words("Kaupunginjohtaja?", analyzer, STATS)}
    assert words["kaupunginjohtaja"].weight < alone["kaupunginjohtaja"].weight
    assert unknown_concepts(list(words.values()), STATS, analyzer) == []
    assert split_context("Kerro haun painotukset. Milloin se oli auki?")[1] == ""
    assert split_context("Milloin haku oli auki")[1] == ""


def test_what_the_asker_knows_before_mutta_is_context() -> None:
    asked, context = split_context(
        "Teknologiametalleissa on 3 000 työpaikkaa, mutta paljonko niitä on robotiikassa?"
    )
    assert (asked, context) == (
        "paljonko niitä on robotiikassa?",
        "Teknologiametalleissa on 3 000 työpaikkaa,",
    )


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("mitä ne SAMKin hankkeet oli?", ("samk",)),
        ("Mitä TEMin sivuilla lukee?", ("tem",)),
        ("Paljonko EAKR:n rahoitus on?", ("eakr",)),
        ("Mikä SUMEA-hanke on?", ("sumea",)),
    ],
)
def test_acronyms_with_case_endings_give_the_acronym(question: str, names: tuple[str, ...]) -> None:
    assert extract(contextualise(question), HEADS).names == names


def test_a_name_may_be_met_by_the_passage_around_the_sentence() -> None:
    constraints = extract(contextualise("Mikä on Innokaupungit-haun sähköpostiosoite?"), HEADS)
    sentence = "Teemu Heinon sähköpostiosoite on teemu.heino@pori.fi."
    assert violations(sentence, "", "", constraints, HEADS) == ["name:innok"]
    passage = f"Innokaupungit Pori -haku on auki. {sentence}"
    assert violations(sentence, "", "", constraints, HEADS, passage) == []


def scored_for(
    constraints: Constraints, *chunks: Chunk
) -> tuple[list[Scored], list[ChunkSentences]]:
    groups = []
    for chunk in chunks:
        grp = group(chunk)
        ones = np.ones((len(grp.sentences), 4), np.float32) / 2
        groups.append(type(grp)(grp.chunk, grp.sentences, ones))
    qvec = np.array([1, 0, 0, 0], np.float32)
    scored = score_sentences(qvec, [], constraints, HEADS, groups, {}, EvidenceConfig())
    return scored, groups


QVEC = np.array([1, 0, 0, 0], np.float32)


def with_sims(chunk: Chunk, sims: list[float]) -> ChunkSentences:
    """The chunk's sentences with vectors at cosine ``sims`` to :data:`QVEC`."""
    grp = group(chunk)
    vectors = np.array([[s, (1 - s * s) ** 0.5, 0, 0] for s in sims], np.float32)
    return type(grp)(grp.chunk, grp.sentences, vectors)


def quoted_from(
    groups: list[ChunkSentences],
    constraints: Constraints | None = None,
    qwords: list[QWord] | None = None,
) -> tuple[list[Scored], list[str]]:
    """The scored candidates of ``groups`` and the sentences an answer quotes from them."""
    constraints = constraints or Constraints()
    config = EvidenceConfig()
    scored = score_sentences(QVEC, qwords or [], constraints, HEADS, groups, {}, config)
    return scored, [s.sentence.text for s in select(scored, constraints, groups, config).selected]


def test_requirements_only_the_history_gives_are_met_by_the_passage_or_relaxed() -> None:
    q = contextualise("Kenelle siitä voi soittaa?", ["Milloin toinen rahoitushaku oli auki?"])
    constraints = extract(q, HEADS)
    assert constraints.from_history == {"ordinal:toinen"} and "phone" in constraints.kinds
    call = make_chunk("Toinen rahoitushaku oli auki 18.10.2023–31.12.2023.", chunk_id="c1")
    contact = make_chunk("Lisätietoja antaa Teemu Heino, puh. 044 701 8303.", chunk_id="c2")
    together = make_chunk(call.text + " " + contact.text, chunk_id="c3")
    scored, _ = scored_for(constraints, together)
    assert all(not s.missing for s in scored)  # the passage names the second call
    scored, groups = scored_for(constraints, call, contact)
    phone = next(s for s in scored if "phone" in s.sentence.kinds)
    assert phone.missing == ("ordinal:toinen",)
    evidence = select(scored, constraints, groups, EvidenceConfig())
    assert evidence.found and evidence.neighbour is None
    assert evidence.selected[0].sentence.text.startswith("Lisätietoja")
    strict = Constraints(kinds=constraints.kinds, ordinals=constraints.ordinals)
    assert not select(scored, strict, groups, EvidenceConfig()).found
    # a thing no passage mentions stays required: "kolmas" is a near miss
    history = ["Milloin kolmas rahoitushaku avautuu?"]
    third = extract(contextualise("Kenelle siitä voi soittaa?", history), HEADS)
    scored, groups = scored_for(third, call, contact)
    assert not select(scored, third, groups, EvidenceConfig()).found
    rewritten = extract(
        contextualise("Entä ensimmäinen?", ["Milloin toinen haku oli auki?"]), HEADS
    )
    assert rewritten.from_history == frozenset()


def test_a_number_from_a_context_sentence_may_be_met_by_the_passage() -> None:
    text = "Kuulin, että syksyllä 2023 oli haku. Mitä siinä haussa painotettiin?"
    constraints = extract(contextualise(text), HEADS)
    assert constraints.loose == {"number:2023"}
    sentence = "Haun painotus oli osaajien houkuttelu."
    assert violations(sentence, "", "", constraints, HEADS) == ["number:2023"]
    assert violations(sentence, "", "", constraints, HEADS, "Haku 2023. " + sentence) == []


def test_a_city_word_inside_a_name_of_the_corpus_is_no_other_city() -> None:
    heads = HeadTerms(FakeAnalyzer())
    question = contextualise("Mitä Tampereen yliopiston KARHU-hankkeessa tutkitaan?")
    assert extract(question, heads).refuse_city
    heads.use_phrases(["KARHU-hankkeen toteuttaa Tampereen yliopisto."])
    assert not extract(question, heads).refuse_city
    assert extract(contextualise("Mitkä ovat Tampereen painopisteet?"), heads).refuse_city


def test_upcoming_date_questions_need_a_date_after_today() -> None:
    today = date(2026, 11, 28)
    constraints = extract(contextualise("Milloin seuraava haku avautuu?"), HEADS, today)
    assert constraints.after == today
    assert violations("Haku avautui 18.10.2023.", "", "", constraints, HEADS) == ["upcoming"]
    assert extract(contextualise("Milloin toinen haku avautui?"), HEADS, today).after is None


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Kuka toteuttaa SUMEA-hankkeen, ja keneltä saa lisätietoja hankehausta?", 2),
        ("Kuka toteuttaa SUMEA-hankkeen ja kenet voi tavata?", 2),
        ("Kuka toteuttaa SUMEA-hankkeen?", 1),
        # a yes/no question joined to the first one
        ("Minkä alueen ohjelma Uudistuva ja osaava Suomi on, ja koskeeko se Ahvenanmaata?", 2),
        ("Kuka toteuttaa SUMEA-hankkeen ja KARHU-hankkeen?", 1),  # two things, one question
    ],
)
def test_two_questions_are_split_on_more_interrogatives(question: str, parts: int) -> None:
    assert len(sub_questions(contextualise(question))) == parts


@pytest.mark.parametrize(
    ("question", "eligibility"),
    [
        ("Onko tällainen hanke Porin painopistealueiden mukainen?", True),
        ("Soveltuuko robotiikkahanke hakuun?", True),
        ("Sopisiko meidän hanke?", True),
        ("Käykö kiertotaloushanke hakuun?", True),
        ("Onko haku auki?", False),
        ("Mikä on sopimuksen mukainen painopiste?", False),
    ],
)
def test_eligibility_detector_widened(question: str, eligibility: bool) -> None:
    assert is_eligibility(question) is eligibility


def test_a_count_word_brings_the_next_sentence() -> None:
    chunk = make_chunk(
        "Ohjelman rahoitus on 1,9 miljardia euroa. Ohjelmaa rahoitetaan kolmesta rahastosta. "
        "Rahastot ovat EAKR, ESR+ ja JTF. Ohjelmassa on viisi toimintalinjaa."
    )
    _, quoted = quoted_from([with_sims(chunk, [0.90, 0.89, 0.70, 0.60])])
    assert quoted[-2:] == [
        "Ohjelmaa rahoitetaan kolmesta rahastosta.",
        "Rahastot ovat EAKR, ESR+ ja JTF.",
    ]
    assert "Ohjelmassa on viisi toimintalinjaa." not in quoted


def test_an_announced_count_brings_as_many_sentences_naming_the_counted_thing() -> None:
    chunk = make_chunk(
        "Porin sopimuksessa on kaksi painopistealuetta. Ensimmäinen painopistealue on "
        "teknologiametallit. Toinen painopistealue on robotiikka. Painopistealueet valittiin "
        "yhdessä. Sopimus on voimassa."
    )
    _, quoted = quoted_from([with_sims(chunk, [0.90, 0.70, 0.69, 0.68, 0.60])])
    assert quoted[:3] == [
        "Porin sopimuksessa on kaksi painopistealuetta.",
        "Ensimmäinen painopistealue on teknologiametallit.",
        "Toinen painopistealue on robotiikka.",
    ]  # two announced: the third sentence naming the thing is not brought
    assert "Painopistealueet valittiin yhdessä." not in quoted


def test_an_announced_item_quoted_from_another_passage_still_counts() -> None:
    text = (
        "Porin sopimuksessa on kaksi painopistealuetta. Ensimmäinen painopistealue on "
        "teknologiametallit. Toinen painopistealue on robotiikka."
    )
    first, other = make_chunk(text), make_chunk(text.split(". ", 1)[1], chunk_id="c2")
    _, quoted = quoted_from([with_sims(first, [0.90, 0.60, 0.55]), with_sims(other, [0.89, 0.50])])
    assert quoted.count("Ensimmäinen painopistealue on teknologiametallit.") == 1
    assert "Toinen painopistealue on robotiikka." in quoted


def test_a_sentence_without_the_asked_attribute_answers_less() -> None:
    stats = TermStats([["hankkeen", "tavoite", "toteuttaa"], ["hankkeen"], ["pori"]])
    qwords = question_words("Mikä on hankkeen tavoite?", FakeAnalyzer(), stats)
    assert [w.lemma for w in qwords if w.attribute] == ["tavoite"]
    # the fake analyzer keeps "pyrkii" (the real one reads it as the documents' "tavoite")
    pyrkii = TermStats([["pyrkii", "hanke"], ["hanke"]])
    verb = question_words("Mihin hanke pyrkii?", FakeAnalyzer(), pyrkii)
    assert [w.surface for w in verb if w.attribute] == ["pyrkii"]
    # "Mikä organisaatio välittää ...?": the verb says what the one asked does
    doer = TermStats([["välittää", "organisaatio", "rahoitus"], ["rahoitus"]])
    asked = question_words("Mikä organisaatio välittää rahoituksen?", FakeAnalyzer(), doer)
    assert [w.surface for w in asked if w.attribute] == ["välittää"]
    first = question_words("Kuka välittää rahoituksen?", FakeAnalyzer(), doer)
    assert [w.surface for w in first if w.attribute] == ["välittää"]
    # "Mihin kahteen teemaan ... liittyvät?" asks which two things, not what they relate to
    two = TermStats([["liittyvät", "teemaan"], ["teemaan"]])
    which = question_words("Mihin kahteen teemaan alat liittyvät?", FakeAnalyzer(), two)
    assert not any(w.attribute for w in which)
    chunk = make_chunk("Hankkeen toteuttaa yritys. Hankkeen tavoite on kasvu.")
    # the name-heavy sentence is closer to the question
    scored, _ = quoted_from([with_sims(chunk, [0.95, 0.86])], qwords=qwords)
    assert scored[0].sentence.text == "Hankkeen tavoite on kasvu."


def _value_evidence(covered: set[str], nearby: set[str]) -> Evidence:
    words = (
        QWord("työpaikkaa", "työpaikka", (), 3.3),
        QWord("automaation", "automaatio", (), 1.8),
        QWord("robotiikan", "robotiikka", (), 1.8),
        QWord("Porin", "pori", (), 0.8),
    )
    return one_sentence_evidence(
        "Ekosysteemissä on noin 3 000 suoraa työpaikkaa.", words, covered, nearby
    )


def test_value_gap_counts_specific_words_other_passages_cover() -> None:
    asks_count = Constraints(kinds=frozenset({"count"}))
    gap = value_gap(
        _value_evidence({"työpaikka", "pori"}, {"automaatio", "robotiikka"}), asks_count
    )
    assert gap == pytest.approx(3.6 / 7.7)
    assert value_gap(_value_evidence({"työpaikka", "pori"}, set()), asks_count) == 0.0
    assert value_gap(_value_evidence({"työpaikka"}, {"automaatio"}), Constraints()) == 0.0


def test_value_gap_counts_a_word_the_documents_never_use() -> None:
    """ "Paljonko valtio maksaa Porille vuosittain?": no passage gives a yearly sum."""
    words = (
        QWord("valtio", "valtio", (), 1.8),
        QWord("Porille", "pori", (), 0.8),
        QWord("vuosittain", "vuosittain", (), 4.0, known=False),
    )
    evidence = one_sentence_evidence(
        "Haussa oli 0,9 miljoonaa euroa valtion rahoitusta.", words, {"valtio", "pori"}, set()
    )
    asks_money = Constraints(kinds=frozenset({"money"}))
    unsaid = UNSAID_WEIGHT * 4.0
    assert value_gap(evidence, asks_money) == pytest.approx(unsaid / (2.6 + unsaid))
    assert value_gap(evidence, Constraints()) == 0.0  # only a value answer is that exact


def test_everyday_money_words_read_as_the_documents_rahoitus() -> None:
    stats = TermStats([["rahoitus", "pori"], ["pori"]])
    words = question_words("mistä se raha tulee?", FakeAnalyzer(), stats)
    assert "rahoitus" in {w.lemma for w in words}


def test_a_part_that_leans_on_the_first_is_a_follow_up_of_it() -> None:
    first, second = sub_questions(
        contextualise("Kuka toteuttaa KARHU-hankkeen ja keneltä saa lisätietoja?")
    )
    assert not first.followup and second.followup
    assert extract(second, HEADS).from_history == {"name:karhu"}


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Kuinka suuren rahoituksen hanke sai?", {"money"}),
        ("Mihin aikaan toimisto on auki?", {"time"}),
        ("Mihin aikaan vuodesta haku oli auki?", set()),
    ],
)
def test_more_answer_kinds(question: str, kinds: set[str]) -> None:
    assert extract(contextualise(question), HEADS).kinds == kinds


def test_a_round_of_agreements_is_the_agreements() -> None:
    stats = TermStats([["sopimus", "kaupunkiseutu"], ["sopimus"]])
    words = question_words("sopimuskierroksessa mukana", SplitAnalyzer(), stats)
    assert "sopimus" in {w.lemma for w in words}  # "kierros" is a vague head, no new concept
    assert not unknown_concepts(words, stats, SplitAnalyzer())


def test_a_name_only_the_context_gives_never_blocks_the_answer() -> None:
    """ "... miettii TKI-hanketta oppilaitoksen kanssa. Osuuko robotiikka painopistealueisiin?":
    no retrieved sentence need say "TKI" (unlike a follow-up's history, see the next test)."""
    text = "Porin toinen painopistealue on automaatio ja robotiikka."
    grp = with_sims(make_chunk(text), [0.9])
    constraints = Constraints(names=("tki",), loose=frozenset({"name:tki"}))
    scored, quoted = quoted_from([grp], constraints)
    assert scored[0].missing == ("name:tki",) and quoted == [text]
    history = replace(constraints, from_history=frozenset({"name:tki"}))
    assert select(scored, history, [grp], EvidenceConfig()).best is None


def test_a_sentence_missing_only_the_context_competes_with_one_that_meets_it() -> None:
    """ "Toisen haun hankkeiden täytyy toteuttaa erästä EU-ohjelmaa. Minä päivänä valtioneuvosto
    hyväksyi kyseisen ohjelman?": the approval date does not say "toinen", the premise's own
    sentence does; the better scored one is quoted, not only the one meeting the premise."""
    date_text = "Valtioneuvosto hyväksyi ohjelman 21.10.2021."
    premise_text = "Toisessa haussa hankkeiden on toteutettava ohjelmaa."
    dated = with_sims(make_chunk(date_text, chunk_id="a"), [0.9])
    premise = with_sims(make_chunk(premise_text, chunk_id="b"), [0.7])
    second = OrdinalPhrase("toinen", frozenset({"haku"}))
    constraints = Constraints(ordinals=(second,), loose=frozenset({"ordinal:toinen"}))
    scored, quoted = quoted_from([dated, premise], constraints)
    assert quoted[0] == date_text
    # what only the history gives stays preferred while some sentence meets it
    history = replace(constraints, from_history=frozenset({"ordinal:toinen"}))
    assert select(scored, history, [dated, premise], EvidenceConfig()).best.sentence.text == (
        premise_text
    )


def test_an_everyday_synonym_is_read_as_the_documents_word_without_its_parts() -> None:
    stats = TermStats([["tavoite", "hanke"], ["hanke"]])
    words = question_words("hankkeen päämäärä", SplitAnalyzer(), stats)
    päämäärä = next(w for w in words if w.surface == "päämäärä")
    assert (päämäärä.lemma, päämäärä.parts) == ("tavoite", ())  # "määrä" asks no amount here


def test_a_compound_participle_does_not_count_for_coverage() -> None:
    words = question_words("yhteenlaskettu haku", SplitAnalyzer(), STATS)
    assert [w.lemma for w in words if counted(w)] == ["haku"]


def test_a_person_answer_must_say_the_role_even_when_no_passage_does() -> None:
    """ "Kenen nimi on kaupungin allekirjoituksena?" is no question about the contact person."""
    asks_person = Constraints(kinds=frozenset({"person"}))
    asks_count = Constraints(kinds=frozenset({"count"}))
    evidence = _value_evidence({"työpaikka", "pori"}, set())  # no passage says the rest
    assert value_gap(evidence, asks_count) == 0.0
    assert value_gap(evidence, asks_person) == pytest.approx(3.6 / 7.7)


def test_what_a_project_does_must_be_said_of_that_project() -> None:
    """ "Mitä Reboot Satakunta -hankkeessa tehdään?" is not answered by what KARHU does, though
    the list around KARHU's line names Reboot Satakunta too."""
    words = (
        QWord("Reboot", "reboot", (), 2.9),
        QWord("Satakunta", "satakunta", (), 1.6),
        QWord("hankkeessa", "hanke", (), 1.3),
    )
    karhu = one_sentence_evidence(
        "KARHU (Tampereen yliopisto): kiertotalouden arvonluonti Satakunnan klusterissa",
        words,
        {"satakunta", "hanke"},
        set(),
    )
    listed = replace(
        karhu, selected=(*karhu.selected, replace(karhu.best, covered=frozenset({"reboot"})))
    )
    asks_activity = Constraints(kinds=frozenset({"activity"}), names=("reboo",))
    assert value_gap(listed, asks_activity) == pytest.approx(2.9 / 5.8)
    assert value_gap(listed, Constraints(kinds=frozenset({"count"}))) == 0.0
