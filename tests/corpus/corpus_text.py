"""Plain, direct text extraction of the demo corpus for the corpus and question-set checks.

Deliberately independent of the project's loaders (``ingest/loaders``): pypdf page text,
python-docx paragraphs, BeautifulSoup ``<main>`` text and raw Markdown. ``normalise`` undoes
the PDF line-end hyphenation and collapses whitespace so that literal facts can be matched.
Used by ``tests/corpus/test_corpus.py`` and ``tests/eval/test_questions.py``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Any

import docx
from bs4 import BeautifulSoup
from pypdf import PdfReader

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
SUSPENDED_FOLLOWERS = ("ja", "tai", "sekä")  # "tutkimus- ja kehittämistoiminta"


def load_manifest(corpus_dir: Path = CORPUS_DIR) -> dict[str, Any]:
    with (corpus_dir / "sources.toml").open("rb") as fh:
        return tomllib.load(fh)


def documents(corpus_dir: Path = CORPUS_DIR) -> dict[str, dict[str, Any]]:
    """The manifest's ``[[document]]`` entries by id."""
    return {d["id"]: d for d in load_manifest(corpus_dir)["document"]}


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove lines (digits ignored) that occur on every page: running headers and footers."""
    if len(pages) < 2:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    common = set.intersection(*({key(ln) for ln in p.splitlines()} for p in pages))
    return ["\n".join(ln for ln in p.splitlines() if key(ln) not in common) for p in pages]


def raw_text(path: Path) -> str:
    """Text of one corpus file, pages joined by blank lines, line ends kept."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "\n\n".join(drop_running_lines(pdf_pages(path)))
    if suffix == ".docx":
        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    text = path.read_text(encoding="utf-8")
    if suffix in (".html", ".htm"):
        soup = BeautifulSoup(text, "lxml")
        root = soup.find("main") or soup.body or soup
        return root.get_text(" ")
    return text


def _join_hyphen(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    follower = re.match(r"\w+", match.string[match.start(2) :])
    if follower and follower.group(0) in SUSPENDED_FOLLOWERS:
        return f"{left}- {right}"
    if left.isupper() or left.isdigit() or right.isupper():
        return f"{left}-{right}"  # EU-rahoitus, T&K-menojen, PDF-tiedostona
    return left + right  # tutkimus-|hanke -> tutkimushanke


def normalise(text: str) -> str:
    """Undo line-end hyphenation (soft and hard), then collapse all whitespace."""
    text = re.sub("\u00ad\\s*\n\\s*", "", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", _join_hyphen, text)
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def corpus_texts() -> dict[str, str]:
    """Normalised text of every manifest document, by document id."""
    return {
        doc_id: normalise(raw_text(CORPUS_DIR / entry["file"]))
        for doc_id, entry in documents().items()
    }
