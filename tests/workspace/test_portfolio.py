"""The portfolio at a glance: drafts by result, incomplete, protected, unreadable, deadlines this
month; archived drafts and templates are not counted."""

from __future__ import annotations

import datetime as dt

from app.workspace.entry import Entry
from app.workspace.portfolio import portfolio, summary_lines
from app.workspace.summary import State, Summary


def _entry(path, state=State.READ, label="High-risk", colour="#c25e00", given=5, required=5, deadline="",
           protected=False):
    summary = Summary(state, protected=protected, tier_label=label if state is State.READ else "",
                      colour=colour, given=given, required=required, deadline=deadline)
    return Entry(path, 10, 0, "h", summary)


def test_drafts_are_counted_by_result_and_what_needs_attention():
    entries = [
        _entry("a.json"), _entry("b.json", given=3), _entry("c.json", label="Minimal risk", colour="#2e7d32"),
        _entry("d.json", State.PROTECTED, protected=True), _entry("e.json", State.DAMAGED),
        _entry("f.json", State.UNUSABLE), _entry("k.json", State.KIT_UNSEEN), _entry("g.json", deadline="2026-12-20"),
        _entry("h.json", deadline="2027-01-05"), _entry(".archive/x.json", given=0), _entry(".templates/t.json"),
    ]
    found = portfolio(entries, today=dt.date(2026, 12, 2))
    assert found.drafts == 9
    assert [(t.label, t.count) for t in found.by_tier] == [("High-risk", 4), ("Minimal risk", 1)]
    assert (found.incomplete, found.protected, found.unreadable, found.kit_unseen, found.due_this_month) == (1, 1, 2, 1, 1)
    lines = summary_lines(found)
    assert len(lines) == 2 and "High-risk" in lines[0]


def test_an_empty_workspace_says_so_in_words():
    found = portfolio([], today=dt.date(2026, 12, 2))
    assert found.drafts == 0 and found.by_tier == ()
    assert all(summary_lines(found))
