"""Dates a person reads are written as the language in use writes them: the workspace's one-page
overview, the text of `classify`, the wizard's date field. Machine formats (JSON, CSV, the answer
kept) stay year-month-day."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys

from pypdf import PdfReader

from app.dossier.overview import overview_pdf
from app.workspace.entry import Entry
from app.workspace.portfolio import portfolio
from app.workspace.summary import State, Summary
from catalogue import speaking
from catalogue.formats import format_date, numeric_date, parse_numeric_date
from tests.review.dossiers import EXAMPLES, ROOT

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DAY = dt.date(2026, 12, 2)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_overview_writes_its_dates_in_german():
    entries = [Entry("a.json", 1, 1_790_000_000_000_000_000, "h",
                     Summary(State.READ, client="Client", system="System", tier_label="High-risk", required=1, given=1,
                             deadline="2026-10-19"))]
    with speaking("de"):
        pdf = overview_pdf("clients", portfolio(entries), entries, DAY)
        today = format_date(DAY)
    text = _flat(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert today == "2. Dezember 2026" and today in text
    assert "19.10.2026" in text
    assert not ISO.search(text), ISO.findall(text)


def _classify(*args: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "de", "classify", *args,
                           str(EXAMPLES / "cv_screening.json")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_classify_writes_its_dates_in_german_and_its_json_in_year_month_day():
    text = _classify()
    assert not ISO.search(text), ISO.findall(text)
    assert re.search(r"\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                     r"Dezember) \d{4}\b", text)
    data = json.loads(_classify("--json"))
    assert ISO.search(json.dumps(data))


def test_a_date_is_typed_and_shown_as_the_language_writes_it_and_kept_as_year_month_day():
    with speaking("de"):
        assert numeric_date(dt.date(2026, 10, 19)) == "19.10.2026"
        assert parse_numeric_date("19.10.2026") == parse_numeric_date("2026-10-19") == dt.date(2026, 10, 19)
        assert parse_numeric_date("19.10.") is None and parse_numeric_date("31.02.2026") is None
    with speaking("fr"):
        assert numeric_date(dt.date(2026, 10, 19)) == "19/10/2026"


def test_the_dossier_s_part_on_the_reviewed_version_writes_its_dates_in_german():
    from app.dossier.outline import reply_text, since_intro
    from app.results.since import SinceReview, ThreadReply

    when = dt.datetime(2026, 10, 19, 9, 0, tzinfo=dt.timezone.utc)
    with speaking("de"):
        intro = since_intro(SinceReview("a" * 64, "needs_changes", "", "Ana", when, (), ()))
        reply = reply_text(ThreadReply("Ben", "Done.", when))
    assert "19. Oktober 2026" in intro and "19. Oktober 2026" in reply
    assert not ISO.search(intro + reply)
