"""HTML for the information tab: the documents in the index, build time, embedder, answer mode.

Everything from documents goes through :func:`html.escape` (see :mod:`render`).
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from assistant.webapp.render import doc_type_label

if TYPE_CHECKING:  # ingest.store imports chromadb, which the page must not wait for
    from ingest.store import IndexInfo


def finnish_date(iso: str) -> str:
    """``2021-02-09`` -> ``9.2.2021``; anything else unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso.strip())
    if not match:
        return iso
    year, month, day = match.groups()
    return f"{int(day)}.{int(month)}.{year}"


def is_sample_corpus(info: IndexInfo) -> bool:
    """True when any indexed document is sample material (``official = false``)."""
    return any(not d.official for d in info.documents)


def index_info_html(info: IndexInfo, mode: str) -> str:
    """The "Tietoa" tab: documents in the index, build time, embedder and answer mode."""
    rows = []
    for doc in info.documents:
        rows.append(
            "<tr>"
            f"<td>{escape(doc.title or doc.doc_id)}</td>"
            f"<td>{escape(doc_type_label(doc.doc_type))}</td>"
            f"<td>{escape(finnish_date(doc.date))}</td>"
            f'<td class="pn-num">{len(doc.chunk_ids)}</td>'
            f'<td class="pn-num">{doc.pages or ""}</td>'
            f"<td>{'kyllä' if doc.official else 'ei (esimerkkiaineisto)'}</td>"
            "</tr>"
        )
    mode_text = "kielimalli (LLM)" if mode == "llm" else "poimiva (lainaa asiakirjojen lauseita)"
    facts = [
        ("Asiakirjoja", str(len(info.documents))),
        ("Tekstikappaleita", str(info.chunks)),
        (
            "Hakemisto rakennettu",
            f"{info.created} (viimeisin rakennus kesti {info.build_seconds:.1f} s)",
        ),
        ("Upotusmalli", info.embedder),
        ("Vastaustapa", mode_text),
    ]
    facts_html = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    return (
        f'<div class="pn-info"><dl class="pn-facts">{facts_html}</dl>'
        '<div class="pn-table-wrap"><table class="pn-docs"><caption>Hakemiston asiakirjat</caption>'
        '<thead><tr><th scope="col">Asiakirja</th><th scope="col">Tyyppi</th>'
        '<th scope="col">Päivämäärä</th><th scope="col">Tekstikappaleita</th>'
        '<th scope="col">Sivuja</th><th scope="col">Virallinen</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
    )
