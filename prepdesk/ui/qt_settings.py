"""Per-machine UI state (window geometry, last page, theme) in QSettings.

Kept out of the database on purpose: it describes this screen, not the user's data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

CONFIG_DIR_ENV = "PREPDESK_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("prepdesk", appauthor=False, roaming=True))


def ui_settings() -> QSettings:
    return QSettings(str(config_dir() / "prepdesk.ini"), QSettings.Format.IniFormat)
