"""Backups: the last versions of each draft are kept, owner-only, and one can be restored."""

import os
import stat
import time

import pytest

from app.storage.backups import KEEP, backup_folder, keep_backup, list_backups, restore_backup
from app.storage.draft_store import save_draft
from app.storage.drafts import DraftError, load_draft
from tests.faults.crash_writer import version


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_each_save_keeps_a_version_and_only_the_last_few_stay(tmp_path):
    path = tmp_path / "draft.json"
    for number in range(1, KEEP + 4):
        save_draft(version(number), path)
    kept = [load_draft(b.path).system_name for b in list_backups(path)]
    assert kept == [f"version {n}" for n in range(KEEP + 3, 3, -1)]


def test_saving_the_same_content_again_adds_no_version(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    save_draft(version(1), path)
    assert len(list_backups(path)) == 1


def test_restore_puts_the_chosen_version_back_and_keeps_the_current_one(tmp_path):
    path = tmp_path / "draft.json"
    for number in (1, 2, 3):
        save_draft(version(number), path)
    oldest = list_backups(path)[-1]
    restore_backup(path, oldest)
    assert load_draft(path) == version(1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".backups", "draft.json"]  # no temporary file left
    names = [load_draft(b.path).system_name for b in list_backups(path)]
    assert "version 3" in names and "version 1" in names


def test_a_broken_backup_is_refused_and_the_draft_left_alone(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    broken = keep_backup(path, b'{"format": "sandbox-applicant-kit/dr')
    before = path.read_bytes()
    with pytest.raises(DraftError, match="broken"):
        restore_backup(path, next(b for b in list_backups(path) if b.path == broken))
    assert path.read_bytes() == before


def test_drafts_and_backups_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "new folder" / "draft.json"
    save_draft(version(1), path)
    backup = list_backups(path)[0]
    assert _mode(path) == 0o600
    assert _mode(backup.path) == 0o600
    assert _mode(path.parent) == 0o700  # a folder the application created
    assert _mode(backup_folder(path)) == 0o700
    assert _mode(backup_folder(path).parent) == 0o700


def test_backups_folder_made_too_open_is_closed_again(tmp_path):
    path = tmp_path / "draft.json"
    backup_folder(path).mkdir(parents=True, mode=0o777)
    backup_folder(path).chmod(0o777)
    save_draft(version(1), path)
    assert _mode(backup_folder(path)) == 0o700


def _main(*args):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, str(root / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_the_command_line_lists_the_versions_and_restores_one(tmp_path):
    path = tmp_path / "draft.json"
    for number in (1, 2, 3):
        save_draft(version(number), path)
    listed = _main("backups", path)
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["1", "2", "3"]
    restored = _main("restore", path, 3)
    assert restored.returncode == 0, restored.stderr
    assert load_draft(path) == version(1)
    assert "version 3" in [load_draft(b.path).system_name for b in list_backups(path)]


def test_restoring_a_version_that_does_not_exist_is_one_line_and_changes_nothing(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    before = path.read_bytes()
    result = _main("restore", path, 7)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no version 7" in result.stderr
    assert path.read_bytes() == before


def test_a_command_on_a_damaged_draft_points_to_its_kept_versions(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    save_draft(version(2), path)
    path.write_text('{"format": ', encoding="utf-8")  # cut short on disk
    result = _main("classify", path)
    assert result.returncode == 2
    first, hint = result.stderr.splitlines()
    assert "not a valid draft file" in first
    assert hint == f"2 earlier versions of this draft are kept; list them with: python main.py backups {path}"
    assert path.read_text(encoding="utf-8") == '{"format": '


def test_a_damaged_draft_without_kept_versions_is_one_line(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text("{", encoding="utf-8")
    result = _main("classify", path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_what_an_interrupted_backup_left_is_removed_by_the_next_save(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    folder = backup_folder(path)
    stale, young = folder / ".01700000000000000000.json.ab_c1234.tmp", folder / ".01700000000000000001.json.young123.tmp"
    for left in (stale, young):
        left.write_bytes(b"an older version, perhaps in plain text")
    os.utime(stale, (time.time() - 3600,) * 2)
    save_draft(version(2), path)
    assert not stale.exists()
    assert young.exists()  # a backup being written right now may own it
    assert len(list_backups(path)) == 2


def test_putting_back_versions_one_after_another_pushes_no_kept_version_out(tmp_path):
    path = tmp_path / "draft.json"
    for number in range(1, KEEP + 1):
        save_draft(version(number), path)
    path.write_text("{damaged", encoding="utf-8")
    before = {b.path.name for b in list_backups(path)}
    restore_backup(path, list_backups(path)[2])
    restore_backup(path, list_backups(path)[4])  # the first choice is already kept: not kept again
    after = {b.path.name for b in list_backups(path)}
    assert before <= after and len(after) == KEEP + 1  # every version, and the damaged file


def test_a_draft_that_cannot_be_read_is_not_replaced_by_a_version(tmp_path, monkeypatch):
    import app.storage.backups as backups

    path = tmp_path / "draft.json"
    save_draft(version(1), path)
    save_draft(version(2), path)
    monkeypatch.setattr(backups, "_read_quietly", lambda p: None if p == path else p.read_bytes())
    with pytest.raises(DraftError, match="cannot be read, so it cannot be kept"):
        restore_backup(path, list_backups(path)[1])
    assert load_draft(path) == version(2)


def test_the_hint_names_a_single_version_and_quotes_a_path_with_spaces(tmp_path):
    path = tmp_path / "my draft.json"
    save_draft(version(1), path)
    path.write_text("[", encoding="utf-8")
    hint = _main("validate", path).stderr.splitlines()[1]
    assert hint == f"one earlier version of this draft is kept; see it with: python main.py backups '{path}'"
