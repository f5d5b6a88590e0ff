"""The frozen one-folder build starts: `--version`, and `check` on a temp data folder.

Builds with PyInstaller (minutes), so it is deselected from `make test`; .ci/run runs it
through `make test-packaging`.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.packaging]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory):
    pytest.importorskip("PyInstaller", reason="the `package` extra is not installed")
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "packaging" / "prepdesk.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=REPO,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    binary = work / "dist" / "prepdesk" / ("prepdesk.exe" if os.name == "nt" else "prepdesk")
    assert binary.is_file()
    return binary


def _run(binary, *args, data_dir=None):
    command = [str(binary)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_frozen_build_prints_its_version(frozen_app):
    from prepdesk import __version__

    result = _run(frozen_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"prepdesk {__version__}"


def test_frozen_build_checks_a_database_it_created(frozen_app, tmp_path):
    # `demo` creates the database through the bundled migrations and resources
    # (curriculum, question banks); `check` then reads it back.
    data = tmp_path / "data"
    demo = _run(frozen_app, "demo", data_dir=data)
    assert demo.returncode == 0, demo.stderr
    assert (data / "prepdesk.sqlite3").is_file()
    check = _run(frozen_app, "check", data_dir=data)
    assert check.returncode == 0, check.stderr
    assert "ok" in check.stdout


def test_frozen_build_check_on_an_empty_folder(frozen_app, tmp_path):
    result = _run(frozen_app, "check", data_dir=tmp_path / "empty")
    assert result.returncode == 0, result.stderr
    assert "nothing to check" in result.stdout
