"""Bad files in the wizard: each file that cannot be opened, and each place a draft cannot be saved
to, gives a dialog that says what happened and what to do; the files on disk keep their bytes and
times, and the window goes on with the work that was open. The command-line half is
test_bad_files.py; the bad files themselves are built by bad_files.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.storage.draft_store import save_draft
from app.storage.drafts import Draft, load_draft
from app.qt.texts import TEXT
from tests.faults import bad_files
from tests.qt.conftest import ScriptedPrompter, answer, refcount_guard  # noqa: F401 - an autouse fixture


@pytest.fixture
def prompter():
    return ScriptedPrompter()


def _new_window(qtbot, prompter):
    from app.qt.main_window import MainWindow

    window = MainWindow(prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, prompter, tmp_path):
    """A window with the person's own draft open: one answer, saved as mine.json."""
    window = _new_window(qtbot, prompter)
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "system.offering", "model")
    prompter.save_answer = tmp_path / "mine.json"
    window.save_as_action.trigger()
    assert window.session.path == tmp_path / "mine.json" and not window.session.dirty
    return window


def _dialog(prompter, title):
    """The one dialog shown, as (what happened, what to do)."""
    assert len(prompter.errors) == 1, prompter.errors
    shown_title, text = prompter.errors[0]
    assert shown_title == title
    what_happened, what_to_do = text.split("\n\n")
    return what_happened, what_to_do


@pytest.mark.parametrize("case", list(bad_files.OPENING_CASES))
def test_a_draft_that_cannot_be_opened(case, qtbot, window, prompter, tmp_path, pack, monkeypatch):
    folder = tmp_path / "received"
    folder.mkdir()
    path = bad_files.OPENING_CASES[case].build(folder, pack, monkeypatch)
    before = bad_files.snapshot(path)
    prompter.open_answer = path
    window.open_action.trigger()  # File > Open, as the person would

    what_happened, what_to_do = _dialog(prompter, TEXT["unreadable_title"])
    assert str(path) in what_happened
    for word in bad_files.OPENING_CASES[case].words:
        assert word in what_happened
    assert "has not been changed" in what_to_do
    assert "open that one" in what_to_do and "start a new draft" in what_to_do
    assert prompter.asked == []  # nothing was unsaved, so nothing was asked
    assert bad_files.snapshot(path) == before and list(folder.iterdir()) == [path]
    _the_own_draft_is_still_open(window, tmp_path / "mine.json")
    _a_new_draft_can_be_started_and_answered(qtbot, window)


def test_opening_a_bad_draft_from_the_start_page_shows_a_warning_box_and_stays_there(
        qtbot, tmp_path, pack, monkeypatch):
    """The real dialog, not the recorder: a warning box with the title and the text, then back."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.qt.prompter import Prompter

    path = bad_files.truncated(tmp_path, pack, monkeypatch)
    window = _new_window(qtbot, Prompter())
    shown = []

    def close_the_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.icon(), box.windowTitle(), box.text()))
            box.button(QMessageBox.StandardButton.Ok).click()

    timer = QTimer()
    timer.timeout.connect(close_the_box)
    timer.start(20)
    try:
        assert not window.open_path(path)
    finally:
        timer.stop()
    [(icon, title, text)] = shown
    assert icon is QMessageBox.Icon.Warning and title == TEXT["unreadable_title"]
    assert str(path) in text and "start a new draft" in text
    assert window.stack.currentWidget() is window.start
    # Nothing is answered here: closing a changed draft at teardown would ask in a real, blocking box.
    # (The New button would ask for the jurisdictions in a real box too: the draft is started directly.)
    window.new_draft()
    assert window.stack.currentWidget() is window.wizard and window.session.path is None


def test_saving_into_a_folder_that_cannot_be_written(qtbot, window, prompter, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    bad_files.refuse_writing_in(folder, monkeypatch)
    what_happened = _save_as_fails_and_loses_nothing(qtbot, window, prompter, folder / "draft.json")
    assert str(folder) in what_happened and "permission" in what_happened


def test_saving_on_a_full_disk(qtbot, window, prompter, tmp_path, pack, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    earlier = folder / "draft.json"
    save_draft(Draft.new(pack).model_copy(update={"system_name": "earlier"}), earlier, keep_backup=False)
    bad_files.fill_disk_under(folder, monkeypatch)
    what_happened = _save_as_fails_and_loses_nothing(qtbot, window, prompter, earlier)
    assert str(earlier) in what_happened and "disk is full" in what_happened
    assert "previous version is unchanged" in what_happened
    assert load_draft(earlier).system_name == "earlier"


def _save_as_fails_and_loses_nothing(qtbot, window, prompter, target):
    """Save as into `target` with unsaved work; returns what the dialog says happened."""
    mine = window.session.path
    answer(qtbot, window, "system.offering", "both")
    mine_before = bad_files.snapshot(mine)
    folder_before = {p.name: bad_files.snapshot(p) for p in target.parent.iterdir()}
    prompter.save_answer = target
    window.save_as_action.trigger()

    what_happened, what_to_do = _dialog(prompter, TEXT["save_failed_title"])
    assert "Save as" in what_to_do and "still open" in what_to_do
    # Nothing lost: the folder holds what it held (no temporary file), the own file is as saved,
    # and the unsaved answer is still in the window, still marked unsaved.
    assert {p.name: bad_files.snapshot(p) for p in target.parent.iterdir()} == folder_before
    assert bad_files.snapshot(mine) == mine_before
    assert window.session.path == mine and window.session.dirty and window.isWindowModified()
    assert window.session.value("system.offering") == "both"
    # What the dialog says to do works: Save as somewhere else keeps the answer.
    elsewhere = mine.parent / "elsewhere" / "draft.json"
    prompter.save_answer = elsewhere
    window.save_as_action.trigger()
    assert len(prompter.errors) == 1 and not window.session.dirty
    assert load_draft(elsewhere).answers["system.offering"].value == "both"
    return what_happened


def _the_own_draft_is_still_open(window, mine):
    assert window.stack.currentWidget() is window.wizard
    assert window.session.path == mine and not window.session.dirty
    assert window.windowTitle().startswith(mine.stem)
    assert window.session.value("system.offering") == "model"
    assert window.wizard.page("system").views["system.offering"].answer.value() == "model"


def _a_new_draft_can_be_started_and_answered(qtbot, window):
    window.new_action.trigger()
    assert window.stack.currentWidget() is window.wizard
    assert window.session.path is None and window.session.value("system.offering") is None
    answer(qtbot, window, "system.offering", "both")
    assert window.session.value("system.offering") == "both" and window.session.dirty
