"""File > Restore from backup…: choose a backup by date, size and what it holds.

Works from paths alone, so start-up can offer it when the live database cannot
even be opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import backup_kind, datetime_text
from prepdesk.store.backup import backup_reason
from prepdesk.store.paths import DataPaths
from prepdesk.store.restore import BackupSummary, list_backups, summarise_backup
from prepdesk.ui.full_text_tips import show_full_text_on_hover

COLUMNS = ("Taken", "Kind", "Size", "Topics", "Sessions", "Stories", "Companies")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _reason(path: Path) -> str:
    return backup_kind(backup_reason(path.name))


class RestoreDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.summaries: list[BackupSummary] = [summarise_backup(b) for b in list_backups(paths)]
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose a backup to put back. Your current data is backed up first, so a "
            "restore can itself be undone from this list."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.summaries), len(COLUMNS))
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, summary in enumerate(self.summaries):
            counts = summary.counts
            cells = [
                datetime_text(summary.info.taken_at),
                _reason(summary.info.path) if summary.good else "Damaged: cannot be restored",
                _size(summary.info.size),
                *(str(counts.get(k, "–")) for k in ("topics", "sessions", "stories", "companies")),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not summary.good:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.empty = QLabel(
            f"There are no backups yet. prepdesk writes one at start-up, every 30 minutes and "
            f"on quit into {paths.backups}; File > Back up now writes one at once."
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table.setVisible(bool(self.summaries))
        self.empty.setVisible(not self.summaries)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.restore_button.click())
        if self.summaries and self.summaries[0].good:
            self.table.selectRow(0)
        self.resize(760, 420)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        summary = self.summaries[rows[0].row()]
        return summary.info.path if summary.good else None
