"""Desktop integration files: validators, icon sizes, the user install and the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.helpers import REPO

RESOURCES = REPO / "resources"
DESKTOP_FILE = RESOURCES / "prepdesk.desktop"
METAINFO = RESOURCES / "io.github.prepdesk.Prepdesk.metainfo.xml"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None and os.environ.get("CI"):
        pytest.fail(f"{name} is missing on CI: .ci/run must install it")
    if path is None:
        pytest.skip(f"{name} is not installed here (.ci/run installs it with apt-get)")
    return path


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_screenshots_and_release_notes():
    text = METAINFO.read_text(encoding="utf-8")
    assert text.count("<screenshot") >= 2
    assert "<release " in text and "<description>" in text
    assert '<launchable type="desktop-id">prepdesk.desktop</launchable>' in text
    for url in text.split("<image>")[1:]:
        name = url.split("</image>")[0].rsplit("/", 1)[-1]
        assert name.endswith(".png")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_sizes_are_rendered_from_the_svg(size):
    path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "prepdesk.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} missing: run `make icons`"
    assert (image.width(), image.height()) == (size, size)
    # A transparent corner and an opaque centre: the rounded square, not an empty image.
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 4).alpha() == 255


def test_install_desktop_puts_launcher_icons_and_metainfo_in_data_home(tmp_path):
    program = tmp_path / "bin dir" / "prepdesk"
    result = subprocess.run(
        ["sh", str(REPO / "packaging" / "install-desktop.sh"), str(tmp_path), str(program)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    launcher = tmp_path / "applications" / "prepdesk.desktop"
    assert f'Exec="{program}"' in launcher.read_text(encoding="utf-8")
    assert (tmp_path / "icons/hicolor/scalable/apps/prepdesk.svg").is_file()
    for size in PNG_SIZES:
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/prepdesk.png").is_file()
    assert (tmp_path / "metainfo" / METAINFO.name).is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(launcher)], capture_output=True)
        assert check.returncode == 0, check.stdout


@pytest.mark.slow
@pytest.mark.packaging
def test_wheel_carries_resources_and_migrations(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = tmp_path.glob("prepdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = next(n.split("/")[0] for n in names if ".data/" in n)
    for resource in sorted(Path(RESOURCES).glob("*.json")):
        assert f"{data}/data/share/prepdesk/resources/{resource.name}" in names
    assert f"{data}/data/share/prepdesk/resources/icons/topics.svg" in names
    assert f"{data}/data/share/applications/prepdesk.desktop" in names
    assert "prepdesk/store/migrations/versions/0001_initial_schema.py" in names

    # Installed (as pipx would, into its own venv), the one resource helper finds them.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    found = subprocess.run(
        [str(python), "-c", "from prepdesk.resources import resources_dir; print(resources_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout, whose resources/ would be found instead
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == venv / "share" / "prepdesk" / "resources"
