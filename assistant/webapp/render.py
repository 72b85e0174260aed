"""HTML for the chat: questions, answers with their sources, notices; built only from escaped text.

Everything that comes from documents or from users (titles, sections, quotes, questions) goes
through :func:`html.escape`, so a document or question containing ``<script>`` shows as text.
Chat messages are single HTML blocks without blank lines: the chat's Markdown renderer then
passes them through unchanged instead of reading ``*``, ``_`` or ``[1]`` in quotes as Markdown.
The helpers here (links, copy buttons, citation texts) are shared by :mod:`render_search` (the
helpdesk search tab) and :mod:`render_info` (the information tab).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from urllib.parse import quote, urlparse

from ingest.models import Answer, Citation, Hit

DOCUMENT_ROUTE = "asiakirjat"  # relative, so the page also works under a proxy path
DOC_TYPE_LABELS = {
    "agreement": "Sopimus",
    "call_notice": "Hakuilmoitus",
    "programme": "Ohjelma",
    "web_page": "Verkkosivu",
    "projects": "Hankkeet",
    "other": "Muu asiakirja",
}
SUGGESTION_CHARS = 400
_BLANK_LINES = re.compile(r"\n\s*\n")


def text_html(text: str) -> str:
    """Escaped text with line breaks as ``<br>`` (never a blank line, see the module doc)."""
    return escape(text.strip()).replace("\r", "").replace("\n", "<br>")


def doc_type_label(doc_type: str) -> str:
    return DOC_TYPE_LABELS.get(doc_type, doc_type)


def citation_text(title: str, page: int | None = None, section: str | None = None) -> str:
    """The text a helpdesk worker pastes: ``Lähde: <title>, s. 3, <section>``."""
    parts = [title.strip()]
    if page:
        parts.append(f"s. {page}")
    shown = section_label(title, section)
    if shown:
        parts.append(shown)
    return "Lähde: " + ", ".join(parts)


def section_label(title: str, section: str | None) -> str:
    """The section path without a leading heading that merely repeats the document title."""
    if not section or not section.strip():
        return ""
    parts = [p.strip() for p in section.split(" > ") if p.strip()]
    if len(parts) > 1 and title.strip().lower().startswith(parts[0].lower()):
        parts = parts[1:]
    return " > ".join(parts)


def copy_button(text: str, label: str = "Kopioi lähdeviite") -> str:
    """A button that copies ``text``; the text rides along in a hidden span.

    The chat's sanitizer drops ``data-*`` attributes, so the page's script (``PAGE_JS``) reads
    the span next to the button. Newlines are written as ``&#10;`` so that the message stays
    one HTML block without blank lines.
    """
    hidden = escape(text).replace("\r", "").replace("\n", "&#10;")
    return (
        f'<button type="button" class="pn-copy">{escape(label)}</button>'
        f'<span class="pn-copy-text">{hidden}</span>'
    )


def document_href(doc_id: str, page: int | None = None) -> str:
    """Link to the app's copy of a document, opening at ``page`` when known."""
    href = f"{DOCUMENT_ROUTE}/{quote(doc_id, safe='')}"
    return f"{href}#page={page}" if page else href


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) address, else None (no javascript: links)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def link(href: str, label: str, css: str) -> str:
    """A link that opens in a new tab, with escaped address and label."""
    return (
        f'<a class="{css}" href="{escape(href, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer">{escape(label)}</a>'
    )


def source_html(
    n: int | None,
    doc_id: str,
    title: str,
    page: int | None,
    section: str | None,
    url: str | None,
    quote_text: str,
    quote_label: str = "Lainaus",
) -> str:
    """One source line: number, title, page, section, links and the expandable passage."""
    head = f'<span class="pn-n">[{n}]</span> ' if n is not None else ""
    where = [f"<strong>{escape(title)}</strong>"]
    if page:
        where.append(f"s. {page}")
    shown_section = section_label(title, section)
    if shown_section:
        where.append(f'<span class="pn-section">{escape(shown_section)}</span>')
    open_label = f"Avaa asiakirja (s. {page})" if page else "Avaa asiakirja"
    links = [link(document_href(doc_id, page), open_label, "pn-doc-link")]
    web = safe_url(url)
    if web:
        links.append(link(web, "Alkuperäinen lähde verkossa", "pn-web-link"))
    cite = copy_button(citation_text(title, page, section))
    return (
        '<li class="pn-source">'
        f'<span class="pn-source-head">{head}{", ".join(where)}</span> '
        f'<span class="pn-links">{" · ".join(links)} {cite}</span>'
        f'<details class="pn-quote"><summary>{escape(quote_label)}</summary>'
        f"<blockquote>{text_html(quote_text)}</blockquote></details>"
        "</li>"
    )


def citation_html(citation: Citation) -> str:
    return source_html(
        citation.n,
        citation.doc_id,
        citation.title,
        citation.page,
        citation.section,
        citation.url,
        citation.quote,
    )


def _shorten(text: str, limit: int = SUGGESTION_CHARS) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


def suggestion_html(hit: Hit) -> str:
    chunk = hit.chunk
    return source_html(
        None,
        chunk.doc_id,
        chunk.title,
        chunk.page_start,
        chunk.section or None,
        chunk.url or None,
        _shorten(chunk.text),
        quote_label="Näytä kohta",
    )


def user_message_html(question: str) -> str:
    """A user's question as it appears in the chat (escaped)."""
    return f'<div class="pn-question">{text_html(question)}</div>'


def pending_html(text: str) -> str:
    """A streaming answer so far (text only; the sources follow with the final answer)."""
    body = text_html(text) if text.strip() else '<span class="pn-wait">Haetaan vastausta…</span>'
    return f'<div class="pn-answer pn-streaming"><div class="pn-text">{body}</div></div>'


def waiting_html(message: str) -> str:
    """A question waiting for the assistant to finish loading (still streaming)."""
    return (
        '<div class="pn-answer pn-streaming"><div class="pn-text">'
        f'<span class="pn-wait">{text_html(message)}</span></div></div>'
    )


def error_html(message: str) -> str:
    """A plain Finnish error or notice in the chat."""
    return f'<div class="pn-answer pn-error"><div class="pn-text">{text_html(message)}</div></div>'


def answer_html(answer: Answer) -> str:
    """The final answer: text, notice, then its numbered sources or the closest passages."""
    parts = [f'<div class="pn-answer"><div class="pn-text">{text_html(answer.text)}</div>']
    if answer.notice:
        parts.append(f'<div class="pn-notice">{text_html(answer.notice)}</div>')
    if answer.citations:
        parts.append('<div class="pn-sources"><div class="pn-sources-title">Lähteet</div><ul>')
        parts.extend(citation_html(c) for c in answer.citations)
        parts.append("</ul></div>")
    if answer.refused and answer.suggestions:
        parts.append(
            '<div class="pn-sources pn-suggestions"><div class="pn-sources-title">'
            "Mahdollisesti hyödyllisiä kohtia asiakirjoista</div><ul>"
        )
        parts.extend(suggestion_html(h) for h in answer.suggestions)
        parts.append("</ul></div>")
    if not answer.refused:
        button = copy_button(answer_plain(answer), "Kopioi vastaus ja lähteet")
        parts.append(f'<div class="pn-actions">{button}</div>')
    parts.append("</div>")
    return _BLANK_LINES.sub("\n", "".join(parts))


def answer_plain(answer: Answer) -> str:
    """The answer as plain text with numbered sources and quotes (what its copy button copies)."""
    lines = [answer.text.strip()]
    if answer.citations:
        lines.append("")
        lines.append("Lähteet:")
        for c in answer.citations:
            lines.append(f"[{c.n}] {citation_text(c.title, c.page, c.section)}")
            lines.append(f'    "{" ".join(c.quote.split())}"')
            web = safe_url(c.url)
            if web:
                lines.append(f"    {web}")
    return "\n".join(lines)


def banner_html(lines: Sequence[str], kind: str = "info") -> str:
    """A notice box above the chat (sample corpus, funding decisions, build progress)."""
    if not lines:
        return ""
    items = "".join(f"<p>{text_html(line)}</p>" for line in lines)
    return f'<div class="pn-banner pn-banner-{escape(kind)}" role="status">{items}</div>'
