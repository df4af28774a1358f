"""One result document: everything an assessment says, in words, built once from the pack, the draft
and the core's assessment.

The command line's report, the wizard's result panel and review page, and the dossier render this
document and decide nothing themselves: which findings apply and which were excluded, how an
answer, a citation, an open point or a gap reads, what the headline says and how certain it is.
Plain data, no Qt and no reportlab, so a reviewer's table or another format can read it too.

Each duty is shown with the obligation it meets, with how far it is (its status, in words) and
whether the sandbox tests it; answers a pack shows as a table (the risks to people) are rows of
answers. The parts every answer changes are built at once (the result panel shows them on every
change); the answers by section, the tables and the completeness are worked out the first time
they are read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from app.results import names
from app.results.since import SinceReview, since_review, target_words
from app.results.wording import (answer_text, gap_texts, open_point_text, question_text, refs_text, status_text,
                                 value_text)
from app.storage.drafts import Draft
from forms.completeness import completeness
from forms.evaluation import Evaluation, index_of
from forms.schema import MEASURE_STATUSES, AnswerTable, Pack, Part
from forms.texts import YES_NO
from risk_tiers import texts
from risk_tiers.application import UNKNOWN
from risk_tiers.assessment import (Assessment, Because, ChecklistEntry, ChecklistResult, DutyResult, Finding,
                                   GapResult, ObligationResult, VerdictResult)
from risk_tiers.headline import headline, outcome_colour, role_name, track_status

Certainty = Literal["settled", "possibly", "not_assessed"]


@dataclass(frozen=True)
class Question:
    """A question a part of the result points to: to link to it, or to quote it."""

    id: str
    text: str


@dataclass(frozen=True)
class Answer:
    """An answer as every output prints it. `value` is "" when no answer is given."""

    question: str
    text: str
    value: str
    note: str = ""
    given: bool = True
    # Asked of this applicant: not hidden by the answers given (an answer to a question the answers
    # no longer ask is kept, and shown where all answers are).
    asked: bool = True


@dataclass(frozen=True)
class Cited:
    """Something resting on provisions: their ids, and the same in words."""

    refs: tuple[str, ...]
    citations: str


@dataclass(frozen=True)
class Headline:
    title: str
    summary: str
    # The pack's colour of the outcome shown (of what it could still be, when undecided); None for
    # nothing assessed yet or a track set aside.
    colour: str | None
    certainty: Certainty
    # The open questions that decide an undecided result.
    deciding: tuple[Question, ...]

    @property
    def label(self) -> str:
        """Title and summary on one line, as the command line and a screen reader read them."""
        return f"{self.title}. {self.summary}" if self.summary else self.title


@dataclass(frozen=True)
class Role:
    id: str
    name: str


@dataclass(frozen=True)
class TrackLine:
    """A track after the headline's: its name and its outcome in words."""

    id: str
    label: str
    status: str


@dataclass(frozen=True)
class FindingPart(Cited):
    rule: str
    # The outcome it grounds, `excluded`, `context`, or a relieving finding kind of the pack.
    kind: str
    reason: str
    because: tuple[Answer, ...]
    caveat: str = ""


@dataclass(frozen=True)
class ObligationPart(Cited):
    id: str
    text: str
    roles: tuple[str, ...]
    group: str
    applies_from: dt.date | None
    set_by: str
    verified: bool
    source: str
    # The duty whose measure meets it (Measure.obligation), shown with it as one requirement.
    duty: DutyPart | None = None


@dataclass(frozen=True)
class Entry(Cited):
    """A condition of a checklist that is not met, or not yet decided."""

    id: str
    text: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class DerivedPart(Cited):
    """A derived result (DPIA need, Art 59 eligibility, ...) or a checklist of conditions."""

    id: str
    kind: Literal["verdict", "checklist"]
    # Where it stands in an application (forms.schema.Part).
    part: Part
    title: str
    # The core's value: an outcome of the pack, `unknown`, `not_applicable`; a checklist's status.
    value: str
    value_text: str
    reason: str
    # The chosen options a verdict counts, in words.
    counted: tuple[str, ...]
    because: tuple[Answer, ...]
    unmet: tuple[Entry, ...]
    open: tuple[Entry, ...]
    # The open questions that decide it.
    open_questions: tuple[Question, ...]

    @property
    def applies(self) -> bool:
        return self.value != "not_applicable"

    @property
    def decided(self) -> bool:
        return self.value != "unknown"

    @property
    def question(self) -> str | None:
        """The question to go to: for a checklist the first that leaves a condition open; for a
        verdict the answer behind it, or while undecided the first question that settles it."""
        if self.kind == "checklist":
            return next((q.id for entry in self.open for q in entry.questions), None)
        if self.decided:
            return self.because[0].question if self.because else None
        return self.open_questions[0].id if self.open_questions else None


@dataclass(frozen=True)
class DutyPart(Cited):
    """A duty the classification found, whether the applicant says how it is met, and how far."""

    id: str
    group: str
    text: str
    question: str
    stated: bool
    measure: str
    obligation: str = ""
    # A status of forms.schema.MEASURE_STATUSES, `unknown`, or "" where none is asked; in words,
    # with the date of a planned measure.
    status: str = ""
    status_text: str = ""
    planned_by: dt.date | None = None
    # Whether the sandbox tests it (None: not asked or not answered), in words ("" for None), and
    # the question that says so.
    tested: bool | None = None
    tested_text: str = ""
    tested_question: str = ""
    # The questions whose answers it quotes: its status, the date, the measure.
    questions: tuple[str, ...] = ()

    @property
    def measure_asked(self) -> bool:
        """The applicant is still asked how it is met: no measure stated, and not a requirement
        said to be not started (its gap says what to do, and the question is not asked)."""
        return not self.stated and self.status != "not_started"


@dataclass(frozen=True)
class TableRow:
    """One row of an answer table: the chosen option, and the answer in each column."""

    option: str
    label: str
    cells: tuple[Answer | None, ...]


@dataclass(frozen=True)
class TablePart:
    """Answers shown as a table (forms.schema.AnswerTable): a row per chosen option."""

    id: str
    title: str
    # Where it stands in an application (forms.schema.Part).
    part: Part
    label: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    # The question whose chosen options are the rows.
    question: str

    @property
    def questions(self) -> tuple[str, ...]:
        """Every question the table quotes: the rows' question and each cell's."""
        return (self.question,) + tuple(cell.question for row in self.rows for cell in row.cells if cell)


@dataclass(frozen=True)
class OpenPointPart:
    kind: Literal["question", "law"]
    text: str
    # The question to settle, for a link to it; None for unsettled law.
    question: str | None


@dataclass(frozen=True)
class GapPart(Cited):
    id: str
    text: str
    # The same where the questions that settle it are a link away.
    short_text: str
    undecided: bool
    because: tuple[Answer, ...]
    open_questions: tuple[Question, ...]

    @property
    def question(self) -> str | None:
        """The question to go to: the answer behind the gap, else the first that settles it."""
        if self.because:
            return self.because[0].question
        return self.open_questions[0].id if self.open_questions else None


@dataclass(frozen=True)
class MissingAnswer:
    question: str
    text: str
    section: str
    section_title: str


@dataclass(frozen=True)
class Completeness:
    required: int
    given: int
    missing: tuple[MissingAnswer, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SectionAnswers:
    id: str
    title: str
    # Where it stands in an application (forms.schema.Part): "" for the classification's questions.
    part: Part
    # Every question answered or asked, in the pack's order.
    answers: tuple[Answer, ...]


class ResultDocument:
    """What one draft's assessment says, in words. Build it with `result_document`."""

    def __init__(self, pack: Pack, draft: Draft, assessment: Assessment, evaluation: Evaluation | None,
                 whole: Draft | None = None) -> None:
        self._pack, self._draft, self._evaluation = pack, draft, evaluation
        self._whole = whole or draft
        self.pack_id, self.pack_version = pack.id, pack.version
        self.pack_title = pack.title
        self.pack_short_title = pack.short_title  # where jurisdictions stand side by side
        self.answers_language = draft.lock.language  # the applicant's text stays in it, untranslated
        self.law_current_to, self.law_note = assessment.law_current_to, pack.law_note
        self.primary_track = pack.tracks[0].label
        self.headline = _headline(pack, assessment)
        self.tracks = tuple(TrackLine(t.id, t.label, track_status(pack, assessment, t)) for t in pack.tracks[1:])
        self.roles = tuple(Role(role, role_name(pack, role)) for role in assessment.roles)
        self.findings = tuple(_finding(pack, f) for f in assessment.findings if f.tier != "excluded")
        self.excluded = tuple(_finding(pack, f) for f in assessment.findings if f.tier == "excluded")
        self.duties = tuple(_duty(pack, d) for d in assessment.duties)
        meeting = {duty.obligation: duty for duty in self.duties if duty.obligation}
        self.obligations = tuple(_obligation(o, meeting.get(o.id)) for o in assessment.obligations)
        self.derived = tuple([_verdict(pack, v) for v in assessment.verdicts]
                             + [_checklist(pack, c) for c in assessment.checklists])
        self.open_points = tuple(OpenPointPart(p.kind, open_point_text(pack, p), p.question)
                                 for p in assessment.open_points)
        self.gaps = tuple(_gap(pack, g) for g in assessment.gaps)
        self.decision_path = _decision_path(pack, assessment, self.findings)
        self.declaration = Cited(pack.declaration_refs, refs_text(pack.declaration_refs))
        self.declaration_text = pack.declaration

    def outcome_label(self, outcome: str) -> str:
        """The pack's words for one of its tracks' outcomes ("high_risk": "High-risk"); "" for another id."""
        return next((o.label for track in self._pack.tracks for o in track.outcomes if o.id == outcome), "")

    def target_words(self, kind: str, target_id: str) -> str:
        """What a reviewer's comment is on, in the pack's words (app/results/since.py)."""
        return target_words(self._pack, kind, target_id)

    @property
    def provisional(self) -> bool:
        """An open question could still change the result."""
        return any(point.kind == "question" for point in self.open_points)

    def duty_groups(self) -> dict[str, tuple[DutyPart, ...]]:
        """The duties no obligation shows (see ObligationPart.duty) by group, groups in the order
        they first appear."""
        shown = {o.duty.id for o in self.obligations if o.duty}
        groups: dict[str, list[DutyPart]] = {}
        for duty in self.duties:
            if duty.id not in shown:
                groups.setdefault(duty.group, []).append(duty)
        return {group: tuple(duties) for group, duties in groups.items()}

    def status_counts(self) -> dict[str, tuple[int, str]]:
        """How many duties stand at each status, and the status in words, from in place to unknown."""
        counts: dict[str, tuple[int, str]] = {}
        for status in (*MEASURE_STATUSES, UNKNOWN):
            count = sum(duty.status == status for duty in self.duties)
            if count:
                counts[status] = (count, status_text(self._pack, status, None))
        return counts

    @cached_property
    def tables(self) -> tuple[TablePart, ...]:
        """The answers the pack shows as tables, a row for each chosen option."""
        return tuple(self._table(table) for table in self._pack.tables)

    @cached_property
    def since_review(self) -> SinceReview | None:
        """The answers changed since the dossier the reviewer's feedback is about, and the comments
        with the replies; None when the draft keeps no feedback."""
        return since_review(self._pack, self._whole)

    @cached_property
    def applicant(self) -> str:
        return names.applicant_name(self._pack, self._draft)

    @cached_property
    def system(self) -> str:
        return names.system_name(self._pack, self._draft)

    @cached_property
    def answered_on(self) -> dt.date:
        return self._draft.modified.date()

    @cached_property
    def evaluation(self) -> Evaluation:
        return self._evaluation or Evaluation(self._pack, self._draft.values())

    @cached_property
    def completeness(self) -> Completeness:
        found, sections = completeness(self.evaluation), self.evaluation.index.sections
        return Completeness(found.required, found.given, tuple(
            MissingAnswer(m.question, m.text, m.section, sections[m.section].title) for m in found.missing))

    @cached_property
    def sections(self) -> tuple[SectionAnswers, ...]:
        """The answers by section: every question answered or asked, each in words with its note."""
        shown = []
        for section in self._pack.sections:
            answers = tuple(answer for answer in (self._answer(q.id) for q in section.questions) if answer)
            shown.append(SectionAnswers(section.id, section.title, section.part, answers))
        return tuple(shown)

    @cached_property
    def summary(self) -> tuple[Answer, ...]:
        """The answers the pack puts in an application's summary, those given, in its order."""
        answers = (self.answer(question_id) for question_id in self._pack.summary_questions)
        return tuple(answer for answer in answers if answer is not None and answer.given)

    def answer(self, question_id: str) -> Answer | None:
        """The answer to one question, when it is answered or asked."""
        return next((a for s in self.sections for a in s.answers if a.question == question_id), None)

    def role_name(self, role_id: str) -> str:
        return role_name(self._pack, role_id)

    def _table(self, table: AnswerTable) -> TablePart:
        chosen = self.evaluation.known(table.rows) or []
        options = index_of(self._pack).questions[table.rows].options
        rows = tuple(TableRow(o.id, o.label, tuple(self.answer(table.cell(c, o.id)) for c in table.columns))
                     for o in options if o.id in chosen and o.id not in table.not_rows)
        return TablePart(table.id, table.title, table.part, table.label, tuple(c.label for c in table.columns),
                         rows, table.rows)

    def _answer(self, question_id: str) -> Answer | None:
        given = self._draft.answers.get(question_id)
        asked = self.evaluation.is_visible(question_id)
        if given is None and not asked:
            return None
        value = given.value if given else None
        shown = "" if value is None or value == [] or value == "" else answer_text(self._pack, question_id, value)
        return Answer(question_id, question_text(self._pack, question_id), shown, given.note if given else "",
                      bool(shown), asked)


def result_document(pack: Pack, draft: Draft, assessment: Assessment,
                    evaluation: Evaluation | None = None, whole: Draft | None = None) -> ResultDocument:
    """The document of `assessment`, the result of `draft`'s answers under `pack`; `evaluation`, when
    the caller has one of the same answers, spares working it out again; `whole`: the draft as saved,
    when `draft` holds its answers as `pack` reads them (several jurisdictions, app/results/composed.py
    `primary_draft`): what changed since a review is told of all its answers, as the reviewer saw them."""
    return ResultDocument(pack, draft, assessment, evaluation, whole)


def _headline(pack: Pack, assessment: Assessment) -> Headline:
    title, summary = headline(pack, assessment)
    if not assessment.assessed:
        certainty: Certainty = "not_assessed"
    else:
        certainty = "possibly" if assessment.primary.could_be else "settled"
    deciding = tuple(Question(q, question_text(pack, q)) for q in assessment.primary.deciding)
    return Headline(title, summary, outcome_colour(pack, assessment), certainty, deciding)


def _decision_path(pack: Pack, assessment: Assessment, findings: tuple[FindingPart, ...]) -> tuple[Answer, ...]:
    """The answers that decided the headline, as a short chain: those behind the findings that
    ground the primary track's outcome (or relieve it), each once, in the order of the findings."""
    track = pack.tracks[0]
    deciding = {assessment.primary.outcome} | ({track.relief.finding} if track.relief else set())
    chain: dict[str, Answer] = {}
    for finding in findings:
        if finding.kind in deciding:
            for answer in finding.because:
                chain.setdefault(answer.question, answer)
    return tuple(chain.values())


def _because(pack: Pack, because: tuple[Because, ...]) -> tuple[Answer, ...]:
    return tuple(Answer(b.question, question_text(pack, b.question), answer_text(pack, b.question, b.answer), b.note)
                 for b in because if b.question in index_of(pack).questions)


def _questions(pack: Pack, question_ids: tuple[str, ...]) -> tuple[Question, ...]:
    return tuple(Question(q, question_text(pack, q)) for q in question_ids)


def _finding(pack: Pack, finding: Finding) -> FindingPart:
    return FindingPart(finding.refs, refs_text(finding.refs), finding.rule, finding.tier, finding.reason,
                       _because(pack, finding.because), finding.caveat)


def _obligation(obligation: ObligationResult, duty: DutyPart | None) -> ObligationPart:
    return ObligationPart(obligation.refs, refs_text(obligation.refs), obligation.id, obligation.text,
                          obligation.roles, obligation.group, obligation.applies_from, obligation.set_by,
                          obligation.verified, obligation.source, duty)


def _verdict(pack: Pack, verdict: VerdictResult) -> DerivedPart:
    counts = next((v.counts for v in pack.verdicts if v.id == verdict.id), "") or ""
    counted = tuple(answer_text(pack, counts, option) for option in verdict.counted)
    part = next((v.part for v in pack.verdicts if v.id == verdict.id), "")
    return DerivedPart(verdict.refs, refs_text(verdict.refs), verdict.id, "verdict", part, verdict.title, verdict.value,
                       value_text(pack, verdict.value), verdict.reason, counted, _because(pack, verdict.because),
                       (), (), _questions(pack, verdict.open_questions))


def _checklist(pack: Pack, checklist: ChecklistResult) -> DerivedPart:
    part = next((c.part for c in pack.checklists if c.id == checklist.id), "")
    return DerivedPart(checklist.refs, refs_text(checklist.refs), checklist.id, "checklist", part, checklist.title,
                       checklist.status, texts.CHECKLIST_STATUS[checklist.status], "", (), (),
                       tuple(_entry(pack, e) for e in checklist.unmet), tuple(_entry(pack, e) for e in checklist.open),
                       _questions(pack, checklist.open_questions))


def _entry(pack: Pack, entry: ChecklistEntry) -> Entry:
    return Entry(entry.refs, refs_text(entry.refs), entry.id, entry.text, _questions(pack, entry.questions))


def _duty(pack: Pack, duty: DutyResult) -> DutyPart:
    measure = next(m for m in pack.measures if m.id == duty.id)
    asked = (measure.status_question, measure.planned_question, measure.question)
    return DutyPart(duty.refs, refs_text(duty.refs), duty.id, duty.group, duty.text, duty.question, duty.stated,
                    duty.measure, duty.obligation, duty.status, status_text(pack, duty.status, duty.planned_by),
                    duty.planned_by, duty.tested, "" if duty.tested is None else YES_NO["yes" if duty.tested else "no"],
                    measure.tested_question or "", tuple(q for q in asked if q))


def _gap(pack: Pack, gap: GapResult) -> GapPart:
    text, short = gap_texts(pack, gap)
    return GapPart(gap.refs, refs_text(gap.refs), gap.id, text, short, gap.status == "undecided",
                   _because(pack, gap.because), _questions(pack, gap.open_questions))
