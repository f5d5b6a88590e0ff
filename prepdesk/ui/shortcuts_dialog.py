"""Help > Keyboard shortcuts: generated from the window's actions, so it is never stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
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

from prepdesk.core.review import GRADES
from prepdesk.ui.full_text_tips import show_full_text_on_hover


def action_label(action: QAction) -> str:
    # "&Back up now" -> "Back up now"; "&&" is a literal ampersand.
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_rows(actions: list[QAction], only_with_keys: bool = False) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a name, in menu order."""
    rows = []
    for action in actions:
        if action.isSeparator() or not action.text():
            continue
        if only_with_keys and not action.shortcuts():
            continue
        keys = ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
        )
        rows.append((action_label(action), keys or "—"))
    return rows


def in_review_rows() -> list[tuple[str, str]]:
    """The keys of the review dialog and of timed practice, which have no actions."""
    grades = ", ".join(f"{key} {name}" for key, name in GRADES.items())
    native = QKeySequence.SequenceFormat.NativeText
    return [
        ("Review: show the answer", "Space"),
        (f"Review: grade yourself ({grades})", f"{min(GRADES)}–{max(GRADES)}"),
        # The story practice panel and the ML session view both bind Ctrl+Return.
        (
            "Practice and ML sessions: next question or phase",
            QKeySequence("Ctrl+Return").toString(native),
        ),
    ]


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        actions: list[QAction],
        parent: QWidget | None = None,
        more: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every command in the menus, with its keys. Tab and Shift+Tab move between "
            "controls; Space or Enter presses a button."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = shortcut_rows(actions) + (more or [])
        self.menu_row_count = len(rows) - len(more or [])
        self.table = QTableWidget(len(rows), 2)
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Command", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
        # Every row shown when the screen is tall enough; otherwise the table scrolls
        # (a minimum taller than the screen let the Close button cover the last rows).
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = self.table.frameWidth() * 2
        wanted = header.sizeHint().height() + rows_height + frame
        self.table.setMinimumHeight(min(wanted, self.table.rowHeight(0) * 8 if rows else 0))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        room = screen - self.fontMetrics().height() * 12  # the intro, buttons, window frame
        self.resize(
            self.minimumWidth(),
            self.sizeHint().height() - self.table.sizeHint().height() + min(wanted, max(room, 0)),
        )

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]
