"""Settings are checked wherever they enter: import, Preferences, and read from the database."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from prepdesk.core.settings_schema import DEFAULTS, SETTINGS, number_rule
from prepdesk.store.database import Database
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.operations import Operations
from prepdesk.ui.preferences_dialog import PreferencesDialog
from tests.reliability.cli_driver import database_state, run

# For every setting: a value of the wrong type, and one of the right type but out of range.
HOSTILE: dict[str, tuple[object, object]] = {
    "desired_retention": ("0.9", 1.5),
    "daily_review_limit": (True, 0),
    "target_date": (20260101, "0001-01-01"),
    "hours_per_weekday": ({"monday": 2}, [2, 2, 2, 2, 2, 2, 25]),
    "target_minutes": ([15, 30, 45], {"easy": 15, "medium": 30, "hard": 0}),
    "answer_seconds": (None, 10**9),
    "auto_backup_enabled": ("yes", 1),
    "auto_backup_interval_minutes": ("30", 0),
    "reminders_enabled": ([], None),
}


def test_every_setting_has_hostile_values():
    assert set(HOSTILE) == set(SETTINGS)


def store_raw(paths, key: str, text: str) -> None:
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, text))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("key", sorted(HOSTILE))
@pytest.mark.parametrize("which", [0, 1])
def test_import_refuses_a_bad_setting_with_its_json_path(capsys, paths, tmp_path, key, which):
    assert run(capsys, paths, "demo").code == 0
    exported = tmp_path / "all.json"
    assert run(capsys, paths, "export", str(exported)).code == 0
    document = json.loads(exported.read_text())
    document["setting"].append({"key": key, "value": json.dumps(HOSTILE[key][which])})
    exported.write_text(json.dumps(document))
    before = database_state(paths)
    line = run(capsys, paths, "import", "--merge", str(exported)).assert_one_line_refusal()
    index = len(document["setting"]) - 1
    assert f"setting[{index}].value: {key}" in line
    assert database_state(paths) == before


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_a_bad_stored_value_reads_as_its_default(paths, key):
    Database.open(paths).close()
    for bad in (*HOSTILE[key], "not json {"):
        store_raw(
            paths, key, bad if isinstance(bad, str) and bad.endswith("{") else json.dumps(bad)
        )
        db = Database.open(paths)
        with db.transaction() as session:
            repo = SettingsRepository(session)
            assert repo.get(key) == DEFAULTS[key]
            assert repo.all()[key] == DEFAULTS[key]
            assert [p.split(" ")[0] for p in repo.problems()] == [key]
        db.close()


def test_window_and_preferences_start_on_bad_stored_values_and_say_so(qtbot, paths):
    Database.open(paths).close()
    store_raw(paths, "auto_backup_interval_minutes", "0")
    store_raw(paths, "hours_per_weekday", '"lots"')
    db = Database.open(paths)
    ops = Operations(db)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    message = window.statusBar().currentMessage()
    assert "auto_backup_interval_minutes" in message and "hours_per_weekday" in message
    dialog = PreferencesDialog(ops, window)
    qtbot.addWidget(dialog)
    assert dialog.backup_interval.value() == DEFAULTS["auto_backup_interval_minutes"]
    # An interval below the schema's minimum can't be typed: the spin box keeps to it.
    dialog.backup_interval.selectAll()
    qtbot.keyClicks(dialog.backup_interval, "0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ops.read(lambda s: SettingsRepository(s).get("auto_backup_interval_minutes")) >= 5
    window.close()
    db.close()


def test_preferences_ranges_are_the_schemas(qtbot, ops):
    dialog = PreferencesDialog(ops)
    qtbot.addWidget(dialog)
    rule = number_rule("auto_backup_interval_minutes")
    assert (dialog.backup_interval.minimum(), dialog.backup_interval.maximum()) == (
        rule.low,
        rule.high,
    )
    limit = number_rule("daily_review_limit")
    assert (dialog.review_limit.minimum(), dialog.review_limit.maximum()) == (
        limit.low,
        limit.high,
    )
