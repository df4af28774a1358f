"""Guidance in the wizard: terms linked to the glossary, provisions explained, example answers that
are never saved, the start page's estimate, what to prepare and the examples, the next missing
answer, the Help menu, and the export from the File menu with "Open the PDF" after it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.qt import review_page
from app.qt.reference_view import REF, TERM, ReferenceDialog, tip
from app.qt.steps import REVIEW
from app.qt.texts import TEXT
from forms.citations import summary
from forms.estimate import time_estimate
from tests.qt.conftest import answer, question_view

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


def test_a_term_in_a_question_links_to_its_definition_and_opens_the_glossary_there(qtbot, window, pack):
    answer(qtbot, window, "privacy.personal_data", "yes")  # the DPIA question is asked only then
    view = question_view(window, "privacy.dpia_done")
    assert f'href="{TERM}dpia"' in view.text.text()
    assert f'href="{TERM}dpia"' in view.terms.text()
    dpia = next(t for t in pack.glossary if t.id == "dpia")
    assert dpia.definition in tip(TERM + "dpia", pack.glossary)
    view.text.linkActivated.emit(TERM + "dpia")
    dialog = window.findChild(ReferenceDialog)
    assert dialog is not None and dialog.isVisible() and dialog.shown == TERM + "dpia"
    assert dpia.definition in dialog.page.toPlainText()
    assert dialog.terms.currentItem().data(Qt.ItemDataRole.UserRole) == "dpia"


def test_the_terms_and_provisions_lines_are_reached_by_tab_and_say_what_they_link_to(qtbot, window):
    view = question_view(window, "system.offering")
    for line in (view.terms, view.refs):
        assert line.focusPolicy() & Qt.FocusPolicy.TabFocus and line.accessibleName()
    assert f'href="{REF}aiact.art3.1"' in view.refs.text()
    assert summary("aiact.art3.1") in tip(REF + "aiact.art3.1", window.session.pack.glossary)
    view.refs.linkActivated.emit(REF + "aiact.art3.1")
    dialog = window.findChild(ReferenceDialog)
    assert dialog.shown == REF + "aiact.art3.1" and summary("aiact.art3.1") in dialog.page.toPlainText()
    # Following a link inside the glossary moves to what it names.
    dialog.show_link(TERM + "provider")
    assert dialog.shown == TERM + "provider"


def test_the_glossary_finds_terms_by_their_words_or_their_definition(qtbot, window, pack):
    window.help_actions["glossary"].trigger()
    dialog = window.findChild(ReferenceDialog)
    assert dialog.terms.count() == len(pack.glossary)
    dialog.filter.setText("impact assessment")
    shown = {dialog.terms.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.terms.count())
             if not dialog.terms.item(r).isHidden()}
    assert {"dpia", "fria"} <= shown and "provider" not in shown


def test_an_example_answer_is_shown_on_request_and_never_becomes_the_answer(qtbot, window):
    view = question_view(window, "plan.objectives")
    assert view.example is not None and not view.example.isVisible()
    qtbot.mouseClick(view.example_button, Qt.MouseButton.LeftButton)
    assert view.example.isVisible() and view.question.example in view.example.text()
    assert view.answer.value() is None and window.session.value("plan.objectives") is None
    assert "plan.objectives" not in window.session.draft.answers and not window.session.dirty
    assert question_view(window, "applicant.organisation").example_button is None  # a plain fact has none


def test_the_start_page_gives_the_pack_s_time_estimate_and_what_to_prepare(qtbot, make_window, pack):
    window = make_window()
    guide = window.start.guide
    assert not guide.estimate.isVisible()  # before the pack is read
    window.preload()
    estimate = time_estimate(pack)
    assert guide.estimate.isVisible() and str(estimate.minutes) in guide.estimate.text()
    qtbot.mouseClick(guide.prepare_button, Qt.MouseButton.LeftButton)
    page = window.prepare_page
    assert window.current_page() is page
    texts = [label.text() for label in page.findChildren(type(guide.estimate))]
    assert all(item.label in texts for item in pack.prepare)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.start


def test_an_example_opens_from_the_start_page_as_a_new_draft_that_never_overwrites_it(qtbot, make_window, prompter,
                                                                                     tmp_path):
    window = make_window()
    guide = window.start.guide
    guide.examples_menu.aboutToShow.emit()
    names = [a.text() for a in guide.examples_menu.actions()]
    assert "TalentLens CV ranking" in names and len(names) == len(list(EXAMPLES.glob("*.json")))
    before = (EXAMPLES / "cv_screening.json").read_bytes()
    guide.examples_menu.actions()[names.index("TalentLens CV ranking")].trigger()
    session = window.session
    assert window.wizard.isVisible() and session.path is None
    example = json.loads(before)
    assert session.value("annex3.employment") == example["answers"]["annex3.employment"]["value"]
    assert str(session.draft.id) != example["id"]
    answer(qtbot, window, "plan.duration_months", 9)
    prompter.save_answer = tmp_path / "mine.json"
    assert window.save() and session.path == tmp_path / "mine.json"
    assert (EXAMPLES / "cv_screening.json").read_bytes() == before


def test_next_missing_answer_goes_in_order_after_the_question_in_hand_and_wraps_round(qtbot, window):
    missing = window.session.evaluation.missing_required()
    assert len(missing) > 2
    qtbot.keyClick(window, Qt.Key.Key_F8)
    first = _focused_question(window)
    assert first == missing[0]
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert _focused_question(window) == missing[1]
    window.wizard.go_to_question(missing[-1])
    window.next_missing_action.trigger()
    assert _focused_question(window) == missing[0]  # round to the start


def test_with_nothing_missing_next_missing_says_so(qtbot, window):
    assert window.open_path(EXAMPLES / "cv_screening.json")
    step = window.wizard.current_step
    window.next_missing_action.trigger()
    assert window.wizard.current_step == step and window.statusBar().currentMessage() == TEXT["no_missing"]


def _focused_question(window) -> str | None:
    page = window.wizard.stack.currentWidget()
    focus = QApplication.focusWidget()
    return next((qid for qid, view in getattr(page, "views", {}).items() if view.isAncestorOf(focus)), None)


def test_the_progress_counts_what_is_left_on_the_path(qtbot, window):
    found = window.session.progress(window.wizard.reached)
    assert found.answered == 0 and found.left > 30  # the classification sections are on the path at once
    answer(qtbot, window, "system.offering", "system")
    after = window.session.progress(window.wizard.reached)
    assert after.answered == 1
    assert window.wizard.progress.value() == 1 and window.wizard.progress.maximum() == after.total
    assert window.wizard.progress_text.text() == TEXT["progress"].format(answered=1, left=after.left)


def test_the_help_menu_has_the_guide_from_the_readme_and_about_with_version_and_law_date(qtbot, window, prompter,
                                                                                      pack):
    from app.qt.help_menu import UserGuideDialog, application_version
    from catalogue.formats import format_date

    window.help_actions["guide"].trigger()
    guide = window.findChild(UserGuideDialog)
    text = guide.page.toPlainText()
    assert "Review" in text and "Sections" in text and "python main.py" in text  # the README's wizard section
    assert "pyproject" not in text  # not the developers' sections
    window.help_actions["about"].trigger()
    title, about = prompter.infos[-1]
    assert title == TEXT["about_title"]
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert application_version() == declared and declared in about
    assert format_date(pack.law_current_to) in about and pack.version in about


def test_export_from_the_file_menu_uses_the_export_dialog_and_offers_to_open_the_dossier(qtbot, window, prompter,
                                                                                        tmp_path, monkeypatch):
    def export_dossier(draft, pack, out_path, **_options):
        out_path.write_bytes(b"%PDF-1.4 test")

    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: export_dossier)
    prompter.save_answer = tmp_path / "dossier.pdf"
    page = window.wizard.review
    assert window.export_action in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(page.export_finished, timeout=10000):
        window.export_action.trigger()
    assert window.wizard.current_step == REVIEW
    assert prompter.export_filters and prompter.save_titles == []  # the export's dialog, not the draft's
    assert page.open_button.isVisible() and prompter.opened_files == []
    assert page.open_button.text() == TEXT["export_open"]["pdf"]
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert prompter.opened_files == [tmp_path / "dossier.pdf"] and prompter.errors == []
    prompter.open_file_works = False
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert prompter.errors[-1][0] == TEXT["export_open_failed_title"]
