"""Passphrase-protected drafts in the wizard: opening asks for the passphrase (retry or cancel, the
file untouched), File > Protect sets or removes it, and then nothing plain reaches the disk: not
the draft, not its backups, not the autosave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.storage import autosave_files, paths
from app.storage.draft_store import save_draft
from app.storage.drafts import PassphraseRequired, load_draft
from app.qt.prompter import Prompter
from tests.qt.conftest import answer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
SECRET = "Quokka-5521 shift roster"
PASSPHRASE = "open sesame"


class Passphrases:
    """Scripted answers to the passphrase dialogs, recording how each was asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, parent, name, retry=False):
        self.asked.append((name, retry))
        return self.answers.pop(0)


def _plain_copies(*folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*")
            if path.is_file() and SECRET.encode("utf-8") in path.read_bytes()]


@pytest.fixture
def protected_draft(tmp_path):
    path = tmp_path / "drafts" / "screening.json"
    draft = load_draft(EXAMPLE)
    draft.system_name = SECRET
    save_draft(draft, path, passphrase=PASSPHRASE)
    return path


def test_opening_a_protected_draft_asks_until_the_passphrase_is_right(make_window, prompter, protected_draft):
    prompter.ask_passphrase = asked = Passphrases("wrong", "", PASSPHRASE)
    window = make_window()
    assert window.open_path(protected_draft)
    assert asked.asked == [("screening.json", False), ("screening.json", True), ("screening.json", True)]
    assert window.session.draft.system_name == SECRET
    assert window.session.passphrase == PASSPHRASE
    assert prompter.errors == []


def test_cancelling_the_passphrase_leaves_the_file_and_the_window_as_they_were(make_window, prompter,
                                                                              protected_draft):
    before = protected_draft.read_bytes()
    prompter.ask_passphrase = Passphrases("wrong", None)
    window = make_window()
    assert not window.open_path(protected_draft)
    assert protected_draft.read_bytes() == before
    assert window.stack.currentWidget() is window.start
    # The file might have been damaged rather than the passphrase mistyped: its kept version is offered.
    assert prompter.error_actions == ["Earlier versions\u2026"] and prompter.versions_offered == []


def test_cancelling_a_first_passphrase_question_says_nothing_more(make_window, prompter, protected_draft):
    prompter.ask_passphrase = Passphrases(None)
    assert not make_window().open_path(protected_draft)
    assert prompter.errors == []


def test_a_protected_draft_damaged_on_disk_can_be_put_back_from_a_kept_version(
        make_window, prompter, protected_draft):
    import base64

    envelope = json.loads(protected_draft.read_text(encoding="utf-8"))
    sealed = bytearray(base64.b64decode(envelope["ciphertext"]))
    sealed[10] ^= 0xFF  # one damaged byte
    envelope["ciphertext"] = base64.b64encode(bytes(sealed)).decode("ascii")
    protected_draft.write_text(json.dumps(envelope), encoding="utf-8")
    prompter.ask_passphrase = asked = Passphrases(PASSPHRASE, None, PASSPHRASE)
    prompter.take_error_action, prompter.version_choice = True, 0
    window = make_window()
    assert window.open_path(protected_draft)
    assert [retry for _, retry in asked.asked] == [False, True, False]  # the version put back asks afresh
    assert window.session.draft.system_name == SECRET and window.session.passphrase == PASSPHRASE
    assert "wrong passphrase, or the file was changed" in prompter.errors[0][1]


def test_protecting_from_the_menu_seals_the_file_the_autosave_and_later_saves(
        qtbot, make_window, prompter, tmp_path):
    window = make_window()
    path = tmp_path / "drafts" / "plain.json"
    draft = load_draft(EXAMPLE)
    draft.system_name = SECRET
    save_draft(draft, path)
    assert window.open_path(path)
    answer(qtbot, window, "system.offering", "both")  # unsaved work, autosaved plain so far
    window.autosaver.write_now()
    assert _plain_copies(tmp_path, paths.data_dir())  # the premise: until now, all of it is plain
    prompter.ask_new_passphrase = lambda parent, protected: PASSPHRASE
    window.protect_action.trigger()
    assert _plain_copies(tmp_path, paths.data_dir()) == []
    autosave = autosave_files.autosave_file(window.session.draft.id)
    with pytest.raises(PassphraseRequired):
        load_draft(autosave)
    assert load_draft(autosave, PASSPHRASE).answers["system.offering"].value == "both"
    assert window.save()
    assert load_draft(path, PASSPHRASE).answers["system.offering"].value == "both"
    assert _plain_copies(tmp_path, paths.data_dir()) == []
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "sandbox-applicant-kit/protected-draft"


def test_removing_the_passphrase_from_the_menu_saves_plain_again(make_window, prompter, protected_draft):
    prompter.ask_passphrase = Passphrases(PASSPHRASE)
    window = make_window()
    assert window.open_path(protected_draft)
    prompter.ask_new_passphrase = lambda parent, protected: "" if protected else None
    window.protect_action.trigger()
    assert window.session.passphrase is None
    assert load_draft(protected_draft).system_name == SECRET


def test_unsaved_protected_work_is_restored_after_a_crash_with_its_passphrase(
        qtbot, make_window, prompter, protected_draft):
    prompter.ask_passphrase = Passphrases(PASSPHRASE)
    window = make_window()
    assert window.open_path(protected_draft)
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    assert _plain_copies(paths.data_dir()) == []
    again = make_window()  # the first window is never closed: as after a crash
    prompter.ask_passphrase = asked = Passphrases(None, PASSPHRASE)
    again.restore_action.trigger()
    assert again.session is None or not again.session.dirty  # cancelled: nothing restored, still offered
    assert again.restore_action.isEnabled()
    again.restore_action.trigger()
    assert again.session.value("system.offering") == "both" and again.session.dirty
    assert again.session.passphrase == PASSPHRASE
    assert [retry for _, retry in asked.asked] == [False, False]


def test_the_real_passphrase_dialog_hides_what_is_typed(monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    calls = []

    def get_text(parent, title, label, echo):
        calls.append((label, echo))
        return "typed", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    assert Prompter().ask_passphrase(None, "screening.json", retry=True) == "typed"
    assert calls[0][1] == QLineEdit.EchoMode.Password
    assert "Wrong passphrase" in calls[0][0] and "screening.json" in calls[0][0]
    calls.clear()
    assert Prompter().ask_new_passphrase(None, protected=False) == "typed"
    assert len(calls) == 2 and all(echo == QLineEdit.EchoMode.Password for _, echo in calls)


def test_work_left_by_a_crash_on_a_draft_opened_by_a_relative_name_is_sealed_by_protect(
        qtbot, window, tmp_path, monkeypatch):
    from app.storage.draft_store import change_protection

    folder = tmp_path / "drafts"
    folder.mkdir()
    save_draft(load_draft(EXAMPLE), folder / "mine.json")
    monkeypatch.chdir(folder)
    assert window.open_path(Path("mine.json"))  # as `python main.py mine.json` names it
    answer(qtbot, window, "system.purpose", SECRET)
    window.autosaver.write_now()
    autosave_files.set_aside_crashed_autosaves()  # what the next start does after a crash
    monkeypatch.chdir(tmp_path)  # the command line runs from somewhere else
    change_protection(folder / "mine.json", None, PASSPHRASE)
    assert _plain_copies(tmp_path) == []
    [recovered] = autosave_files.recoveries()
    assert load_draft(recovered.file, PASSPHRASE).answers["system.purpose"].value == SECRET
