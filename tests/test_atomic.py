"""Outputs appear whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from timeline.atomic import atomic_path, write_text_atomic


def test_written_file_has_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644
    assert (tmp_path / "a.json").read_text() == "{}"


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "timeline.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed in the middle")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.json"]


def test_save_sweeps_what_a_killed_run_left(tmp_path):
    from timeline.api import sweep_leftovers

    ours = tmp_path / ".timeline.png.0123456789abcdef0123456789abcdef.tmp"
    manifest = tmp_path / "..timeline-outputs.json.0123456789abcdef0123456789abcdef.tmp"
    theirs = tmp_path / ".notes.txt.tmp"
    ours.write_bytes(b"half a png")
    manifest.write_text("{")
    theirs.write_text("a user's file")
    sweep_leftovers(tmp_path)
    assert not ours.exists() and not manifest.exists() and theirs.exists()
