"""Loaders on documents generated inside the tests (PDF, HTML, Markdown, text, DOCX)."""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import DocumentError
from ingest.loaders import SUPPORTED_SUFFIXES, load_document
from ingest.models import LoadedDocument
from tests.conftest import ROOT
from tests.ingest import fixtures_docs as fx


def load(tmp_path: Path, name: str, data: bytes | str, title: str = "") -> LoadedDocument:
    return load_document(fx.write(tmp_path / name, data), fx.source("testi", title=title))


def assert_conventions(doc: LoadedDocument) -> None:
    for page in doc.pages:
        text = page.text
        assert text == unicodedata.normalize("NFC", text)
        assert text == text.strip() and "\n\n\n" not in text and "\u00ad" not in text
        assert all(line == line.rstrip() for line in text.split("\n"))


def test_supported_suffixes() -> None:
    assert {".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".docx"} == SUPPORTED_SUFFIXES


# --- PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def multipage(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LoadedDocument]:
    path = fx.write(tmp_path_factory.mktemp("pdf") / "tiivistelma.pdf", fx.multipage_pdf())
    return path, load_document(path, fx.source("tiivistelma"))


def test_pdf_pages_numbers_and_hash(multipage: tuple[Path, LoadedDocument]) -> None:
    path, doc = multipage
    assert [p.number for p in doc.pages] == [1, 2, 3, 4]
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.text == "\n\n".join(p.text for p in doc.pages)
    assert_conventions(doc)


def test_pdf_running_header_footer_and_page_numbers_removed(
    multipage: tuple[Path, LoadedDocument],
) -> None:
    _, doc = multipage
    assert fx.RUNNING_HEADER not in doc.text
    assert "Pori-neuvoja esimerkkiaineisto" not in doc.text
    assert not re.search(r"Sivu \d", doc.text)
    assert "esimerkkiaineistoa, joka on koottu" in doc.pages[0].text  # body text stays


def test_pdf_headings_from_font_sizes(multipage: tuple[Path, LoadedDocument]) -> None:
    _, doc = multipage
    headings = [line for line in doc.text.split("\n") if line.startswith("#")]
    assert headings == [
        "# Ekosysteemisopimuksen tiivistelmä",
        "## Sopimuksen osapuolet",
        "## Painopisteet",
        "## Rahoitus",
        "### Toinen haku",
        "## Yhteystiedot",
    ]


def test_pdf_hyphenation_and_unwrapping(multipage: tuple[Path, LoadedDocument]) -> None:
    _, doc = multipage
    assert doc.pages[0].text.endswith(
        "Sopimuksen osapuolet ovat Porin kaupunki ja työ- ja elinkeinoministeriö. "
        "Sopimus tukee tutkimushanketta ja EU-rahoitusta sekä TKI-toimintaa alueella."
    )
    assert "Tutkimus- ja kehittämistoimintaa rahoitetaan EU-varoin." in doc.pages[2].text


def test_pdf_bullets_become_list_items(multipage: tuple[Path, LoadedDocument]) -> None:
    _, doc = multipage
    assert (
        "Porin painopisteet ovat seuraavat:\n\n- teknologiametallit ja kiertotalous\n"
        "- automaatio ja robotiikka\n\nPainopisteet valittiin"
    ) in doc.pages[1].text


def test_pdf_title_from_metadata_unless_the_manifest_has_one(
    multipage: tuple[Path, LoadedDocument],
) -> None:
    path, doc = multipage
    assert doc.source.title == "Tiivistelmä (testi)"
    named = load_document(path, fx.source("tiivistelma", title="Manifestin otsikko"))
    assert named.source.title == "Manifestin otsikko"


def test_pdf_title_falls_back_to_first_heading_then_file_name(tmp_path: Path) -> None:
    with_heading = fx.pdf_bytes([[("h1", "Iso otsikko"), ("p", "Tekstiä.")]])
    assert load(tmp_path, "a.pdf", with_heading).source.title == "Iso otsikko"
    plain = fx.pdf_bytes([[("p", "Pelkkää tekstiä.")]])
    assert load(tmp_path, "toinen_haku-2023.pdf", plain).source.title == "Toinen haku 2023"


def test_pdf_word_broken_across_a_page_break(tmp_path: Path) -> None:
    data = fx.pdf_bytes(
        [
            [("lines", "Sivu päättyy sanaan tutkimus-")],
            [("lines", "hanke jatkuu toisella sivulla.")],
        ]
    )
    doc = load(tmp_path, "katko.pdf", data)
    assert [p.text for p in doc.pages] == [
        "Sivu päättyy sanaan tutkimushanke",
        "jatkuu toisella sivulla.",
    ]


def test_pdf_line_repeated_at_different_heights_is_kept(tmp_path: Path) -> None:
    repeated = "Lisätietoja antaa Teemu Heino."
    pages: list[list[fx.Block]] = [
        [("p", "Ensimmäinen sivu."), ("p", repeated)],
        [
            ("p", "Toinen sivu."),
            ("p", "Välikappale."),
            ("p", "Toinen välikappale."),
            ("p", repeated),
        ],
        [("p", "Kolmas sivu.")],
    ]
    doc = load(tmp_path, "toisto.pdf", fx.pdf_bytes(pages, header=fx.RUNNING_HEADER))
    assert doc.text.count(repeated) == 2
    assert fx.RUNNING_HEADER not in doc.text


def test_pdf_numbered_headings_at_the_top_of_every_page_are_not_running_headers(
    tmp_path: Path,
) -> None:
    pages: list[list[fx.Block]] = [
        [("h2", f"Luku {n}: hankkeet"), ("p", f"Sivun {n} teksti.")] for n in (1, 2, 3)
    ]
    doc = load(tmp_path, "luvut.pdf", fx.pdf_bytes(pages, header=fx.RUNNING_HEADER, footer="Testi"))
    assert [p.text for p in doc.pages] == [
        f"# Luku {n}: hankkeet\n\nSivun {n} teksti." for n in (1, 2, 3)
    ]


def test_pdf_bold_line_at_body_size_is_a_heading(tmp_path: Path) -> None:
    data = fx.pdf_bytes(
        [[("h1", "Otsikko"), ("p", "Johdanto."), ("bold", "Yhteystiedot"), ("p", "Soita.")]]
    )
    doc = load(tmp_path, "lihavoitu.pdf", data)
    assert doc.text == "# Otsikko\n\nJohdanto.\n\n## Yhteystiedot\n\nSoita."


def test_pdf_large_or_bold_paragraphs_are_not_headings(tmp_path: Path) -> None:
    lead = " ".join(["Johdanto kertoo sopimuksen taustasta ja tavoitteista."] * 5)
    body = " ".join(["Leipäteksti kertoo asiasta tavallisella kirjasinkoolla."] * 12)
    bold = " ".join(["Lihavoitu kappale jatkuu usealle riville ilman otsikkoa"] * 3) + "."
    data = fx.pdf_bytes([[("h1", "Otsikko"), ("h2", lead), ("p", body), ("boldp", bold)]])
    doc = load(tmp_path, "johdanto.pdf", data)
    assert doc.text == f"# Otsikko\n\n{lead}\n\n{body}\n\n{bold}"


def test_pdf_encrypted_with_owner_password_only_is_read(tmp_path: Path) -> None:
    doc = load(tmp_path, "rajoitettu.pdf", fx.owner_only_encrypted_pdf())
    assert doc.text == "Avoin mutta rajoitettu teksti."


def test_pdf_blank_page_is_left_out(tmp_path: Path) -> None:
    data = fx.pdf_bytes([[("p", "Ensimmäinen sivu.")], [], [("p", "Kolmas sivu.")]])
    doc = load(tmp_path, "tyhja-sivu.pdf", data)
    assert [(p.number, p.text) for p in doc.pages] == [
        (1, "Ensimmäinen sivu."),
        (3, "Kolmas sivu."),
    ]


# --- HTML ------------------------------------------------------------------------------------


def test_html_main_text_only(tmp_path: Path) -> None:
    doc = load(tmp_path, "sivu.html", fx.HTML_PAGE)
    assert doc.pages[0].number is None
    assert doc.text == (
        "# Ekosysteemisopimus\n\n"
        "Porin kaupunki ja työ- ja elinkeinoministeriö ovat solmineet innovaatiotoiminnan "
        "ekosysteemisopimuksen vuosille 2021-2027.\n\n"
        "## Painopisteet\n\n"
        "- Teknologiametallit ja kiertotalous\n- Automaatio ja robotiikka\n\n"
        "| Haku | Aika |\n| Toinen haku | 18.10.-31.12.2023 |"
    )
    assert doc.source.title == "Ekosysteemisopimus - Porin kaupunki"
    assert_conventions(doc)


def test_html_without_main_uses_body_without_chrome_and_h1_title(tmp_path: Path) -> None:
    page = (
        "<html><body><div role='navigation'>Valikko</div><header><a>Etusivu</a></header>"
        "<article><header><h1>Uutinen</h1></header><p>Uutisen teksti.</p>"
        "<ol><li>Eka</li><li>Toka<ul><li>Ali</li></ul></li></ol><p>Rivi<br>toinen</p></article>"
        "<footer>Alatunniste</footer></body></html>"
    )
    doc = load(tmp_path, "uutinen.htm", page)
    assert doc.text == "# Uutinen\n\nUutisen teksti.\n\n1. Eka\n1. Toka\n- Ali\n\nRivi\n\ntoinen"
    assert doc.source.title == "Uutinen"


def test_html_in_latin1_with_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Hyvää päivää.</p></body></html>'
    doc = load(tmp_path, "latin.html", page.encode("latin-1"))
    assert doc.text == "Hyvää päivää."


# --- Markdown and text -----------------------------------------------------------------------


def test_markdown_light_cleanup(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Etusivun otsikko\n---\n"
        "Pääotsikko\n==========\n\nTämä  on **lihavoitu** ja [linkki](https://pori.fi)\n"
        "joka jatkuu.   \n\n* eka\n* toka\n\n> Lainaus tässä.\n\nAlaotsikko\n----------\n\n"
        "Loppu <!-- kommentti -->.\n"
    )
    doc = load(tmp_path, "sivu.md", text)
    assert doc.text == (
        "# Pääotsikko\n\nTämä on lihavoitu ja linkki (https://pori.fi) joka jatkuu.\n\n"
        "- eka\n- toka\n\nLainaus tässä.\n\n## Alaotsikko\n\nLoppu ."
    )
    assert doc.source.title == "Etusivun otsikko"
    assert_conventions(doc)


def test_markdown_title_from_first_heading(tmp_path: Path) -> None:
    doc = load(tmp_path, "a.markdown", "Johdanto.\n\n## Toinen taso\n\nTeksti.")
    assert doc.source.title == "Toinen taso"


def test_txt_kept_as_written_with_bom(tmp_path: Path) -> None:
    data = "\ufeffEnsimmäinen rivi\njatkuu.\r\n\r\nToinen kappale.\n".encode()
    doc = load(tmp_path, "muistio_2023.txt", data)
    assert doc.text == "Ensimmäinen rivi jatkuu.\n\nToinen kappale."
    assert doc.source.title == "Muistio 2023"


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_headings_lists_and_tables(tmp_path: Path) -> None:
    doc = load(tmp_path, "hankkeet.docx", fx.docx_bytes())
    assert doc.text == (
        "# Ensimmäisen haun hankkeet\n\nTämä asiakirja on esimerkkiaineistoa.\n\n"
        "## Rahoitetut hankkeet\n\nEnsimmäisessä haussa rahoitettiin viisi hanketta:\n\n"
        "- SUMEA (SAMK)\n- IKI\n- KARHU\n- Reboot Satakunta\n- Kasvun ekosysteemi\n\n"
        "## Aikataulu\n\n| Hanke | Kesto |\n| Kasvun ekosysteemi | 1.4.2023-31.3.2026 |"
    )
    assert doc.source.title == "Ensimmäisen haun hankkeet"
    assert_conventions(doc)


def test_docx_title_style_shifts_headings_and_title_fallback(tmp_path: Path) -> None:
    import io

    import docx

    document = docx.Document()
    document.add_heading("Asiakirjan nimi", level=0)  # the Title style
    document.add_heading("Luku", level=1)
    document.add_paragraph("Teksti.")
    out = io.BytesIO()
    document.save(out)
    doc = load(tmp_path, "nimi.docx", out.getvalue())
    assert doc.text == "# Asiakirjan nimi\n\n## Luku\n\nTeksti."
    assert doc.source.title == "Asiakirjan nimi"


# --- bad input -------------------------------------------------------------------------------


def _truncated_pdf() -> bytes:
    data = fx.multipage_pdf()
    return data[: len(data) // 2]


def _corrupt_pdf_with_eof() -> bytes:
    return b"%PDF-1.7\n" + random.Random(3).randbytes(4000) + b"\n%%EOF\n"


def _corrupt_docx() -> bytes:
    return b"PK\x03\x04" + random.Random(4).randbytes(3000)


BAD_FILES: list[tuple[str, Callable[[], bytes | str], str]] = [
    ("skannattu.pdf", fx.blank_pdf, "PDF-tiedostossa ei ole tekstiä (skannattu kuva?)"),
    ("salattu.pdf", fx.encrypted_pdf, "PDF-tiedosto on salattu salasanalla"),
    ("katkennut.pdf", _truncated_pdf, "PDF-tiedosto on katkennut"),
    ("vioittunut.pdf", _corrupt_pdf_with_eof, "PDF-tiedosto on vioittunut tai katkennut"),
    ("satunnainen.pdf", lambda: random.Random(1).randbytes(5000), "ei ole PDF-tiedosto"),
    ("tyhja.pdf", lambda: b"", "Tiedosto on tyhjä"),
    ("tyhja.md", lambda: "  \n\n \t", "Tiedosto on tyhjä"),
    ("binaari.txt", lambda: bytes(range(256)) * 4, "binääridataa eikä tekstiä"),
    ("ohjausmerkit.txt", lambda: "\x01\x02\x03abc\x05\x06" * 40, "binääridataa eikä tekstiä"),
    ("latin1.txt", lambda: "Hyvää päivää".encode("latin-1"), "ei ole UTF-8-muodossa"),
    ("latin1.md", lambda: "# Otsikko\n\nÄäkkönen".encode("cp1252"), "ei ole UTF-8-muodossa"),
    ("vioittunut.docx", _corrupt_docx, "DOCX-tiedosto on vioittunut tai katkennut"),
    ("katkennut.docx", lambda: fx.docx_bytes()[:3000], "DOCX-tiedosto on vioittunut tai katkennut"),
    ("teksti.docx", lambda: "ei zip-paketti", "ei ole Word-tiedosto"),
    ("valikko.html", lambda: fx.HTML_NO_MAIN_TEXT, "HTML-sivulla ei ole pääsisältöä"),
    ("binaari.html", lambda: b"<html>\x00\x01</html>", "binääridataa eikä HTML-sivu"),
    ("vanha.doc", lambda: b"dokumentti", "Tiedostotyyppiä .doc ei tueta"),
    ("README", lambda: b"teksti", "Tiedostotyyppiä (ei päätettä) ei tueta"),
]


@pytest.mark.parametrize(
    ("name", "make", "reason"), BAD_FILES, ids=[name for name, _, _ in BAD_FILES]
)
def test_bad_files_raise_document_error(
    tmp_path: Path, name: str, make: Callable[[], bytes | str], reason: str
) -> None:
    path = fx.write(tmp_path / name, make())
    with pytest.raises(DocumentError, match=re.escape(reason)):
        load_document(path, fx.source("huono"))


def test_missing_file_directory_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"Tiedostoa ei löydy: .*puuttuu\.pdf"):
        load_document(tmp_path / "puuttuu.pdf", fx.source())
    (tmp_path / "kansio.md").mkdir()
    with pytest.raises(DocumentError, match="on kansio eikä tiedosto"):
        load_document(tmp_path / "kansio.md", fx.source())
    big = fx.write(tmp_path / "iso.txt", "a" * 2_000)
    with pytest.raises(DocumentError, match=r"liian suuri \(2000 tavua, enintään 1000 tavua\)"):
        load_document(big, fx.source(), max_bytes=1_000)


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html"])
def test_damaged_files_raise_only_document_error(tmp_path: Path, suffix: str) -> None:
    """Seeded random damage: a file either loads or fails with DocumentError, nothing else."""
    base = {"pdf": fx.multipage_pdf, "docx": fx.docx_bytes, "html": fx.HTML_PAGE.encode}[suffix]()
    rng = random.Random(f"vahinko-{suffix}")
    outcomes = {"loaded": 0, "rejected": 0}
    for n in range(40):
        data = bytearray(base)
        for _ in range(rng.randint(1, 12)):
            pos = rng.randrange(len(data))
            if rng.random() < 0.5:
                data[pos] = rng.randrange(256)
            else:
                del data[pos : pos + rng.randint(1, 200)]
        path = fx.write(tmp_path / f"vahingoittunut{n}.{suffix}", bytes(data))
        try:
            load_document(path, fx.source())
            outcomes["loaded"] += 1
        except DocumentError:
            outcomes["rejected"] += 1
    assert sum(outcomes.values()) == 40
    assert outcomes["rejected"] > 0


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fx.write(tmp_path / "lukukielto.txt", "Teksti.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DocumentError, match=r"Tiedostoa ei voi lukea \(Permission denied\)"):
        load_document(path, fx.source())


def test_pdf_with_a_removed_filter_name_is_reported_as_damaged(tmp_path: Path) -> None:
    """pypdf raises DeprecationError (no PyPdfError) for "/Fl": still a plain "damaged" error."""
    data = (ROOT / "corpus" / "documents" / "rahoitushaut.pdf").read_bytes()
    path = tmp_path / "vanha-suodin.pdf"
    path.write_bytes(data.replace(b"/FlateDecode", b"/Fl         "))
    with pytest.raises(DocumentError, match="vioittunut"):
        load_document(path, fx.source("vanha"))
