"""One place that finds bundled resources, from source, an install or a frozen build."""

from __future__ import annotations

import json
import site
import sys
import sysconfig
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any


def _candidates() -> Iterator[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        yield Path(frozen_root) / "resources"
    yield Path(__file__).resolve().parent.parent / "resources"
    # An installed wheel puts resources/ under <data>/share/prepdesk (data-files in
    # pyproject.toml): a venv or pipx prefix, or the user base for `pip install --user`.
    for data_root in (sysconfig.get_path("data"), sys.prefix, site.getuserbase()):
        yield Path(data_root) / "share" / "prepdesk" / "resources"


@cache  # found once per process: every icon and resource asks for it
def resources_dir() -> Path:
    """resources/ of a frozen build, a source checkout (editable too) or an installed wheel."""
    looked = []
    for candidate in _candidates():
        if (candidate / "curriculum.json").is_file():
            return candidate
        looked.append(candidate)
    raise FileNotFoundError(
        "prepdesk's resources folder is missing; looked in: " + ", ".join(map(str, looked))
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json_resource(name: str) -> Any:
    with resource_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)
