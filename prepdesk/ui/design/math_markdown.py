"""Markdown with LaTeX maths ($…$ inline, $$…$$ on its own line) for answers.

The maths is drawn by matplotlib's mathtext in a worker process (never on the
GUI thread: importing matplotlib and drawing can take seconds on a cold start). The text
shows at once, each formula as its source; the images replace them when they arrive.
Drawn formulas are kept, so showing them again is immediate. A formula mathtext cannot
read stays shown as code, never as an error.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from prepdesk.ui.design import formula_images
from prepdesk.ui.design.formula_process import formula_process
from prepdesk.ui.theme import muted_html
from prepdesk.ui.topics.markdown_field import render_markdown

MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)(.+?)(?<!\s)\$", re.DOTALL)
TOKEN = "MATHFORMULA{}X"
KEPT_FORMULAS = 256

# (formula, colour) -> PNG bytes, or None when mathtext cannot read the formula.
_drawn: OrderedDict[tuple[str, str], bytes | None] = OrderedDict()


def split_math(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """The text with each formula replaced by a token, and the formulas (display or not)."""
    formulas: list[tuple[str, bool]] = []

    def keep(match: re.Match[str]) -> str:
        display = match.group(1) is not None
        formulas.append(((match.group(1) or match.group(2)).strip(), display))
        return TOKEN.format(len(formulas) - 1)

    return MATH.sub(keep, text), formulas


def warm_up() -> None:
    """Has the worker process import mathtext now, so the first answer revealed draws soon."""
    renderer = formula_process()
    renderer.run(formula_images.warm_up, (), lambda _result: None, renderer)


def _keep(key: tuple[str, str], png: bytes | None) -> None:
    _drawn[key] = png
    _drawn.move_to_end(key)
    while len(_drawn) > KEPT_FORMULAS:
        _drawn.popitem(last=False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MathMarkdownView(QTextBrowser):
    """Read-only Markdown with maths drawn as images."""

    formulas_drawn = Signal()  # the images of the text shown have arrived

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenExternalLinks(True)
        self.formulas: list[tuple[str, bool]] = []
        self._plain = ""
        self._generation = 0  # which text the images on their way belong to
        self._waiting = False

    def is_idle(self) -> bool:
        """True when no formula of the text shown is still being drawn."""
        return not self._waiting

    def set_markdown(self, text: str, empty_text: str = "") -> None:
        self._generation += 1
        self._waiting = False
        if not text.strip():
            self.formulas = []
            self.setHtml(muted_html(_escape(empty_text)))
            return
        self._plain, self.formulas = split_math(text)
        color = QColor(self.palette().color(self.foregroundRole())).name()
        missing = tuple(dict.fromkeys(f for f, _d in self.formulas if (f, color) not in _drawn))
        self._show(color)
        if not missing:
            return
        self._waiting = True
        generation = self._generation

        def arrived(result: Any) -> None:
            if not isinstance(result, Exception):  # a failed worker: the text stays
                for formula, png in zip(missing, result, strict=True):
                    _keep((formula, color), png)
            if generation == self._generation:
                self._waiting = False
                self._show(color)
                self.formulas_drawn.emit()

        formula_process().run(formula_images.formula_pngs, (missing, color), arrived, self)

    def _show(self, color: str) -> None:
        html = render_markdown(self._plain)
        document = self.document()
        for index, (formula, display) in enumerate(self.formulas):
            png = _drawn.get((formula, color))
            if png is None:  # not drawn yet, or not readable: its source as code
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
