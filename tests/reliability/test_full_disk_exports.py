"""Issue 12.2: a full disk or a read-only folder during an export leaves nothing half-written.

The disk is a real tmpfs of 64 KB (skipped where it cannot be mounted); the writer's
own test fails fsync with ENOSPC at the OS boundary, which works everywhere.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from prepdesk.io.csv_export import export_csv_folder
from prepdesk.io.json_export import export_json
from prepdesk.io.markdown_export import export_markdown_folder
from prepdesk.store.atomic_write import WriteFailed, write_file
from prepdesk.store.demo import fill_demo_data
from tests.reliability.filesystems import fill, read_only, tiny_disk

EXPORTS = {"csv": export_csv_folder, "markdown": export_markdown_folder}


@pytest.fixture
def demo_db(db):
    with db.transaction() as session:
        fill_demo_data(session, date(2026, 3, 2))
    return db


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_full_disk_leaves_no_half_written_new_folder(demo_db, tmp_path, kind):
    with tiny_disk(tmp_path / "disk", size_kb=16) as disk:
        with pytest.raises(WriteFailed, match="is full"), demo_db.transaction() as session:
            EXPORTS[kind](session, disk / "export")
        assert list(disk.iterdir()) == []


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_full_disk_leaves_an_existing_folder_as_it_was(demo_db, tmp_path, kind):
    with tiny_disk(tmp_path / "disk", size_kb=64) as disk:
        existing = disk / "export"
        existing.mkdir()
        (existing / "mine.txt").write_text("the person's own file")
        (existing / "topic.csv").write_text("an older export")
        fill(disk)
        (disk / "filler").unlink()
        (disk / "filler2").write_bytes(b"\0" * 40_000)  # leave too little for the export
        before = tree(existing)
        with pytest.raises(WriteFailed, match="is full"), demo_db.transaction() as session:
            EXPORTS[kind](session, existing)
        assert tree(existing) == before
        assert sorted(p.name for p in disk.iterdir()) == ["export", "filler2"]


def test_a_full_disk_keeps_the_old_json_export(demo_db, tmp_path):
    with tiny_disk(tmp_path / "disk", size_kb=64) as disk:
        target = disk / "export.json"
        target.write_text('{"old": true}')
        fill(disk)
        (disk / "filler").unlink()
        (disk / "filler2").write_bytes(b"\0" * 40_000)
        with pytest.raises(WriteFailed, match="is full"), demo_db.transaction() as session:
            export_json(session, target)
        assert target.read_text() == '{"old": true}'
        assert sorted(p.name for p in disk.iterdir()) == ["export.json", "filler2"]


@pytest.mark.parametrize("kind", ["json", *sorted(EXPORTS)])
def test_a_read_only_folder_is_named_and_nothing_is_written(demo_db, tmp_path, kind):
    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / "old.txt").write_text("kept")
    export = EXPORTS.get(kind, export_json)
    refused = pytest.raises(WriteFailed, match="is read-only")
    with read_only(folder), refused, demo_db.transaction() as session:
        export(session, folder / "out")
    assert [p.name for p in folder.iterdir()] == ["old.txt"]


def test_the_writer_keeps_the_old_file_when_fsync_finds_the_disk_full(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("the old brief")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteFailed, match="is full") as refused:
        write_file(target, "the new brief " * 1000)
    assert "\n" not in str(refused.value)
    assert target.read_text() == "the old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_the_writer_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "shared.ics"
    target.write_text("old")
    target.chmod(0o640)
    write_file(target, "new")
    assert (target.stat().st_mode & 0o777, target.read_text()) == (0o640, "new")
