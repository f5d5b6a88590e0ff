"""Before Qt starts: name the system libraries its xcb platform plugin is missing.

When a library the xcb plugin links to is missing, Qt aborts with a message that
blames xcb-cursor0 even when that is installed. prepdesk looks first (a few file
checks; `ldd` only when one looks missing) and says which libraries are missing and
the apt line that installs them. APT_PACKAGES is the README's line; a test checks it
covers every library the installed plugin links to (from `ldd`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from collections.abc import Mapping
from pathlib import Path

# What a bare Debian 12 or Ubuntu desktop without GNOME or KDE may lack for the xcb
# plugin (libqxcb.so and libQt6XcbQpa.so), in the README's order.
APT_PACKAGES = (
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
)
APT_LINE = "sudo apt-get install " + " ".join(APT_PACKAGES)

# The Debian package of each library the xcb plugin links to.
SONAME_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def xcb_plugin_files() -> list[Path]:
    """The xcb platform plugin and its Qt library, as installed with PySide6."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]


def xcb_will_be_used(env: Mapping[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb" and bool(env.get("DISPLAY"))
    # Unset: Qt prefers Wayland in a Wayland session, else xcb on an X display.
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _library_folders() -> list[Path]:
    arch = sysconfig.get_config_var("MULTIARCH") or ""
    extra = [Path(p) for p in os.environ.get("LD_LIBRARY_PATH", "").split(":") if p]
    base = [f"/lib/{arch}", f"/usr/lib/{arch}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"]
    return extra + [Path(p) for p in base]


def _all_present() -> bool:
    """The quick look: every library on the table is in a usual folder."""
    folders = _library_folders()
    return all(any((f / name).exists() for f in folders) for name in SONAME_PACKAGES)


def missing_libraries(files: list[Path]) -> list[str]:
    """The libraries `ldd` reports 'not found' for `files`; empty when ldd is missing."""
    ldd = shutil.which("ldd")
    existing = [str(f) for f in files if f.exists()]
    if ldd is None or not existing:
        return []
    result = subprocess.run(
        [ldd, *existing], capture_output=True, text=True, timeout=10, check=False
    )
    return sorted(set(_NOT_FOUND.findall(result.stdout)))


def missing_libraries_message(missing: list[str]) -> str:
    packages = sorted({SONAME_PACKAGES.get(name, "") for name in missing} - {""})
    lines = [
        "prepdesk can't open its window: Qt's xcb platform plugin needs system libraries "
        f"that are missing: {', '.join(missing)}.",
    ]
    if packages:
        apt = f"sudo apt-get install {' '.join(packages)}"
        lines.append(f"On Debian or Ubuntu, install them with:\n  {apt}")
    lines.append(f"Everything the window needs, in one line:\n  {APT_LINE}")
    return "\n".join(lines)


def platform_problem(
    env: Mapping[str, str] | None = None, files: list[Path] | None = None
) -> str | None:
    """What stops Qt's xcb plugin from loading, with the apt line; None when nothing does."""
    env = os.environ if env is None else env
    if not xcb_will_be_used(env):
        return None
    if files is None:
        if _all_present():
            return None
        files = xcb_plugin_files()
    try:
        missing = missing_libraries(files)
    except (OSError, subprocess.SubprocessError):
        return None  # can't tell: let Qt try
    return missing_libraries_message(missing) if missing else None
