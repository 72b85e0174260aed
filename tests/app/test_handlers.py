"""Page handlers with a fake assistant: streaming, sessions, errors, feedback, search, staff."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import gradio as gr
import pytest

from assistant.feedback import PHONE_PLACEHOLDER, FeedbackStore
from assistant.webapp.handlers import ChatHandlers, ChatSession
from assistant.webapp.notices import LOADING_WAIT, NOT_READY
from assistant.webapp.startup import BUILDING, FAILED, LOADING, READY, AppStatus
from ingest.errors import (
    EmbedderMismatchError,
    IndexMissingError,
    LLMError,
    PoriError,
    QuestionError,
    StoreError,
)
from ingest.settings import Settings
from tests.app.fakes import FakeAssistant


@pytest.fixture()
def fake() -> FakeAssistant:
    return FakeAssistant()


def _handlers(fake: FakeAssistant, tmp_path: Path, **settings: object) -> ChatHandlers:
    cfg = Settings(data_dir=tmp_path / "data", max_question_chars=200).with_overrides(**settings)
    status = AppStatus()
    status.set(READY, "ok")
    return ChatHandlers(fake, FeedbackStore(cfg.feedback_db, 30), cfg, status)


@pytest.fixture()
def handlers(fake: FakeAssistant, tmp_path: Path) -> ChatHandlers:
    return _handlers(fake, tmp_path)


def ask(
    handlers: ChatHandlers, question: str, session: ChatSession | None = None
) -> tuple[list[str], ChatSession]:
    """Run submit + respond as the page does; return every streamed last-message content."""
    text, _messages, session = handlers.submit(question, session)
    assert text == ""
    shown = [update[0][-1]["content"] for update in handlers.respond(session)]
    return shown, session


def like(index: int, liked: object) -> gr.LikeData:
    return gr.LikeData(None, {"index": index, "value": "", "liked": liked})


def test_streams_then_shows_sources(handlers: ChatHandlers) -> None:
    shown, session = ask(handlers, "Milloin haku oli auki?")
    assert len(shown) > 2
    assert "pn-streaming" in shown[0] and "Vastaus" in shown[0]
    assert "Lähteet" in shown[-1] and 'href="asiakirjat/rahoitushaut#page=2"' in shown[-1]
    assert [m["role"] for m in session.messages] == ["user", "assistant"]
    assert session.history == ["Milloin haku oli auki?"]
    assert list(session.answers) == [1]


def test_follow_up_gets_history_and_sessions_are_separate(
    handlers: ChatHandlers, fake: FakeAssistant
) -> None:
    _, alice = ask(handlers, "Milloin toinen haku oli auki?")
    _, bob = ask(handlers, "Mikä on EAKR?")
    _, alice = ask(handlers, "Entä ensimmäinen?", alice)
    assert fake.calls[-1] == ("Entä ensimmäinen?", ("Milloin toinen haku oli auki?",))
    assert bob.history == ["Mikä on EAKR?"]
    assert len(alice.messages) == 4 and len(bob.messages) == 2


def test_new_conversation_forgets(handlers: ChatHandlers) -> None:
    _, session = ask(handlers, "Milloin haku oli auki?")
    session.staff = True
    messages, fresh, status = handlers.new_conversation(session)
    assert messages == [] and fresh.history == [] and fresh.staff and status == ""


def test_empty_question_does_nothing(handlers: ChatHandlers, fake: FakeAssistant) -> None:
    _, messages, session = handlers.submit("   ", None)
    assert messages == []
    assert list(handlers.respond(session)) == [([], session)]
    assert fake.calls == []


def test_too_long_question_gets_a_friendly_message(
    handlers: ChatHandlers, fake: FakeAssistant
) -> None:
    shown, session = ask(handlers, "kysymys " * 40)
    assert shown == [shown[-1]]
    assert "Kysymys on liian pitkä (319 merkkiä). Lyhennä se alle 200 merkkiin." in shown[-1]
    assert fake.calls == [] and session.history == []


def test_not_ready(handlers: ChatHandlers, fake: FakeAssistant) -> None:
    handlers.status.set(BUILDING, "Rakennetaan")
    shown, _ = ask(handlers, "Milloin haku oli auki?")
    assert NOT_READY in shown[-1] and fake.calls == []
    with pytest.raises(gr.Error, match="valmistelee"):
        handlers.api_ask("Milloin?")
    assert handlers.helpdesk.search("haku", [], [], 5) == ("", NOT_READY)
    assert "Rakennetaan" in handlers.index.banner()


def test_question_during_warm_up_waits_and_says_it_is_loading(
    handlers: ChatHandlers, fake: FakeAssistant
) -> None:
    handlers.status.set(LOADING, "Ladataan hakemistoa…")
    threading.Timer(0.2, handlers.status.set, args=(READY, "Valmis.")).start()
    shown, session = ask(handlers, "Milloin haku oli auki?")
    assert "ladataan" in shown[0].lower() and "pn-streaming" in shown[0]
    assert LOADING_WAIT.split(".")[0] in shown[0]
    assert "Lähteet" in shown[-1] and session.history == ["Milloin haku oli auki?"]
    assert fake.calls == [("Milloin haku oli auki?", ())]


def test_api_during_warm_up_waits_for_the_answer(
    handlers: ChatHandlers, fake: FakeAssistant
) -> None:
    handlers.status.set(LOADING, "Ladataan hakemistoa…")
    threading.Timer(0.2, handlers.status.set, args=(READY, "Valmis.")).start()
    assert handlers.api_ask("Milloin haku oli auki?")["citations"][0]["n"] == 1


def test_warm_up_failing_while_a_question_waits(
    handlers: ChatHandlers, fake: FakeAssistant
) -> None:
    handlers.status.set(LOADING, "Ladataan hakemistoa…")
    threading.Timer(
        0.2, handlers.status.set, args=(FAILED, "Rakenna se: python -m ingest build")
    ).start()
    shown, _ = ask(handlers, "Milloin haku oli auki?")
    assert "ladataan" in shown[0].lower()
    assert "ei ole juuri nyt käytettävissä. Rakenna se: python -m ingest build" in shown[-1]
    assert "pn-error" in shown[-1] and fake.calls == []


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (QuestionError("Kysymys on tyhjä."), "Kysymys on tyhjä."),
        (IndexMissingError("No index has been built yet."), "python -m ingest build"),
        (EmbedderMismatchError("built with x"), "Asiakirjahakemisto ei ole käytettävissä"),
        (StoreError("Chroma down"), "Asiakirjatietokantaan ei juuri nyt saada yhteyttä"),
        (LLMError("timeout"), "Kielimalli ei vastannut"),
        (PoriError("other"), "Vastausta ei voitu muodostaa"),
        (RuntimeError("boom Traceback"), "Tapahtui odottamaton virhe"),
    ],
)
def test_errors_become_plain_finnish(
    handlers: ChatHandlers, fake: FakeAssistant, error: Exception, shown: str
) -> None:
    fake.fail_with = error
    messages, session = ask(handlers, "Milloin haku oli auki?")
    assert shown in messages[-1]
    assert "Traceback" not in messages[-1] and "boom" not in messages[-1]
    assert session.history == [] and session.answers == {}


def test_api_ask_returns_the_contract_json(handlers: ChatHandlers, fake: FakeAssistant) -> None:
    data = handlers.api_ask("Milloin haku oli auki?")
    assert {"question", "answer", "refused", "latency_ms", "citations"} <= set(data)
    assert data["citations"][0]["n"] == 1 and data["citations"][0]["page"] == 2
    fake.fail_with = QuestionError("Kysymys on liian pitkä (1200 merkkiä).")
    with pytest.raises(gr.Error, match="liian pitkä"):
        handlers.api_ask("x")


def test_like_and_comment_are_stored(handlers: ChatHandlers) -> None:
    _, session = ask(handlers, "Soita minulle 040 123 4567, milloin haku oli auki?")
    assert "Kiitos palautteesta" in handlers.like(session, like(1, False))
    [rec] = handlers.feedback.entries()
    assert rec.rating == "down"
    assert rec.question == f"Soita minulle {PHONE_PLACEHOLDER}, milloin haku oli auki?"
    assert rec.citations[0]["doc_id"] == "rahoitushaut"
    handlers.like(session, like(1, True))  # changing the mind updates the same row
    text, status = handlers.comment("Hyvä, mutta puuttui päivämäärä", session)
    assert text == "" and "Kommentti tallennettiin" in status
    [rec] = handlers.feedback.entries()
    assert (rec.rating, rec.comment) == ("up", "Hyvä, mutta puuttui päivämäärä")


@pytest.mark.parametrize(
    ("index", "liked"),
    [(0, False), (7, True), (1, None), ("x", True)],  # user message, unknown, no rating, junk
)
def test_like_ignores_what_it_cannot_attribute(
    handlers: ChatHandlers, index: object, liked: object
) -> None:
    _, session = ask(handlers, "Milloin haku oli auki?")
    assert (
        handlers.like(session, gr.LikeData(None, {"index": index, "value": "", "liked": liked}))
        == ""
    )
    assert handlers.feedback.entries() == []


def test_comment_without_thumb_and_without_answer(handlers: ChatHandlers) -> None:
    text, status = handlers.comment("kommentti", ChatSession())
    assert text == "kommentti" and "kysy ensin" in status
    _, session = ask(handlers, "Milloin haku oli auki?")
    assert handlers.comment("   ", session)[1] == "Kirjoita kommentti ennen lähettämistä."
    handlers.comment("ilman peukkua", session)
    [rec] = handlers.feedback.entries()
    assert rec.rating is None and rec.comment == "ilman peukkua"


def test_search_with_filters(handlers: ChatHandlers) -> None:
    html, status = handlers.helpdesk.search("haku", [], [], 10)
    assert status == "2 osumaa."
    assert '<span class="pn-copy-text">Lähde: Rahoitushaut, s. 2, Toinen haku</span>' in html
    assert "<script" not in html and "Testi &lt;script&gt;" in html
    html, _ = handlers.helpdesk.search("haku", ["skripti"], [], 10)
    assert "Rahoitushaut" not in html and "Testi &lt;script&gt;" in html
    html, status = handlers.helpdesk.search("haku", [], ["programme"], 10)
    assert html == "" and "Ei osumia" in status
    assert handlers.helpdesk.search("  ", [], [], 10) == ("", "Kirjoita hakusana tai kysymys.")
    assert "liian pitkä" in handlers.helpdesk.search("x" * 201, [], [], 10)[1]


def test_info_banner_and_choices(handlers: ChatHandlers) -> None:
    assert "esimerkkiaineisto" in handlers.index.banner()
    assert "Hakemiston asiakirjat" in handlers.index.info_html()
    assert ("Rahoitushaut", "rahoitushaut") in handlers.index.document_choices()
    assert ("Hakuilmoitus", "call_notice") in handlers.index.type_choices()


def test_staff_without_configured_login_is_open(handlers: ChatHandlers) -> None:
    assert not handlers.staff.login_required
    assert handlers.staff.check("", "")
    _, session = ask(handlers, "Milloin haku oli auki?")
    handlers.like(session, like(1, True))
    assert handlers.staff.rows(None)[0][1] == "hyödyllinen"


@pytest.mark.parametrize(
    ("user", "password", "ok"),
    [
        ("neuvoja", "salasana1", True),
        ("neuvoja", "väärä", False),
        ("", "", False),
        ("NEUVOJA", "salasana1", False),
        ("neuvoja", "salasana1 ", False),
    ],
)
def test_staff_login(
    fake: FakeAssistant, tmp_path: Path, user: str, password: str, ok: bool
) -> None:
    handlers = _handlers(fake, tmp_path, staff_user="neuvoja", staff_password="salasana1")
    assert handlers.staff.login_required
    assert handlers.staff.check(user, password) is ok


def test_staff_data_needs_login(fake: FakeAssistant, tmp_path: Path) -> None:
    handlers = _handlers(fake, tmp_path, staff_user="neuvoja", staff_password="salasana1")
    _, session = ask(handlers, "Milloin haku oli auki?")
    handlers.like(session, like(1, False))
    assert handlers.staff.rows(session) == [] and handlers.staff.export_csv(session) is None
    session.staff = True
    assert handlers.staff.rows(session)[0][2] == "Milloin haku oli auki?"
    stale = handlers.settings.data_dir / "exports" / "vanha"
    stale.mkdir(parents=True)
    os.utime(stale, (0, 0))
    path = handlers.staff.export_csv(session)
    assert path is not None and Path(path).read_text("utf-8-sig").startswith("id,created,rating")
    assert Path(path).name == "palaute.csv"
    assert Path(path).parent.parent == handlers.settings.data_dir / "exports"
    assert not stale.exists()
