"""Generators of hostile corpus files: PDFs, HTML pages and DOCX packages built to hurt a parser.

Everything is built in memory from a few bytes of recipe, so a 4 GB decompression bomb costs
a few MB of disk and a few milliseconds: the deflate stream of a run of zeros is made of one
compressed 1 MB block (after a full flush the compressor state is reset, so the next block
compresses to the same bytes) repeated as often as needed, with the right checksums.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable

MB = 1 << 20

_GOOD_TEXT = b"BT /F1 12 Tf 72 720 Td (Porin ekosysteemisopimus tukee innovaatiotoimintaa.) Tj ET"


# --- deflate bombs -------------------------------------------------------------------------


def _deflate_run(byte: int, megabytes: int) -> bytes:
    """A raw deflate stream (no header) of ``megabytes`` MB of ``byte``, built in O(1 MB) time."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes([byte]) * MB
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)  # the state is reset: repeatable
    return first + again * (megabytes - 1) + comp.flush(zlib.Z_FINISH)


def zlib_bomb(megabytes: int) -> bytes:
    """A zlib stream (as in PDF FlateDecode) that inflates to ``megabytes`` MB of zeros."""
    adler = ((megabytes * MB) % 65521) << 16 | 1  # adler32 of n zero bytes: a = 1, b = n mod p
    return b"\x78\xda" + _deflate_run(0, megabytes) + adler.to_bytes(4, "big")


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, i = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine: the CRC-32 of A+B from crc(A), crc(B) and len(B)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # operator for one zero bit
    even = _gf2_square(odd)  # two zero bits
    odd = _gf2_square(even)  # four zero bits
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _crc_of_run(byte: int, length: int) -> int:
    """CRC-32 of ``length`` copies of ``byte`` by doubling (log2(length) combines)."""
    crc, have = zlib.crc32(bytes([byte])), 1
    result, done = 0, 0
    n = length
    while n:
        if n & 1:
            result = crc32_combine(result, crc, have) if done else crc
            done += have
        n >>= 1
        if n:
            crc = crc32_combine(crc, crc, have)
            have *= 2
    return result


# --- PDF -----------------------------------------------------------------------------------


def pdf_file(objects: list[bytes], *, root: int = 1, startxref: int | None = None) -> bytes:
    """A PDF with ``objects`` numbered 1..n, a correct xref table and trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    out.write(b"startxref\n%d\n%%%%EOF\n" % (xref if startxref is None else startxref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(contents: bytes, parent: int = 2, font: int = 4) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %s >>" % (parent, font, contents)
    )


def good_pdf() -> bytes:
    """A small valid one-page PDF with a Finnish sentence."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_flate_bomb(megabytes: int = 4096) -> bytes:
    """A page whose content stream (FlateDecode) inflates to ``megabytes`` MB."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"5 0 R"),
            _FONT,
            _stream(zlib_bomb(megabytes), b"/Filter /FlateDecode "),
        ]
    )


def pdf_split_bomb(streams: int = 40, megabytes: int = 70) -> bytes:
    """A page whose /Contents array holds many streams, each just under pypdf's 75 MB limit."""
    refs = b" ".join(b"5 0 R" for _ in range(streams))
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"[" + refs + b"]"),
            _FONT,
            _stream(zlib_bomb(megabytes), b"/Filter /FlateDecode "),
        ]
    )


def pdf_pages_bomb(pages: int = 30, megabytes: int = 70) -> bytes:
    """``pages`` pages sharing one content stream just under pypdf's 75 MB limit."""
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            _page(b"5 0 R"),  # object 3: an extra page with text, not in the tree
            _FONT,
            _stream(zlib_bomb(megabytes), b"/Filter /FlateDecode "),
            *[_page(b"5 0 R") for _ in range(pages)],
        ]
    )


def pdf_nested_arrays(depth: int = 50_000) -> bytes:
    """A page dictionary carrying an array nested ``depth`` levels deep."""
    nested = b"[" * depth + b"1" + b"]" * depth
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_nested_dicts(depth: int = 50_000) -> bytes:
    """A resources dictionary nested ``depth`` levels deep (inside the page that has the text)."""
    nested = b"<< /A " * depth + b"1" + b" >>" * depth
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /Font << /F1 4 0 R >> /Deep " + nested + b" >> >>",
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_huge_count(count: int = 1_000_000) -> bytes:
    """A /Pages node claiming ``count`` pages while it has one kid."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_many_pages(pages: int = 1_000_000) -> bytes:
    """A /Pages node whose /Kids really lists ``pages`` pages (all the same page object)."""
    kids = b"3 0 R " * pages
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_page_tree_cycle() -> bytes:
    """A /Pages node that lists itself as a kid."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ]
    )


def pdf_xref_past_end() -> bytes:
    """startxref points a terabyte past the end of the file."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(b"5 0 R"),
            _FONT,
            _stream(_GOOD_TEXT),
        ],
        startxref=10**12,
    )


def pdf_huge_length() -> bytes:
    """A stream declaring /Length 10**15 bytes."""
    data = good_pdf()
    return data.replace(b"/Length %d " % len(_GOOD_TEXT), b"/Length 1000000000000000 ", 1)


def truncated(data: bytes, rng: random.Random) -> bytes:
    """``data`` cut at a random offset."""
    return data[: rng.randrange(1, len(data))]


def truncated_keep_tail(data: bytes, rng: random.Random) -> bytes:
    """A random middle slice of ``data`` removed, keeping its header and its %%EOF tail."""
    start = rng.randrange(16, len(data) - 64)
    end = rng.randrange(start, len(data) - 32)
    return data[:start] + data[end:]


def random_bytes(rng: random.Random, size: int = 20_000, pdf_frame: bool = False) -> bytes:
    """Random bytes, optionally framed by a PDF header and an %%EOF marker."""
    body = rng.randbytes(size)
    return b"%PDF-1.7\n" + body + b"\n%%EOF\n" if pdf_frame else body


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
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        if document_xml is not None:
            zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
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
        zf.writestr("readme.txt", "ei word-tiedosto")
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
    crc = crc32_combine(crc, _crc_of_run(0x20, megabytes * MB), megabytes * MB)
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    entries = [
        _entry(n, d) for n, d in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS))
    ]
    return raw_zip([*entries, ("word/document.xml", deflated, size, crc)])


ZipEntry = tuple[str, bytes, int, int]  # name, raw deflate data, inflated size, CRC-32


def _entry(name: str, data: bytes) -> ZipEntry:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, comp.compress(data) + comp.flush(), len(data), zlib.crc32(data)


def raw_zip(entries: list[ZipEntry]) -> bytes:
    """A zip archive of precompressed (deflate) entries; sizes must fit in 32 bits."""

    def u16(n: int) -> bytes:
        return n.to_bytes(2, "little")

    def u32(n: int) -> bytes:
        return n.to_bytes(4, "little")

    out, central = io.BytesIO(), io.BytesIO()
    for name, deflated, size, crc in entries:
        fname = name.encode()
        common = u16(0) + u16(8) + u32(0) + u32(crc) + u32(len(deflated)) + u32(size)
        common += u16(len(fname))
        central.write(b"PK\x01\x02" + u16(20) + u16(20) + common)
        central.write(u16(0) * 4 + u32(0) + u32(out.tell()) + fname)
        out.write(b"PK\x03\x04" + u16(20) + common + u16(0) + fname + deflated)
    cd = central.getvalue()
    start = out.tell()
    out.write(cd)
    n = len(entries)
    out.write(
        b"PK\x05\x06" + u16(0) + u16(0) + u16(n) + u16(n) + u32(len(cd)) + u32(start) + u16(0)
    )
    return out.getvalue()


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


# --- the table the tests run over ------------------------------------------------------------

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
