"""The kinds of item a pack is made of, in one table: the list each is kept in, its name in
messages, and its schema. Loading, composing and checking a pack all read this table."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel

from forms.schema import AnswerTable, Checklist, DateEntry, Gap, Measure, Obligation, Rule, Section, Verdict


class ItemKind(NamedTuple):
    key: str  # the list in a pack file: `rules:`
    name: str  # the item in messages: "rule 'x.y'"
    model: type[BaseModel]


ITEM_KINDS = (
    ItemKind("sections", "section", Section),
    ItemKind("rules", "rule", Rule),
    ItemKind("obligations", "obligation", Obligation),
    ItemKind("dates", "date", DateEntry),
    ItemKind("verdicts", "verdict", Verdict),
    ItemKind("checklists", "checklist", Checklist),
    ItemKind("measures", "measure", Measure),
    ItemKind("gaps", "gap", Gap),
    ItemKind("tables", "table", AnswerTable),
)
LISTS = tuple(kind.key for kind in ITEM_KINDS)

# Names of the nested lists too, so a validation error names the item it sits in.
NAMES = {kind.key: kind.name for kind in ITEM_KINDS} | {
    "questions": "question", "options": "option", "tracks": "track", "outcomes": "outcome", "items": "item",
    "columns": "column"}

# The fields an overlay may replace through `texts`: words, never the law's logic (conditions,
# tiers, citations, dates and roles stay as the base pack has them).
TEXT_FIELDS = frozenset({"text", "help", "label", "title", "intro", "reason", "summary", "caveat", "possibly"})
