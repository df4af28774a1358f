"""The wizard driven through its real widgets: pages from the pack, the live result, navigation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.qt.answer_widgets import WIDGETS
from app.qt.steps import REVIEW
from tests.qt.conftest import answer, question_view


def test_every_section_is_a_step_and_every_question_gets_its_kind_of_widget(window, pack):
    model = window.wizard.model
    titles = [model.data(model.index(row)) for row in range(model.rowCount())]
    assert titles[:-1] == [s.title for s in pack.sections]
    for section in pack.sections:
        page = window.wizard.page(section.id)
        for question in section.questions:
            assert type(page.views[question.id].answer) is WIDGETS[question.kind]


def test_a_conditional_question_appears_and_disappears(qtbot, window):
    follow_up = question_view(window, "system.infers")
    answer(qtbot, window, "system.offering", "model")
    assert not follow_up.isVisible()
    answer(qtbot, window, "system.offering", "system")
    assert follow_up.isVisible()
    answer(qtbot, window, "system.offering", "model")
    assert not follow_up.isVisible()


def test_the_result_follows_the_answers_and_explains_itself(qtbot, window, pack):
    answer(qtbot, window, "system.offering", "system")
    answer(qtbot, window, "system.infers", "no")
    result = window.wizard.result
    assert result.tier.text() == pack.tracks[0].outcome("not_ai_system").label
    shown = result.text()
    assert "because you answered" in shown and "Art. 3(1) AI Act" in shown


def test_a_model_only_offering_never_reads_as_minimal_risk(qtbot, window):
    answer(qtbot, window, "system.offering", "model")
    result = window.wizard.result
    assert result.tier.text() == window.session.pack.tracks[0].set_aside_text.label == "No AI-system tier applies"
    assert "not an AI system" in result.summary.text()
    assert "Minimal risk" not in result.text()


def test_choosing_an_open_point_goes_to_its_question(qtbot, window):
    answer(qtbot, window, "system.offering", "system")
    window.wizard.go_to(REVIEW)
    links = [label for label in window.wizard.result.findChildren(QLabel) if 'href="q:system.infers"' in label.text()]
    assert links, "the open point on system.infers offers a link"
    links[0].linkActivated.emit("q:system.infers")
    assert window.wizard.current_step == "system"
    page = window.wizard.page("system")
    assert page.views["system.infers"].isAncestorOf(window.focusWidget())


def test_back_next_and_jumping_by_keyboard(qtbot, window, pack):
    first, second = pack.sections[0].id, pack.sections[1].id
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.current_step == second
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.current_step == first
    window.wizard.steps.setFocus()
    qtbot.keyClick(window.wizard.steps, Qt.Key.Key_End)
    assert window.wizard.current_step == REVIEW


def test_missing_required_answers_are_marked_once_a_section_is_left(qtbot, window):
    view = question_view(window, "system.offering")
    assert not view.missing.isVisible()
    qtbot.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)
    window.wizard.go_to("system")
    assert view.missing.isVisible()
    answer(qtbot, window, "system.offering", "model")
    assert not view.missing.isVisible()


def test_a_note_is_kept_with_its_answer(qtbot, window):
    view = question_view(window, "system.offering")
    assert not view.note.isVisible()
    qtbot.mouseClick(view.note_button, Qt.MouseButton.LeftButton)
    assert view.note.isVisible()
    qtbot.keyClicks(view.note, "Asked our counsel")
    assert window.session.draft.answers["system.offering"].note == "Asked our counsel"


def test_review_lists_answers_with_links_back(qtbot, window):
    answer(qtbot, window, "system.offering", "system")
    window.session.set_note("system.offering", "Confirmed by our CTO")
    window.wizard.go_to(REVIEW)
    text = " ".join(label.text() for label in window.wizard.review.content.findChildren(QLabel))
    assert "An AI system (an application or a component of one)" in text
    assert 'href="q:system.offering"' in text
    assert "Your note: Confirmed by our CTO" in text


@pytest.mark.parametrize("kind_value", [("yes_no", "unsure"), ("number", 12), ("date", "2026-03-31"),
                                         ("short_text", "Ελληνικά Кириллица 中文")])
def test_each_kind_of_widget_reads_and_writes_its_value(qtbot, kind_value):
    from app.qt.answer_widgets import widget_for
    from forms.schema import Question
    from pydantic import TypeAdapter

    kind, value = kind_value
    question = TypeAdapter(Question).validate_python({"id": "x.y", "kind": kind, "text": "?"})
    widget = widget_for(question)
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.value_changed):
        widget.set_value(value)
    assert widget.value() == value
    widget.set_value(None)
    assert widget.value() is None


def test_tab_goes_from_the_steps_through_the_page_to_the_buttons_and_the_result(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.wizard.steps.setFocus()
    order = []
    for _ in range(300):  # enough to pass every field of a long first page
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # a real Tab, as a person presses it
        order.append(QApplication.focusWidget())
    page = window.wizard.page(window.wizard.current_step)  # the first section, whichever the pack puts first
    first_outside = next(i for i, w in enumerate(order) if not page.isAncestorOf(w))
    assert first_outside > 0, "the page's questions come right after the steps"
    assert order[first_outside] is window.wizard.next_button  # Back is disabled on the first page
    assert order[first_outside + 1] is window.wizard.result


def test_the_result_names_the_roles_in_words(qtbot, window):
    answer(qtbot, window, "role.roles", ["provider", "deployer"])
    assert window.wizard.result.roles.text() == "Your roles: Provider, Deployer"


def test_answers_behind_several_findings_are_quoted_once(qtbot, window):
    import html
    import json
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"
    assert window.open_path(example)
    labels = [label for label in window.wizard.result.findChildren(QLabel) if label.property("rule")]
    cards = {label.property("rule"): label.text() for label in labels}
    assert {"annex3.point4a", "derogation.profiling_override"} <= set(cards), \
        "the CV case has the Annex III finding and the profiling override"
    profiling = html.escape(json.loads(example.read_text())["answers"]["derogation.profiling"]["note"])
    assert sum(profiling in card for card in cards.values()) == 1
    assert "the answers shown above" in cards["derogation.profiling_override"]


def test_a_checklist_not_met_reads_as_in_the_report_and_lists_what_is_missing(window):
    from pathlib import Path

    from app.results import report
    from app.results.document import result_document
    from app.storage.drafts import load_draft
    from risk_tiers.classify import classify

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "credit_scoring.json"
    assert window.open_path(example)
    [checklist] = [c for c in window.session.assessment.checklists if c.status == "not_met"]
    shown = window.wizard.result.text()
    assert f"{checklist.title}: not all conditions met:" in shown
    assert all(entry.text in shown for entry in checklist.unmet)
    draft = load_draft(example)
    pack = window.session.pack
    printed = report.document_text(result_document(pack, draft, classify(pack, draft.values())))
    assert f"{checklist.title}: not all conditions met" in printed
