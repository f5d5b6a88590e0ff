"""Opening the data folder from the GUI, with a clear choice when the file is refused."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from prepdesk.core.presentation import backup_text
from prepdesk.store.database import Database, move_aside
from prepdesk.store.errors import CorruptDatabase, DatabaseRefused, MigrationFailed
from prepdesk.store.paths import DataPaths
from prepdesk.store.restore import newest_good_backup, restore_backup


def open_database_interactively(paths: DataPaths, parent: QWidget | None = None) -> Database | None:
    """The open database, or None when the user chose to quit (the file untouched)."""
    if not paths.database.exists() and not _offer_missing_database(paths, parent):
        return None
    while True:
        try:
            return Database.open(paths)
        except CorruptDatabase as exc:
            if not _offer_recovery(paths, exc, parent):
                return None
        except DatabaseRefused as exc:
            QMessageBox.critical(
                parent,
                "prepdesk cannot open this data",
                f"{exc.reason}.\n\nFile: {exc.path}\n\nThe file has not been changed.",
            )
            return None
        except MigrationFailed as exc:
            QMessageBox.critical(
                parent,
                "prepdesk could not upgrade your data",
                f"{exc}\n\nYour data is as it was before; a copy was saved in {paths.backups}.",
            )
            return None


def _offer_recovery(paths: DataPaths, exc: CorruptDatabase, parent: QWidget | None) -> bool:
    """Ask what to do with a damaged database; True to try opening again."""
    backup = newest_good_backup(paths)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your prepdesk data is damaged")
    box.setText(f"{exc.reason}.\n\nFile: {exc.path}")
    box.setInformativeText(
        "Nothing has been changed yet. The damaged file is never deleted: it is moved to "
        f"{paths.quarantine} whichever you choose."
    )
    restore = None
    if backup is not None:
        restore = box.addButton(
            f"Restore {backup_text(backup.taken_at, in_sentence=True)}",
            QMessageBox.ButtonRole.AcceptRole,
        )
    choose = None
    if backup is not None:
        choose = box.addButton("Choose a backup…", QMessageBox.ButtonRole.ActionRole)
    fresh = box.addButton("Move aside and start fresh", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        assert backup is not None
        restore_backup(paths, backup.path)
        return True
    if choose is not None and clicked is choose:
        from prepdesk.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(paths, parent)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            restore_backup(paths, chosen)
        return True  # back to the question when nothing was chosen
    if clicked is fresh:
        move_aside(paths)
        return True
    return False


def _offer_missing_database(paths: DataPaths, parent: QWidget | None) -> bool:
    """The database file is gone but backups are here: never start fresh unasked.

    True to go on (restored, or fresh by choice; the backups are kept either way).
    """
    backup = newest_good_backup(paths)
    if backup is None:
        return True  # a new data folder: nothing to miss
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your prepdesk database is missing")
    box.setText(
        f"There is no database in {paths.root}, but there are backups of your data in "
        f"{paths.backups}."
    )
    box.setInformativeText(
        "Restore the newest backup, or start with an empty database (the backups are kept "
        "and can be restored later with File > Restore from backup…)."
    )
    restore = box.addButton(
        f"Restore {backup_text(backup.taken_at, in_sentence=True)}",
        QMessageBox.ButtonRole.AcceptRole,
    )
    fresh = box.addButton("Start empty", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        restore_backup(paths, backup.path)
        return True
    return clicked is fresh
