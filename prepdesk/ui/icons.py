"""SVG icons from resources/icons, cached by name."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from prepdesk.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("prepdesk")
