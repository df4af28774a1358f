"""The wizard wears an authority's kit: its name, logo and deadline on the start page, the window's
title and the wizard's band; its questions in their sections; documents added on the review page
and carried by the dossier; a draft that reopens with its kit, or says it is missing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.kits.kit import load_kit
from app.kits.manifest import deadline_text
from app.kits.shelf import shelved
from app.qt.steps import REVIEW
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft
from catalogue import tr
from tests.kits.kitmaker import MANIFEST, entries, kit_bytes
from tests.qt.conftest import export_from_review

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


@pytest.fixture
def kit_window(qtbot, prompter):
    """A window started with `--kit` the Nordland kit, its pack loaded."""
    from app.qt.main_window import MainWindow

    def make(path: Path = NORDLAND):
        window = MainWindow(prompter=prompter, kit_path=path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.preload()
        return window

    return make


def _manifest():
    return load_kit(NORDLAND).manifest


def test_the_window_opened_with_a_kit_wears_its_name_logo_and_deadline(qtbot, kit_window):
    window, manifest = kit_window(), _manifest()
    welcome = window.start.welcome
    assert welcome is not None and not window.start.title.isVisible()
    assert welcome.banner.sandbox.text() == manifest.sandbox.name
    assert welcome.banner.authority.text() == manifest.authority.name
    assert welcome.banner.deadline.text() == deadline_text(manifest, dt.date.today())
    assert set(welcome.sections) == {"submission", "contact", "privacy"}
    assert manifest.sandbox.name in window.windowTitle() and manifest.authority.name in window.windowTitle()
    assert not window.windowIcon().isNull()
    assert [k.manifest.id for k in shelved()] == [manifest.id]  # kept among the kits seen
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert window.wizard.kit_banner is not None and window.wizard.kit_banner.isVisible()
    assert window.session.draft.lock.kit == window.session.kit.made
    assert "nordland" in window.wizard.model.section_ids


def test_a_kit_opened_from_the_file_menu_is_worn_and_can_be_set_aside(qtbot, window, prompter):
    prompter.kit_answer = NORDLAND
    window.open_kit_action.trigger()
    assert window.session.kit is not None and window.start.welcome is not None
    assert window.stack.currentWidget() is window.start and window.kit_aside_action.isEnabled()
    assert "nordland" in window.wizard.model.section_ids
    window.kit_aside_action.trigger()
    assert window.session.kit is None and window.start.welcome is None and window.start.title.isVisible()
    assert "nordland" not in window.wizard.model.section_ids
    assert [b.accessibleName() for b in window.start.kit_buttons()] == [tr("qt.kit_row", sandbox=_manifest().sandbox.name,
                                                                          authority=_manifest().authority.name,
                                                                          version=_manifest().version)]


def test_a_refused_kit_gets_a_dialog_and_the_application_goes_on_without_it(qtbot, window, prompter, tmp_path):
    hostile = tmp_path / "hostile.sandboxkit"
    hostile.write_bytes(kit_bytes(entries(), links={"passwd": "/etc/passwd"}))
    prompter.kit_answer = hostile
    window.open_kit_action.trigger()
    assert len(prompter.errors) == 1 and "passwd" in prompter.errors[0][1]
    assert window.session.kit is None and window.wizard.isVisible()


def test_a_kit_s_words_are_shown_as_plain_text(qtbot, kit_window, tmp_path):
    path = tmp_path / "markup.sandboxkit"
    path.write_bytes(kit_bytes(entries(kit__yaml=MANIFEST.replace(
        'name: "Test Authority"', 'name: "<b>Bold</b><img src=\'https://tracker.example/p.png\'>"'))))
    banner = kit_window(path).start.welcome.banner
    assert banner.authority.textFormat() == Qt.TextFormat.PlainText
    assert banner.authority.text() == "<b>Bold</b><img src='https://tracker.example/p.png'>"


def test_a_draft_made_with_a_kit_reopens_with_it(qtbot, kit_window, make_window, tmp_path):
    window = kit_window()
    window.new_draft()
    assert window.session.drafts.save(tmp_path / "draft.json")
    plain = make_window()  # another start, without --kit
    assert plain.open_path(tmp_path / "draft.json")
    assert plain.session.kit is not None and plain.session.kit.made == window.session.kit.made
    assert plain.wizard.kit_banner is not None and "nordland" in plain.wizard.model.section_ids
    assert not plain.statusBar().currentMessage()


def test_a_draft_whose_kit_is_missing_opens_and_says_so(qtbot, make_window, tmp_path):
    kit = load_kit(NORDLAND)
    draft = Draft.new(kit.base, kit=kit.made)
    draft.answers = {"nordland.sector": Answer(value="finance")}
    save_draft(draft, tmp_path / "draft.json")  # this data folder never saw the kit
    window = make_window()
    assert window.open_path(tmp_path / "draft.json")
    assert window.session.kit is None and kit.manifest.id in window.statusBar().currentMessage()
    assert window.session.value("nordland.sector") == "finance"  # kept, not shown


def _late_kit(tmp_path) -> Path:
    path = tmp_path / "late.sandboxkit"
    path.write_bytes(kit_bytes(entries(kit__yaml=MANIFEST.replace("deadline: 2027-03-31", "deadline: 2020-01-31"))))
    return path


def test_a_late_application_says_so_on_the_start_and_review_pages(qtbot, kit_window, tmp_path):
    window = kit_window(_late_kit(tmp_path))
    assert window.start.welcome.late is not None
    window.new_draft()
    window.wizard.go_to(REVIEW)
    kit = window.session.kit
    from catalogue.formats import format_date

    assert window.wizard.review.deadline_label.text() == tr(
        "kit.late", date=format_date(kit.manifest.sandbox.deadline), authority=kit.manifest.authority.name)


def test_the_review_page_adds_the_documents_asked_for_and_says_which_are_missing(qtbot, kit_window, prompter, tmp_path):
    window = kit_window()
    window.new_draft()
    window.wizard.go_to(REVIEW)
    review = window.wizard.review
    required = [a.title for a in window.session.kit.manifest.attachments if a.required]
    assert all(title in review.attachments.missing_label.text() for title in required)
    document = tmp_path / "documentation.pdf"
    document.write_bytes(b"%PDF-1.4 documentation")
    prompter.attachment_answer = document
    qtbot.mouseClick(review.attachments.add_buttons["technical_documentation"], Qt.MouseButton.LeftButton)
    [attached] = window.session.draft.attachments
    assert (attached.kind, attached.name, attached.size) == ("technical_documentation", "documentation.pdf", 22)
    assert window.session.dirty
    assert required[0] not in review.attachments.missing_label.text()  # the page followed
    prompter.attachment_answer = tmp_path / "plan.txt"
    prompter.attachment_answer.write_text("not a type the authority takes", encoding="utf-8")
    qtbot.mouseClick(review.attachments.add_buttons["test_plan"], Qt.MouseButton.LeftButton)
    assert len(prompter.errors) == 1 and len(window.session.draft.attachments) == 1
    document.unlink()  # the original moves away: the copy kept is what counts
    qtbot.mouseClick(review.attachments.remove_buttons[0], Qt.MouseButton.LeftButton)
    assert window.session.draft.attachments == []


def test_the_dossier_exported_with_a_kit_carries_its_name_and_the_documents(qtbot, kit_window, prompter, tmp_path):
    from pypdf import PdfReader

    window = kit_window()
    assert window.open_path(EXAMPLE)
    document = tmp_path / "documentation.pdf"
    document.write_bytes(b"%PDF-1.4 documentation")
    window.session.drafts.add_attachment(document, "technical_documentation")
    document.unlink()
    finished = export_from_review(qtbot, window, prompter, tmp_path / "dossier.pdf")
    assert finished[0] is True, prompter.errors
    reader = PdfReader(tmp_path / "dossier.pdf")
    assert _manifest().authority.name in reader.pages[0].extract_text()
    assert _manifest().authority.name in reader.pages[1].extract_text()  # the header
    assert reader.attachments["documentation.pdf"] == [b"%PDF-1.4 documentation"]
    assert json.loads(reader.attachments["draft.json"][0])["attachments"][0]["kind"] == "technical_documentation"


def test_an_export_whose_svg_logo_is_left_out_says_why_under_the_button(qtbot, kit_window, prompter, tmp_path):
    from app.dossier.logo_note import logo_warning

    gradient = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
                b'<rect width="10" height="10" fill="url(#g)"/></svg>')
    path = tmp_path / "gradient.sandboxkit"
    path.write_bytes(kit_bytes(entries(kit__yaml=MANIFEST + "logo: logo.svg\n", logo__svg=gradient)))
    window = kit_window(path)
    assert window.open_path(EXAMPLE)
    finished = export_from_review(qtbot, window, prompter, tmp_path / "dossier.pdf")
    assert finished[0] is True, prompter.errors
    left_out = logo_warning(window.session.kit)
    assert left_out is not None and left_out.problem == "svg.problem.paint"
    assert window.wizard.review.export_status.text().splitlines()[1:] == [left_out.message]
