"""Checking answer values against the questions they answer.

Each problem is one plain sentence naming the question (the catalogue's `answers.*`), so the
command line and the wizard can show it as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from catalogue import table
from catalogue.formats import format_number
from forms.schema import YES_NO_VALUES, Question

TEXT = table("answers")


def answer_problem(question: Question, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    if value is None:
        return None
    check = _CHECKS[question.kind]
    return check(question, value)


def _yes_no(question: Question, value: Any) -> str | None:
    if value not in YES_NO_VALUES:
        return TEXT["yes_no"].format(question=question.id, values="yes, no, unsure", value=repr(value))
    return None


def _single(question: Question, value: Any) -> str | None:
    if not isinstance(value, str):
        return TEXT["one_option"].format(question=question.id, value=repr(value))
    return _options(question, [value])


def _multi(question: Question, value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return TEXT["option_list"].format(question=question.id, value=repr(value))
    if len(set(value)) != len(value):
        return TEXT["option_twice"].format(question=question.id)
    return _options(question, value)


def _options(question: Question, chosen: list[str]) -> str | None:
    allowed = {o.id for o in question.options}
    for option in chosen:
        if option not in allowed:
            return TEXT["not_an_option"].format(option=option, question=question.id)
    return None


def _text(question: Question, value: Any) -> str | None:
    if not isinstance(value, str):
        return TEXT["text"].format(question=question.id, value=repr(value))
    if len(value) > question.max_length:
        return TEXT["too_long"].format(question=question.id, most=format_number(question.max_length))
    return None


def _number(question: Question, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return TEXT["number"].format(question=question.id, value=repr(value))
    if question.integer and not float(value).is_integer():
        return TEXT["whole_number"].format(question=question.id, value=repr(value))
    if question.minimum is not None and value < question.minimum:
        return TEXT["at_least"].format(question=question.id, least=format_number(question.minimum))
    if question.maximum is not None and value > question.maximum:
        return TEXT["at_most"].format(question=question.id, most=format_number(question.maximum))
    return None


def _date(question: Question, value: Any) -> str | None:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return TEXT["date"].format(question=question.id, pattern="YYYY-MM-DD", value=repr(value))
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
