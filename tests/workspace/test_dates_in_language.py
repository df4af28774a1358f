"""The workspace's text table writes a kit's deadline and the time of a file's last change as the
language in use writes dates in digits, in English, German and French; the CSV export and JSON,
read by programs, keep them year-month-day."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from babel.dates import format_date as babel_date

from app.workspace import table
from app.workspace.entry import Entry
from app.workspace.summary import State, Summary
from catalogue import speaking
from tests.workspace.test_workspace_command import _run

LANGUAGES = ("en", "de", "fr")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DEADLINE = dt.date(2026, 10, 19)
CHANGED_NS = 1_790_000_000_000_000_000  # 2026-09-21, whatever the time zone


def _numeric(date: dt.date, language: str) -> str:
    """The language's short pattern with the year in full, as Babel (CLDR) gives it."""
    from babel import Locale

    pattern = re.sub(r"y+", "y", Locale.parse(language).date_formats["short"].pattern)
    return babel_date(date, format=pattern, locale=language)


def _entry() -> Entry:
    return Entry("a.json", 1, CHANGED_NS, "h", Summary(State.READ, client="Client", system="System", tier_label="High-risk",
                                                       required=1, given=1, deadline=DEADLINE.isoformat()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_text_table_writes_its_dates_as_the_language_does(language):
    entry = _entry()
    with speaking(language):
        text = table.as_text([entry], width=40)
    assert _numeric(DEADLINE, language) in text
    assert _numeric(entry.modified.date(), language) in text
    assert not ISO.search(text), ISO.findall(text)


def test_the_numeric_dates_are_the_languages_own():
    assert [_numeric(DEADLINE, language) for language in LANGUAGES] == ["10/19/2026", "19.10.2026", "19/10/2026"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csv_and_json_keep_their_dates_year_month_day(language):
    entry = _entry()
    with speaking(language):
        row = next(csv.DictReader(io.StringIO(table.as_csv([entry]))))
        data = json.loads(table.as_json([entry]))[0]
    assert row["deadline"] == data["deadline"] == "2026-10-19"
    assert row["modified"] == entry.modified.strftime("%Y-%m-%d %H:%M")
    assert dt.datetime.fromisoformat(data["modified"]) == entry.modified.replace(microsecond=0)


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_workspace_command_writes_no_year_month_day_date_but_in_its_csv(language, workspace, capsys):
    with speaking(language):
        _, text, _ = _run(capsys, "workspace", str(workspace))
        _, comma_separated, _ = _run(capsys, "workspace", str(workspace), "--csv")
    assert not ISO.search(text), ISO.findall(text)
    assert ISO.search(comma_separated)
