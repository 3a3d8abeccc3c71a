"""The «ПРОЕКТ» mark across a draft, drawn as glyph outlines (an SVG image), not as text: copying or
extracting the text of a draft gives the document's words only."""

import base64
from functools import cache

from django.conf import settings
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

WORD = "ПРОЕКТ"


@cache
def draft_mark_uri(word: str = WORD) -> str:
    """A data: URI of an SVG with `word` in PT Serif Bold outlines, light red, rotated by the CSS."""
    font = TTFont(settings.BASE_DIR / "static" / "fonts" / "pt-serif" / "PTSerif_700Bold.ttf")
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    pen = SVGPathPen(glyphs)
    bounds = BoundsPen(glyphs)
    x = 0
    for char in word:
        name = cmap[ord(char)]
        # Glyphs are drawn y-up; the SVG is y-down: flip around the baseline while moving right.
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, 0)))
        glyphs[name].draw(TransformPen(bounds, (1, 0, 0, -1, x, 0)))
        x += glyphs[name].width
    x_min, y_min, x_max, y_max = bounds.bounds
    width, height = x_max - x_min, y_max - y_min
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x_min} {y_min} {width} {height}" '
        f'width="{width}" height="{height}"><path fill="#c80000" fill-opacity="0.14" d="{pen.getCommands()}"/></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
