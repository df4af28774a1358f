"""A kit worn and several jurisdictions in the wizard: the chooser of a new draft offers the kit's
pack (always targeted) and the other laws, not the kit as a law of its own; the wizard asks the
shared facts once, the kit's questions and the other law's; the review page lists each law's
headline under the kit's deadline; the dossier exported is the authority's, with the jurisdictions'
annex, as a PDF and as JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from app.formats.choice import FORMATS, JSON, PDF
from app.kits.kit import load_kit
from app.qt.result_view import headline_lines
from app.qt.steps import REVIEW
from app.session.targets import available_jurisdictions
from app.storage.drafts import load_draft
from tests.qt.conftest import answer
from tests.qt.test_kit_in_wizard import NORDLAND, kit_window  # noqa: F401 - the window wearing the kit
from tests.review.several import EXAMPLE, as_the_wizard_saves

UTAH = "utah_ai_lab"


def _export(qtbot, window, prompter, path, chosen):
    page = window.wizard.review
    prompter.save_answer, prompter.export_filter = path, FORMATS.index(chosen)
    with qtbot.waitSignal(page.export_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] is True, prompter.errors


def test_a_kits_draft_for_the_eu_and_utah_from_the_chooser_to_the_authoritys_dossier(
        qtbot, kit_window, prompter, tmp_path):  # noqa: F811
    from pypdf import PdfReader

    kit = load_kit(NORDLAND)
    others = [info.id for info in available_jurisdictions() if info.id != kit.base.id]
    assert kit.manifest.id not in others  # a kit is no law of its own
    prompter.rows_answer = [0, 1 + others.index(UTAH)]
    window = kit_window()
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert kit.pack.title in prompter.rows_offered[0]  # the kit's pack, ticked and fixed
    session = window.session
    assert session.draft.jurisdictions == [kit.base.id, UTAH] and session.draft.lock.kit == kit.made
    sections = [section.id for section in session.pack.sections]
    assert sections[0] == "core" and "nordland" in sections and "ut_lab" in sections
    assert window.wizard.kit_banner is not None and window.wizard.kit_banner.isVisible()
    window.wizard.go_to("core")
    answer(qtbot, window, "core.organisation", "Nordic Lending AB")
    example = as_the_wizard_saves(load_draft(EXAMPLE), kit.pack, session.draft.jurisdictions)
    for question_id, given in example.answers.items():
        if question_id != "core.organisation":
            session.set_answer(question_id, given.value)
    session.set_answer("nordland.sector", "finance")

    window.wizard.go_to(REVIEW)
    page = window.wizard.review
    assert page.deadline_label is not None  # the kit's deadline, as for one jurisdiction
    documents, _ = session.each_result()
    assert documents[0].pack_title == kit.pack.title
    shown = QTextDocumentFragment.fromHtml(page.result_label.text()).toPlainText().splitlines()
    lines = [line for _, line in headline_lines(documents)]
    assert [line for line in shown if line in lines] == lines

    _export(qtbot, window, prompter, tmp_path / "dossier.pdf", PDF)
    reader = PdfReader(tmp_path / "dossier.pdf")
    assert kit.manifest.authority.name in reader.pages[0].extract_text()
    inside = json.loads(reader.attachments["draft.json"][0])
    assert inside["jurisdictions"] == [kit.base.id, UTAH] and inside["lock"]["kit"]["id"] == kit.manifest.id
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Nordic Lending AB" in text and documents[1].headline.title in text

    _export(qtbot, window, prompter, tmp_path / "dossier.json", JSON)
    found = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert found["version"] == 2 and found["kit"]["authority"] == kit.manifest.authority.name
    assert found["result"]["applicant"] == "Nordic Lending AB"  # the shared fact, under the kit's pack's question
    assert [j["pack"]["id"] for j in found["jurisdictions"]] == [kit.base.id, UTAH]
    assert [j["headline"]["title"] for j in found["jurisdictions"]] == [d.headline.title for d in documents]
    assert found["crosswalk"]["rows"]
