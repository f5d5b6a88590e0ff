"""The brief as a designed PDF sheet: laid out by Qt's QTextDocument, painted page by page.

One page when it fits (the type steps down a little before a second page is started),
otherwise two; drawn tick boxes, left-aligned table headers, the checklist's notes only
where they add something, and a footer naming the brief and the page.
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING

import markdown

from prepdesk.io.brief import Brief, BriefItem, demoted_headings
from prepdesk.io.export_target import export_file
from prepdesk.store.paths import DataPaths

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPdfWriter, QTextDocument

# The sizes tried, largest first: the first that fits on one page wins, else the first.
FONT_POINTS = (9.5, 9.0, 8.5)
ACCENT = "#1f4e79"
MUTED = "#555555"
RULE = "#b8c4d0"
TICKED = "tick:checked"
UNTICKED = "tick:unchecked"
MARGIN_MM = 14


def _style(points: float) -> str:
    return f"""
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: {points}pt; color: #111111; }}
h1 {{ font-size: {points * 1.9:.1f}pt; margin: 0 0 2px 0; }}
h2 {{ font-size: {points * 1.2:.1f}pt; color: {ACCENT}; margin: 12px 0 5px 0; }}
h3, h4, h5, h6 {{ font-size: {points * 1.05:.1f}pt; margin: 6px 0 3px 0; }}
p {{ margin: 0 0 4px 0; }}
ul {{ margin: 0 0 0 0; }}
li {{ margin: 0 0 2px 0; }}
th {{ text-align: left; font-weight: bold; background-color: #e8eef4; }}
.muted {{ color: {MUTED}; }}
.section {{ color: {MUTED}; font-weight: bold; }}
"""


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table width='100%' cellspacing='0' cellpadding='3' border='1' style='border-color: "
        f"{RULE}; border-style: solid; border-collapse: collapse;'><tr>{head}</tr>{body}</table>"
    )


def _pairs(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(
        f"<tr><td width='22%' class='muted'><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table width='100%' cellspacing='0' cellpadding='1'>{cells}</table>"


def _checklist(items: tuple[BriefItem, ...]) -> str:
    if not items:
        return "<p class='muted'>No checklist for this stage.</p>"
    rows = []
    section = None
    for item in items:
        if item.section != section:
            section = item.section
            rows.append(f"<tr><td colspan='2' class='section'>{_e(section)}</td></tr>")
        tick = TICKED if item.checked else UNTICKED
        label = "done" if item.checked else "to do"
        note = f" <span class='muted'>— {_e(item.note)}</span>" if item.note else ""
        rows.append(
            f"<tr><td width='16' valign='top'><img src='{tick}' width='11' height='11' "
            f"alt='{label}'></td><td>{_e(item.text)}{note}</td></tr>"
        )
    return f"<table width='100%' cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"


def brief_html(brief: Brief, points: float = FONT_POINTS[0], two_pages: bool = False) -> str:
    """The sheet; on two pages the second starts at the background (the company onwards)."""
    parts = [f"<h1>{_e(brief.title)}</h1>"]
    if brief.facts:
        facts = " · ".join(f"{_e(k)}: {_e(v)}" for k, v in brief.facts)
        parts.append(f"<p class='muted'>{facts}</p>")
    parts += ["<h2>Logistics</h2>", _pairs(brief.logistics)]
    if brief.interviewers:
        parts.append("<h2>Interviewers</h2>")
        parts.append(
            _pairs(tuple((person.name, person.about or "—") for person in brief.interviewers))
        )
    if brief.prep_notes:
        parts += ["<h2>Prep notes</h2>", f"<p>{_e(brief.prep_notes)}</p>"]
    parts.append("<h2>Questions to ask</h2>")
    if brief.questions:
        parts.append("<ul>" + "".join(f"<li>{_e(q)}</li>" for q in brief.questions) + "</ul>")
    else:
        parts.append("<p class='muted'>No questions yet: pick some on the company page.</p>")
    parts.append("<h2>Stories to tell</h2>")
    if not brief.stories:
        parts.append("<p class='muted'>No company values set: add them on the company page.</p>")
    story_rows = []
    for value, stories in brief.stories:
        told = (
            "<br>".join(
                f"{_e(s.title)}"
                + (f" <span class='muted'>— {_e(s.metrics.strip())}</span>" if s.metrics else "")
                for s in stories
            )
            or "<span class='muted'>no story tagged yet</span>"
        )
        story_rows.append(
            f"<tr><td width='22%' valign='top' class='muted'><b>{_e(value)}</b></td>"
            f"<td>{told}</td></tr>"
        )
    if story_rows:
        parts.append(
            f"<table width='100%' cellspacing='0' cellpadding='1'>{''.join(story_rows)}</table>"
        )
    parts += ["<h2>Checklist</h2>", _checklist(brief.checklist)]
    page_break = " style='page-break-before: always'" if two_pages else ""
    parts += [f"<h2{page_break}>The company</h2>", _pairs(brief.company)]
    if brief.research_notes:
        notes = markdown.markdown(demoted_headings(brief.research_notes), extensions=["sane_lists"])
        parts += ["<h2>Research notes</h2>", notes]
    weak = (
        _table(("Topic", "Level", "Recall at the interview"), list(brief.weak_topics))
        if brief.weak_topics
        else f"<p class='muted'>{_e(brief.weak_topics_note)}</p>"
    )
    mastery = _table(("Area", "Level / target"), list(brief.mastery))
    parts.append(
        "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top: 8px'><tr>"
        f"<td width='44%' valign='top'><h2>Mastery by area</h2>{mastery}</td>"
        "<td width='4%'></td>"
        f"<td width='52%' valign='top'><h2>Weakest topics for this stage</h2>{weak}</td>"
        "</tr></table>"
    )
    body = "".join(parts)
    return f"<html><head><style>{_style(points)}</style></head><body>{body}</body></html>"


def _tick_image(checked: bool) -> QImage:
    """A tick box drawn at print resolution: an outlined square, filled and ticked when done."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    size = 96
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(6, 6, size - 12, size - 12)
    accent = QColor(ACCENT)
    painter.setPen(QPen(accent, 7))
    painter.setBrush(accent if checked else QColor("white"))
    painter.drawRoundedRect(box, 12, 12)
    if checked:
        tick = QPainterPath(QPointF(size * 0.26, size * 0.52))
        tick.lineTo(QPointF(size * 0.43, size * 0.70))
        tick.lineTo(QPointF(size * 0.76, size * 0.31))
        pen = QPen(QColor("white"), 11)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    painter.end()
    return image


def _document(
    brief: Brief, writer: QPdfWriter, points: float, height: float, two_pages: bool = False
) -> QTextDocument:
    from PySide6.QtCore import QSizeF, QUrl
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    for name, checked in ((TICKED, True), (UNTICKED, False)):
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), _tick_image(checked)
        )
    document.setDocumentMargin(0)
    document.setHtml(brief_html(brief, points, two_pages))
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(page.width(), height))
    return document


def write_pdf(brief: Brief, path: str | os.PathLike[str], protect: DataPaths | None = None) -> int:
    """Write the PDF atomically, never onto the data in `protect` (or any data folder).

    Returns the number of pages. Needs a QGuiApplication (the CLI makes an offscreen one).
    """
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    with export_file(path, protect) as temp:
        writer = QPdfWriter(str(temp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
        writer.setTitle(f"Interview-day brief: {brief.title}")
        writer.setCreator("prepdesk")
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        footer_height = writer.resolution() * 0.25  # a quarter inch under the text
        body_height = page.height() - footer_height
        # One page if a slightly smaller type gets it there; else two, split by topic.
        # Text takes room about as the square of its size: far over, smaller cannot help.
        smallest = (FONT_POINTS[-1] / FONT_POINTS[0]) ** 2
        for points in FONT_POINTS:
            document = _document(brief, writer, points, body_height)
            height = document.documentLayout().documentSize().height()
            if document.pageCount() == 1 or height * smallest > body_height:
                break
        if document.pageCount() > 1:
            document = _document(brief, writer, FONT_POINTS[0], body_height, two_pages=True)
        pages = document.pageCount()
        painter = QPainter(writer)
        footer_font = QFont("DejaVu Sans")
        footer_font.setPointSizeF(7.5)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(QPointF(0, -index * body_height))
            document.drawContents(
                painter, QRectF(0, index * body_height, page.width(), body_height)
            )
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(MUTED))
            footer = QRectF(0, page.height() - footer_height * 0.6, page.width(), footer_height)
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, f"{brief.title} · {brief.written}")
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight, f"Page {index + 1} of {pages}")
        painter.end()
        del document  # it measures with the writer: gone before it
        del writer  # flushes and closes the file before it is renamed
    return pages


def ensure_gui_application() -> object:
    """A QGuiApplication for drawing text, offscreen when there is no display (CLI use)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["prepdesk"])
    return app
