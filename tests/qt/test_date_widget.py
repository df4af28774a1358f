"""The wizard's date field shows and reads a date as the language writes it in digits, and keeps
the answer as year-month-day."""

from __future__ import annotations

from pydantic import TypeAdapter

from app.qt.answer_widgets import widget_for
from catalogue import speaking
from forms.schema import Question


def test_the_date_field_follows_the_language(qtbot):
    question = TypeAdapter(Question).validate_python({"id": "x.y", "kind": "date", "text": "?"})
    with speaking("de"):
        widget = widget_for(question)
        qtbot.addWidget(widget)
        widget.set_value("2026-10-19")
        assert widget.edit.text() == "19.10.2026" and widget.value() == "2026-10-19"
        widget.edit.setText("")
        qtbot.keyClicks(widget.edit, "20.10.2026")
        assert widget.value() == "2026-10-20" and widget.problem.isHidden()
        widget.edit.setText("2026-10-21")
        assert widget.value() == "2026-10-21"
        widget.edit.setText("20.13.2026")
        assert widget.value() is None and not widget.problem.isHidden()
        assert "2026" in widget.problem.text() and "{" not in widget.problem.text()
