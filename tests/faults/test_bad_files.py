"""Bad files: each breaks in its own way; the core raises a one-line DraftError, the command line
prints one `error:` line and exits 2, and the file on disk is left exactly as it was."""

import errno
import json
import os
import pathlib
import tempfile

import pytest

from app.cli import main
from app.drafts import Draft, DraftError, draft_problems, load_draft, save_draft


def _valid(pack):
    return json.loads(Draft.new(pack).to_json())


def _write(tmp_path, content):
    path = tmp_path / "draft.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    return path


def _snapshot(path):
    with open(path, "rb") as stream:  # not Path.read_bytes, which some tests replace
        return stream.read(), os.stat(path).st_mtime_ns


def _cli_refuses(path, capsys, words=()):
    before = _snapshot(path)
    for command in ("validate", "classify"):
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1, err
        for word in words:
            assert word in err
    assert _snapshot(path) == before


def _core_refuses(path, *words):
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert "\n" not in str(caught.value)
    for word in words:
        assert word in str(caught.value)


def test_truncated_file(tmp_path, pack, capsys):
    text = json.dumps(_valid(pack)).encode()
    path = _write(tmp_path, text[: len(text) // 2])
    _core_refuses(path, "broken")
    _cli_refuses(path, capsys, ["broken"])


def test_not_json(tmp_path, capsys):
    path = _write(tmp_path, b"Dear sandbox office, please find attached")
    _core_refuses(path, "broken")
    _cli_refuses(path, capsys, ["broken"])


def test_valid_json_of_the_wrong_shape(tmp_path, capsys):
    path = _write(tmp_path, [1, 2, 3])
    _core_refuses(path, "not a draft")
    _cli_refuses(path, capsys, ["not a draft"])


def test_answers_of_the_wrong_type(tmp_path, pack, capsys):
    data = _valid(pack)
    data["answers"] = {"system.infers": "yes"}  # an answer is {value, note}, not a bare value
    _core_refuses(_write(tmp_path, data), "answers")
    data["answers"] = {"system.infers": {"value": 42, "note": ""}}  # a yes/no question answered 42
    path = _write(tmp_path, data)
    errors, _ = draft_problems(load_draft(path), pack)
    assert errors
    _cli_refuses(path, capsys, ["system.infers"])


def test_draft_from_a_newer_version_of_the_application(tmp_path, pack, capsys):
    data = {**_valid(pack), "format_version": 99}
    path = _write(tmp_path, data)
    _core_refuses(path, "newer version", "update")
    _cli_refuses(path, capsys, ["newer version"])


def test_draft_for_an_unknown_pack(tmp_path, pack, capsys):
    path = _write(tmp_path, {**_valid(pack), "pack_id": "someone_elses_pack"})
    errors, _ = draft_problems(load_draft(path), pack)
    assert errors == [f"the draft is for the pack 'someone_elses_pack', not '{pack.id}'"]
    _cli_refuses(path, capsys, ["someone_elses_pack"])


def test_very_large_file_is_refused_by_size_before_reading(tmp_path, capsys, monkeypatch):
    path = tmp_path / "draft.json"
    with open(path, "wb") as stream:
        stream.write(b'{"format": "' + b" " * (50 * 1024 * 1024) + b'"}')
    read = pathlib.Path.read_bytes

    def never_this_one(self):
        assert self != path, "a 50 MB draft was read instead of refused by its size"
        return read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", never_this_one)
    _core_refuses(path, "50 MB")
    _cli_refuses(path, capsys, ["50 MB"])


def test_file_that_cannot_be_read(tmp_path, pack, capsys, monkeypatch):
    # Tests run as root, which chmod 000 does not stop: the operating system's refusal is simulated.
    path = _write(tmp_path, _valid(pack))
    read = pathlib.Path.read_bytes

    def refused(self):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refused)
    _core_refuses(path, "permission")
    _cli_refuses(path, capsys, ["permission"])


def test_target_folder_that_cannot_be_written(tmp_path, pack, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(DraftError, match="permission") as caught:
        save_draft(Draft.new(pack), folder / "draft.json")
    assert "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []


def test_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, pack, monkeypatch):
    path = tmp_path / "draft.json"
    save_draft(Draft.new(pack), path, keep_backup=False)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    changed = Draft.new(pack).model_copy(update={"system_name": "changed"})
    with pytest.raises(DraftError, match="disk is full") as caught:
        save_draft(changed, path)
    assert "previous version is unchanged" in str(caught.value)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]
