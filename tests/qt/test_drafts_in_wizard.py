"""Never losing a draft: autosave, restore after a crash, the unsaved-changes question, files that
cannot be read, saving, recent drafts, and what the window remembers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.storage import autosave_files
from app.storage.drafts import load_draft
from app.qt.prompter import Choice
from tests.qt.conftest import answer

ROOT = Path(__file__).resolve().parents[2]


def test_autosave_writes_the_draft_a_moment_after_a_change(qtbot, window):
    autosave = autosave_files.autosave_file(window.session.draft.id)
    assert not autosave.exists()
    answer(qtbot, window, "system.offering", "both")
    with qtbot.waitSignal(window.autosaver.saved, timeout=5000):
        pass
    assert load_draft(autosave).answers["system.offering"].value == "both"


def test_a_restarted_window_offers_the_unsaved_work_and_restores_it(qtbot, window, make_window):
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    # The first window is never closed: as after a crash or a kill.
    again = make_window()
    assert again.start.restore_box.isVisible()
    qtbot.mouseClick(again.start.restore_button, Qt.MouseButton.LeftButton)
    assert again.session.value("system.offering") == "both"
    assert again.session.dirty and again.isWindowModified()
    assert again.wizard.page("system").views["system.offering"].answer.value() == "both"


def test_unsaved_work_survives_until_restored_even_if_another_draft_is_edited_first(
        qtbot, window, make_window, prompter, tmp_path):
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    again = make_window()  # after a crash
    prompter.save_answer = tmp_path / "other.json"
    assert again.open_path(_saved_draft(again, tmp_path / "other.json"))
    answer(qtbot, again, "system.offering", "model")
    again.autosaver.write_now()
    assert again.restore_action.isEnabled()
    prompter.save_choice = Choice.DISCARD
    again.restore_action.trigger()
    assert again.session.value("system.offering") == "both"
    assert not again.restore_action.isEnabled()


def test_after_two_crashes_the_unsaved_work_of_both_drafts_is_offered_and_each_restored(
        qtbot, window, make_window, prompter, tmp_path):
    assert window.open_path(_saved_draft(window, tmp_path / "mine.json"))
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    second = make_window()  # after a crash; then work on a new draft, and another crash
    qtbot.mouseClick(second.start.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, second, "system.offering", "model")
    second.autosaver.write_now()
    third = make_window()
    assert len(third.start.restore_buttons) == 2  # newest first: the new draft's, then mine.json's
    qtbot.mouseClick(third.start.restore_buttons[0], Qt.MouseButton.LeftButton)
    assert third.session.value("system.offering") == "model" and third.session.path is None
    assert third.restore_action.isEnabled()  # mine.json's work is still offered
    prompter.save_choice = Choice.DISCARD
    third.restore_action.trigger()  # only one left: restored without a choice
    assert third.session.value("system.offering") == "both" and third.session.path == tmp_path / "mine.json"
    assert not third.restore_action.isEnabled() and prompter.recoveries_offered == []
    # Another crash: the work open now is offered, and the new draft's, which was let go, is not.
    assert len(make_window().start.restore_buttons) == 1


def test_the_file_menu_asks_which_unsaved_work_to_restore_when_there_are_several(
        qtbot, window, make_window, prompter, tmp_path):
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    second = make_window()
    qtbot.mouseClick(second.start.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, second, "system.offering", "model")
    second.autosaver.write_now()
    third = make_window()
    prompter.recovery_choice = 1  # the older: the first window's
    third.restore_action.trigger()
    assert len(prompter.recoveries_offered) == 2
    assert third.session.value("system.offering") == "both"


def _saved_draft(window, path):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Draft

    save_draft(Draft.new(window.ensure_session().pack), path)
    return path


def test_a_clean_close_leaves_nothing_to_restore(qtbot, window, make_window, prompter):
    answer(qtbot, window, "system.offering", "both")
    window.autosaver.write_now()
    prompter.save_choice = Choice.DISCARD
    assert window.close()
    assert not make_window().start.restore_box.isVisible()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, prompter):
    answer(qtbot, window, "system.offering", "model")
    prompter.save_choice = Choice.CANCEL
    assert not window.close()
    assert prompter.asked and window.isVisible()
    assert window.session.value("system.offering") == "model"


def test_choosing_save_in_the_prompt_saves_before_closing(qtbot, window, prompter, tmp_path):
    answer(qtbot, window, "system.offering", "model")
    prompter.save_choice = Choice.SAVE
    prompter.save_answer = tmp_path / "mine"
    assert window.close()
    assert load_draft(tmp_path / "mine.json").answers["system.offering"].value == "model"


def test_no_question_when_nothing_changed(qtbot, window, prompter):
    assert window.close()
    assert prompter.asked == []


def test_an_unreadable_draft_gives_its_dialog_and_is_left_untouched(qtbot, window, prompter, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"format": "sandbox-applicant-kit/draft", "answers": ')
    answer(qtbot, window, "system.offering", "model")
    prompter.save_choice = Choice.DISCARD
    assert not window.open_path(broken)
    title, text = prompter.errors[-1]
    assert "cannot be opened" in title and "JSON is broken" in text and "has not been changed" in text
    assert broken.read_bytes() == b'{"format": "sandbox-applicant-kit/draft", "answers": '
    # Still usable: answering works and the result follows.
    answer(qtbot, window, "system.offering", "system")
    assert window.session.value("system.offering") == "system"


def test_save_then_open_gives_back_the_answers_and_notes(qtbot, window, prompter, tmp_path, make_window):
    answer(qtbot, window, "system.offering", "system")
    window.session.set_note("system.offering", "Checked with the CTO")
    prompter.save_answer = tmp_path / "draft.json"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.dirty and not window.isWindowModified()
    other = make_window()
    assert [b.accessibleName() for b in other.start.recent_buttons()] == [str((tmp_path / "draft.json").resolve())]
    assert other.open_path(tmp_path / "draft.json")
    assert other.session.note("system.offering") == "Checked with the CTO"
    assert other.wizard.page("system").views["system.offering"].note.toPlainText() == "Checked with the CTO"


def test_the_window_remembers_its_size_and_the_last_section(qtbot, window, prompter, tmp_path, make_window, pack):
    prompter.save_answer = tmp_path / "draft.json"
    window.save_as()
    window.resize(700, 560)
    window.wizard.go_to(pack.sections[1].id)
    assert window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 560)
    again.open_path(tmp_path / "draft.json")
    assert again.wizard.current_step == pack.sections[1].id


def test_main_py_opens_the_draft_it_is_given(tmp_path, pack):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Draft

    draft = Draft.new(pack)
    draft.answers["system.offering"] = Answer(value="model")
    save_draft(draft, tmp_path / "given.json")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANDBOX_KIT_STARTUP_PROBE="1",
               SANDBOX_KIT_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "main.py", str(tmp_path / "given.json")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # The window is painted first ("Opening given.json..."), then the draft's page replaces it.
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["window", "shown"]
    recent = json.loads((tmp_path / "data" / "recent.json").read_text())
    assert recent == [str((tmp_path / "given.json").resolve())]


def test_a_draft_that_cannot_be_saved_says_why_and_stays_unsaved(qtbot, window, prompter, tmp_path):
    (tmp_path / "a-file").write_text("")
    answer(qtbot, window, "system.offering", "model")
    prompter.save_answer = tmp_path / "a-file" / "draft.json"  # a folder that cannot exist
    assert not window.save()
    title, text = prompter.errors[-1]
    assert "not saved" in title and "Save as" in text
    assert window.session.dirty and window.session.path is None


def test_a_broken_pack_gives_a_dialog_and_the_start_page_stays(qtbot, make_window, prompter, monkeypatch):
    from forms import loader

    def broken():
        raise loader.PackError("pack.yaml: question 'x.y': text: field required")

    monkeypatch.setattr(loader, "default_pack", broken)
    window = make_window()
    window.new_draft()
    assert "could not be loaded" in prompter.errors[-1][0] and "x.y" in prompter.errors[-1][1]
    assert window.stack.currentWidget() is window.start and window.session is None


def test_a_draft_named_at_start_that_cannot_be_read_leaves_the_start_page_usable(qapp, make_window, prompter,
                                                                                  tmp_path):
    from app.qt.launch import _open_named

    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{")
    window = make_window()
    window.start.show_opening(broken.name)
    assert "broken.json" in window.start.opening.text() and not window.start.new_button.isEnabled()
    _open_named(qapp, window, broken)
    assert "cannot be opened" in prompter.errors[-1][0]
    assert window.current_page() is window.start and window.start.new_button.isEnabled()
    assert not window.start.opening.isVisible() and broken.read_bytes() == b"{"


def test_work_discarded_for_a_draft_that_then_fails_to_open_is_still_unsaved_and_autosaved(
        qtbot, window, prompter, tmp_path):
    answer(qtbot, window, "system.offering", "model")
    window.autosaver.write_now()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    prompter.save_choice = Choice.DISCARD
    assert not window.open_path(broken)
    assert window.session.value("system.offering") == "model"
    assert window.session.dirty and window.isWindowModified()
    autosave = autosave_files.autosave_file(window.session.draft.id)
    assert load_draft(autosave).answers["system.offering"].value == "model"
    prompter.save_choice = Choice.CANCEL
    assert not window.close()  # closing still asks


def test_an_earlier_version_is_put_back_from_the_file_menu(qtbot, window, prompter, tmp_path):
    path = tmp_path / "mine.json"
    prompter.save_answer = path
    answer(qtbot, window, "system.offering", "model")
    assert window.save_as()
    answer(qtbot, window, "system.offering", "both")
    assert window.save()
    prompter.version_choice = 1  # the older of the two kept versions
    window.versions_action.trigger()
    assert len(prompter.versions_offered) == 2
    assert window.session.value("system.offering") == "model"
    assert window.wizard.page("system").views["system.offering"].answer.value() == "model"
    assert load_draft(path).answers["system.offering"].value == "model"
    assert not window.session.dirty


def test_a_draft_damaged_on_disk_offers_its_kept_versions_and_one_puts_it_back(qtbot, window, prompter, tmp_path):
    path = tmp_path / "mine.json"
    prompter.save_answer = path
    answer(qtbot, window, "system.offering", "model")
    assert window.save_as()
    window.new_draft()
    path.write_bytes(b'{"format": "sandbox-kit-draft", "answers": {"system.offer')  # cut short
    prompter.take_error_action = True
    prompter.version_choice = 0
    assert window.open_path(path)  # the file failed to open, and the version put back opened instead
    title, text = prompter.errors[0]
    assert "cannot be opened" in title and "Versions of this draft were kept" in text
    assert prompter.error_actions == ["Earlier versions\u2026"] and len(prompter.versions_offered) == 1
    assert window.session.path == path and window.session.value("system.offering") == "model"
    assert load_draft(path).answers["system.offering"].value == "model"
    from app.storage.backups import list_backups

    assert list_backups(path)[0].path.read_bytes().endswith(b"system.offer")  # the damaged file is kept


def test_a_damaged_draft_without_kept_versions_gets_no_versions_button(window, prompter, tmp_path):
    path = tmp_path / "never-saved-here.json"
    path.write_text("{", encoding="utf-8")
    assert not window.open_path(path)
    assert prompter.error_actions == [None] and "Versions" not in prompter.errors[0][1]
    assert path.read_bytes() == b"{"


def test_earlier_versions_of_an_unsaved_draft_are_explained_not_offered(qtbot, window, prompter):
    answer(qtbot, window, "system.offering", "model")
    window.versions_action.trigger()
    assert prompter.infos and not prompter.versions_offered
    assert window.session.value("system.offering") == "model"


def test_the_oldest_version_can_be_put_back_when_saving_first_prunes_the_list(qtbot, window, prompter, tmp_path):
    from app.storage.backups import KEEP

    path = tmp_path / "mine.json"
    prompter.save_answer = path
    for number in range(KEEP):
        answer(qtbot, window, "system.purpose", f"purpose {number}")
        assert window.save() if number else window.save_as()
    answer(qtbot, window, "system.purpose", "unsaved purpose")
    prompter.save_choice = Choice.SAVE  # asked before the list is shown; the save adds a version
    prompter.version_choice = KEEP - 1  # the oldest offered
    window.versions_action.trigger()
    assert not prompter.errors
    assert window.session.value("system.purpose") == "purpose 1"
