"""The workspace's one-page overview: one page whatever the number of drafts (the rest counted),
the same bytes for the same rows and day, user text printed as typed (Chinese too)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from app.dossier.overview import overview_pdf
from app.workspace.entry import Entry
from app.workspace.portfolio import portfolio
from app.workspace.summary import State, Summary
from catalogue.formats import numeric_date

DAY = dt.date(2026, 12, 2)


def _entries(count: int) -> list[Entry]:
    return [Entry(f"Client {n}/system {n}.json", 10, 1_790_000_000_000_000_000 + n, "h",
                  Summary(State.READ, client=f"Client {n}", system=f"System {n}", tier_label="High-risk",
                          colour="#c25e00", required=4, given=4)) for n in range(count)]


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), reader.pages[0].extract_text()


def test_a_few_drafts_are_all_on_the_page():
    entries = _entries(3)
    pages, text = _text(overview_pdf("clients", portfolio(entries), entries, DAY))
    assert pages == 1
    assert all(f"Client {n}" in text for n in range(3)) and "clients" in text


def test_a_thousand_drafts_stay_on_one_page_and_the_rest_are_counted():
    entries = _entries(1000)
    pages, text = _text(overview_pdf("clients", portfolio(entries), entries, DAY))
    assert pages == 1
    shown = sum(f"System {n} " in text.replace("\n", " ") + " " for n in range(1000))
    assert 10 < shown < 1000
    assert str(1000 - shown) in text


def test_the_same_rows_and_day_give_the_same_bytes():
    entries = _entries(5)
    found = portfolio(entries)
    assert overview_pdf("clients", found, entries, DAY) == overview_pdf("clients", found, entries, DAY)


def test_user_text_in_other_scripts_is_printed():
    summary = Summary(State.READ, client="示例公司", system="Ελληνική", tier_label="High-risk", required=1, given=1)
    entries = [Entry("a.json", 1, 0, "h", summary)]
    _, text = _text(overview_pdf("clients", portfolio(entries), entries, DAY))
    assert "示例公司" in text and "Ελληνική" in text


def test_a_long_summary_line_is_wrapped_whole_and_the_kit_is_a_column():
    kinds = [Summary(State.PROTECTED, protected=True), Summary(State.DAMAGED, problem="broken"),
             Summary(State.KIT_UNSEEN, kit="far.away", kit_label="far.away 2.0", problem="not seen"),
             Summary(State.READ, client="Kredito", kit="nordland.ai_sandbox", kit_label="Nordland 1.0.0",
                     deadline="2026-12-20", tier_label="High-risk", required=4, given=2)]
    entries = [Entry(f"{n}.json", 1, 0, "h", summary) for n, summary in enumerate(kinds)]
    found = portfolio(entries, today=DAY)
    _, text = _text(overview_pdf("clients", found, entries, DAY))
    from app.workspace.portfolio import summary_lines

    flat = " ".join(text.split())
    assert " ".join(summary_lines(found)[1].split()) in flat  # every word of it, none cut off
    assert "Nordland 1.0.0" in flat and numeric_date(dt.date(2026, 12, 20)) in flat  # the language's date


def test_columns_no_row_fills_are_left_out():
    entries = _entries(3)  # no kit, no deadline
    _, text = _text(overview_pdf("clients", portfolio(entries), entries, DAY))
    from catalogue import tr

    kit, footer = tr("workspace.column.kit"), tr("dossier.overview.footer", date=DAY.isoformat())
    assert tr("workspace.column.client") in text and tr("workspace.column.deadline") not in text
    assert text.count(kit) == footer.count(kit)  # the word only where the footer names the application
