"""Hostile HTML pages and DOCX packages: deep nesting, giant attributes, broken encodings,
script-only pages, entity and zip bombs, packages without their document."""

from __future__ import annotations

import io
import zipfile
import zlib

from tests.hardening.bombs import MB, crc32_combine, crc_of_run, raw_zip, zip_entry

# --- HTML ----------------------------------------------------------------------------------

_HTML_TEXT = "<p>Porin ekosysteemisopimus tukee innovaatiotoimintaa vuosina 2021–2027.</p>"


def html_nested_divs(depth: int = 100_000) -> bytes:
    return ("<html><body>" + "<div>" * depth + _HTML_TEXT + "</div>" * depth).encode()


def html_unclosed_divs(depth: int = 100_000) -> bytes:
    return ("<html><body>" + "<div><span><b>" * depth + _HTML_TEXT).encode()


def html_giant_attribute(megabytes: int = 20) -> bytes:
    return (
        '<html><body><div title="' + "A" * (megabytes * MB) + '">' + _HTML_TEXT + "</div>"
    ).encode()


def html_many_attributes(count: int = 200_000) -> bytes:
    attrs = " ".join(f"a{i}='{i}'" for i in range(count))
    return f"<html><body><div {attrs}>{_HTML_TEXT}</div></body></html>".encode()


def html_bogus_charset() -> bytes:
    return (
        b'<html><head><meta charset="x-no-such-charset-\xff\xfe"></head><body>'
        + "<p>Hankkeen päätös: ä ö å</p>".encode("latin-1")
        + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc</body></html>"
    )


def html_utf16_no_bom() -> bytes:
    return ("<html><body>" + _HTML_TEXT + "</body></html>").encode("utf-16-le")


def html_mixed_encodings() -> bytes:
    return (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        b"</head><body><p>"
        + "Päätös".encode()
        + " ja hyväksyntä ".encode("cp1252")
        + "рабочая группа".encode("koi8-r")
        + b"\xc0\xaf\xed\xa0\x80\xef\xbf\xbf</p></body></html>"
    )


def html_script_only() -> bytes:
    return (
        b"<html><head><title>Vain skripti</title><script>var x = '<p>ei tekstia</p>';</script>"
        b"</head><body><script>" + b"document.write('x');" * 10_000 + b"</script></body></html>"
    )


def html_entity_bomb() -> bytes:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        "<!DOCTYPE html [" + "".join(entities) + "]><html><body><p>&a9;</p>" + _HTML_TEXT
    ).encode()


def html_null_bytes() -> bytes:
    return b"<html><body>" + b"\x00" * 1000 + _HTML_TEXT.encode() + b"</body></html>"


# --- DOCX ----------------------------------------------------------------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document_xml: bytes | None, extra: dict[str, bytes] | None = None) -> bytes:
    """A DOCX package (same bytes every time: the entries carry a fixed date)."""
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS}
    if document_xml is not None:
        parts["word/document.xml"] = document_xml
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return buf.getvalue()


def _document_xml(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document '
        + _W
        + b"><w:body>"
        + body
        + (b"</w:body></w:document>")
    )


def _paragraph(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def good_docx() -> bytes:
    return _docx(_document_xml(_paragraph("Porin ekosysteemisopimus tukee hankkeita.")))


def docx_missing_document() -> bytes:
    """A package whose relationships name word/document.xml, which is not there."""
    return _docx(None)


def docx_not_a_docx_zip() -> bytes:
    """A valid zip with nothing of a Word document in it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("readme.txt", date_time=(2024, 1, 1, 0, 0, 0)), "ei word")
    return buf.getvalue()


def docx_zip_bomb(megabytes: int = 2048) -> bytes:
    """word/document.xml is valid XML with ``megabytes`` MB of spaces inside one text run.

    The deflate data, CRC and sizes are all correct: only memory stops a reader.
    """
    head = _document_xml(b"<w:p><w:r><w:t>")
    head = head[: head.index(b"</w:body>")]
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b" " * MB
    start = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    deflated = start + first + again * (megabytes - 1) + comp.compress(tail) + comp.flush()
    size = len(head) + megabytes * MB + len(tail)
    crc = zlib.crc32(head)
    crc = crc32_combine(crc, crc_of_run(0x20, megabytes * MB), megabytes * MB)
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    entries = [
        zip_entry(n, d)
        for n, d in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS))
    ]
    return raw_zip([*entries, ("word/document.xml", deflated, size, crc)])


def docx_nested_xml(depth: int = 100_000) -> bytes:
    """document.xml with elements nested ``depth`` levels deep."""
    inner = (
        b"<w:sdt><w:sdtContent>" * depth + _paragraph("Syvä") + (b"</w:sdtContent></w:sdt>" * depth)
    )
    return _docx(_document_xml(inner))


def docx_entity_bomb() -> bytes:
    """document.xml with a billion-laughs internal DTD."""
    entities = b'<!ENTITY a0 "lol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document ['
        + entities
        + b"]><w:document "
        + _W
        + b"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(xml)


def docx_many_entries(count: int = 50_000) -> bytes:
    """A valid document plus ``count`` tiny extra zip entries."""
    return _docx(
        _document_xml(_paragraph("Porin ekosysteemisopimus.")),
        {f"junk/{i}.bin": b"" for i in range(count)},
    )
