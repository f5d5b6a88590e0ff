"""One place that finds bundled resources, from source, an install or a frozen build."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "prepdesk" / "resources")
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
