"""The hostile corpus files the tests run over: file name -> recipe (given a seeded Random).

The generators are in :mod:`tests.hardening.hostile_pdf`, :mod:`tests.hardening.hostile_markup`
and :mod:`tests.hardening.bombs`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.hardening.hostile_markup import (
    docx_entity_bomb,
    docx_many_entries,
    docx_missing_document,
    docx_nested_xml,
    docx_not_a_docx_zip,
    docx_zip_bomb,
    html_bogus_charset,
    html_entity_bomb,
    html_giant_attribute,
    html_many_attributes,
    html_mixed_encodings,
    html_nested_divs,
    html_null_bytes,
    html_script_only,
    html_unclosed_divs,
    html_utf16_no_bom,
)
from tests.hardening.hostile_pdf import (
    good_pdf,
    pdf_flate_bomb,
    pdf_huge_count,
    pdf_huge_length,
    pdf_many_pages,
    pdf_nested_arrays,
    pdf_nested_dicts,
    pdf_page_tree_cycle,
    pdf_pages_bomb,
    pdf_split_bomb,
    pdf_xref_past_end,
    random_bytes,
    truncated,
    truncated_keep_tail,
)

Recipe = Callable[[random.Random], bytes]

HOSTILE: dict[str, Recipe] = {
    "pdf-flate-bomb-4gb.pdf": lambda rng: pdf_flate_bomb(4096),
    "pdf-split-bomb.pdf": lambda rng: pdf_split_bomb(40, 70),
    "pdf-pages-bomb.pdf": lambda rng: pdf_pages_bomb(30, 70),
    "pdf-nested-arrays.pdf": lambda rng: pdf_nested_arrays(50_000),
    "pdf-nested-dicts.pdf": lambda rng: pdf_nested_dicts(50_000),
    "pdf-count-million.pdf": lambda rng: pdf_huge_count(1_000_000),
    "pdf-million-kids.pdf": lambda rng: pdf_many_pages(1_000_000),
    "pdf-tree-cycle.pdf": lambda rng: pdf_page_tree_cycle(),
    "pdf-xref-past-end.pdf": lambda rng: pdf_xref_past_end(),
    "pdf-huge-length.pdf": lambda rng: pdf_huge_length(),
    "pdf-truncated.pdf": lambda rng: truncated(good_pdf(), rng),
    "pdf-truncated-tail.pdf": lambda rng: truncated_keep_tail(good_pdf(), rng),
    "pdf-random.pdf": lambda rng: random_bytes(rng),
    "pdf-random-framed.pdf": lambda rng: random_bytes(rng, pdf_frame=True),
    "html-nested-divs.html": lambda rng: html_nested_divs(100_000),
    "html-unclosed.html": lambda rng: html_unclosed_divs(100_000),
    "html-giant-attribute.html": lambda rng: html_giant_attribute(20),
    "html-many-attributes.html": lambda rng: html_many_attributes(200_000),
    "html-bogus-charset.html": lambda rng: html_bogus_charset(),
    "html-utf16-no-bom.html": lambda rng: html_utf16_no_bom(),
    "html-mixed-encodings.html": lambda rng: html_mixed_encodings(),
    "html-script-only.html": lambda rng: html_script_only(),
    "html-entity-bomb.html": lambda rng: html_entity_bomb(),
    "html-null-bytes.html": lambda rng: html_null_bytes(),
    "docx-zip-bomb-2gb.docx": lambda rng: docx_zip_bomb(2048),
    "docx-missing-document.docx": lambda rng: docx_missing_document(),
    "docx-plain-zip.docx": lambda rng: docx_not_a_docx_zip(),
    "docx-nested-xml.docx": lambda rng: docx_nested_xml(100_000),
    "docx-entity-bomb.docx": lambda rng: docx_entity_bomb(),
    "docx-many-entries.docx": lambda rng: docx_many_entries(50_000),
    "docx-random.docx": lambda rng: b"PK\x03\x04" + rng.randbytes(5000),
}
