"""The wizard's number field shows a number with the language's decimal sign and no grouping, and
reads back what it shows, and a number typed as the language groups it ("1.250" is a thousand two
hundred and fifty in German, "1,250" in English); the answer kept is a number."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from app.qt.answer_widgets import widget_for
from catalogue import speaking
from forms.schema import Question

SHOWN = {"en": "1250.5", "de": "1250,5", "fr": "1250,5"}
GROUPED = {"en": "1,250", "de": "1.250", "fr": "1 250"}  # French: as typed, a plain space


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_the_number_field_follows_the_language(language, qtbot):
    question = TypeAdapter(Question).validate_python({"id": "x.y", "kind": "number", "text": "?"})
    with speaking(language):
        widget = widget_for(question)
        qtbot.addWidget(widget)
        widget.set_value(1250.5)
        assert widget.edit.text() == SHOWN[language] and widget.value() == 1250.5
        widget.set_value(6.0)
        assert widget.edit.text() == "6"
        widget.set_value(2.5e25)
        assert widget.value() == 2.5e25  # a power of ten reads back
        for typed, kept in ((GROUPED[language], 1250), ("2.5", 2.5), ("2,5", 2.5), ("1e25", 1e25)):
            widget.edit.setText(typed)
            assert widget.value() == kept and widget.problem.isHidden(), typed
        widget.edit.setText("12 apples")
        assert widget.value() is None and not widget.problem.isHidden()
