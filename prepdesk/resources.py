"""One place that finds bundled resources, from source, an install or a frozen build."""

from __future__ import annotations

import json
import site
import sys
import sysconfig
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """resources/ of a frozen build, a source checkout (editable too) or an installed wheel."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    # An installed wheel puts resources/ under <data>/share/prepdesk (data-files in
    # pyproject.toml): a venv or pipx prefix, or the user base for `pip install --user`.
    for data_root in (sysconfig.get_path("data"), sys.prefix, site.getuserbase()):
        candidates.append(Path(data_root) / "share" / "prepdesk" / "resources")
    for candidate in candidates:
        if (candidate / "curriculum.json").is_file():
            return candidate
    raise FileNotFoundError(
        "prepdesk's resources folder is missing; looked in: " + ", ".join(map(str, candidates))
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json_resource(name: str) -> Any:
    with resource_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)
