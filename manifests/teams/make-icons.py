#!/usr/bin/env python3
"""Draws the Teams app icons (a signpost: "wegwijs" means knowing the way) without any image
library: python3 standard library only, anti-aliased by 4x4 supersampling.

  color.png   192x192, white signpost on the accent colour (full bleed, symbol in the safe area)
  outline.png  32x32,  white signpost on a transparent background (as Teams requires)

Run from anywhere: python3 manifests/teams/make-icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ACCENT = (0x1F, 0x6F, 0x78)  # same as accentColor in manifest.json
WHITE = (255, 255, 255)

# The signpost in unit coordinates (0..1, y down): pole, two arrow signs, a foot.
SHAPES = [
    [(0.465, 0.20), (0.535, 0.20), (0.535, 0.80), (0.465, 0.80)],                       # pole
    [(0.24, 0.26), (0.68, 0.26), (0.78, 0.34), (0.68, 0.42), (0.24, 0.42)],              # sign pointing right
    [(0.76, 0.48), (0.32, 0.48), (0.22, 0.56), (0.32, 0.64), (0.76, 0.64)],              # sign pointing left
    [(0.36, 0.78), (0.64, 0.78), (0.64, 0.84), (0.36, 0.84)],                           # foot
]


def inside(x, y, polygon):
    """Even-odd rule point-in-polygon."""
    hit = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def coverage(size, px, py, scale, offset):
    """Fraction of pixel (px, py) covered by the signpost, mapped into [offset, offset+scale]."""
    samples = 4
    covered = 0
    for sy in range(samples):
        for sx in range(samples):
            x = ((px + (sx + 0.5) / samples) / size - offset) / scale
            y = ((py + (sy + 0.5) / samples) / size - offset) / scale
            if any(inside(x, y, shape) for shape in SHAPES):
                covered += 1
    return covered / (samples * samples)


def write_png(path, size, pixel):
    """pixel(x, y) -> (r, g, b, a); writes an 8-bit RGBA PNG."""
    raw = bytearray()
    for y in range(size):
        raw.append(0)  # filter type: none
        for x in range(size):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def color_pixel(x, y):
    # Symbol within the central ~120px safe area of the 192px icon.
    c = coverage(192, x, y, scale=0.66, offset=0.17)
    return tuple(round(a * (1 - c) + b * c) for a, b in zip(ACCENT, WHITE)) + (255,)


def outline_pixel(x, y):
    # White only; the shape lives in the alpha channel.
    c = coverage(32, x, y, scale=0.96, offset=0.02)
    return WHITE + (round(255 * c),)


if __name__ == "__main__":
    write_png(os.path.join(HERE, "color.png"), 192, color_pixel)
    write_png(os.path.join(HERE, "outline.png"), 32, outline_pixel)
    print("color.png (192x192) and outline.png (32x32) written to", HERE)
