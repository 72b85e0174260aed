"""Builders for real test documents (PDF with fpdf2, DOCX with python-docx, HTML, text).

Everything is generated inside the tests; nothing is downloaded. fpdf2's core Helvetica font
covers Latin-1 only, so the PDFs use "-" for dashes and "·" for bullets.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from ingest.models import SourceInfo

# A block of a PDF page: (kind, text). kind: "h1", "h2", "h3", "bold" (one bold line), "boldp"
# (a wrapped bold paragraph), "p" (wrapped by fpdf2),
# "lines" (text split at "\n" into exact lines, to place a hyphen at a line end), "li".
Block = tuple[str, str]

_FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
RUNNING_HEADER = "Porin ekosysteemisopimus - tiivistelmä (esimerkkiaineisto)"
RUNNING_FOOTER = "Pori-neuvoja esimerkkiaineisto"


def source(doc_id: str = "testi", title: str = "", file: str = "") -> SourceInfo:
    """A SourceInfo for tests (empty title by default, so the loader fills it)."""
    return SourceInfo(doc_id=doc_id, title=title, file=file or f"documents/{doc_id}")


class _ChromePDF(FPDF):
    """An FPDF with an optional running header and a "Sivu N / M" footer on every page."""

    def __init__(self, header_text: str | None, footer_text: str | None) -> None:
        super().__init__()
        self.header_text = header_text
        self.footer_text = footer_text
        self.alias_nb_pages("{nbpages}")
        self.set_creation_date(_FIXED_DATE)

    def header(self) -> None:
        if self.header_text:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, self.header_text, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def footer(self) -> None:
        if self.footer_text:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"{self.footer_text}    Sivu {self.page_no()} / {{nbpages}}", align="C")


def pdf_bytes(
    pages: Sequence[Sequence[Block]],
    *,
    title: str | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    """A text PDF with one PDF page per item of ``pages``."""
    pdf = _ChromePDF(header, footer)
    pdf.set_auto_page_break(True, margin=20)
    if title:
        pdf.set_title(title)
    sizes = {"h1": 18, "h2": 14, "h3": 12.5}
    for blocks in pages:
        pdf.add_page()
        for kind, text in blocks:
            if kind in sizes:
                pdf.ln(3)
                pdf.set_font("Helvetica", "B", sizes[kind])
                pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            elif kind == "boldp":
                pdf.set_font("Helvetica", "B", 11)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
            elif kind == "bold":
                pdf.set_font("Helvetica", "B", 11)
                pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            elif kind == "lines":
                pdf.set_font("Helvetica", size=11)
                for line in text.split("\n"):
                    pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
            elif kind == "li":
                pdf.set_font("Helvetica", size=11)
                pdf.multi_cell(0, 6, f"· {text}", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("Helvetica", size=11)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
    return bytes(pdf.output())


def multipage_pdf() -> bytes:
    """Four pages with running header/footer/page numbers, headings, a list and hyphenation."""
    pages: list[list[Block]] = [
        [
            ("h1", "Ekosysteemisopimuksen tiivistelmä"),
            ("p", "Tämä asiakirja on esimerkkiaineistoa, joka on koottu julkisista lähteistä."),
            ("h2", "Sopimuksen osapuolet"),
            (
                "lines",
                "Sopimuksen osapuolet ovat Porin kaupunki ja työ- ja elinkeino-\n"
                "ministeriö. Sopimus tukee tutkimus-\n"
                "hanketta ja EU-\n"
                "rahoitusta sekä TKI-\n"
                "toimintaa alueella.",
            ),
        ],
        [
            ("h2", "Painopisteet"),
            ("p", "Porin painopisteet ovat seuraavat:"),
            ("li", "teknologiametallit ja kiertotalous"),
            ("li", "automaatio ja robotiikka"),
            ("p", "Painopisteet valittiin yhdessä korkeakoulujen ja yritysten kanssa."),
        ],
        [
            ("h2", "Rahoitus"),
            (
                "lines",
                "Ensimmäisen haun rahoitus oli 0,9 miljoonaa euroa. Tutkimus-\n"
                "ja kehittämistoimintaa rahoitetaan EU-varoin.",
            ),
            ("h3", "Toinen haku"),
            ("p", "Toinen haku oli auki 18.10.2023-31.12.2023 Satakuntaliitossa."),
        ],
        [
            ("h2", "Yhteystiedot"),
            ("p", "Lisätietoja antaa erityisasiantuntija Teemu Heino, puh. 044 701 8303."),
        ],
    ]
    return pdf_bytes(
        pages, title="Tiivistelmä (testi)", header=RUNNING_HEADER, footer=RUNNING_FOOTER
    )


def synthetic_pdf(n_pages: int, seed: int = 7) -> bytes:
    """A long PDF (benchmarks): each page a heading, two paragraphs and a list."""
    rng = random.Random(seed)
    words = [
        "Porin",
        "ekosysteemisopimus",
        "tukee",
        "tutkimus-",
        "ja",
        "kehittämistoimintaa,",
        "investointeja",
        "sekä",
        "osaajien",
        "houkuttelua",
        "kasvualoille",
        "teknologiametallien",
        "kiertotalouden",
        "automaation",
        "ja",
        "robotiikan",
        "alalla",
        "Satakunnassa",
        "vuosina",
        "2021-2027",
    ]
    pages: list[list[Block]] = []
    for n in range(n_pages):
        paragraph = " ".join(rng.choice(words) for _ in range(90)).capitalize() + "."
        pages.append(
            [
                ("h2", f"Luku {n + 1}: hankkeet ja tulokset"),
                ("p", paragraph),
                ("li", "teknologiametallit ja kiertotalous"),
                ("li", "automaatio ja robotiikka"),
                ("p", paragraph[::-1].capitalize()),
            ]
        )
    return pdf_bytes(pages, title="Synteettinen testi", header=RUNNING_HEADER, footer="Testi")


def blank_pdf() -> bytes:
    """A PDF whose only page holds a drawn rectangle (like a scan without a text layer)."""
    pdf = FPDF()
    pdf.set_creation_date(_FIXED_DATE)
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def encrypted_pdf(password: str = "salasana") -> bytes:
    """A text PDF encrypted with a user password (RC4, no extra crypto library needed)."""
    reader = PdfReader(io.BytesIO(pdf_bytes([[("p", "Salainen teksti.")]])))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_encrypted_pdf() -> bytes:
    """A PDF encrypted with an owner password only: readable without a password."""
    reader = PdfReader(io.BytesIO(pdf_bytes([[("p", "Avoin mutta rajoitettu teksti.")]])))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password="", owner_password="omistaja", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*, title: str | None = "Ensimmäisen haun hankkeet") -> bytes:
    """A DOCX with a Title, Heading 1/2 styles, a bulleted list and a table."""
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.add_heading("Ensimmäisen haun hankkeet", level=1)
    document.add_paragraph("Tämä asiakirja on esimerkkiaineistoa.")
    document.add_heading("Rahoitetut hankkeet", level=2)
    document.add_paragraph("Ensimmäisessä haussa rahoitettiin viisi hanketta:")
    for name in ("SUMEA (SAMK)", "IKI", "KARHU", "Reboot Satakunta", "Kasvun ekosysteemi"):
        document.add_paragraph(name, style="List Bullet")
    document.add_heading("Aikataulu", level=2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Hanke"
    table.cell(0, 1).text = "Kesto"
    table.cell(1, 0).text = "Kasvun ekosysteemi"
    table.cell(1, 1).text = "1.4.2023-31.3.2026"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HTML_PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Ekosysteemisopimus - Porin kaupunki</title>
<style>body { color: red; }</style><script>var tracking = "älä näytä";</script></head>
<body>
<header><a href="/">Etusivu</a><nav><ul><li>Työ ja yrittäminen</li><li>Asuminen</li></ul></nav>
</header>
<main>
<h1>Ekosysteemisopimus</h1>
<p>Porin kaupunki ja työ- ja elinkeinoministeriö ovat solmineet
   innovaatiotoiminnan ekosysteemisopimuksen vuosille 2021-2027.</p>
<h2>Painopisteet</h2>
<ul><li>Teknologiametallit ja kiertotalous</li><li>Automaatio ja <b>robotiikka</b></li></ul>
<table><tr><th>Haku</th><th>Aika</th></tr><tr><td>Toinen haku</td><td>18.10.-31.12.2023</td></tr>
</table>
<form><label>Hae sivustolta</label><input name="q"></form>
<script>console.log("ei tekstiä");</script>
</main>
<aside>Ajankohtaista: sivupalkin uutinen</aside>
<footer><p>Porin kaupunki, PL 121, 28101 Pori</p></footer>
</body></html>
"""

HTML_NO_MAIN_TEXT = """<html><head><title>Tyhjä</title><script>var x = 1;</script></head>
<body><nav><a href="/">Etusivu</a><a href="/a">Asuminen</a></nav>
<footer>Porin kaupunki</footer></body></html>"""


def write(path: Path, data: bytes | str) -> Path:
    """Write bytes or UTF-8 text to ``path`` (parents created) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
