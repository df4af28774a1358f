"""Languages in the wizard: Edit > Language keeps the choice in the settings for the next start,
and the review page exports the dossier in the language chosen there, among those the kit offers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.qt.steps import REVIEW
from app.storage.settings import saved_language
from catalogue import shipped_languages, speaking, tr

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


def test_the_language_chosen_is_kept_for_the_next_start_and_the_system_s_can_be_chosen_again(make_window, prompter):
    window = make_window()
    rows = shipped_languages()
    prompter.item_answer = 1 + rows.index("fr")  # the system's language is the first row
    window.language_action.trigger()
    assert saved_language() == "fr"
    offered, current = prompter.items_offered
    assert len(offered) == 1 + len(rows) and current == 0
    assert tr("qt.save") == window.save_action.text()  # nothing changes before the next start
    prompter.item_answer = 0
    window.language_action.trigger()
    assert saved_language() is None and prompter.items_offered[1] == 1 + rows.index("fr")
    prompter.item_answer = None  # cancelled: nothing changes
    window.language_action.trigger()
    assert saved_language() is None


def test_the_review_page_exports_a_real_dossier_in_the_language_chosen(qtbot, window, prompter, tmp_path):
    from pypdf import PdfReader

    assert window.open_path(EXAMPLE)
    window.wizard.go_to(REVIEW)
    page = window.wizard.review
    box = page.language_box
    assert box.codes == shipped_languages() and box.chosen() == "en"
    box.combo.setCurrentIndex(box.codes.index("de"))
    prompter.save_answer = tmp_path / "dossier.pdf"
    with qtbot.waitSignal(page.export_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] is True, prompter.errors
    cover = " ".join(PdfReader(tmp_path / "dossier.pdf").pages[0].extract_text().split())
    with speaking("de"):
        assert tr("dossier.answers_language") in cover
    assert tr("dossier.answers_language") not in cover
    assert window.save_action.text() == tr("qt.save")  # the window went on in English


def test_with_a_kit_only_its_languages_are_offered(qtbot, window, tmp_path):
    from tests.kits.kitmaker import write_kit

    assert window.wear_kit_file(write_kit(tmp_path))
    window.wizard.go_to(REVIEW)
    box = window.wizard.review.language_box
    assert box.codes == ("en",) and "Test Sandbox" in box.combo.toolTip()


def test_long_german_step_titles_break_at_their_parts_and_screen_readers_get_them_whole(qtbot, make_window):
    import catalogue
    from catalogue.hyphenation import SOFT_HYPHEN

    catalogue.set_language("de")
    try:
        window = make_window()
        qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
        model = window.wizard.model
        row = model.row_of("conformity")
        shown = model.data(model.index(row), Qt.ItemDataRole.DisplayRole)
        title = window.wizard.session.pack.sections[row].title
        assert SOFT_HYPHEN in shown and shown.replace(SOFT_HYPHEN, "") == title
        spoken = model.data(model.index(row), Qt.ItemDataRole.AccessibleTextRole)
        assert SOFT_HYPHEN not in spoken and title in spoken
        # The step list never needs a horizontal scroll bar: every title wraps within it.
        assert not window.wizard.steps.horizontalScrollBar().isVisible()
    finally:
        catalogue.set_language("en")
