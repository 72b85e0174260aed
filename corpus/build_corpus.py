"""Build the demo corpus's PDF and DOCX files from the source texts in ``corpus/src/``.

Run: ``.venv/bin/python corpus/build_corpus.py``. The output is deterministic (fixed dates,
fixed zip timestamps), so re-running it yields the same bytes.

Source markup (a tiny Markdown subset): ``#! `` document title, ``# `` and ``## `` headings,
``- `` bullet items, ``---`` page break, other lines are paragraphs (blank line between).
Inside words, ``|`` marks a compound boundary where a PDF line may break with a hyphen
("tutkimus|hanke" -> "tutkimus-" / "hanke"), and ``¬`` a boundary where the break is drawn
as a soft hyphen (U+00AD). Real hyphens ("EU-rahoitus") may break after the hyphen. The
markers never reach the DOCX or the PDF text when no break happens there.
"""

from __future__ import annotations

import argparse
import io
import logging
import tomllib
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF

log = logging.getLogger("build_corpus")

CORPUS_DIR = Path(__file__).resolve().parent
FIXED_DATE = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
AUTHOR = "Pori-neuvoja esimerkkiaineisto"
SUBJECT = "Esimerkkiaineisto, koottu julkisista lähteistä; ei virallinen asiakirja."
COMPOUND, SOFT = "|", "¬"
MIN_PART = 3  # characters left on either side of a line-end break


@dataclass(frozen=True)
class Block:
    """One element of a source text: kind is title, h1, h2, para, bullet or pagebreak."""

    kind: str
    text: str = ""


@dataclass(frozen=True)
class Output:
    """A document this script writes: its manifest id, source text and running header."""

    doc_id: str
    src: str
    header: str = ""


OUTPUTS = (
    Output(
        "sopimus-tiivistelma",
        "src/sopimus-tiivistelma.md",
        "Porin ekosysteemisopimus – tiivistelmä (esimerkkiaineisto)",
    ),
    Output(
        "rahoitushaut",
        "src/rahoitushaut.md",
        "Porin ekosysteemisopimus – rahoitushaut (esimerkkiaineisto)",
    ),
    Output("ensimmaisen-haun-hankkeet", "src/ensimmaisen-haun-hankkeet.md"),
)


def parse_markup(text: str) -> list[Block]:
    """Split a source text into blocks; paragraph lines are joined with spaces."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", " ".join(para)))
            para.clear()

    prefixes = (("#! ", "title"), ("## ", "h2"), ("# ", "h1"), ("- ", "bullet"))
    for raw in text.splitlines():
        line = raw.strip()
        kind = next((k for p, k in prefixes if line.startswith(p)), "")
        if not line or line == "---" or kind:
            flush()
        if line == "---":
            blocks.append(Block("pagebreak"))
        elif kind:
            blocks.append(Block(kind, line.split(" ", 1)[1].strip()))
        elif line:
            para.append(line)
    flush()
    return blocks


def visible(text: str) -> str:
    """The text as printed when no line break falls on a marker."""
    return text.replace(COMPOUND, "").replace(SOFT, "")


def is_link(word: str) -> bool:
    """URLs, e-mail addresses and domain names ("eura2021.fi-palvelu") are never broken."""
    return "://" in word or "@" in word or "." in word.rstrip(".,:;)")


def break_options(word: str) -> list[tuple[str, str, str]]:
    """Places where ``word`` (with markers) may break: (printed head, marked tail, kind)."""
    if is_link(word):
        return []
    options = []
    for i, ch in enumerate(word):
        if ch in (COMPOUND, SOFT):
            head = visible(word[:i]) + ("-" if ch == COMPOUND else "\u00ad")
            kind = "compound" if ch == COMPOUND else "soft"
            options.append((head, word[i + 1 :], kind))
        elif (
            ch == "-" and 0 < i < len(word) - 1 and word[i - 1].isalnum() and word[i + 1].isalpha()
        ):
            options.append((visible(word[: i + 1]), word[i + 1 :], "real"))
    return [o for o in options if len(o[0]) > MIN_PART and len(visible(o[1])) >= MIN_PART]


def wrap(pdf: FPDF, text: str, width: float, stats: Counter[str]) -> list[str]:
    """Greedy line breaking that hyphenates at marked compound boundaries when needed."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        rest = word
        while rest:
            shown = visible(rest)
            candidate = f"{cur} {shown}" if cur else shown
            if pdf.get_string_width(candidate) <= width:
                cur, rest = candidate, ""
                continue
            prefix = f"{cur} " if cur else ""
            fitting = [
                o for o in break_options(rest) if pdf.get_string_width(prefix + o[0]) <= width
            ]
            if fitting:
                head, rest, kind = max(fitting, key=lambda o: len(o[0]))
                lines.append(prefix + head)
                stats[kind] += 1
                cur = ""
            elif cur:
                lines.append(cur)
                cur = ""
            else:  # a single word wider than the line: let it overflow
                cur, rest = shown, ""
    if cur:
        lines.append(cur)
    return lines


class CorpusPDF(FPDF):
    """A4 page with a running header and a 'Sivu N / M' footer on every page."""

    def __init__(self, header_text: str) -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.core_fonts_encoding = "windows-1252"  # en dash, euro sign, soft hyphen
        self.set_margins(22, 24, 22)
        self.set_auto_page_break(True, margin=22)

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.set_y(10)
        self.cell(0, 5, self.header_text, align="L")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, AUTHOR, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Sivu {self.page_no()} / {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


BODY_SIZE, LINE_H = 11.0, 5.8
HEADING_SIZES = {"title": 20.0, "h1": 16.0, "h2": 13.0}


def write_lines(pdf: FPDF, lines: list[str], indent: float = 0.0, height: float = LINE_H) -> None:
    for line in lines:
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")


def write_link_line(pdf: FPDF, url: str, indent: float) -> None:
    """A URL on a line of its own, in a font small enough that it is not broken."""
    size = BODY_SIZE
    width = pdf.epw - indent
    while size > 5.5:
        pdf.set_font("Helvetica", size=size)
        if pdf.get_string_width(url) <= width:
            break
        size -= 0.5
    write_lines(pdf, [url], indent)
    pdf.set_font("Helvetica", size=BODY_SIZE)


def render_pdf(
    blocks: list[Block], out: Path, header: str, title: str, sources: list[str]
) -> Counter[str]:
    """Write ``blocks`` as a PDF at ``out``; returns counts of line-end breaks by kind."""
    pdf = CorpusPDF(header)
    pdf.set_title(title)
    pdf.set_author(AUTHOR)
    pdf.set_subject(SUBJECT)
    pdf.set_keywords(" ".join(sources))
    pdf.set_creator("corpus/build_corpus.py")
    pdf.set_lang("fi")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    stats: Counter[str] = Counter()
    for block, following in zip(blocks, [*blocks[1:], Block("end")], strict=True):
        if block.kind == "pagebreak":
            pdf.add_page()
        elif block.kind in HEADING_SIZES:
            size = HEADING_SIZES[block.kind]
            if pdf.y > pdf.h - 60:  # keep a heading with the text after it
                pdf.add_page()
            pdf.ln(4 if pdf.y > pdf.t_margin + 1 else 0)
            pdf.set_font("Helvetica", style="B", size=size)
            write_lines(pdf, wrap(pdf, visible(block.text), pdf.epw, stats), height=size * 0.45)
            pdf.ln(2)
        else:
            indent = 6.0 if block.kind == "bullet" else 0.0
            pdf.set_font("Helvetica", size=BODY_SIZE)
            if block.kind == "bullet":
                pdf.cell(indent, LINE_H, "•")
            if is_link(block.text) and " " not in block.text:
                write_link_line(pdf, block.text, indent)
            else:
                write_lines(pdf, wrap(pdf, block.text, pdf.epw - indent, stats), indent)
            pdf.ln(1.0 if following.kind == "bullet" else 2.5)
    out.write_bytes(bytes(pdf.output()))
    return stats


def render_docx(blocks: list[Block], out: Path, title: str, sources: list[str]) -> None:
    """Write ``blocks`` as a DOCX with real Title/Heading/List Bullet styles."""
    document = docx.Document()
    styles = {"title": 0, "h1": 1, "h2": 2}
    for block in blocks:
        text = visible(block.text)
        if block.kind in styles:
            document.add_heading(text, styles[block.kind])
        elif block.kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif block.kind == "para":
            document.add_paragraph(text)
    props = document.core_properties
    props.title = title
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.subject = SUBJECT
    props.keywords = "esimerkkiaineisto, Pori, ekosysteemisopimus"
    props.comments = f"Lähteet: {sources[0]}"[:255]  # all sources are listed in the text
    props.language = "fi-FI"
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(normalise_zip(buffer.getvalue()))


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so that rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 15, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def load_manifest(corpus_dir: Path) -> dict[str, dict[str, object]]:
    with (corpus_dir / "sources.toml").open("rb") as fh:
        manifest = tomllib.load(fh)
    return {str(entry["id"]): entry for entry in manifest.get("document", [])}


def build(corpus_dir: Path = CORPUS_DIR) -> dict[str, Counter[str]]:
    """Build every PDF and DOCX of the demo corpus; returns line-break counts per PDF."""
    manifest = load_manifest(corpus_dir)
    report: dict[str, Counter[str]] = {}
    for spec in OUTPUTS:
        entry = manifest[spec.doc_id]
        title, sources = str(entry["title"]), [str(s) for s in entry["sources"]]  # type: ignore[attr-defined]
        out = corpus_dir / str(entry["file"])
        out.parent.mkdir(parents=True, exist_ok=True)
        blocks = parse_markup((corpus_dir / spec.src).read_text(encoding="utf-8"))
        if out.suffix == ".pdf":
            report[spec.doc_id] = render_pdf(blocks, out, spec.header, title, sources)
        else:
            render_docx(blocks, out, title, sources)
        log.info("wrote %s", out)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="corpus folder")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for doc_id, stats in build(args.corpus).items():
        print(f"{doc_id}: line-end breaks {dict(sorted(stats.items()))}")


if __name__ == "__main__":
    main()
