"""Hostile PDFs built by hand: bombs, deep nesting, lying page trees and xrefs, damage."""

from __future__ import annotations

import io
import random

from tests.hardening.bombs import zlib_bomb

_GOOD_TEXT = b"BT /F1 12 Tf 72 720 Td (Porin ekosysteemisopimus tukee innovaatiotoimintaa.) Tj ET"


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
