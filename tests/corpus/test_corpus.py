"""Checks of the demo corpus: manifest, sample notices, PDF layout, DOCX styles, facts F1-F40."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import docx
import pytest
from pypdf import PdfReader

from tests.corpus import corpus_text as ct


def load_module(name: str, path: Path) -> ModuleType:
    """Import a script (``corpus/build_corpus.py`` is not in a package) by file path, once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


CORPUS = ct.CORPUS_DIR

EXPECTED_FILES = {
    "pori-verkkosivu": ("documents/pori-ekosysteemisopimus.html", "web_page"),
    "sopimus-tiivistelma": ("documents/sopimus-tiivistelma.pdf", "agreement"),
    "rahoitushaut": ("documents/rahoitushaut.pdf", "call_notice"),
    "ohjelma-uudistuva-ja-osaava-suomi": ("documents/uudistuva-ja-osaava-suomi.html", "programme"),
    "ensimmaisen-haun-hankkeet": ("documents/ensimmaisen-haun-hankkeet.docx", "projects"),
    "teknologiametallit-kiertotalous": (
        "documents/teknologiametallit-ja-kiertotalous.md",
        "web_page",
    ),
}
KEYS = {"id", "title", "publisher", "type", "language", "date", "url", "file", "official"}
KEYS |= {"sources"}
TYPES = {"agreement", "call_notice", "programme", "web_page", "projects"}
PDF_MIN_PAGES = {"sopimus-tiivistelma": 4, "rahoitushaut": 3}
FOOTER = re.compile(r"Pori-neuvoja esimerkkiaineisto\s*Sivu (\d+) / (\d+)")

SOP, RAH, OHJ = "sopimus-tiivistelma", "rahoitushaut", "ohjelma-uudistuva-ja-osaava-suomi"
HAN, TEK, WEB = "ensimmaisen-haun-hankkeet", "teknologiametallit-kiertotalous", "pori-verkkosivu"
TEM_PDF = (
    "https://tem.fi/documents/1410877/0/Pori+sopimus+FINAL.pdf/"
    "36085d74-90b4-9da0-8bae-82a7d19b5953/Pori+sopimus+FINAL.pdf?t=1615882099242"
)
EURA = "https://eura2021.fi/hakuilmoitukset/hakuilmoitus/d1da7ffc-d715-481b-b1c5-0f23adc37ef9/"
CALL_NAME = (
    "Kestävän kaupunkikehittämisen haku – Innokaupungit Pori (Porin kaupungin ekosysteemisopimus)"
)

# fact id -> (documents that must state it, literal strings each of them contains)
FACTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "F1": ((SOP, WEB), ("työ- ja elinkeinoministeriön (TEM)", "2021")),
    "F2": ((SOP, WEB), ("16 kaupunkiseudun", "helmikuussa 2021")),
    "F2b": ((SOP,), ("9.2.2021", "9. helmikuuta 2021")),
    "F3": ((SOP,), ("31.12.2027", "31. joulukuuta 2027")),
    "F4": ((SOP,), ("kaupunginhallitus hyväksyi", "18.1.2021", "18. tammikuuta 2021")),
    "F4b": ((SOP,), ("tulee voimaan, kun molemmat osapuolet ovat allekirjoittaneet",)),
    "F5": ((SOP,), ("TKI-toiminnan volyymia", "uusia investointeja", "uusia osaajia")),
    "F6": ((SOP,), ("2,7 prosentista 4 prosenttiin", "vuoteen 2030")),
    "F7": ((SOP, WEB), ("Marinin hallituksen",)),
    "F8": ((SOP, WEB), ("Lappeenranta (ml. Imatra)", "Kajaani (ml. Sotkamo)", "Kokkola")),
    "F9": ((SOP, WEB), ("Innovoivat kaupungit ja yhteisöt", "innovaatiot ja osaaminen -verkosto")),
    "F10": (
        (SOP, RAH, TEK, WEB),
        ("teknologiametallit ja kiertotalous", "automaatio ja robotiikka"),
    ),
    "F11": ((SOP, WEB), ("paikallisten korkeakoulujen", "kasvu- ja elinvoimaohjelman")),
    "F11b": ((SOP, WEB), ("Satakuntaliiton älykkään erikoistumisen",)),
    "F12": ((SOP, WEB), ("johtoryhmä", "keskeisten TKI-toimijoiden")),
    "F13": (
        (SOP,),
        (
            "innovaatio- ja kokeiluympäristöt",
            "julkiset hankinnat kehitysalustoina",
            "yhteiset tutkimus- ja innovaatioinfrastruktuurit",
            "start up -yhteisöt",
            "paikallisen osaamisen vahvistaminen",
        ),
    ),
    "F14": (
        (SOP,),
        ("vuoteen 2030 mennessä kansainvälisesti houkuttelevia innovaatioympäristöjä",),
    ),
    "F15": ((TEK,), ("noin 3 000 suoraa työpaikkaa", "noin 2 miljardia euroa", "viennistä")),
    "F16": ((TEK,), ("noin kuudesosa", "Aasiassa")),
    "F17": ((TEK,), ("hiilineutraalia vuoteen 2027 mennessä",)),
    "F18": ((RAH, WEB), ("EU-rahoituksella ja Porin kaupungin rahoituksella", "Satakuntaliitto")),
    "F19": ((RAH, WEB), ("kehittäjäorganisaatiot ja oppilaitokset",)),
    "F20": ((RAH, WEB, OHJ), ("EAKR-myöntövaltuus on kestävän kaupunkikehittämisen rahoitusta",)),
    "F21": ((RAH, HAN), ("kesällä 2022", "0,9 miljoonaa euroa", "8 hakemus", "5 hanketta")),
    "F22": (
        (RAH, HAN),
        (
            "metallurgian TKI-toiminnan lisääminen",
            "rakennemuutoksen nopeuttaminen",
            "hyvinvointialan",
        ),
    ),
    "F23": (
        (HAN,),
        (
            "SUMEA",
            "sulan metallin analyysimenetelmi",
            "ikääntymisestä innovaatioihin",
            "Diakonia-ammattikorkeakoulu",
            "KARHU",
            "Reboot Satakunta",
            "Kasvun ekosysteemi – teknologiametallit, energia ja kiertotalous",
        ),
    ),
    "F24": ((HAN, TEK), ("1.4.2023–31.3.2026", "31. maaliskuuta 2026", "invest in -ympäristö")),
    "F25": ((RAH,), ("18.10.2023–31.12.2023", "18. lokakuuta 2023", "31. joulukuuta 2023")),
    "F25b": ((RAH, WEB), (CALL_NAME,)),
    "F26": (
        (RAH,),
        (
            "invest in -asioiden valmistelu ja koordinointi",
            "osaajien houkuttelu ja integrointi yrityksiin ja tutkimusryhmiin",
            "TKI-toiminnan volyymin kasvattaminen painopistealueilla",
        ),
    ),
    "F27": ((RAH, OHJ), ("on toteutettava myös Uudistuva ja osaava Suomi 2021–2027 -ohjelmaa",)),
    "F28": (
        (RAH, WEB),
        ("erityisasiantuntija", "Teemu Heino", "044 701 8303", "teemu.heino@pori.fi"),
    ),
    "F29": ((RAH, WEB), (EURA,)),
    "F30": ((OHJ,), ("21.10.2021", "21. lokakuuta 2021", "12.5.2022", "12. toukokuuta 2022")),
    "F31": ((OHJ,), ("Manner-Suomen EU:n alue- ja rakennepolitiikan ohjelma", "Ahvenanmaa")),
    "F32": (
        (OHJ,),
        ("aluekehitysrahasto (EAKR)", "(ESR+)", "oikeudenmukaisen siirtymän rahasto (JTF)"),
    ),
    "F33": ((OHJ,), ("noin 1,9 miljardia euroa",)),
    "F34": (
        (OHJ,),
        ("kuusi toimintalinjaa", "Toimintalinja 1 on Innovatiivinen Suomi", "Hiilineutraali Suomi"),
    ),
    "F35": ((OHJ,), ("35 prosenttia suunnataan ilmastotoimiin",)),
    "F36": (
        (OHJ,),
        (
            "kestävä kehitys, sukupuolten tasa-arvo, syrjimättömyys, digitalisaatio, "
            "kansainvälistyminen, ilmastonmuutos ja innovatiivisuus",
        ),
    ),
    "F37": ((OHJ,), ("hiilineutraali vuoteen 2035 mennessä",)),
    "F38": ((SOP, TEK), ("Business Pori",)),
    "F39": ((SOP, TEK), ("Robocoast",)),
    "F40": ((SOP, WEB), ("https://tem.fi/ekosysteemisopimukset", TEM_PDF)),
}


def test_manifest_lists_exactly_the_demo_documents() -> None:
    docs = ct.documents()
    assert {d: (e["file"], e["type"]) for d, e in docs.items()} == EXPECTED_FILES


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_FILES))
def test_manifest_entry_is_complete_and_its_file_exists(doc_id: str) -> None:
    entry = ct.documents()[doc_id]
    assert set(entry) == KEYS
    assert entry["type"] in TYPES
    assert entry["language"] == "fi"
    assert entry["official"] is False
    assert re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", entry["date"])
    assert entry["sources"] and all(s.startswith("http") for s in entry["sources"])
    assert entry["url"] in entry["sources"]
    assert (CORPUS / entry["file"]).is_file()


def test_official_entries_point_to_the_official_documents() -> None:
    official = {o["file"]: o for o in ct.load_manifest()["official"]}
    assert set(official) == {
        "official/pori-sopimus.pdf",
        "official/hakuilmoitus.html",
        "official/uudistuva-ja-osaava-suomi.html",
    }
    assert official["official/pori-sopimus.pdf"]["url"] == TEM_PDF
    assert official["official/hakuilmoitus.html"]["url"] == EURA
    for entry in official.values():
        assert set(entry) == KEYS | {"sha256"}
        assert entry["official"] is True and entry["sha256"] == ""
        assert entry["url"].startswith("https://")


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_FILES))
def test_document_starts_with_the_sample_material_notice(doc_id: str) -> None:
    text = ct.corpus_texts()[doc_id]
    top = text[:700].casefold()
    assert "esimerkkiaineisto" in top
    assert "tietoa tästä asiakirjasta" in top
    assert re.search(r"\b(ei|eikä)\b[^.]* virallinen asiakirja", top)
    assert "julkisista lähteistä" in top or "julkisesta verkkosivusta" in top


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_FILES))
def test_document_text_lists_its_sources(doc_id: str) -> None:
    text = ct.corpus_texts()[doc_id]
    missing = [url for url in ct.documents()[doc_id]["sources"] if url not in text]
    assert missing == []


@pytest.mark.parametrize("doc_id", sorted(PDF_MIN_PAGES))
def test_pdf_has_pages_with_running_header_and_footer(doc_id: str) -> None:
    entry = ct.documents()[doc_id]
    reader = PdfReader(CORPUS / entry["file"])
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= PDF_MIN_PAGES[doc_id]
    for number, text in enumerate(pages, start=1):
        lines = text.splitlines()
        assert lines[0].startswith("Porin ekosysteemisopimus – ")
        assert "(esimerkkiaineisto)" in lines[0]
        footer = FOOTER.search(lines[-1])
        assert footer is not None, lines[-1]
        assert footer.groups() == (str(number), str(len(pages)))
    assert reader.metadata is not None
    assert reader.metadata.title == entry["title"]
    assert reader.metadata.author == "Pori-neuvoja esimerkkiaineisto"


@pytest.mark.parametrize("doc_id", sorted(PDF_MIN_PAGES))
def test_pdf_hyphenates_compounds_across_line_ends(doc_id: str) -> None:
    raw = "\n".join(ct.pdf_pages(CORPUS / ct.documents()[doc_id]["file"]))
    compound_breaks = re.findall(r"[a-zäöå]-\n[a-zäöå]", raw)
    assert len(compound_breaks) >= 3
    assert re.search(r"[A-Z]-\n[a-zäöå]", raw), "no real-hyphen word (EAKR-myöntövaltuus) broken"
    assert "\u00ad\n" in raw, "no soft hyphen at a line end"


def test_normalise_rejoins_the_hyphenated_words() -> None:
    text = ct.corpus_texts()
    assert "työ- ja elinkeinoministeriön (TEM) välille" in text[SOP]
    assert "(T&K-menojen)" in text[SOP] and "EAKR-myöntövaltuus" in text[RAH]
    assert "toimenpidekokonaisuutta" in text[SOP] and "rahoituspäätökseen" in text[RAH]
    assert "Satakunta-" not in text[RAH]


def test_docx_uses_real_heading_and_list_styles() -> None:
    entry = ct.documents()[HAN]
    document = docx.Document(str(CORPUS / entry["file"]))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[:2] == ["Title", "Heading 1"]
    assert document.paragraphs[1].text == "Tietoa tästä asiakirjasta"
    assert {"Heading 1", "Heading 2"} <= set(styles)
    assert styles.count("List Bullet") >= 5
    assert document.core_properties.title == entry["title"]


def test_seed_page_text_is_kept_exactly() -> None:
    seed = Path("/work/shared/seed/pori-ekosysteemisopimus-verkkosivu.txt")
    if not seed.is_file():
        pytest.skip("the seed page is only present on the build machines")

    def tight(text: str) -> str:  # get_text(" ") puts spaces around the <a> inside "(...)"
        return re.sub(r"\( | \)", lambda m: m.group(0).strip(), ct.normalise(text))

    page = tight(ct.corpus_texts()[WEB])
    lines = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    missing = [ln for ln in lines if tight(ln) not in page]
    assert missing == []


def fact_number(fact: str) -> int:
    return int(fact.strip("Fb"))


FACT_IDS = sorted(FACTS, key=fact_number)


@pytest.mark.parametrize("fact", FACT_IDS)
def test_fact_is_stated_in_its_documents(fact: str) -> None:
    doc_ids, strings = FACTS[fact]
    texts = ct.corpus_texts()
    missing = [(d, s) for d in doc_ids for s in strings if s.casefold() not in texts[d].casefold()]
    assert missing == []


def test_every_fact_f1_to_f40_has_a_check() -> None:
    assert {re.sub(r"b$", "", f) for f in FACTS} == {f"F{i}" for i in range(1, 41)}


def test_build_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    build_corpus = load_module("pori_build_corpus", CORPUS / "build_corpus.py")
    shutil.copytree(CORPUS / "src", tmp_path / "src")
    shutil.copy(CORPUS / "sources.toml", tmp_path / "sources.toml")
    report = build_corpus.build(tmp_path)
    assert set(report) == set(PDF_MIN_PAGES)
    for spec in build_corpus.OUTPUTS:
        rel = ct.documents()[spec.doc_id]["file"]
        assert (tmp_path / rel).read_bytes() == (CORPUS / rel).read_bytes(), rel
