"""One widget per question kind, all with the same small face: value(), set_value(), value_changed.

`WIDGETS` maps a question kind to its widget class, so a question added to the pack gets its widget
without UI code. set_value() never emits value_changed: only the person answering does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget,
)

from app.qt.texts import TEXT
from catalogue.formats import format_number, numeric_date, parse_number, parse_numeric_date


# Option labels up to this many characters stay on one line; longer ones wrap beside their button.
SHORT_LABEL = 60


class AnswerWidget(QWidget):
    value_changed = Signal(object)
    # Free text, whose value changes at each keystroke: the session works it out once typing pauses.
    typed = False

    def __init__(self, question, parent=None):
        super().__init__(parent)
        self.question = question

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, *_ignored) -> None:
        self.value_changed.emit(self.value())


class _ChoiceRow(QWidget):
    """A radio button or check box with a label that wraps; clicking the label toggles the button."""

    def __init__(self, button: QAbstractButton, text: str, help_text: str = "", parent=None):
        super().__init__(parent)
        self.button = button
        button.setAccessibleName(text)
        if help_text:
            button.setAccessibleDescription(help_text)
            self.setToolTip(help_text)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setBuddy(button)
        # Keep the height-for-width flag that word wrap set: without it the row is as tall as the
        # label's size hint (two or three lines) and a short option is followed by a blank line.
        label_policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label_policy.setHeightForWidth(True)
        label.setSizePolicy(label_policy)
        label.mousePressEvent = lambda event: button.click()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as the label needs at the width it is given
        self.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1, Qt.AlignmentFlag.AlignTop)


class _OptionsWidget(AnswerWidget):
    """Shared by the kinds whose answer is chosen from a list of (id, label, help)."""

    exclusive = True
    horizontal = False

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # lets set_value(None) clear a radio answer; see _clicked
        self.ids: list[str] = []
        layout = QHBoxLayout(self) if self.horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8 if self.horizontal else 4)
        for number, (option_id, text, help_text) in enumerate(self.choices()):
            button = QRadioButton() if self.exclusive else QCheckBox()
            self.group.addButton(button, number)
            self.ids.append(option_id)
            if self.horizontal or len(text) <= SHORT_LABEL:
                # A short label fits on one line: the button's own text aligns and clicks best.
                button.setText(text)
                button.setAccessibleName(text)
                if help_text:
                    button.setToolTip(help_text)
                    button.setAccessibleDescription(help_text)
                layout.addWidget(button)
            else:
                layout.addWidget(_ChoiceRow(button, text, help_text))
        if self.horizontal:
            layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    def choices(self) -> list[tuple[str, str, str]]:
        return [(o.id, o.label, o.help) for o in self.question.options]

    def _clicked(self, number: int) -> None:
        if self.exclusive:
            for other in self.group.buttons():
                if other is not self.group.button(number):
                    other.setChecked(False)
            self.group.button(number).setChecked(True)
        self._emit()

    def _checked(self) -> list[str]:
        return [self.ids[n] for n, b in enumerate(self.group.buttons()) if b.isChecked()]

    def value(self) -> Any:
        checked = self._checked()
        if self.exclusive:
            return checked[0] if checked else None
        return checked or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ()) if isinstance(value, list) else {value}
        for option_id, button in zip(self.ids, self.group.buttons()):
            button.blockSignals(True)
            button.setChecked(option_id in chosen)
            button.blockSignals(False)

    def option_button(self, option_id: str) -> QAbstractButton:
        """The button of one option (tests and keyboard focus use it)."""
        return self.group.buttons()[self.ids.index(option_id)]


class YesNoWidget(_OptionsWidget):
    horizontal = True

    def choices(self):
        return [("yes", TEXT["yes"], ""), ("no", TEXT["no"], ""), ("unsure", TEXT["unsure"], "")]


class SingleChoiceWidget(_OptionsWidget):
    pass


class MultiChoiceWidget(_OptionsWidget):
    exclusive = False


class ShortTextWidget(AnswerWidget):
    typed = True

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(question.max_length)
        self.edit.textChanged.connect(self._emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self):
        return self.edit.text() or None

    def set_value(self, value):
        self.edit.blockSignals(True)
        self.edit.setText(value or "")
        self.edit.setCursorPosition(0)  # show the beginning of a long answer, not its end
        self.edit.blockSignals(False)


class LongTextWidget(AnswerWidget):
    typed = True

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # Tab leaves the field, so the page stays keyboard-usable
        lines = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(lines * 4 + 12)
        self.edit.setMaximumHeight(lines * 8 + 12)
        self.edit.textChanged.connect(self._emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self):
        text = self.edit.toPlainText()
        return text[: self.question.max_length] or None

    def set_value(self, value):
        self.edit.blockSignals(True)
        self.edit.setPlainText(value or "")
        self.edit.blockSignals(False)


class _CheckedLineWidget(AnswerWidget):
    """A line whose text becomes a value only when it parses; otherwise it says how to write it."""

    invalid_key = ""  # the message (in TEXT) that says how to write a valid value

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 24)
        self.problem = QLabel(TEXT[self.invalid_key])
        self.problem.setWordWrap(True)
        self.problem.hide()
        row = QHBoxLayout()
        row.addWidget(self.edit)
        unit = getattr(question, "unit", "")
        if unit:
            row.addWidget(QLabel(unit))
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.edit.textChanged.connect(self._text_changed)
        self.setFocusProxy(self.edit)

    def _text_changed(self, text: str) -> None:
        self.problem.setVisible(bool(text.strip()) and self.parse(text) is None)
        self._emit()

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def value(self):
        return self.parse(self.edit.text())

    def set_value(self, value):
        self.edit.blockSignals(True)
        self.edit.setText("" if value is None else self.format(value))
        self.edit.blockSignals(False)
        self.problem.hide()

    def format(self, value: Any) -> str:
        return str(value)


class NumberWidget(_CheckedLineWidget):
    invalid_key = "number_invalid"

    def parse(self, text):
        number = parse_number(text)
        if number is None or number != number or number in (float("inf"), float("-inf")):
            return None
        return int(number) if self.question.integer and number.is_integer() else number

    def format(self, value):
        """With the language's decimal sign ("2,5") and no grouping, as a field to edit shows a number;
        `parse` reads it back, and a number typed grouped ("1.250" in German) too."""
        return format_number(value, grouped=False) if isinstance(value, (int, float)) else str(value)


EXAMPLE_DATE = dt.date(2026, 3, 31)


class DateWidget(_CheckedLineWidget):
    """A date written as the language writes it in digits ("19.10.2026"), or as year-month-day;
    the answer kept is year-month-day whichever way it was typed."""

    invalid_key = "date_hint"

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self.edit.setPlaceholderText(numeric_date(EXAMPLE_DATE))
        self.problem.setText(TEXT["date_hint"].format(example=numeric_date(EXAMPLE_DATE),
                                                      iso=EXAMPLE_DATE.isoformat()))

    def parse(self, text):
        found = parse_numeric_date(text)
        return found.isoformat() if found else None

    def format(self, value):
        try:
            return numeric_date(dt.date.fromisoformat(str(value)))
        except ValueError:  # a value this version cannot read as a date: shown as it is, not lost
            return str(value)


WIDGETS: dict[str, type[AnswerWidget]] = {
    "yes_no": YesNoWidget,
    "single_choice": SingleChoiceWidget,
    "multi_choice": MultiChoiceWidget,
    "short_text": ShortTextWidget,
    "long_text": LongTextWidget,
    "number": NumberWidget,
    "date": DateWidget,
}


class UnsupportedWidget(AnswerWidget):
    """For a kind of question this version cannot ask: says so, keeps any answer as it is."""

    def __init__(self, question, parent=None):
        super().__init__(question, parent)
        self._value = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(TEXT["unsupported"])
        note.setWordWrap(True)
        layout.addWidget(note)

    def value(self):
        return self._value

    def set_value(self, value):
        self._value = value


def widget_for(question, parent=None) -> AnswerWidget:
    return WIDGETS.get(question.kind, UnsupportedWidget)(question, parent)
