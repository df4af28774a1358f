"""Dates and numbers a person reads are written as the language in use writes them, in English,
German and French: the text of `packs` and `questions`, the jurisdictions' headings of `classify`,
answers given as numbers and dates, and the limits and conditions that name a number. JSON, read by
programs, keeps year-month-day.

Each expectation is Babel's own form for the language (CLDR), never English prose."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal
from pydantic import TypeAdapter

from app.commands.main import main as cli_main
from app.results.wording import answer_text
from app.storage.paths import packs_dir
from catalogue import speaking
from forms.answers import answer_problem
from forms.conditions import AnswerTest
from forms.readable import describe
from forms.registry import discover
from forms.schema import Question

LANGUAGES = ("en", "de", "fr")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"
# How each language groups thousands and writes a decimal (fr: a narrow no-break space).
THOUSAND_AND_A_HALF = {"en": "1,234.5", "de": "1.234,5", "fr": "1\u202f234,5"}


def _run(capsys, language: str, *args: str) -> str:
    with speaking(language):
        status = cli_main(list(args))
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


def _long(date: dt.date, language: str) -> str:
    return babel_date(date, format="long", locale=language)


def _question_of(data: dict) -> Question:
    return TypeAdapter(Question).validate_python(data)


def _question(pack, kind: str):
    return next(q for s in pack.sections for q in s.questions if q.kind == kind)


@pytest.mark.parametrize("language", LANGUAGES)
def test_packs_writes_each_law_date_as_the_language_does_and_its_json_year_month_day(language, capsys):
    found = [info for info in discover(packs_dir(), []) if info.law_current_to]
    assert found
    text = _run(capsys, language, "packs")
    for info in found:
        assert _long(info.law_current_to, language) in text
    assert not ISO.search(text), ISO.findall(text)
    data = json.loads(_run(capsys, language, "packs", "--json"))
    dated = [row["law_current_to"] for row in data if row["law_current_to"]]
    assert dated and all(dt.date.fromisoformat(date) for date in dated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_heads_its_listing_with_the_law_date_as_the_language_writes_it(language, capsys, pack):
    text = _run(capsys, language, "questions")
    head = text.splitlines()[0]
    assert _long(pack.law_current_to, language) in head and not ISO.search(head)
    data = json.loads(_run(capsys, language, "questions", "--json"))
    assert data["pack"]["law_current_to"] == pack.law_current_to.isoformat()


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_writes_the_limits_of_an_answer_as_the_language_does(language):
    from app.commands.listing import _limits_text

    number = _question_of({"id": "x.n", "kind": "number", "text": "?", "minimum": 2.0, "maximum": 1234.5})
    text = _question_of({"id": "x.t", "kind": "long_text", "text": "?", "max_length": 2000})
    with speaking(language):
        limits, length = _limits_text(number), _limits_text(text)
    assert THOUSAND_AND_A_HALF[language] in limits and re.search(r"\b2\b", limits)  # 2, not 2.0
    assert format_decimal(2000, locale=language) in length


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_condition_on_a_number_names_it_as_the_language_writes_it(language, pack):
    with speaking(language):
        compute = describe(pack, AnswerTest.model_validate({"q": "gpai.compute", "gt": 1.0e25})).text
        staff = describe(pack, AnswerTest.model_validate({"q": "applicant.staff", "lt": 1234.5})).text
    assert "1E25" in compute and "e+" not in compute  # a power of ten, not Python's "1e+25"
    assert THOUSAND_AND_A_HALF[language] in staff


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_jurisdiction_s_heading_gives_its_law_date_as_the_language_writes_it(language, capsys, pack):
    args = ("classify", str(EXAMPLE), "--jurisdiction", pack.id)
    text = _run(capsys, language, *args)
    head = text.splitlines()[0]
    assert _long(pack.law_current_to, language) in head
    assert not ISO.search(text), ISO.findall(text)
    data = json.loads(_run(capsys, language, *args, "--json"))
    assert [j["pack"]["law_current_to"] for j in data["jurisdictions"]] == [pack.law_current_to.isoformat()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_answer_given_as_a_number_or_a_date_reads_as_the_language_writes_it(language, pack):
    number, date = _question(pack, "number"), _question(pack, "date")
    with speaking(language):
        assert answer_text(pack, number.id, 6.0) == "6"  # a whole number without a decimal sign
        assert answer_text(pack, number.id, 1234.5) == THOUSAND_AND_A_HALF[language]
        assert answer_text(pack, number.id, 0.0001) == format_decimal(0.0001, locale=language,
                                                                      decimal_quantization=False)
        assert answer_text(pack, number.id, 2.5e25) == format_decimal(2.5, locale=language) + "E25"
        assert answer_text(pack, date.id, "2026-10-19") == _long(dt.date(2026, 10, 19), language)
        assert answer_text(pack, date.id, "someday") == "someday"  # a date this version cannot read, kept


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_number_out_of_bounds_is_refused_naming_the_bound_as_the_language_writes_it(language):
    question = _question_of({"id": "x.y", "kind": "number", "text": "?", "maximum": 1234.5})
    with speaking(language):
        problem = answer_problem(question, 2000)
    assert problem and THOUSAND_AND_A_HALF[language] in problem


@pytest.mark.parametrize("language, typed, kept", [
    ("de", "+1.250", 1250), ("de", "-1.234", -1234), ("de", "1.250", 1250), ("en", "+1,250.5", 1250.5),
    ("fr", "1 250 000", 1250000), ("fr", "+3", 3),
    # not one number: two numbers, Python's own digit separator, a sign alone
    ("fr", "1 5", None), ("de", "1_000", None), ("en", "1 2500", None), ("de", "+", None), ("en", "", None),
])
def test_a_number_typed_with_a_sign_or_spaces_is_read_as_the_language_groups_it(language, typed, kept):
    from catalogue import speaking
    from catalogue.formats import parse_number

    with speaking(language):
        assert parse_number(typed) == kept
