"""The cover as a PNG, rasterised from the generated SVG, for the reading systems that want a raster cover.

Kobo's library and Kindle's conversion take the package's ``cover-image`` only as a raster image, so the
SVG title design (the one source of the cover) is drawn once more into pixels by CairoSVG. Cairo writes no
timestamp into the PNG: the same SVG and fonts give the same bytes.
"""

from __future__ import annotations

import cairosvg


def rasterise(svg: bytes) -> bytes:
    """PNG bytes of ``svg`` at its own pixel size (the cover's 1400×2100)."""
    png: bytes = cairosvg.svg2png(bytestring=svg)
    return png
