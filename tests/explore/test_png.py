"""explore.screenshot's PNG reader: it must tell a drawn image from a blank one, whatever the PNG filters."""
from __future__ import annotations

import random
import struct
import zlib

import pytest

from explore.screenshot import drawn_pixels, png_rows
from legation.errors import Error


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def _filter(kind: int, line: bytes, prev: bytes, bpp: int) -> bytes:
    out = bytearray()
    for i, x in enumerate(line):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        pred = (0, a, b, (a + b) >> 1, _paeth(a, b, c))[kind]
        out.append((x - pred) & 0xFF)
    return bytes(out)


def make_png(rows: list[bytes], width: int, channels: int, kinds: list[int]) -> bytes:
    colour = {1: 0, 3: 2, 4: 6}[channels]
    raw, prev = b"", bytes(width * channels)
    for row, kind in zip(rows, kinds):
        raw += bytes([kind]) + _filter(kind, row, prev, channels)
        prev = row

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, len(rows), 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("channels", [1, 3, 4])
def test_every_filter_type_decodes(channels):
    rnd = random.Random(channels)
    width = 7
    rows = [bytes(rnd.randrange(256) for _ in range(width * channels)) for _ in range(10)]
    kinds = [0, 1, 2, 3, 4, 2, 4, 3, 1, 0]
    w, h, ch, decoded = png_rows(make_png(rows, width, channels, kinds))
    assert (w, h, ch) == (width, 10, channels)
    assert decoded == rows


def test_drawn_pixels_counts_what_is_not_background():
    white = bytes([255] * 3 * 4)
    rows = [white, bytes([255, 255, 255, 0, 0, 0, 255, 250, 255, 10, 200, 30]), white]
    png = make_png(rows, 4, 3, [0, 1, 2])
    assert drawn_pixels(png) == 2                     # (250 is within the tolerance of white)
    assert drawn_pixels(make_png([white] * 3, 4, 3, [4, 4, 4])) == 0
    assert drawn_pixels(png, background=(0, 0, 0)) == 11


def test_not_a_png():
    with pytest.raises(Error):
        png_rows(b"GIF89a....")
