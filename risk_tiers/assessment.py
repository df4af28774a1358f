"""The result of classifying one set of answers: an outcome per track, findings, duties, open points.

Every part explains itself (rule ids, citation ids and the answers behind it), so the wizard, the
dossier and the tests read these objects and never re-derive them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict



class Result(BaseModel):
    # defer_build: the validators are built when a result is first made (after a draft's first page
    # is painted), not when this module is imported.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Because(Result):
    """One answer behind a finding."""

    question: str
    answer: Any
    # The applicant's own note on that answer (their justification or context), if any.
    note: str = ""


class Finding(Result):
    rule: str
    # The outcome it grounds, `excluded` (considered and found not to apply), `context` (applies
    # to the applicant's situation, such as a role's definition, grounding nothing), or a
    # relieving finding kind of the pack (see forms.schema.Rule).
    tier: str
    refs: tuple[str, ...]
    reason: str
    because: tuple[Because, ...]
    caveat: str = ""


class ObligationResult(Result):
    id: str
    text: str
    refs: tuple[str, ...]
    roles: tuple[str, ...]
    group: str
    applies_from: dt.date | None
    set_by: str
    verified: bool
    # Where the date was checked ("the Council's press release of ..."); see DateEntry.
    source: str = ""
    original_date: dt.date | None = None
    original_set_by: str = ""


class OpenPoint(Result):
    """Something that could still change the result: an open question, or unsettled law (a date
    entry of the pack not yet checked). Ids only: the outputs word it (app/results/report.py)."""

    kind: Literal["question", "law"]
    question: str | None = None
    status: Literal["unanswered", "unsure"] | None = None
    date: str | None = None
    could_affect: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


class VerdictResult(Result):
    """A derived result such as DPIA need: an outcome value, `unknown` or `not_applicable`."""

    id: str
    title: str
    value: str
    reason: str = ""
    refs: tuple[str, ...] = ()
    # Options of the counted question that were chosen (e.g. the DPIA criteria that apply).
    counted: tuple[str, ...] = ()
    because: tuple[Because, ...] = ()
    open_questions: tuple[str, ...] = ()


class ChecklistEntry(Result):
    id: str
    text: str
    refs: tuple[str, ...]
    # For an open entry: the questions that leave it undecided.
    questions: tuple[str, ...] = ()


class ChecklistResult(Result):
    """Conditions that must all hold: `met`, `not_met` (with the unmet ones), `unknown` or `not_applicable`."""

    id: str
    title: str
    status: Literal["met", "not_met", "unknown", "not_applicable"]
    refs: tuple[str, ...] = ()
    unmet: tuple[ChecklistEntry, ...] = ()
    open: tuple[ChecklistEntry, ...] = ()
    # While it is not known whether the checklist applies at all: the questions that decide it.
    open_questions: tuple[str, ...] = ()


class DutyResult(Result):
    """A duty the classification found, whether the applicant has said how it is met, and how far
    that is: `status` is a status of forms.schema.MEASURE_STATUSES, `unknown` while the status
    question is unanswered or answered unsure (never read as in place), or "" where the pack asks
    none. `planned_by`: the date a planned measure is to be in place. `tested`: whether the sandbox
    tests it, None where that is not asked or not answered."""

    id: str
    rule: str
    group: str
    text: str
    refs: tuple[str, ...]
    question: str
    stated: bool
    measure: str = ""
    note: str = ""
    obligation: str = ""
    status: str = ""
    planned_by: dt.date | None = None
    tested: bool | None = None


class GapResult(Result):
    """Something to do or provide before applying. `undecided`: an unanswered or unsure answer
    leaves it open whether the gap exists; `open_questions` are the answers that settle it."""

    id: str
    text: str
    refs: tuple[str, ...]
    because: tuple[Because, ...] = ()
    status: Literal["open", "undecided"] = "open"
    open_questions: tuple[str, ...] = ()


class TrackResult(Result):
    """The outcome a track reaches, and whether it is settled."""

    track: str
    outcome: str
    # False when a rule of the pack sets the track aside (a model placed alone has no system tier).
    applies: bool = True
    # More severe outcomes that undecided rules could still ground, most severe first, and the
    # open questions that decide them. Empty when the outcome is settled.
    could_be: tuple[str, ...] = ()
    deciding: tuple[str, ...] = ()


class Assessment(Result):
    pack_id: str
    pack_version: str
    law_current_to: dt.date
    # One per track of the pack, in its order; the first is the headline's.
    tracks: tuple[TrackResult, ...]
    # False while no question the rules read has an answer: nothing is assessed yet.
    assessed: bool = True
    roles: tuple[str, ...]
    findings: tuple[Finding, ...]
    obligations: tuple[ObligationResult, ...]
    open_points: tuple[OpenPoint, ...]
    verdicts: tuple[VerdictResult, ...] = ()
    checklists: tuple[ChecklistResult, ...] = ()
    duties: tuple[DutyResult, ...] = ()
    gaps: tuple[GapResult, ...] = ()

    def verdict(self, verdict_id: str) -> VerdictResult | None:
        return next((v for v in self.verdicts if v.id == verdict_id), None)

    def checklist(self, checklist_id: str) -> ChecklistResult | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def duties_of(self, group: str) -> list[DutyResult]:
        return [d for d in self.duties if d.group == group]

    @property
    def primary(self) -> TrackResult:
        return self.tracks[0]

    def track(self, track_id: str) -> TrackResult:
        return next(t for t in self.tracks if t.track == track_id)

    def outcome(self, track_id: str) -> str:
        return self.track(track_id).outcome

    @property
    def could_be(self) -> tuple[str, ...]:
        """What the headline's track could still be."""
        return self.primary.could_be

    @property
    def deciding(self) -> tuple[str, ...]:
        """The open questions that decide any unsettled track."""
        return tuple(dict.fromkeys(q for t in self.tracks for q in t.deciding))

    @property
    def settled(self) -> bool:
        return self.assessed and not any(t.could_be for t in self.tracks)

    def findings_of(self, tier: str) -> list[Finding]:
        return [f for f in self.findings if f.tier == tier]

    def applying_refs(self) -> set[str]:
        """Citation ids of provisions found to apply (never those considered and excluded)."""
        return {ref for f in self.findings if f.tier != "excluded" for ref in f.refs}

    def excluded_refs(self) -> set[str]:
        return {ref for f in self.findings if f.tier == "excluded" for ref in f.refs}
