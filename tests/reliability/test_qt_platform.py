"""Issue 12.5: the README's apt line covers the xcb plugin, and prepdesk names what is missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prepdesk.ui.qt_platform import (
    APT_LINE,
    APT_PACKAGES,
    SONAME_PACKAGES,
    platform_problem,
    xcb_plugin_files,
    xcb_will_be_used,
)
from tests.helpers import REPO

# Libraries every Debian or Ubuntu system with an X server has, or that apt pulls in
# with a package on the line (libgl1 brings libglx0 and libglvnd0, libfontconfig1
# libexpat1 and libpng); the README line need not name them.
ALWAYS_THERE = {
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libpthread.so.0": "libc6",
    "libdl.so.2": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    "linux-vdso.so.1": "the kernel",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "liblzma.so.5": "liblzma5",
    "liblz4.so.1": "liblz4-1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libsystemd.so.0": "libsystemd0",
    "libcap.so.2": "libcap2",
    "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0",
    "libexpat.so.1": "libexpat1",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libpcre2-8.so.0": "libpcre2-8-0",
}
ALWAYS_THERE_PACKAGES = {"libx11-6", "libxcb1", "libxau6", "libxdmcp6", "libglx0", "libglvnd0"}


def readme_apt_packages() -> set[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^sudo apt-get install (.+)$", text, re.MULTILINE)
    assert line, "the README has no apt line"
    return set(line.group(1).split())


def linked_libraries(files: list[Path]) -> dict[str, str]:
    """Every library ldd reports for `files`: name -> where it resolved ('' if not found)."""
    result = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True, check=True)
    found = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^\s*(\S+)(?:\s+=>\s+(\S+))?", line)
        if match and not line.rstrip().endswith(":"):
            found[Path(match.group(1)).name] = match.group(2) or ""
    return found


def test_the_readme_line_is_the_one_prepdesk_prints():
    assert readme_apt_packages() == set(APT_PACKAGES)
    assert APT_LINE in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_the_readme_line_covers_every_library_the_xcb_plugin_links_to():
    files = [f for f in xcb_plugin_files() if f.exists()]
    if not files:
        pytest.skip("PySide6 has no xcb plugin here")
    qt_folder = files[0].parents[2]
    line = readme_apt_packages()
    uncovered = []
    for name, where in linked_libraries(files).items():
        if where.startswith(str(qt_folder)) or "/PySide6/" in where:
            continue  # shipped with PySide6 (its Qt and ICU)
        if name.startswith("libQt6") or name in ALWAYS_THERE:
            continue
        package = SONAME_PACKAGES.get(name)
        if package is None:
            uncovered.append(f"{name}: not in the table (add it to SONAME_PACKAGES)")
        elif package not in line and package not in ALWAYS_THERE_PACKAGES:
            uncovered.append(f"{name}: {package} is not on the README's apt line")
    assert uncovered == []


def test_xcb_is_checked_only_when_qt_would_use_it():
    assert xcb_will_be_used({"DISPLAY": ":0"})
    assert xcb_will_be_used({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})
    assert not xcb_will_be_used({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert not xcb_will_be_used({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not xcb_will_be_used({"QT_QPA_PLATFORM": "xcb"})
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@pytest.fixture
def plugin_missing_a_library(tmp_path: Path) -> Path:
    """A shared object linked to libxcb-icccm.so.4 under a folder that then disappears."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or shutil.which("ldd") is None:
        pytest.skip("needs a C compiler and ldd")
    gone = tmp_path / "gone"
    gone.mkdir()
    (tmp_path / "lib.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int gone(void); int plugin(void) { return gone(); }\n")
    soname = "libprepdesk-test-gone.so.1"
    subprocess.run(
        [
            cc,
            "-shared",
            "-fPIC",
            f"-Wl,-soname,{soname}",
            "-o",
            str(gone / soname),
            str(tmp_path / "lib.c"),
        ],
        check=True,
    )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        [cc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), str(gone / soname)],
        check=True,
    )
    shutil.rmtree(gone)
    return plugin


def test_a_missing_library_is_named_with_the_apt_line(plugin_missing_a_library):
    message = platform_problem({"DISPLAY": ":0"}, files=[plugin_missing_a_library])
    assert message is not None
    assert "libprepdesk-test-gone.so.1" in message
    assert APT_LINE in message


CHILD = """
import sys
from pathlib import Path
import prepdesk.ui.qt_platform as qt_platform
qt_platform.xcb_plugin_files = lambda: [Path(sys.argv[1])]
qt_platform._all_present = lambda: False
from prepdesk.cli import main
sys.exit(main(["--data-dir", sys.argv[2]]))
"""


def test_the_window_says_what_is_missing_instead_of_crashing(plugin_missing_a_library, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(plugin_missing_a_library), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**env, "DISPLAY": ":99"},
        check=False,
    )
    assert result.returncode == 1
    assert "missing: libprepdesk-test-gone.so.1" in result.stderr
    assert "sudo apt-get install" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was opened, nothing created
