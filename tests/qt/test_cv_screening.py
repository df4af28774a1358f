"""A CV-screening tool answered through the wizard, section by section with Next, as a person
would: the result panel turns to high-risk, citing Annex III point 4(a) (recruitment and selection).

The answers are those of resources/examples/cv_screening.json, which the command line classifies
the same way (tests/core/test_examples.py), so the wizard and the CLI are held to one case.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.qt.steps import REVIEW
from forms.citations import label

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"
LEFT = Qt.MouseButton.LeftButton


def on_its_box(button) -> QPoint:
    """Where a person clicks: the round or square box at the button's left."""
    middle = button.height() // 2
    return QPoint(min(middle, button.width() // 2), middle)


def click_answer(qtbot, page, view, value) -> None:
    """Click the option buttons (or type the text) of one question, as a person would: once the
    page has laid it out on screen (a person cannot click before it is drawn)."""
    page.reveal(view)
    widget = view.answer
    if hasattr(widget, "option_button"):
        for option_id in value if isinstance(value, list) else [value]:
            button = widget.option_button(option_id)
            # A question just revealed has no height until its page is laid out again.
            qtbot.waitUntil(lambda b=button: b.isVisible() and b.height() > 0 and b.hitButton(on_its_box(b)))
            if not button.isChecked():
                qtbot.mouseClick(button, LEFT, pos=on_its_box(button))
            assert button.isChecked(), f"{view.question.id}: clicking '{option_id}' did not choose it"
        return
    qtbot.keyClicks(widget.edit, str(value))


def test_answering_a_cv_screening_case_turns_the_result_to_high_risk(qtbot, window, pack):
    answers = {qid: entry["value"] for qid, entry in json.loads(EXAMPLE.read_text("utf-8"))["answers"].items()}
    wizard, asked = window.wizard, []
    while wizard.current_step != REVIEW:
        page = wizard.page(wizard.current_step)
        assert wizard.stack.currentWidget() is page and page.isVisible()
        for qid, view in page.views.items():  # in page order: an answer may reveal the next question
            if qid in answers and view.isVisible():
                click_answer(qtbot, page, view, answers[qid])
                asked.append(qid)
        step = wizard.current_step
        qtbot.mouseClick(wizard.next_button, LEFT)
        assert wizard.current_step != step, f"Next did not leave {step}"
    # The example also answers questions its other answers hide (a provider is not asked whether it
    # rebrands someone else's system); everything else was asked on some page.
    applying = [qid for qid in answers if window.session.evaluation.is_visible(qid)]
    assert sorted(asked) == sorted(applying) and "annex3.employment" in asked
    assert window.session.value("annex3.employment") == ["recruitment"]

    result = wizard.result
    high_risk = pack.tracks[0].outcome("high_risk").label
    assert result.tier.text() == high_risk
    assert label("aiact.annex3.4.a") in result.text()
    assert "aiact.annex3.4.a" in window.session.assessment.applying_refs()
