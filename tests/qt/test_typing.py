"""Typing a text answer or a note: the draft takes every keystroke at once, the pack is evaluated
again (and the views told) once typing pauses, and saving, exporting or closing loses nothing typed."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.qt.prompter import Choice
from app.qt.session import TYPING_PAUSE_MS
from app.storage.drafts import load_draft
from tests.qt.conftest import answer, question_view

TEXT_QUESTION = "applicant.system_name"  # a short text, required, on the first page


def told(window) -> list[str]:
    """The question ids the session tells the views of, from now on."""
    heard: list[str] = []
    window.session.answers_changed.connect(heard.append)
    return heard


def test_keystrokes_are_kept_at_once_and_evaluated_once_typing_pauses(qtbot, window):
    heard = told(window)
    edit = question_view(window, TEXT_QUESTION).answer.edit
    qtbot.keyClicks(edit, "TalentLens")
    assert window.session.value(TEXT_QUESTION) == "TalentLens" and window.session.dirty
    assert heard == [] and window.session.typing
    # Whoever asks before the pause gets the answers as typed.
    assert TEXT_QUESTION not in window.session.missing
    qtbot.waitUntil(lambda: not window.session.typing, timeout=5 * TYPING_PAUSE_MS)
    assert heard == [TEXT_QUESTION]


def test_a_choice_after_typing_is_evaluated_at_once_after_the_text(qtbot, window):
    heard = told(window)
    qtbot.keyClicks(question_view(window, TEXT_QUESTION).answer.edit, "TalentLens")
    answer(qtbot, window, "system.offering", "system")
    assert heard == [TEXT_QUESTION, "system.offering"] and not window.session.typing
    assert question_view(window, "system.infers").isVisible()


def test_a_note_is_evaluated_once_typing_pauses(qtbot, window):
    heard = told(window)
    view = question_view(window, "system.offering")
    qtbot.mouseClick(view.note_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.note, "Asked our counsel")
    assert window.session.note("system.offering") == "Asked our counsel" and heard == []
    qtbot.waitUntil(lambda: heard == ["system.offering"], timeout=5 * TYPING_PAUSE_MS)


def test_text_typed_just_before_saving_is_saved(qtbot, window, prompter, tmp_path):
    prompter.save_answer = tmp_path / "mine"
    qtbot.keyClicks(question_view(window, TEXT_QUESTION).answer.edit, "TalentLens")
    assert window.save()
    assert load_draft(tmp_path / "mine.json").answers[TEXT_QUESTION].value == "TalentLens"
    assert not window.session.typing


def test_text_typed_just_before_closing_is_saved_when_asked(qtbot, window, prompter, tmp_path):
    prompter.save_choice = Choice.SAVE
    prompter.save_answer = tmp_path / "mine"
    qtbot.keyClicks(question_view(window, TEXT_QUESTION).answer.edit, "TalentLens")
    assert window.close()
    assert load_draft(tmp_path / "mine.json").answers[TEXT_QUESTION].value == "TalentLens"


def test_text_typed_just_before_exporting_is_in_the_dossier(qtbot, window, prompter, tmp_path):
    from app.formats.files import read_draft_data

    prompter.confirm_answer = True  # the draft is incomplete: export all the same
    prompter.save_answer, prompter.export_filter = tmp_path / "data.json", 2
    qtbot.keyClicks(question_view(window, TEXT_QUESTION).answer.edit, "TalentLens")
    with qtbot.waitSignal(window.wizard.review.export_finished, timeout=120_000) as finished:
        window.export()
    assert finished.args == [True, str(tmp_path / "data.json")], prompter.errors
    draft = json.loads(read_draft_data(tmp_path / "data.json"))
    assert draft["answers"][TEXT_QUESTION]["value"] == "TalentLens"
