"""The data folder: platformdirs by default, PREPDESK_DATA_DIR and --data-dir override it."""

from __future__ import annotations

import platformdirs

from prepdesk.store.paths import DATA_DIR_ENV, DataPaths
from tests.helpers import run_cli


def test_default_is_the_platform_user_data_folder(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV)
    expected = platformdirs.user_data_dir("prepdesk", appauthor=False, roaming=True)
    assert str(DataPaths.resolve().root) == expected


def test_environment_variable_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert DataPaths.resolve().root == tmp_path / "from-env"


def test_option_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert DataPaths.resolve(tmp_path / "from-option").root == tmp_path / "from-option"


def test_cli_uses_option_then_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert run_cli("backup").returncode == 1  # nothing there yet
    result = run_cli("demo")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env" / "prepdesk.sqlite3").exists()
    result = run_cli("demo", data_dir=tmp_path / "opt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "opt" / "prepdesk.sqlite3").exists()
