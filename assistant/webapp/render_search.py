"""HTML for the helpdesk search tab: ranked passages with scores, citation text and links.

Everything from documents goes through :func:`html.escape` (see :mod:`render`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.webapp.render import (
    citation_text,
    copy_button,
    doc_type_label,
    document_href,
    link,
    section_label,
    text_html,
)
from ingest.models import Hit


def hit_html(rank: int, hit: Hit) -> str:
    """One search result: rank, document, page, section, scores, link, citation and passage."""
    chunk = hit.chunk
    scores = [f"pisteet {hit.score:.3f}"]
    if hit.dense is not None:
        scores.append(f"semanttinen {hit.dense:.3f}")
    if hit.lexical is not None:
        scores.append(f"sanahaku {hit.lexical:.2f}")
    where = [f"<strong>{escape(chunk.title)}</strong>", escape(doc_type_label(chunk.doc_type))]
    if chunk.page_start:
        where.append(f"s. {chunk.page_start}")
    shown_section = section_label(chunk.title, chunk.section)
    if shown_section:
        where.append(escape(shown_section))
    open_link = link(
        document_href(chunk.doc_id, chunk.page_start),
        "Avaa asiakirja" + (f" (s. {chunk.page_start})" if chunk.page_start else ""),
        "pn-doc-link",
    )
    cite = hit_citation(hit)
    return (
        f'<div class="pn-hit"><div class="pn-hit-head">{rank}. {", ".join(where)}</div>'
        f'<div class="pn-scores">{escape(" · ".join(scores))}</div>'
        f'<div class="pn-cite"><span class="pn-cite-text">{escape(cite)}</span> '
        f"{copy_button(cite)} {open_link}</div>"
        f'<blockquote class="pn-passage">{text_html(chunk.text)}</blockquote></div>'
    )


def search_results_html(hits: Sequence[Hit]) -> str:
    """All search results as one block."""
    if not hits:
        return ""
    items = "".join(hit_html(i, h) for i, h in enumerate(hits, start=1))
    return f'<div class="pn-results">{items}</div>'


def hit_citation(hit: Hit) -> str:
    """The one-click citation text of a search result (``Lähde: …, s. 3``)."""
    chunk = hit.chunk
    return citation_text(chunk.title, chunk.page_start, chunk.section or None)
