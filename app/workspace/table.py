"""The workspace's table as data: its columns, each entry as words a person reads (the text table,
the CSV export) and as values a program reads (JSON).

The columns are those of `python main.py workspace` (`COLUMNS`), then the entry's state (empty
for a draft read as it should be; protected, damaged or unusable, with what is wrong) and where it
sits (empty among the drafts; the archive or the templates).
`tier` is the headline of the draft's result; for a draft that targets several jurisdictions,
each one's headline after its title, its own pack's first. In JSON `tier` and `could_be` stay
those of the first (its own pack's), as before drafts targeted several, and `jurisdictions` lists
each one's `pack`, `title`, `tier` (the outcome id), `tier_label` and `could_be`.
`open_comments` counts the reviewer's comments still open in the feedback a draft keeps (empty
without feedback); `kit` is the sandbox the
kit is for and its version (the kit's id while the application has not seen it), `deadline` the
kit's, empty for a draft made without a kit.

Dates are in the text table, on screen and in the overview PDF as the language writes them in digits,
as narrow as year-month-day ("31.03.2027", "31/03/2027 09:05"); the CSV export and JSON, read by
programs, keep them year-month-day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Iterable

from app.workspace.entry import Entry
from app.workspace.folder import Place
from app.workspace.summary import State, Summary
from catalogue import table
from catalogue.formats import format_moment, numeric_date

COLUMNS = ("file", "client", "system", "kit", "tier", "could_be", "complete", "open_comments", "deadline",
           "modified", "protected")
EXTRA = ("state", "place")
TEXT = table("workspace")


def shown(entry: Entry) -> dict[str, str]:
    """The entry as words, by column (COLUMNS, then EXTRA)."""
    s = entry.summary
    complete = s.complete
    return {
        "file": entry.path,
        "client": s.client,
        "system": s.system,
        "kit": s.kit_label or s.kit,
        "tier": tier_text(s),
        "could_be": TEXT["list_separator"].join(s.could_be_labels),
        "complete": "" if complete is None else TEXT["yes"] if complete
        else TEXT["incomplete"].format(given=s.given, required=s.required),
        "open_comments": "" if s.open_comments is None else str(s.open_comments),
        "deadline": _date(s.deadline),
        "modified": format_moment(entry.modified),
        "protected": TEXT["yes"] if s.protected else "",
        "state": state_text(entry),
        "place": "" if entry.place is Place.DRAFTS else TEXT["place"][entry.place.value],
    }


def tier_text(summary: Summary) -> str:
    """The result in words: the headline; for several jurisdictions, each one's after its title."""
    return TEXT["list_separator"].join(tier_lines(summary))


def tier_lines(summary: Summary) -> list[str]:
    """The headline; for several jurisdictions, each one's after its title, one a line."""
    if len(summary.jurisdictions) < 2:
        return [summary.tier_label]
    return [TEXT["jurisdiction_tier"].format(jurisdiction=j.title, tier=j.tier_label) for j in summary.jurisdictions]


def _date(iso: str) -> str:
    """A year-month-day date as the language writes it in digits; "" for none; a kit's date this
    version cannot read as it came."""
    if not iso:
        return ""
    try:
        return numeric_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def _iso_dates(entry: Entry) -> dict[str, str]:
    """The entry's dates year-month-day (with the time of a change to the minute), for the CSV."""
    return {"deadline": entry.summary.deadline, "modified": entry.modified.strftime("%Y-%m-%d %H:%M")}


def state_text(entry: Entry) -> str:
    """The state in words ("" for a draft read as it should be); a damaged or unusable file's with
    what is wrong."""
    if entry.state is State.READ:
        return ""
    word = TEXT["state"][entry.state.value]
    if entry.state in (State.DAMAGED, State.UNUSABLE, State.KIT_UNSEEN) and entry.summary.problem:
        return TEXT["state_problem"].format(state=word, problem=entry.summary.problem)
    return word


def values(entry: Entry) -> dict[str, Any]:
    """The entry for programs: ids and numbers where the words would be translated."""
    s = entry.summary
    return {
        "file": entry.path,
        "client": s.client,
        "system": s.system,
        "kit": s.kit or None,
        "kit_label": s.kit_label or None,
        "tier": s.tier or None,
        "tier_label": s.tier_label,
        "could_be": list(s.could_be),
        "could_be_labels": list(s.could_be_labels),
        "complete": s.complete,
        "required": s.required if s.state is State.READ else None,
        "given": s.given if s.state is State.READ else None,
        "open_comments": s.open_comments,
        "deadline": s.deadline or None,
        "modified": entry.modified.isoformat(timespec="seconds"),
        "protected": s.protected,
        "state": entry.state.value,
        "problem": s.problem,
        "place": entry.place.value,
        "id": s.draft_id or None,
        "pack": s.pack or None,
        "jurisdictions": [{"pack": j.pack, "title": j.title, "tier": j.tier or None, "tier_label": j.tier_label,
                           "could_be": list(j.could_be)} for j in s.jurisdictions],
    }


def as_csv(entries: Iterable[Entry]) -> str:
    """The table as CSV: a header of the column names, then one row per entry in words, its dates
    year-month-day (a spreadsheet reads them in any language)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS + EXTRA)
    for entry in entries:
        row = shown(entry) | _iso_dates(entry)
        writer.writerow([_safe_cell(row[column]) for column in COLUMNS + EXTRA])
    return stream.getvalue()


def as_json(entries: Iterable[Entry]) -> str:
    return json.dumps([values(entry) for entry in entries], ensure_ascii=False, indent=2)


def as_text(entries: Iterable[Entry], width: int = 28) -> str:
    """The table for a terminal: a heading per column, cells cut to `width` characters. Columns
    empty in every row are left out, so the table fits a terminal (CSV and JSON keep them all)."""
    cells = [shown(entry) for entry in entries]
    columns = [column for column in COLUMNS + EXTRA if column == "file" or any(row[column] for row in cells)]
    rows = [[TEXT["column"][column] for column in columns]]
    rows += [[_cut(row[column], width) for column in columns] for row in cells]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "\u2026"


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe,
    so a client's name such as "=HYPERLINK(...)" is never run when the CSV is opened."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
