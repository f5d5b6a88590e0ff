"""The brief as a PDF: its Markdown rendered to HTML, laid out by Qt's QTextDocument."""

from __future__ import annotations

import os

import markdown

from prepdesk.io.export_target import export_file
from prepdesk.store.paths import DataPaths

STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; }
table { border-collapse: collapse; } td, th { padding: 3px 8px; border: 1px solid #999; }
"""


def markdown_to_html(text: str) -> str:
    body = markdown.markdown(text, extensions=["tables", "sane_lists"])
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


def write_pdf(
    markdown_text: str, path: str | os.PathLike[str], protect: DataPaths | None = None
) -> None:
    """Write the PDF atomically, never onto the data in `protect` (or any data folder).

    Needs a QGuiApplication (the CLI makes an offscreen one).
    """
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    with export_file(path, protect) as temp:
        writer = QPdfWriter(str(temp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle("Interview-day brief")
        document = QTextDocument()
        document.setHtml(markdown_to_html(markdown_text))
        document.print_(writer)
        del writer  # flushes and closes the file before it is renamed


def ensure_gui_application() -> object:
    """A QGuiApplication for drawing text, offscreen when there is no display (CLI use)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["prepdesk"])
    return app
