"""Bad files: each breaks in its own way; the core raises a one-line DraftError, the command line
prints one `error:` line and exits 2, and the file on disk is left exactly as it was."""

import pytest

from app.commands.main import main
from app.storage.draft_store import save_draft
from app.storage.drafts import Draft, DraftError, draft_problems, load_draft
from catalogue import tr
from tests.faults import bad_files


def _cli_refuses(path, capsys, words=()):
    before = bad_files.snapshot(path)
    for command in ("validate", "classify"):
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1, err
        for word in words:
            assert word in err
    assert bad_files.snapshot(path) == before


def _core_refuses(path, *words):
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert "\n" not in str(caught.value)
    for word in words:
        assert word in str(caught.value)


# Each case: how the bad file is made (tests/faults/bad_files.py), the words the core's error must
# hold, and those the command line's must hold. The very large file is refused by its size before it
# is read (reading it would fail the test). Tests run as root, which chmod 000 does not stop: the
# unreadable file's refusal by the operating system is simulated.
REFUSED = {
    "truncated_file": (bad_files.truncated, ["broken"], ["broken"]),
    "not_json": (bad_files.not_json, ["broken"], ["broken"]),
    "valid_json_of_the_wrong_shape": (bad_files.wrong_shape, ["not a draft"], ["not a draft"]),
    "draft_from_a_newer_version_of_the_application": (bad_files.newer_version, ["newer version", "update"],
                                                      ["newer version"]),
    "very_large_file": (bad_files.very_large, ["50 MB"], ["50 MB"]),
    "file_that_cannot_be_read": (bad_files.unreadable, ["permission"], ["permission"]),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_draft_is_refused_by_the_core_and_the_command_line(case, tmp_path, pack, capsys, monkeypatch):
    make, core_words, cli_words = REFUSED[case]
    path = make(tmp_path, pack, monkeypatch)
    _core_refuses(path, *core_words)
    _cli_refuses(path, capsys, cli_words)


def test_answers_of_the_wrong_type(tmp_path, pack, capsys, monkeypatch):
    _core_refuses(bad_files.answer_not_an_object(tmp_path, pack, monkeypatch), "answers")
    path = bad_files.answer_of_the_wrong_type(tmp_path, pack, monkeypatch)
    errors, _ = draft_problems(load_draft(path), pack)
    assert errors
    _cli_refuses(path, capsys, ["system.infers"])


def test_draft_for_an_unknown_pack(tmp_path, pack, capsys, monkeypatch):
    path = bad_files.unknown_pack(tmp_path, pack, monkeypatch)
    errors, _ = draft_problems(load_draft(path), pack)
    assert errors == [tr("drafts.error.other_pack", made="someone_elses_pack", pack=pack.id)]
    _cli_refuses(path, capsys, ["someone_elses_pack"])


def test_target_folder_that_cannot_be_written(tmp_path, pack, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    bad_files.refuse_writing_in(folder, monkeypatch)
    with pytest.raises(DraftError, match="permission") as caught:
        save_draft(Draft.new(pack), folder / "draft.json")
    assert "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []


def test_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, pack, monkeypatch):
    path = tmp_path / "draft.json"
    save_draft(Draft.new(pack), path, keep_backup=False)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    bad_files.fill_disk_under(tmp_path, monkeypatch)
    changed = Draft.new(pack).model_copy(update={"system_name": "changed"})
    with pytest.raises(DraftError, match="disk is full") as caught:
        save_draft(changed, path)
    assert "previous version is unchanged" in str(caught.value)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]


@pytest.mark.parametrize("text", ["[" * 100_000, '{"format": "sandbox-applicant-kit/protected-draft", "x": '
                                  + "[" * 100_000])
def test_a_file_nested_too_deeply_is_one_line_not_a_traceback(tmp_path, capsys, text):
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    _core_refuses(path, "nested too deeply")
    _cli_refuses(path, capsys, ["nested too deeply"])
