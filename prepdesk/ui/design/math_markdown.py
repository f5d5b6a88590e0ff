"""Markdown with LaTeX maths ($…$ inline, $$…$$ on its own line) for answers.

The maths is drawn by matplotlib's mathtext, imported only when a formula is first
drawn; each formula becomes an image resource of the text document showing it.
A formula mathtext cannot read is shown as code, never as an error.
"""

from __future__ import annotations

import io
import re
import threading
from functools import lru_cache

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from prepdesk.ui.theme import muted_html
from prepdesk.ui.topics.markdown_field import render_markdown

MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)(.+?)(?<!\s)\$", re.DOTALL)
TOKEN = "MATHFORMULA{}X"


def split_math(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """The text with each formula replaced by a token, and the formulas (display or not)."""
    formulas: list[tuple[str, bool]] = []

    def keep(match: re.Match[str]) -> str:
        display = match.group(1) is not None
        formulas.append(((match.group(1) or match.group(2)).strip(), display))
        return TOKEN.format(len(formulas) - 1)

    return MATH.sub(keep, text), formulas


def warm_up() -> None:
    """Imports mathtext on a worker thread (seconds on a cold start), so the first
    answer revealed does not stall the window."""

    def load() -> None:
        from matplotlib import mathtext  # noqa: F401

    threading.Thread(target=load, name="mathtext-import", daemon=True).start()


@lru_cache(maxsize=256)
def formula_png(formula: str, color: str, dpi: int) -> bytes | None:
    """The formula drawn as PNG bytes; None when mathtext cannot parse it."""
    from matplotlib import mathtext  # lazily: matplotlib is slow to import

    buffer = io.BytesIO()
    try:
        mathtext.math_to_image(f"${formula}$", buffer, dpi=dpi, format="png", color=color)
    except ValueError:
        return None
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MathMarkdownView(QTextBrowser):
    """Read-only Markdown with maths drawn as images."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenExternalLinks(True)
        self.formulas: list[tuple[str, bool]] = []

    def set_markdown(self, text: str, empty_text: str = "") -> None:
        if not text.strip():
            self.formulas = []
            self.setHtml(muted_html(_escape(empty_text)))
            return
        plain, self.formulas = split_math(text)
        html = render_markdown(plain)
        color = self.palette().color(self.foregroundRole())
        document = self.document()
        for index, (formula, display) in enumerate(self.formulas):
            png = formula_png(formula, QColor(color).name(), 110)
            if png is None:
                image = f"<code>{_escape(formula)}</code>"
            else:
                url = f"mathtext:{index}"
                document.addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(url), QImage.fromData(png)
                )
                image = f'<img src="{url}" alt="{_escape(formula)}" style="vertical-align: middle">'
            if display:
                image = f"<br>{image}<br>"
            html = html.replace(TOKEN.format(index), image)
        self.setHtml(html)
