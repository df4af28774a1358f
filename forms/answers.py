"""Checking answer values against the questions they answer.

Each problem is one plain sentence naming the question, so the command line and the wizard can
show it as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from forms.schema import YES_NO_VALUES, Question


def answer_problem(question: Question, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    if value is None:
        return None
    check = _CHECKS[question.kind]
    return check(question, value)


def _yes_no(question: Question, value: Any) -> str | None:
    if value not in YES_NO_VALUES:
        return f"answer to '{question.id}' must be one of yes, no, unsure, not {value!r}"
    return None


def _single(question: Question, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"answer to '{question.id}' must be one option id, not {value!r}"
    return _options(question, [value])


def _multi(question: Question, value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"answer to '{question.id}' must be a list of option ids, not {value!r}"
    if len(set(value)) != len(value):
        return f"answer to '{question.id}' lists an option twice"
    return _options(question, value)


def _options(question: Question, chosen: list[str]) -> str | None:
    allowed = {o.id for o in question.options}
    for option in chosen:
        if option not in allowed:
            return f"'{option}' is not an option of question '{question.id}'"
    return None


def _text(question: Question, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"answer to '{question.id}' must be text, not {value!r}"
    if len(value) > question.max_length:
        return f"answer to '{question.id}' is longer than {question.max_length} characters"
    return None


def _number(question: Question, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return f"answer to '{question.id}' must be a number, not {value!r}"
    if question.integer and not float(value).is_integer():
        return f"answer to '{question.id}' must be a whole number, not {value!r}"
    if question.minimum is not None and value < question.minimum:
        return f"answer to '{question.id}' must be at least {question.minimum:g}"
    if question.maximum is not None and value > question.maximum:
        return f"answer to '{question.id}' must be at most {question.maximum:g}"
    return None


def _date(question: Question, value: Any) -> str | None:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return f"answer to '{question.id}' must be a date written YYYY-MM-DD, not {value!r}"
    return None


_CHECKS = {
    "yes_no": _yes_no,
    "single_choice": _single,
    "multi_choice": _multi,
    "short_text": _text,
    "long_text": _text,
    "number": _number,
    "date": _date,
}
