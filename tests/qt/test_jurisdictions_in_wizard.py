"""Several jurisdictions in the wizard: the applicant ticks them for a new draft (or adds one to a
draft open), the wizard asks the shared facts once and each law's own sections after, the draft
file records them, and the result panel shows each law's headline and the evidence reuse."""

from __future__ import annotations

import json

import pytest

from PySide6.QtCore import Qt

from app.session.targets import available_jurisdictions
from tests.qt.conftest import answer

UTAH = "utah_ai_lab"


def _tick(prompter, *pack_ids):
    """Script the chooser a new draft asks: the pack in use (row 0) and `pack_ids` ticked."""
    others = [info.id for info in available_jurisdictions() if info.id != "eu_ai_act"]
    prompter.rows_answer = [0, *(1 + others.index(pack_id) for pack_id in pack_ids)]


def _new_window(make_window, qtbot, prompter, *pack_ids):
    _tick(prompter, *pack_ids)
    window = make_window()
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert window.wizard is not None and window.wizard.isVisible()
    return window


def _asked(window) -> list[str]:
    """Every question id the wizard's pages ask, in order."""
    return [question.id for section in window.session.pack.sections for question in section.questions]


def test_a_new_draft_for_the_eu_and_utah_asks_the_shared_facts_once(make_window, qtbot, prompter, tmp_path):
    window = _new_window(make_window, qtbot, prompter, UTAH)
    assert any("Utah" in row for row in prompter.rows_offered) and len(prompter.rows_offered) > 2
    assert window.session.draft.jurisdictions == ["eu_ai_act", UTAH]
    asked = _asked(window)
    assert len(asked) == len(set(asked))
    sections = [section.id for section in window.session.pack.sections]
    assert sections[0] == "core" and "ut_lab" in sections and "applicant" in sections
    assert "applicant.organisation" not in asked and "core.organisation" in asked
    assert window.wizard.model.section_ids == sections  # the steps list the composed questionnaire
    window.wizard.go_to("core")
    answer(qtbot, window, "core.organisation", "Example Labs")
    prompter.save_answer = tmp_path / "both.json"
    assert window.save()
    saved = json.loads((tmp_path / "both.json").read_text(encoding="utf-8"))
    assert saved["jurisdictions"] == ["eu_ai_act", UTAH]
    again = make_window()
    assert again.open_path(tmp_path / "both.json")
    assert again.session.draft.jurisdictions == ["eu_ai_act", UTAH]
    assert _asked(again) == asked
    assert again.session.value("core.organisation") == "Example Labs"


def test_adding_a_jurisdiction_to_an_open_draft_adds_its_sections(window, qtbot, prompter):
    assert "ut_lab" not in [section.id for section in window.session.pack.sections]
    others = [info.id for info in available_jurisdictions() if info.id != "eu_ai_act"]
    prompter.item_answer = others.index(UTAH)
    window.add_jurisdiction_action.trigger()
    assert window.session.draft.jurisdictions == ["eu_ai_act", UTAH]
    assert window.session.dirty
    sections = [section.id for section in window.session.pack.sections]
    assert sections[0] == "core" and "ut_lab" in sections
    window.wizard.go_to("ut_lab")
    assert window.wizard.current_step == "ut_lab"
    assert "ut.roles" in window.wizard.page("ut_lab").views
    asked = _asked(window)
    assert len(asked) == len(set(asked))


def test_the_result_panel_lists_each_jurisdictions_headline_and_the_evidence_reuse(make_window, qtbot, prompter):
    window = _new_window(make_window, qtbot, prompter, UTAH)
    panel = window.wizard.result
    panel.fill()
    documents, crosswalk = window.session.each_result()
    assert [d.pack_id for d in documents] == ["eu_ai_act", UTAH]
    from PySide6.QtWidgets import QLabel

    lines = {label.property("jurisdiction"): label.text() for label in panel.findChildren(QLabel)
             if label.property("jurisdiction")}
    assert set(lines) == {"eu_ai_act", UTAH}
    for document in documents:
        # each law by its short name: the long titles would turn the panel's lines into paragraphs
        assert document.headline.title in lines[document.pack_id] and document.pack_short_title in lines[document.pack_id]
        assert document.pack_short_title != document.pack_title
    rows = {label.property("evidence"): label.text() for label in panel.findChildren(QLabel) if label.property("evidence")}
    assert set(rows) == {row.evidence for row in crosswalk.rows} and rows
    utah = next(d for d in documents if d.pack_id == UTAH)
    assert all(utah.pack_title not in text for text in rows.values())
    assert any(utah.pack_short_title in text for text in rows.values())
    from app.qt.steps import REVIEW

    window.wizard.go_to(REVIEW)  # the review page reads the composed questionnaire too
    assert window.wizard.current_step == REVIEW


@pytest.mark.parametrize("code", ["de", "fr"])
def test_the_chooser_and_the_add_a_jurisdiction_list_name_the_laws_in_the_language_in_use(make_window, qtbot, prompter,
                                                                                          code):
    import catalogue
    from forms.registry import SHIPPED
    from forms.safe_yaml import read_yaml

    def title(pack_id: str) -> str:
        return read_yaml(SHIPPED / pack_id / "locale" / f"{code}.yaml")["title"]

    catalogue.set_language(code)
    try:
        window = _new_window(make_window, qtbot, prompter)
        others = [info.id for info in available_jurisdictions() if info.id != "eu_ai_act"]
        assert len(prompter.rows_offered) == 1 + len(others)
        for row, pack_id in zip(prompter.rows_offered, ["eu_ai_act", *others]):
            assert row.startswith(title(pack_id))
        prompter.item_answer = None
        window.add_jurisdiction_action.trigger()
        rows, _ = prompter.items_offered
        assert len(rows) == len(others) and all(row.startswith(title(pack_id)) for row, pack_id in zip(rows, others))
    finally:
        catalogue.set_language("en")


def test_each_law_s_questions_link_its_words_to_its_own_glossary(make_window, qtbot, prompter):
    from app.qt.reference_view import PACK_ROLE, TERM, ReferenceDialog
    from tests.qt.conftest import question_view

    window = _new_window(make_window, qtbot, prompter, "colorado_admt", "china_ai")
    session = window.session
    colorado, china = (session.questionnaire.pack(pack_id) for pack_id in ("colorado_admt", "china_ai"))
    owners = {section.id: pack_id for pack_id, section in session.questionnaire.sections}
    # Colorado's "consequential decision" is its own term, its "deployer" no AI Act deployer.
    window.wizard.go_to("co_scope")
    domains = question_view(window, "co.domains")
    assert f'href="{TERM}consequential_decision"' in domains.text.text() + domains.terms.text()
    assert "annex3_uses" not in domains.text.text()
    assert f"{TERM}deployer" not in question_view(window, "co.roles").text.text()
    for section_id, pack_id in owners.items():
        window.wizard.go_to(section_id)
        own = {term.id for term in session.questionnaire.pack(pack_id).glossary}
        for view in window.wizard.page(section_id).views.values():
            linked = {part.split('"')[0] for part in (view.text.text() + (view.terms.text() if view.terms else "")
                                                       ).split(f'href="{TERM}')[1:]}
            assert linked <= own, (view.question.id, linked - own)
    # The shared facts link to the glossary of the pack in use (its result leads).
    assert session.glossary_pack("core").id == "eu_ai_act"
    # A link opens the glossary at that law's term; the window offers each law's glossary by its title.
    domains.text.linkActivated.emit(TERM + "consequential_decision")
    dialog = window.findChild(ReferenceDialog)
    assert dialog.shown == TERM + "consequential_decision" and dialog.pack.id == "colorado_admt"
    assert dialog.terms.currentItem().data(PACK_ROLE) == "colorado_admt"
    headings = [dialog.terms.item(r).text() for r in range(dialog.terms.count())
                if dialog.terms.item(r).data(Qt.ItemDataRole.UserRole) is None]
    assert headings == [p.short_title for p in (session.own_pack, colorado, china)]
    rows = {(dialog.terms.item(r).data(PACK_ROLE), dialog.terms.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(dialog.terms.count())}
    assert {("china_ai", term.id) for term in china.glossary} <= rows
    window.help_actions["glossary"].trigger()
    assert window.findChild(ReferenceDialog) is dialog  # the same window: the same laws


def test_the_review_page_lists_each_jurisdictions_headline_as_the_result_panel_does(make_window, qtbot, prompter):
    from PySide6.QtGui import QTextDocumentFragment

    from app.qt.result_view import headline_lines
    from app.qt.steps import REVIEW

    window = _new_window(make_window, qtbot, prompter, UTAH, "china_ai")
    window.wizard.go_to(REVIEW)
    page = window.wizard.page(REVIEW)
    documents, _ = window.session.each_result()
    assert [d.pack_id for d in documents] == ["eu_ai_act", UTAH, "china_ai"]
    shown = QTextDocumentFragment.fromHtml(page.result_label.text()).toPlainText().splitlines()
    lines = [line for _, line in headline_lines(documents)]
    assert [line for line in shown if line in lines] == lines  # each once, in the draft's order
    own = window.session.result_document(window.session.assessment).headline.label
    assert shown.index(own) < shown.index(lines[0])  # under the own pack's headline
    assert documents[1].headline.title in lines[1] and documents[1].pack_short_title in lines[1]


def test_the_review_page_of_one_jurisdiction_lists_none(window, qtbot):
    from PySide6.QtGui import QTextDocumentFragment

    from app.qt.result_view import TEXT
    from app.qt.steps import REVIEW

    window.wizard.go_to(REVIEW)
    shown = QTextDocumentFragment.fromHtml(window.wizard.page(REVIEW).result_label.text()).toPlainText()
    assert window.session.each_result() is None and TEXT["jurisdictions_results"] not in shown


def test_the_export_offers_a_file_named_after_the_shared_facts_system_name(make_window, qtbot, prompter):
    """For several jurisdictions the system's name is a shared fact's answer: the file the export
    offers is named after it, read with the session's questionnaire."""
    from app.qt.review_page import TEXT
    from app.qt.steps import REVIEW
    from app.results.names import file_stem

    window = _new_window(make_window, qtbot, prompter, UTAH)
    window.wizard.go_to("core")
    answer(qtbot, window, "core.system_name", "Kredito score")
    assert "applicant.system_name" not in window.session.draft.answers
    window.wizard.go_to(REVIEW)
    path = window.wizard.page(REVIEW).suggested_path()
    assert path.name == file_stem(TEXT["export_name"].format(name="Kredito score")) + ".pdf"


def test_an_answer_only_another_law_asks_updates_that_law_s_line_in_the_result_panel(make_window, qtbot, prompter):
    """The EU result stays as it was, Utah's changes: the panel must hear of it all the same."""
    from PySide6.QtWidgets import QLabel

    window = _new_window(make_window, qtbot, prompter, UTAH)
    panel = window.wizard.result
    panel.fill()

    def utah_line() -> str:
        return next(label.text() for label in panel.findChildren(QLabel)  # the rebuilt one: the old waits to be deleted
                    if label.property("jurisdiction") == UTAH and label.isVisibleTo(panel.widget()))

    before = utah_line()
    own_before = window.session.assessment
    window.wizard.go_to(window.session.questionnaire.pack(UTAH).sections[0].id)
    answer(qtbot, window, "ut.agreement", "rma")
    documents, _ = window.session.each_result()
    utah = next(d for d in documents if d.pack_id == UTAH)
    assert window.session.assessment == own_before  # the EU result is as it was
    assert utah_line() != before and utah.headline.title in utah_line()
