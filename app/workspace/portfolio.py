"""The portfolio at a glance: what the drafts of a workspace come to (how many, by result,
incomplete, protected, unreadable, waiting for their kit, deadlines this month), for the summary above the start page's
table and the one-page overview. Archived drafts and templates are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from app.workspace.entry import Entry
from app.workspace.folder import Place
from app.workspace.summary import State
from catalogue import ntr, table

TEXT = table("workspace.portfolio")


@dataclass(frozen=True)
class TierCount:
    label: str
    colour: str
    count: int


@dataclass(frozen=True)
class Portfolio:
    drafts: int
    by_tier: tuple[TierCount, ...]  # the most frequent first
    incomplete: int
    protected: int  # locked: their result is not known in this session
    unreadable: int  # damaged, or no installed pack reads them
    kit_unseen: int  # made with a kit the application has not seen
    due_this_month: int


def portfolio(entries: Iterable[Entry], today: dt.date | None = None) -> Portfolio:
    today = today or dt.date.today()
    drafts = [e for e in entries if e.place is Place.DRAFTS]
    read = [e for e in drafts if e.state is State.READ]
    counts = Counter((e.summary.tier_label, e.summary.colour) for e in read)
    by_tier = tuple(TierCount(label, colour, count) for (label, colour), count
                    in sorted(counts.items(), key=lambda item: (-item[1], item[0][0])))
    return Portfolio(
        drafts=len(drafts), by_tier=by_tier,
        incomplete=sum(e.summary.complete is False for e in read),
        protected=sum(e.state is State.PROTECTED for e in drafts),
        unreadable=sum(e.state in (State.DAMAGED, State.UNUSABLE) for e in drafts),
        kit_unseen=sum(e.state is State.KIT_UNSEEN for e in drafts),
        due_this_month=sum(_due_in(e.summary.deadline, today) for e in drafts),
    )


def summary_lines(found: Portfolio) -> list[str]:
    """The portfolio in words: how many drafts and their results, then what needs attention."""
    results = TEXT["separator"].join(TEXT["tier"].format(count=t.count, label=t.label) for t in found.by_tier)
    first = ntr("workspace.portfolio.drafts", found.drafts)
    lines = [TEXT["drafts_results"].format(drafts=first, results=results) if results else first]
    attention = [ntr("workspace.portfolio.incomplete", found.incomplete),
                 ntr("workspace.portfolio.due_this_month", found.due_this_month)]
    if found.protected:
        attention.append(ntr("workspace.portfolio.protected", found.protected))
    if found.unreadable:
        attention.append(ntr("workspace.portfolio.unreadable", found.unreadable))
    if found.kit_unseen:
        attention.append(ntr("workspace.portfolio.kit_unseen", found.kit_unseen))
    lines.append(TEXT["separator"].join(attention))
    return lines


def _due_in(deadline: str, today: dt.date) -> bool:
    try:
        date = dt.date.fromisoformat(deadline)
    except ValueError:
        return False
    return (date.year, date.month) == (today.year, today.month)
