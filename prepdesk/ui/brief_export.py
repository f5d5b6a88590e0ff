"""Write a stage's interview-day brief (PDF or Markdown) from the UI and open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from prepdesk.core.presentation import count_noun, suggested_file_name
from prepdesk.io.brief import brief_content, render_markdown
from prepdesk.io.brief_pdf import write_pdf
from prepdesk.io.export_target import write_export
from prepdesk.io.ics import export_ics
from prepdesk.store.errors import StoreError
from prepdesk.store.repositories.stages import StageRepository
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.operations import Operations


def write_brief(ops: Operations, stage_id: int, path: Path, clock: Clock = system_clock) -> Path:
    """A few pages of text: fast enough for the GUI thread, where QTextDocument must live."""
    brief = ops.read(lambda s: brief_content(s, stage_id, clock()))
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


def ask_and_write_brief(ops: Operations, stage_id: int, parent: QWidget | None) -> Path | None:
    default = str(Path.home() / brief_file_name(ops, stage_id))
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Save the interview-day brief", default, "PDF (*.pdf);;Markdown (*.md)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".md"):
        path = path.with_suffix(".pdf")
    try:
        write_brief(ops, stage_id, path)
    except (OSError, LookupError, StoreError) as exc:
        QMessageBox.warning(parent, "Brief not written", str(exc))
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def ask_and_export_ics(ops: Operations, parent: QWidget | None) -> Path | None:
    default = str(Path.home() / suggested_file_name("interviews", extension="ics"))
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Export upcoming interviews", default, "iCalendar (*.ics)"
    )
    if not name:
        return None
    path = Path(name)
    try:
        count = ops.read(lambda s: export_ics(s, system_clock(), path))
    except (OSError, StoreError) as exc:
        QMessageBox.warning(parent, "Calendar not exported", str(exc))
        return None
    QMessageBox.information(
        parent, "Calendar exported", f"{count_noun(count, 'upcoming stage')} written to {path}."
    )
    return path
