from __future__ import annotations

from typing import ClassVar

import pytest

from assistant.context import premise, restated, split_context, without_introductions
from assistant.terms import (
    QWord,
    TermStats,
    coverage,
    match,
    one_edit,
    question_words,
    unknown_concepts,
    verb_stem,
    word_credit,
)
from tests.assistant.fakes import FakeAnalyzer, SplitAnalyzer

STATS = TermStats(
    [
        ["rahoitus", "haku", "toinen", "auki", "pori"],
        ["rahoitus", "pori", "robocoast", "kaupunki"],
        ["painotus", "haku", "pori"],
    ]
)


def test_idf_is_higher_for_rare_terms() -> None:
    assert STATS.idf("robocoast") > STATS.idf("haku") > STATS.idf("pori")
    assert STATS.idf("never-seen") == STATS.max_idf


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("rahoitus", "rahotus", True),
        ("haku", "hauk", True),
        ("painotus", "painotukset", False),
        ("robotiikka", "robotiikka", True),
        ("kala", "kaalia", False),
    ],
)
def test_one_edit(a: str, b: str, close: bool) -> None:
    assert one_edit(a, b) is close


def test_misspelt_and_inflected_words_find_corpus_terms() -> None:
    assert STATS.closest("kvanttikone") is None
    assert STATS.closest("rahoitu") == "rahoitus"
    assert STATS.closest("rahoitusx") == "rahoitus"
    assert STATS.stem("robocoastin") == "robocoast"


def test_question_words_skip_question_words_and_unknown_simple_words_do_not_count() -> None:
    words = question_words("Milloin toinen haku oli auki huomenna?", FakeAnalyzer(), STATS)
    lemmas = {w.lemma for w in words}
    assert {"toinen", "haku", "auki"} <= lemmas and "milloin" not in lemmas
    terms = frozenset({"toinen", "haku", "auki"})
    assert coverage(words, terms) == 1.0  # "huomenna" is unknown to the corpus: not counted
    assert 0.0 < coverage(words, frozenset({"haku"})) < 1.0


def test_compound_head_counts_and_unknown_concepts_are_found() -> None:
    words = question_words("Kuka on Porin kaupunginjohtaja?", FakeAnalyzer(), STATS)
    assert [w.lemma for w in unknown_concepts(words, STATS, FakeAnalyzer())] == ["kaupunginjohtaja"]
    head = question_words("haku", FakeAnalyzer(), STATS)[0]
    assert word_credit(head, frozenset({"rahoitushaku"})) == 1.0


@pytest.mark.parametrize(
    ("lemma", "stem"),
    [
        ("toteuttaa", "toteutta"),
        ("toteuttaja", "toteutta"),
        ("toteuttava", "toteutta"),
        ("välittää", "välittä"),
        ("välittäminen", "välittä"),  # the action noun
        ("nainen", None),
        ("ohjaa", None),  # too short a stem to tell
        ("Vantaa", None),
        ("hanke", None),
    ],
)
def test_verb_stem(lemma: str, stem: str | None) -> None:
    assert verb_stem(lemma) == stem


def test_a_verbs_agent_noun_covers_its_participle() -> None:
    # "sopimusta toteuttavia hankkeita" is answered by "Toteuttajina hankkeissa ovat ..."
    word = QWord("toteuttavia", "toteuttava", (), 1.0)
    assert word_credit(word, frozenset({"toteuttaja", "hanke"})) == 1.0
    assert word_credit(word, frozenset({"toteutus"})) < 1.0


def test_a_word_of_the_same_meaning_covers_but_counts_half() -> None:
    # "How many city regions did the state sign agreements with?": "Valtio solmi ... 16
    # kaupunkiseudun kanssa"; a sentence saying "allekirjoitettiin" still matches better
    signed = QWord("sign", "allekirjoittaa", (), 1.0)
    assert word_credit(signed, frozenset({"solmia", "valtio"})) == 0.5
    assert word_credit(signed, frozenset({"allekirjoittaa"})) == 1.0
    assert word_credit(signed, frozenset({"hyväksyä"})) == 0.0


def test_what_was_done_is_covered_by_the_action_noun() -> None:
    # "Mitä haussa painotettiin?" is answered by "Haussa oli kolme painotusta:"
    asked = QWord("painotettiin", "painottaa", (), 1.0)
    assert word_credit(asked, frozenset({"painotus", "haku"})) == 1.0
    # a participle only describes: "rahoittama hanke" is not covered by any "rahoitus"
    described = QWord("rahoittama", "rahoittaa", (), 1.0)
    assert word_credit(described, frozenset({"rahoitus"})) < 1.0


@pytest.mark.parametrize(
    "question",
    [
        "Mitä siinä haussa nostettiin erityisesti esiin?",
        "Mitä haussa tuotiin esille?",
        "Mitä toisessa haussa korostettiin?",
    ],
)
def test_what_a_call_brought_up_is_its_emphasis(question: str) -> None:
    class Lemmas(FakeAnalyzer):
        def terms(self, text: str) -> list[str]:
            return ["korostaa"] if text.lower() == "korostettiin" else super().terms(text)

    assert "painotus" in {w.lemma for w in question_words(question, Lemmas(), STATS)}


@pytest.mark.parametrize(
    ("question", "lemma"),
    [
        ("Kuka ne on valinnut?", "valita"),
        ("Kuka sen on toteuttanut?", "toteuttaa"),
        ("Ovatko osapuolet hyväksyneet sen?", "hyväksyä"),
    ],
)
def test_a_past_participle_the_analyzer_leaves_alone_is_its_verb(question: str, lemma: str) -> None:
    stats = TermStats([["valita", "toteuttaa", "hyväksyä"], ["pori"]])
    assert lemma in {w.lemma for w in question_words(question, FakeAnalyzer(), stats)}


def test_everyday_fillers_name_nothing_and_pollution_is_emissions() -> None:
    stats = TermStats([["päästö", "aasia"], ["pori"]])
    lemmas = {
        w.lemma
        for w in question_words(
            "onks se ihan totta et metallien jalostus saastuttaa vähemmän ku aasiassa?",
            FakeAnalyzer(),
            stats,
        )
    }
    assert "päästö" in lemmas and not lemmas & {"ihan", "totta", "ku", "saastuttaa"}
    spoken = {
        w.lemma
        for w in question_words(
            "mistä mä saan sen varsinaisen sopimustekstin?", FakeAnalyzer(), stats
        )
    }
    assert not spoken & {"mä", "varsinainen"}


def test_match_gives_coverage_and_the_words_covered() -> None:
    words = question_words("Milloin toinen haku oli auki huomenna?", FakeAnalyzer(), STATS)
    value, covered = match(words, frozenset({"haku", "auki"}))
    assert value == coverage(words, frozenset({"haku", "auki"}))
    assert covered == {"haku", "auki"}  # "huomenna" is not counted, "toinen" not covered


class DictionaryAnalyzer(SplitAnalyzer):
    """The fake analyzer, with a dictionary that knows some words and the compounds below."""

    WORDS = frozenset({"rahoittaa", "robotiikkafirmojen"})
    SPLIT: ClassVar[dict[str, list[str]]] = {
        "robotiikkafirmojen": ["robotiikkafirma", "robotiikka", "firma"]
    }

    def is_word(self, surface: str) -> bool:
        return surface.lower() in self.WORDS


class ActionNounAnalyzer(SplitAnalyzer):
    SPLIT: ClassVar[dict[str, list[str]]] = {"välittämisen": ["välittäminen"]}


def test_an_action_noun_the_corpus_lacks_is_its_verb() -> None:
    # "hankerahojen välittämisen": the documents say "rahoitusta välittävänä organisaationa"
    stats = TermStats([["välittää", "organisaatio"], ["haku"]])
    word = question_words("välittämisen", ActionNounAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("välittää", True)


class InfinitiveAnalyzer(SplitAnalyzer):
    # the analyzer reads the third infinitive as the agent participle ("jättämä")
    SPLIT: ClassVar[dict[str, list[str]]] = {
        "jättämään": ["jättämä"],
        "hakemuksia": ["hakemus"],
        "hakemaan": ["hakema"],
        "pystyi": ["pystyä"],
    }


def test_a_third_infinitive_is_its_corpus_verb() -> None:
    stats = TermStats([["jättää", "hakemus"], ["hakea", "haku"]])
    words = question_words("Kuka pystyi jättämään hakemuksia?", InfinitiveAnalyzer(), stats)
    # "pystyä" says how it is asked, like "voida"
    assert [(w.lemma, w.known) for w in words] == [("jättää", True), ("hakemus", True)]


def test_applying_asked_when_is_the_call() -> None:
    # "mistä lähtien hakemuksia pystyi jättämään?": when the call was open
    stats = TermStats([["jättää", "hakemus"], ["hakea", "haku"]])
    analyzer = InfinitiveAnalyzer()
    when = question_words("Mistä lähtien pystyi jättämään hakemuksia?", analyzer, stats)
    assert [w.lemma for w in when if w.lemma not in {"mistä", "lähtien"}] == ["haku"]
    assert [w.lemma for w in question_words("Milloin pystyi hakemaan?", analyzer, stats)] == [
        "haku"
    ]
    # a question about the application itself is not about the call
    how = question_words("Kuinka pitkänä hakemuksia pystyi jättämään?", analyzer, stats)
    assert {"jättää", "hakemus"} <= {w.lemma for w in how}


class GuessingAnalyzer(SplitAnalyzer):
    """Reads a misspelt inflected form as a wrong lemma, as a real analyzer may."""

    SPLIT: ClassVar[dict[str, list[str]]] = {
        "painotetiin": ["painotet"],
        "painotettiin": ["painottaa"],
    }


def test_a_misspelt_inflected_form_is_read_through_the_corpus_form() -> None:
    # the corpus has "painotettiin" (lemma painottaa); "painotetiin" is one edit from it
    stats = TermStats([["painottaa", "painotettiin", "haku"], ["haku"]])
    word = question_words("painotetiin", GuessingAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("painottaa", True)


def test_a_dictionary_word_the_corpus_lacks_is_no_misspelling() -> None:
    # "rahoittaa" is one edit from no corpus term here, "rahoitusx" is a typo of "rahoitus";
    # "rahoitu" (not in the dictionary) is mapped, a dictionary word one edit away is not
    stats = TermStats([["rahoitus", "rahoittama"]])
    typo = question_words("rahoitusx", DictionaryAnalyzer(), stats)[0]
    assert typo.lemma == "rahoitus"
    word = question_words("rahoittaa", DictionaryAnalyzer(), stats)[0]
    assert word.lemma == "rahoittaa" and not word.known


class VagueHeadAnalyzer(SplitAnalyzer):
    SPLIT: ClassVar[dict[str, list[str]]] = {
        "sopimushässäkkä": ["sopimushässäkkä", "sopimus", "hässäkkä"]
    }


def test_a_vague_colloquial_head_leaves_the_thing_it_is_about() -> None:
    # "tää koko sopimushässäkkä": the agreement itself, no new concept
    stats = TermStats([["sopimus", "hallitus"], ["haku"]])
    word = question_words("sopimushässäkkä", VagueHeadAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("sopimus", True)


class ModifierLastAnalyzer(SplitAnalyzer):
    """Lists a compound's modifier after its head, as the real analyzer may."""

    SPLIT: ClassVar[dict[str, list[str]]] = {
        "sopimussivuston": ["sopimussivusto", "sivusto", "sopimus"],
        "rahapotti": ["rahapotti", "raha", "potti"],
        "kiertotalousporukalla": [
            "kiertotalousporukka",
            "kierto",
            "talous",
            "porukka",
            "kiertotalous",
        ],
    }


def test_a_colloquial_head_is_found_whichever_part_comes_last() -> None:
    # "ekosysteemisopimussivusto" is the documents' "verkkosivu" of the agreement
    stats = TermStats([["sopimus", "sivu"], ["haku"]])
    word = question_words("sopimussivuston", ModifierLastAnalyzer(), stats)[0]
    assert word.lemma == "sopimussivu" and word.parts[-1] == "sivu"


def test_a_vague_money_word_reads_as_money() -> None:
    # "rahapotti": a pot of money, no concept of its own
    stats = TermStats([["rahoitus", "haku"], ["haku"]])
    word = question_words("rahapotti", ModifierLastAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("rahoitus", True)


def test_a_vague_head_leaves_the_whole_modifier_whichever_part_comes_last() -> None:
    # "kiertotalousporukalla": the circular economy crowd, i.e. the circular economy
    stats = TermStats([["kiertotalous", "liikevaihto"], ["haku"]])
    word = question_words("kiertotalousporukalla", ModifierLastAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("kiertotalous", True)


def test_place_adverbs_and_clitic_count_words_only_ask() -> None:
    asked = question_words("monessako siellä nää hanke", FakeAnalyzer(), STATS)
    assert [w.surface for w in asked] == ["hanke"]


def test_a_colloquial_compound_head_reads_as_the_standard_word() -> None:
    stats = TermStats([["robotiikkayritys", "robotiikka", "yritys"]])
    word = question_words("robotiikkafirmojen", DictionaryAnalyzer(), stats)[0]
    assert (word.lemma, word.parts) == ("robotiikkayritys", ("robotiikka", "yritys"))
    assert word.known


def test_tulla_is_content_only_in_tulla_voimaan() -> None:
    # "Tuleeko sopimus voimaan ...?" is answered by "... tulee voimaan, kun ..."
    stats = TermStats([["tulla", "voima", "sopimus"], ["sopimus"]])
    # the fake analyzer does not inflect: the words are given as the lemmas the real one gives
    asked = question_words("tulla sopimus voima", FakeAnalyzer(), stats)
    assert {w.surface for w in asked} == {"sopimus", "voima"}  # no "voimaan": no phrase
    asked = question_words("tulla sopimus voimaan", FakeAnalyzer(), stats)
    assert {w.surface for w in asked} >= {"tulla", "sopimus"}
    plain = question_words("mist se sopimus tulla", FakeAnalyzer(), stats)
    assert {w.surface for w in plain} == {"sopimus"}


def test_an_everyday_word_reads_as_the_documents_word() -> None:
    stats = TermStats([["oppilaitos", "kehittäjäorganisaatio"], ["hanke"]])
    assert [w.lemma for w in question_words("koulu", FakeAnalyzer(), stats)] == ["oppilaitos"]
    stats = TermStats([["hyväksyä", "komissio"], ["hanke"]])
    assert [w.lemma for w in question_words("siunata", FakeAnalyzer(), stats)] == ["hyväksyä"]
    stats = TermStats([["hyväksyä", "komissio"], ["hanke"]])
    assert [w.lemma for w in question_words("hyväksyntä", FakeAnalyzer(), stats)] == ["hyväksyä"]
    stats = TermStats([["sisältö", "toimintalinja"], ["hanke"]])
    assert [w.lemma for w in question_words("sisältää", FakeAnalyzer(), stats)] == ["sisältö"]
    # who advises applicants is who "antaa lisätietoja" in the documents
    stats = TermStats([["lisätieto", "antaa"], ["hanke"]])
    assert [w.lemma for w in question_words("neuvoa", FakeAnalyzer(), stats)] == ["lisätieto"]
    stats = TermStats([["sopimus", "voimassa"], ["hanke"]])
    assert [w.lemma for w in question_words("soppari", FakeAnalyzer(), stats)] == ["sopimus"]
    stats = TermStats([["ohjata", "johtoryhmä"], ["hanke"]])
    assert [w.lemma for w in question_words("luotsata", FakeAnalyzer(), stats)] == ["ohjata"]


def test_a_word_form_the_documents_say_with_another_word_reads_as_theirs() -> None:
    # "liikevaihto vuodessa" is the documents' "vuotuinen liikevaihto"; "vuosi" stays itself
    stats = TermStats([["vuotuinen", "liikevaihto"], ["vuosi", "tavoite"]])
    words = question_words("liikevaihto vuodessa", FakeAnalyzer(), stats)
    assert [w.lemma for w in words] == ["liikevaihto", "vuotuinen"]
    assert [w.lemma for w in question_words("vuosi", FakeAnalyzer(), stats)] == ["vuosi"]


def test_a_gemination_slip_reads_as_the_word_meant() -> None:
    # "vuodesa" (a real analyzer reads "vuode", bed) is "vuodessa", the documents' "vuotuinen"
    stats = TermStats([["vuotuinen", "liikevaihto", "vuode"], ["vuosi"]])
    words = question_words("liikevaihto vuodesa", FakeAnalyzer(), stats)
    assert [w.lemma for w in words] == ["liikevaihto", "vuotuinen"]


def test_a_colloquial_number_before_a_head_leaves_the_head() -> None:
    # "kakkoslinjalla": the ordinal is its own constraint, the word is the head
    stats = TermStats([["linja", "toimintalinja"], ["haku"]])
    assert [w.lemma for w in question_words("kakkoslinja", FakeAnalyzer(), stats)] == ["linja"]


class CompoundAnalyzer(SplitAnalyzer):
    SPLIT: ClassVar[dict[str, list[str]]] = {"päätavoite": ["päätavoite", "pää", "tavoite"]}


def test_a_compound_with_a_misspelt_head_reads_as_the_compound_meant() -> None:
    # "päätavotteet": the head "tavote" is one edit from the corpus's "tavoite"
    stats = TermStats([["tavoite", "investointi"], ["haku"]])
    word = question_words("päätavote", CompoundAnalyzer(), stats)[0]
    assert (word.lemma, word.parts) == ("päätavoite", ("pää", "tavoite"))


class GeminationAnalyzer(SplitAnalyzer):
    """Knows the standard form only; reads a slip as itself."""

    SPLIT: ClassVar[dict[str, list[str]]] = {"rahoitusta": ["rahoitus"]}


def test_a_gemination_slip_the_corpus_forms_do_not_show_finds_the_lemma() -> None:
    # the corpus has the lemma but not the form "rahoitusta": one edit finds no surface form
    stats = TermStats([["rahoitus", "haku"], ["haku"]])
    word = question_words("rahoittusta", GeminationAnalyzer(), stats)[0]
    assert (word.lemma, word.known) == ("rahoitus", True)


@pytest.mark.parametrize("framing", ["asti", "saakka", "mennessä"])
def test_time_postpositions_are_question_words(framing: str) -> None:
    words = question_words(f"Mihin {framing} haku on auki?", FakeAnalyzer(), STATS)
    assert framing not in {w.lemma for w in words}


@pytest.mark.parametrize(
    ("text", "asked", "context"),
    [
        (
            "Olen toimittaja Satakunnan Kansasta: kenen kanssa sopimus on tehty?",
            "kenen kanssa sopimus on tehty?",
            "Olen toimittaja Satakunnan Kansasta:",
        ),
        (
            "moi, meil on pieni konepaja porissa, ketkä hankkeita toteuttaa?",
            "ketkä hankkeita toteuttaa?",
            "moi, meil on pieni konepaja porissa,",
        ),
        (
            "Hanke liittyy invest in -ympäristöön; mikä oli toisen haun painotus?",
            "mikä oli toisen haun painotus?",
            "Hanke liittyy invest in -ympäristöön;",
        ),
        # an interrogative before the comma: one question, no lead-in
        ("Milloin haku päättyi, ja kuka antaa lisätietoja?", "", ""),
        # a reported (indirect) question: what comes before the reporting verb is context
        (
            "Asiakas on kuullut sopimuksesta, mutta hän ei tiedä kenen välinen se on?",
            "kenen välinen se on?",
            "Asiakas on kuullut sopimuksesta, mutta hän ei tiedä",
        ),
        # a statement before a dash
        (
            "Porin EAKR-rahoitus on kestävän kaupunkikehittämisen rahaa – kuinka suuri osa menee "
            "ilmastotoimiin?",
            "kuinka suuri osa menee ilmastotoimiin?",
            "Porin EAKR-rahoitus on kestävän kaupunkikehittämisen rahaa",
        ),
        # a topic before a dash says what "se" is: no statement, no lead-in
        ("Ensimmäisen haun Prizztechin hanke – milloin se alkoi?", "", ""),
        # a statement before a dash that the question points back to ("ne") is no lead-in
        ("Turun sopimuksessa on omat kärjet – mitkä ne ovat?", "", ""),
        ("KARHU-hanke sai rahaa ensimmäisestä hausta – paljonko sille myönnettiin?", "", ""),
        # any statement of three words or more; a pronoun of a second question points back to
        # the first question, not to the statement
        (
            "Toisen haun hakemukset piti jättää Satakuntaliittoon – mitä EU-ohjelmaa hankkeiden "
            "pitää toteuttaa, ja minä päivänä valtioneuvosto hyväksyi sen ohjelman?",
            "mitä EU-ohjelmaa hankkeiden pitää toteuttaa, ja minä päivänä valtioneuvosto "
            "hyväksyi sen ohjelman?",
            "Toisen haun hakemukset piti jättää Satakuntaliittoon",
        ),
        # a reporting verb, a few words and "että" before the question
        (
            "Asiakas kysyy puhelimessa, että minkä tyyppistä rahoitusta se on?",
            "minkä tyyppistä rahoitusta se on?",
            "Asiakas kysyy puhelimessa,",
        ),
        # a comma before a yes/no question verb
        (
            "meil on pieni konepaja ulvilassa, voidaanko me olla hankkeen toteuttajana?",
            "voidaanko me olla hankkeen toteuttajana?",
            "meil on pieni konepaja ulvilassa,",
        ),
    ],
)
def test_a_lead_in_before_the_question_is_context(text: str, asked: str, context: str) -> None:
    assert split_context(text) == ((asked, context) if asked else (text, ""))


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "Hanke liittyy invest in -ympäristöön; mikä oli toisen haun painotus?",
            "Hanke liittyy invest in -ympäristöön",
        ),
        (
            "Toisen haun hankkeiden pitää toteuttaa yhtä EU-ohjelmaa. Mistä sitä rahoitetaan?",
            "Toisen haun hankkeiden pitää toteuttaa yhtä EU-ohjelmaa.",
        ),
        ("Olen toimittaja Satakunnan Kansasta: kenen kanssa sopimus on tehty?", ""),
        ("Our company is curious: who carries out the projects?", ""),
        ("Suunnittelemme hanketta SAMKin kanssa. Mihin numeroon voi soittaa?", ""),
        ("Kaupungin asiakaspalvelussa kysyttiin, mihin mennessä hakemus piti jättää?", ""),
        ("Milloin haku oli auki?", ""),
        # the asker's own work, in English and Swedish
        ("I work at a company in Pori. Which industries does the agreement focus on?", ""),
        ("Jag jobbar på ett företag i Björneborg. Vilka branscher satsar avtalet på?", ""),
    ],
)
def test_a_premise_is_a_statement_about_the_documents(text: str, stated: str) -> None:
    assert premise(text) == stated


def test_the_askers_introduction_is_left_out_of_the_names() -> None:
    text = "Olen toimittaja Satakunnan Kansasta: kenen kanssa Pori on tehnyt sopimuksen?"
    assert without_introductions(text) == "kenen kanssa Pori on tehnyt sopimuksen?"
    own = "Tutkimusryhmämme SAMKissa rakentaa testialustaa. Osuuko se haun painotuksiin?"
    assert without_introductions(own) == "Osuuko se haun painotuksiin?"
    plans = "Suunnittelemme hanketta SAMKin kanssa. Mihin numeroon voi soittaa?"
    assert without_introductions(plans) == plans  # not an introduction: SAMK stays
    # "X täällä.": who is speaking
    here = "Toimittaja Satakunnan Kansasta täällä. Montako hakemusta tuli?"
    assert without_introductions(here) == "Montako hakemusta tuli?"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "As a visiting researcher at SAMK I missed the second round - when did it close?",
            " I missed the second round - when did it close?",
        ),
        ("Som forskare på SAMK undrar jag: när stängde den?", " undrar jag: när stängde den?"),
        ("Which projects did SAMK carry out as a partner?", None),  # no role phrase
    ],
)
def test_a_role_phrase_before_the_askers_i_is_an_introduction(text: str, kept: str | None) -> None:
    assert without_introductions(text) == (text if kept is None else kept)


def test_discourse_words_are_no_content_words() -> None:
    words = question_words(
        "Mitä haussa tarkalleen ottaen käytännössä painotettiin?", FakeAnalyzer(), STATS
    )
    assert not {"tarkalleen", "ottaen", "käytännössä"} & {w.surface for w in words}
    # hearsay and "at home" frame the question too
    framed = question_words("Hyväksyttiinkö haku kuulemma kotimaassa muka?", FakeAnalyzer(), STATS)
    assert not {"kuulemma", "kotimaassa", "muka"} & {w.surface for w in framed}
    then = question_words(
        "Mitä ohjelmaa hankkeiden pitää silloin toteuttaa?", FakeAnalyzer(), STATS
    )
    assert "silloin" not in {w.surface for w in then}


def test_colloquial_interrogatives_vague_nouns_and_light_verbs_are_no_content_words() -> None:
    # the fake analyzer does not inflect: the words are given as the lemmas the real one gives
    words = question_words("mist se raha juttu oikein tulla?", FakeAnalyzer(), STATS)
    assert {w.surface for w in words} == {"raha"}


def test_indefinite_pronouns_and_colloquial_forms_are_no_content_words() -> None:
    words = question_words("voiks jotain muutakin vai pitää hakea", FakeAnalyzer(), STATS)
    assert not {"voiks", "jotain", "muutakin", "vai", "pitää"} & {w.surface for w in words}


def test_an_asking_sentence_that_names_nothing_leaves_the_context_in_full() -> None:
    text = "Asiakas kysyy toisen haun painotukset. Mitä vastaan?"
    words = {w.lemma: w for w in question_words(text, FakeAnalyzer(), STATS)}
    assert not words["painotus"].context and not words["toinen"].context
    text = "Asiakas soitti. Mikä on haun painotus?"
    asking = {w.lemma: w for w in question_words(text, FakeAnalyzer(), STATS)}
    assert asking["asiakas"].context and not asking["painotus"].context


def test_a_noun_after_a_demonstrative_weighs_as_context() -> None:
    # "Paljonko sillä alalla on työpaikkoja?": "alalla" points back to the sector named before
    stats = TermStats([["ala", "työpaikka"], ["työpaikka"], ["pori"]])
    words = {w.surface: w for w in question_words("sillä alalla työpaikka", FakeAnalyzer(), stats)}
    assert words["alalla"].context and not words["työpaikka"].context
    # ... and so do the genitives that describe the thing pointed at ("siinä kesän haussa")
    stats = TermStats([["kesä", "haku"], ["painotus"], ["pori"]])
    text = "mitkä olivat siinä kesän haussa painotus"
    words = {w.surface: w for w in question_words(text, FakeAnalyzer(), stats)}
    assert words["kesän"].context and words["haussa"].context
    assert not words["painotus"].context
    # ... unless it is all the question names ("Keistä se ryhmä koostuu?")
    alone = question_words("siinä ryhmässä", FakeAnalyzer(), TermStats([["ryhmässä"], ["x"]]))
    assert not any(w.context for w in alone)


def test_asking_whether_one_can_tell_both_is_no_content() -> None:
    # "Osaatko kertoa molemmat?" frames a two-part question
    words = question_words("osata kertoa molempi", FakeAnalyzer(), STATS)
    assert words == []


def test_a_case_ending_after_a_colon_stays_with_its_word() -> None:
    # "pdf:nä", "EAKR:n": the ending is no word of its own ("nä")
    from assistant.terms import _TOKEN

    assert _TOKEN.findall("lukea pdf:nä EAKR:n kautta") == ["lukea", "pdf:nä", "EAKR:n", "kautta"]


class PossessiveAnalyzer(SplitAnalyzer):
    """Misreads possessive forms as a real analyzer does, and reads their bare forms."""

    SPLIT: ClassVar[dict[str, list[str]]] = {
        "tavoitteikseen": ["tavoitteiksee"],
        "tavoitteiksi": ["tavoite"],
        "suuruusluokaltaan": ["suuruusluokallas", "suuruus", "luo", "kallas"],
        "suuruusluokalta": ["suuruusluokka", "suuruus", "luokka"],
        "kokonaiskustannuksista": ["kokonaiskustannus", "koko", "ais", "kustannus", "kokonais"],
    }

    def is_word(self, surface: str) -> bool:
        return surface.lower() in {"tavoitteiksi", "suuruusluokalta"}


def test_a_possessive_form_reads_as_its_bare_form() -> None:
    # "tavoitteikseen" is "tavoitteiksi" + -en, "suuruusluokaltaan" "suuruusluokalta" + -an
    stats = TermStats([["tavoite", "pori"], ["haku"]])
    words = question_words("tavoitteikseen suuruusluokaltaan", PossessiveAnalyzer(), stats)
    assert [(w.lemma, w.parts) for w in words] == [
        ("tavoite", ()),
        ("suuruusluokka", ("suuruus", "luokka")),
    ]
    assert words[0].known


def test_the_head_of_a_long_compound_is_its_last_part_not_its_modifier() -> None:
    # the parts of a 3-piece compound end with the modifier ("kokonais"): the head is "kustannus",
    # which the corpus lacks, so the word names a concept the documents do not have
    stats = TermStats([["kokonainen", "koko", "rahoitus"], ["haku"]])
    word = question_words("kokonaiskustannuksista", PossessiveAnalyzer(), stats)[0]
    assert word.head == "kustannus"
    assert unknown_concepts([word], stats, PossessiveAnalyzer()) == [word]


def test_the_size_of_a_list_asked_for_is_no_word_to_cover() -> None:
    # "Mitkä kolme asiaa ...?" is answered by a sentence that lists three things, not by "kolme"
    stats = TermStats([["kolme", "tavoite", "pori"], ["haku"]])
    words = question_words("Mitkä kolme tavoitetta Porilla on?", FakeAnalyzer(), stats)
    assert "kolme" not in {w.lemma for w in words}
    counts = question_words("Onko Porilla kolme tavoitetta?", FakeAnalyzer(), stats)
    assert "kolme" in {w.lemma for w in counts}


class ReportingAnalyzer(SplitAnalyzer):
    SPLIT: ClassVar[dict[str, list[str]]] = {"mainitaan": ["mainita"], "keitä": ["keittää"]}


def test_interrogatives_and_reporting_verbs_name_nothing() -> None:
    # "Keitä toteuttajiksi mainitaan?": "keitä" is who (not "keittää", to cook), "mainitaan"
    # only asks what the documents say
    stats = TermStats([["toteuttaja", "mainita"], ["haku"]])
    words = question_words("Keitä toteuttajiksi mainitaan?", ReportingAnalyzer(), stats)
    assert {w.surface.lower() for w in words} == {"toteuttajiksi"}
    # nor do conjunctions ("..., jotta se voi saada rahoitusta?")
    joined = question_words("toteuttajiksi, jotta koska", ReportingAnalyzer(), stats)
    assert {w.surface.lower() for w in joined} == {"toteuttajiksi"}


def test_a_discourse_adverb_is_no_word_to_cover() -> None:
    # "... painopisteet aikanaan valikoitiin?": "aikanaan" (an analyzer splits it: aika + naan)
    # frames the question; "valikoida" is the documents' "valita"
    stats = TermStats([["painopiste", "valita", "aika"], ["haku"]])
    words = question_words("painopiste aikanaan valikoida", FakeAnalyzer(), stats)
    assert [w.lemma for w in words] == ["painopiste", "valita"]


class TitleAnalyzer(SplitAnalyzer):
    """Reads compounds asking for a title or a schedule the way the real analyzer does."""

    SPLIT: ClassVar[dict[str, list[str]]] = {
        "virkanimikkeensä": ["virkanimike", "virka", "nimike"],
        "aikataululla": ["aikataulu", "aika", "taulu"],
        "kaupunginjohtaja": ["kaupunginjohtaja", "kaupunki", "johtaja"],
        "rahoitusmuoto": ["rahoitusmuoto", "rahoitus", "muoto"],
    }


def test_a_compound_asking_for_a_kind_of_answer_names_no_unknown_concept() -> None:
    # "virkanimike" asks for a person's title, "aikataulu" for a time: neither is a thing the
    # documents fail to talk about, though the corpus has neither word nor "virka" or "taulu"
    stats = TermStats([["erityisasiantuntija", "heino", "aika"], ["haku"]])
    words = question_words(
        "Mikä hänen virkanimikkeensä on ja millä aikataululla?", TitleAnalyzer(), stats
    )
    assert {w.lemma for w in words} >= {"virkanimike", "aikataulu"}
    assert unknown_concepts(words, stats, TitleAnalyzer()) == []
    # a compound naming a person who is no title asked for still is one
    # "rahoitusmuoto" asks what form the funding (a word the documents use) takes
    form = question_words("Mikä on rahoitusmuoto?", TitleAnalyzer(), TermStats([["rahoitus"]]))
    assert unknown_concepts(form, TermStats([["rahoitus"]]), TitleAnalyzer()) == []
    mayor = question_words("Kuka on kaupunginjohtaja?", TitleAnalyzer(), stats)
    assert [w.lemma for w in unknown_concepts(mayor, stats, TitleAnalyzer())] == [
        "kaupunginjohtaja"
    ]


def test_a_restatement_after_eli_is_what_the_question_asks_again() -> None:
    text = "Kuinka moni jäi nuolemaan näppejään – eli montako hakemusta tuli?"
    assert restated(text) == "montako hakemusta tuli?"
    assert restated("Milloin haku päättyi?") == "Milloin haku päättyi?"
    # "eli" inside a statement restates no question
    plain = "Haku on päättynyt, eli mitä nyt voi tehdä?"
    assert restated(plain) == plain


def test_an_adverb_reads_as_the_corpus_adjective_it_is_made_of() -> None:
    stats = TermStats([["ensisijainen", "tavoite", "pori"], ["nopea", "haku"]])
    words = question_words("ensisijaisesti nopeasti", FakeAnalyzer(), stats)
    assert [(w.lemma, w.known) for w in words] == [("ensisijainen", True), ("nopea", True)]


def test_everyday_words_read_as_the_documents_words() -> None:
    stats = TermStats([["päästö", "tavoite", "start"], ["haku"]])
    words = question_words("hiilijalanjälki saavuttaa kasvuyritys", FakeAnalyzer(), stats)
    assert [w.lemma for w in words] == ["päästö", "tavoite", "start"]


def test_what_belongs_to_a_thing_asks_its_contents() -> None:
    # "Mitä toimintalinjaan 2 kuuluu?": the documents list a line's "sisältöjä"
    stats = TermStats([["sisältö", "kuulua", "toimintalinja"], ["haku"]])
    asked = question_words("Mitä toimintalinjaan kuuluu?", FakeAnalyzer(), stats)
    assert "sisältö" in {w.lemma for w in asked}
    # ... but who is a member still "kuuluu"
    member = question_words("Kuka kuuluu sopimukseen?", FakeAnalyzer(), stats)
    assert "sisältö" not in {w.lemma for w in member}


def test_a_day_or_points_compound_of_known_words_names_no_unknown_concept() -> None:
    # "allekirjoituspäivä": the documents say "allekirjoitettiin", the action noun's verb
    stats = TermStats([["allekirjoitettiin", "sopimus"], ["pää", "tavoite"]])
    signing = QWord(
        "allekirjoituspäivä", "allekirjoituspäivä", ("allekirjoitus", "päivä"), 3.0, known=False
    )
    # "pääpointit": the main points, a kind of answer like "lista"
    points = QWord("pääpointit", "pääpointti", ("pää", "pointti"), 3.0, known=False)
    # "kokonaismäärä": the total of a kind of answer, whatever parts the analyzer finds
    total = QWord("kokonaismäärä", "kokonaismäärä", ("koko", "ais", "määrä"), 3.0, known=False)
    assert unknown_concepts([signing, points, total], stats, FakeAnalyzer()) == []
    # an action noun whose verb the documents never use still names something new
    hearing = QWord("kuulemispäivä", "kuulemispäivä", ("kuuleminen", "päivä"), 3.0, known=False)
    assert unknown_concepts([hearing], stats, FakeAnalyzer()) == [hearing]


class SynonymHeadAnalyzer(SplitAnalyzer):
    SPLIT: ClassVar[dict[str, list[str]]] = {
        "sopimuskumppanina": ["sopimuskumppani", "sopimus", "kumppani"],
        "sopusoinnussa": ["sopusointu", "sopu", "sointu"],
        "sopijaosapuolina": ["sopijaosapuoli", "sopija", "osapuoli"],
        "korvamerkitään": ["korvamerkitä", "korva", "merkitä"],
    }


@pytest.mark.parametrize(
    ("surface", "lemma"),
    [
        # "Porin kaupungin sopimuskumppanina": the documents speak of the agreement's "osapuolet"
        ("sopimuskumppanina", "sopimusosapuoli"),
        # "ovat sopusoinnussa ... kanssa": the documents say the areas are "... mukaisia"
        ("sopusoinnussa", "mukainen"),
        # "Ketkä ovat sopijaosapuolina?": the documents' "osapuolet"
        ("sopijaosapuolina", "osapuoli"),
        # money "korvamerkitään" (earmarked) is the documents' "suunnataan"
        ("korvamerkitään", "suunnata"),
    ],
)
def test_a_synonym_the_documents_say_otherwise_is_no_unknown_concept(
    surface: str, lemma: str
) -> None:
    stats = TermStats([["sopimus", "osapuoli", "mukainen", "suunnata"], ["haku"]])
    word = question_words(surface, SynonymHeadAnalyzer(), stats)[0]
    assert word.lemma == lemma
    assert not unknown_concepts([word], stats, SynonymHeadAnalyzer())
