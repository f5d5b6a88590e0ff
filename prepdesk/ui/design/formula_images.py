"""LaTeX formulas drawn to PNG by matplotlib's mathtext, in a worker process.

No Qt here: the window sends the formulas of an answer to a worker (formula_process.py)
and shows the text meanwhile, so importing matplotlib and drawing never hold the GUI
thread.
"""

from __future__ import annotations

import io

FORMULA_DPI = 110


def warm_up() -> bool:
    """Import mathtext, so the first answer with maths does not wait for it."""
    from matplotlib import mathtext

    del mathtext
    return True


def formula_png(formula: str, color: str, dpi: int = FORMULA_DPI) -> bytes | None:
    """The formula drawn as PNG bytes; None when mathtext cannot parse it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import mathtext

    buffer = io.BytesIO()
    try:
        # Transparent: the formula sits on the answer's own background, light or dark.
        with matplotlib.rc_context({"savefig.transparent": True}):
            mathtext.math_to_image(f"${formula}$", buffer, dpi=dpi, format="png", color=color)
    except ValueError:
        return None
    return buffer.getvalue()


def formula_pngs(formulas: tuple[str, ...], color: str) -> tuple[bytes | None, ...]:
    """Every formula of an answer drawn (None for each one mathtext cannot read)."""
    return tuple(formula_png(formula, color) for formula in formulas)
