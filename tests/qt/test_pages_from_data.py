"""Pages come from the pack's data: a new question or section appears with no UI code, a section
whose questions are all hidden says it does not apply."""

from __future__ import annotations

import pytest

from app.qt.session import SectionStatus, Session
from app.qt.texts import TEXT
from catalogue import ntr
from app.qt.wizard_view import WizardView
from forms.loader import load_pack

PACK = """
id: tiny
version: "1.0"
title: A tiny pack
law_current_to: 2026-01-01
roles_question: who.roles
tracks:
  - id: level
    label: Level
    default: minimal
    outcomes:
      - {id: high_risk, label: High, summary: Strict.}
      - {id: minimal, label: Minimal, summary: Nothing special.}
sections:
  - id: who
    title: Who
    questions:
      - id: who.roles
        kind: multi_choice
        text: Roles?
        options: [{id: provider, label: Provider}, {id: deployer, label: Deployer}]
      - id: who.employees
        kind: number
        text: How many people work for you?
        integer: true
        unit: people
      - id: who.founded
        kind: date
        text: When was the company founded?
        required: false
  - id: use
    title: Use
    questions:
      - id: use.ranks_applicants
        kind: yes_no
        text: Does it rank job applicants?
        refs: [aiact.annex3.4.a]
  - id: later
    title: Only for deployers
    show_if: {q: who.roles, has: deployer}
    questions:
      - {id: later.where, kind: short_text, text: Where do you use it?}
rules:
  - id: use.recruitment
    tier: high_risk
    refs: [aiact.annex3.4.a]
    when: {q: use.ranks_applicants, is: "yes"}
    reason: Ranking applicants is recruitment.
verdicts:
  - id: dpia
    title: Impact assessment
    outcomes:
      - {value: required, when: {q: use.ranks_applicants, is: "yes"}, reason: One is needed., refs: [gdpr.art35]}
      - {value: not_required, when: {q: use.ranks_applicants, is: "no"}, reason: None is needed.}
gaps:
  - id: gap.dpia
    text: Carry out the impact assessment.
    refs: [gdpr.art35]
    when: {q: use.ranks_applicants, is: "yes"}
"""


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return load_pack(tmp_path)


@pytest.fixture
def view(qtbot, tiny, prompter):
    session = Session(tiny)
    view = WizardView(session, prompter)
    qtbot.addWidget(view)
    view.show()
    return view


def test_questions_of_any_pack_get_pages_and_widgets(view):
    page = view.page("who")
    assert set(page.views) == {"who.roles", "who.employees", "who.founded"}
    page.views["who.employees"].answer.edit.setText("12")
    assert view.session.value("who.employees") == 12


def test_a_section_with_every_question_hidden_is_not_applicable(qtbot, view):
    session = view.session
    assert session.section_status("later") is SectionStatus.NOT_APPLICABLE
    view.go_to("later")
    page = view.page("later")
    assert page.not_applicable.isVisible() and not page.views["later.where"].isVisible()
    session.set_answer("who.roles", ["deployer"])
    assert session.section_status("later") is SectionStatus.INCOMPLETE
    assert page.views["later.where"].isVisible() and not page.not_applicable.isVisible()


def test_steps_show_done_incomplete_and_not_applicable(view):
    session, model = view.session, view.model
    assert model.status(0) is SectionStatus.INCOMPLETE
    session.set_answer("who.roles", ["provider"])
    session.set_answer("who.employees", 3)
    assert model.status(0) is SectionStatus.DONE  # the optional date may stay empty
    from PySide6.QtCore import Qt

    assert model.data(model.index(2), Qt.ItemDataRole.AccessibleTextRole) == "Only for deployers, not applicable"
    # The optional date is not left to do; the ranking question of "use" is, its section not yet reached.
    found = session.progress(view.reached)
    assert (found.answered, found.left_seen, found.left_ahead, found.sections_ahead) == (2, 0, 1, 1)
    assert view.progress.value() == 2 and view.progress.maximum() == 3
    assert view.progress_text.text() == TEXT["progress"].format(answered=2, left=1)


def test_a_section_left_with_answers_missing_is_marked_by_icon_and_words(view):
    from PySide6.QtCore import Qt

    model = view.model
    assert model.status(0) is SectionStatus.INCOMPLETE  # not left yet: nothing is marked
    view.go_to("use")
    assert model.status(0) is SectionStatus.MISSING
    words = model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert words == TEXT["step_accessible"].format(title="Who", status=ntr("qt.step_missing", 2))
    icons = {status: model._icon(status).pixmap(32, 32).toImage() for status in SectionStatus}
    assert icons[SectionStatus.MISSING] != icons[SectionStatus.INCOMPLETE]  # a shape of its own, not a colour
    view.session.set_answer("who.roles", ["provider"])
    view.session.set_answer("who.employees", 3)
    assert model.status(0) is SectionStatus.DONE


def test_next_and_back_pass_over_sections_that_do_not_apply(view):
    from app.qt.steps import REVIEW

    view.go_to("use")
    view.next()
    assert view.current_step == REVIEW
    view.back()
    assert view.current_step == "use"
    view.session.set_answer("who.roles", ["deployer"])
    view.next()
    assert view.current_step == "later"


def test_a_finding_clicked_in_the_result_goes_to_the_answer_behind_it(qtbot, view):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    page = view.page("use")
    view.go_to("use")
    qtbot.mouseClick(page.views["use.ranks_applicants"].answer.option_button("yes"), Qt.MouseButton.LeftButton)
    assert view.result.tier.text() == "High"
    text = view.result.text()
    assert "Annex III, point 4(a) AI Act" in text and "Ranking applicants is recruitment." in text
    assert "because you answered \u201cYes\u201d to \u201cDoes it rank job applicants?\u201d" in text
    view.go_to("who")
    finding = next(l for l in view.result.findChildren(QLabel) if l.property("rule") == "use.recruitment")
    finding.linkActivated.emit("q:use.ranks_applicants")
    assert view.current_step == "use"


def test_verdicts_and_what_is_still_to_do_follow_the_answers(qtbot, view):
    session = view.session
    assert "Impact assessment: not decided yet" in view.result.text()
    session.set_answer("use.ranks_applicants", "yes")
    text = view.result.text()
    assert "Impact assessment: One is needed." in text
    assert "Carry out the impact assessment." in text
    session.set_answer("use.ranks_applicants", "no")
    text = view.result.text()
    assert "None is needed." in text and "Carry out" not in text
