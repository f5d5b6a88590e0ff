"""Write a stage's interview-day brief (PDF or Markdown) from the UI and open it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from prepdesk.core.presentation import count_noun, suggested_file_name
from prepdesk.io.brief import Brief, brief_content, render_markdown
from prepdesk.io.brief_pdf import write_pdf
from prepdesk.io.export_target import write_export
from prepdesk.io.ics import export_ics
from prepdesk.store.repositories.stages import StageRepository
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.operations import Operations
from prepdesk.ui.status_task import StatusTask


def write_brief(ops: Operations, stage_id: int, path: Path, clock: Clock = system_clock) -> Path:
    """Gather the brief in a read transaction and write it; runs on a worker thread."""
    return write_brief_file(ops.read(lambda s: brief_content(s, stage_id, clock())), path, ops)


def write_brief_file(brief: Brief, path: Path, ops: Operations) -> Path:
    """Lay the brief out and write it atomically (never onto the data folder)."""
    if path.suffix.lower() == ".md":
        write_export(path, render_markdown(brief), ops.db.paths)
    else:
        write_pdf(brief, path, ops.db.paths)
    return path


def brief_file_name(ops: Operations, stage_id: int) -> str:
    """ "interview-brief-<company>-<stage>-<day>.pdf": the stage in words, never its id."""
    stage = ops.read(lambda s: StageRepository(s).get(stage_id))
    start = stage.local_start()
    day = start.date() if start is not None else None
    return suggested_file_name(
        "interview brief", stage.company, stage.type_name, day, extension="pdf"
    )


def ask_and_write_brief(
    ops: Operations,
    stage_id: int,
    parent: QWidget,
    *,
    disable: Sequence[QWidget | QAction] = (),
) -> StatusTask | None:
    """Ask where, then write the brief off the GUI thread and open it when it is written.

    The data is read, laid out and written on a worker thread: since Qt 5 text can be
    laid out and painted (QTextDocument, QPainter on QPdfWriter and QImage) off the GUI
    thread on every platform. `disable` (the button that asked) waits for the file.
    """
    default = str(Path.home() / brief_file_name(ops, stage_id))
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Save the interview-day brief", default, "PDF (*.pdf);;Markdown (*.md)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".md"):
        path = path.with_suffix(".pdf")

    def written(result: Path) -> str:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result)))
        return f"Wrote the brief to {result}"

    task = StatusTask(parent, f"Writing the brief {path.name}…", disable=disable)
    task.start(lambda: write_brief(ops, stage_id, path), written, "Brief not written")
    return task


def ask_and_export_ics(
    ops: Operations, parent: QWidget, *, disable: Sequence[QWidget | QAction] = ()
) -> StatusTask | None:
    """Ask where, then write the upcoming stages as iCalendar off the GUI thread."""
    default = str(Path.home() / suggested_file_name("interviews", extension="ics"))
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Export upcoming interviews", default, "iCalendar (*.ics)"
    )
    if not name:
        return None
    path = Path(name)

    def exported(count: int) -> str:
        told = f"{count_noun(count, 'upcoming stage')} written to {path}."
        QMessageBox.information(parent, "Calendar exported", told)
        return told

    task = StatusTask(parent, f"Exporting {path.name}…", disable=disable)
    task.start(
        lambda: ops.read(lambda s: export_ics(s, system_clock(), path)),
        exported,
        "Calendar not exported",
    )
    return task
