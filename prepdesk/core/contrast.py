"""WCAG 2 contrast: relative luminance of an sRGB colour and the ratio between two.

Pure arithmetic on '#rrggbb' strings (the one way colours are written in prepdesk's
colour table), so the rule lives once and tests and the UI share it.
"""

from __future__ import annotations

BODY_TEXT = 4.5  # WCAG AA for normal-size text
LARGE_TEXT = 3.0  # WCAG AA for large text (18 pt, or 14 pt bold)
GRAPHICS = 3.0  # WCAG AA for non-text marks: chart marks, control borders


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """'#rgb' or '#rrggbb' as (r, g, b) in 0..255; ValueError for anything else."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(colour: str) -> float:
    r, g, b = (_channel(v) for v in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (same luminance) to 21 (black on white); order does not matter."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: str, bottom: str, alpha: float) -> str:
    """`top` painted with opacity `alpha` over `bottom`, as '#rrggbb'."""
    mixed = (
        round(t * alpha + b * (1 - alpha))
        for t, b in zip(parse_hex(top), parse_hex(bottom), strict=True)
    )
    return "#" + "".join(f"{v:02x}" for v in mixed)
