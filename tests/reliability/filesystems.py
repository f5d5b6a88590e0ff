"""Real hostile file systems for tests: a tiny disk that fills up, a read-only folder.

A tmpfs is mounted where the test runs as root and `mount` works (as in CI containers);
elsewhere a read-only folder falls back to chmod, and a full disk is skipped.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    return result.returncode == 0


@contextlib.contextmanager
def tiny_disk(folder: Path, size_kb: int = 64) -> Iterator[Path]:
    """`folder` on a file system of `size_kb` KB, or the test is skipped."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)):
        pytest.skip("a tiny tmpfs needs root and mount")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Fill the file system holding `folder` to the last byte."""
    with contextlib.suppress(OSError), open(folder / "filler", "wb") as out:
        while True:
            out.write(b"\0" * 4096)
            out.flush()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` (already filled in) made read-only: a read-only mount as root, else chmod."""
    if os.geteuid() == 0:
        if not _mount("--bind", str(folder), str(folder)):
            pytest.skip("a read-only bind mount needs mount")
        try:
            if not _mount("-o", "remount,bind,ro", str(folder)):
                pytest.skip("a read-only bind mount needs mount")
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        yield folder
    finally:
        folder.chmod(mode)
