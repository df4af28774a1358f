"""The schema of a question pack: what is asked, the rules that read the answers, and what follows.

A pack is authored data. Every model is frozen and forbids unknown keys, so a typo in a pack fails
when it is loaded, naming the file and the id. Cross-references (conditions that name questions,
options, rules and provisions) are checked by `forms.checks` after the shapes are valid.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from forms.conditions import Condition

# Ids are dotted names (`scope.military_only`); a citation has at least two parts (`aiact.art5`).
ID_PATTERN = r"^[a-z0-9_]+(\.[a-z0-9_]+)*$"
REF_PATTERN = r"^[a-z0-9_]+(\.[a-z0-9_]+)+$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
Text = Annotated[str, Field(max_length=20_000)]
Refs = tuple[Annotated[str, Field(pattern=REF_PATTERN)], ...]
SharedId = Annotated[str, Field(pattern=r"^core\.[a-z0-9_]+$", max_length=120)]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]

# Rule kinds that ground no outcome of a track: an intermediate test other rules name (never
# shown), a provision considered and found not to apply (cite its exception's id), and a provision
# that applies to the applicant's situation without grounding a result (shown, like a role's
# definition).
FACT, EXCLUDED, CONTEXT = "fact", "excluded", "context"


class Authored(BaseModel):
    # defer_build: the validators are built when a pack is first validated, not when this module is
    # imported; a pack loaded as kept (forms/cache.py) is never validated again, so the wizard's
    # start never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


# --- questions ------------------------------------------------------------------------------

class Option(Authored):
    id: Id
    label: Text
    help: Text = ""
    # An option such as "I don't know": choosing it leaves the answer unknown for the rules.
    unsure: bool = False


class QuestionBase(Authored):
    id: Id
    text: Text
    help: Text = ""
    # Why the question needs no help, where it has none: for authors and reviewers of the pack, never
    # shown. A test holds every question of a shipped pack to having help or this reason.
    no_help_because: Text = ""
    required: bool = True
    show_if: Condition | None = None
    refs: Refs = ()
    # The shared fact (forms/shared_core.py) this question asks in the pack's own words: asked once
    # for several packs, its answer is this question's. Checked when the pack is loaded.
    same_as: SharedId | None = None


class YesNoQuestion(QuestionBase):
    """Yes / no / unsure. "unsure" is a real answer that leaves the question open."""

    kind: Literal["yes_no"]


class SingleChoiceQuestion(QuestionBase):
    kind: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2)


class MultiChoiceQuestion(QuestionBase):
    kind: Literal["multi_choice"]
    options: tuple[Option, ...] = Field(min_length=2)


class ShortTextQuestion(QuestionBase):
    kind: Literal["short_text"]
    max_length: int = Field(500, ge=1, le=10_000)
    # An answer someone in a made-up case might give: shown on request beside the field, never saved.
    example: Text = ""


class LongTextQuestion(QuestionBase):
    kind: Literal["long_text"]
    max_length: int = Field(20_000, ge=1, le=200_000)
    example: Text = ""


class NumberQuestion(QuestionBase):
    kind: Literal["number"]
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    integer: bool = False


class DateQuestion(QuestionBase):
    kind: Literal["date"]


Question = Annotated[
    Union[
        YesNoQuestion,
        SingleChoiceQuestion,
        MultiChoiceQuestion,
        ShortTextQuestion,
        LongTextQuestion,
        NumberQuestion,
        DateQuestion,
    ],
    Field(discriminator="kind"),
]

YES_NO_VALUES = ("yes", "no", "unsure")
KINDS = ("yes_no", "single_choice", "multi_choice", "short_text", "long_text", "number", "date")


# Where the answers of a section, a derived result or a table stand in an application dossier: the
# project and the system, the risks to people, the requirements and how they are met, data
# protection, transparency, the sandbox plan; "" for the rest (the classification's questions),
# which the dossier's annex lists.
Part = Literal["", "project", "risks", "requirements", "data_protection", "transparency", "plan"]


class Section(Authored):
    id: Id
    title: Text
    intro: Text = ""
    part: Part = ""
    show_if: Condition | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


# --- words a reader may not know, and what to have at hand -----------------------------------

Mention = Annotated[str, Field(min_length=2, max_length=80)]


class Term(Authored):
    """A word of the law explained in the pack's own words, with the provisions that define it.

    `mentions` are the words that mark a mention of it in a question, its help or its options
    (matched as whole words, in any case; the longest first where terms overlap), so the wizard
    can link each mention to the definition.
    """

    id: Id
    term: Text
    definition: Text
    refs: Refs = ()
    mentions: tuple[Mention, ...] = Field(min_length=1)
    see_also: tuple[Id, ...] = ()


class PrepareItem(Authored):
    """Something worth having at hand before starting, for the "what to prepare" page."""

    id: Id
    label: Text
    help: Text = ""


class Estimate(Authored):
    """How long the questions take: `minutes` for one answer of each kind of question (reading its
    help included), counted over the questions `typical` answers lead to (forms/estimate.py)."""

    minutes: dict[str, float]
    typical: dict[Id, str | float | list[str]] = {}


# --- rules and what follows from them -------------------------------------------------------

class Rule(Authored):
    """One legal test. When `when` holds, it yields a finding of `tier` citing `refs`.

    `tier` is an outcome of one of the pack's tracks (the finding grounds it), `excluded` (a
    provision considered and found not to apply: cite its exception's id), a finding kind a
    track's `relief` names (shown, grounding nothing, such as a derogation), `context` (a
    provision that applies to the applicant's situation without grounding anything: the
    definition of a role it holds, the pre-market exclusion of its current work, a transitional
    rule), or `fact` (an intermediate test other rules name, never shown).
    """

    id: Id
    tier: Id
    when: Condition
    refs: Refs = ()
    reason: Text = ""
    # What the rule establishes, in a few words, where a condition names it (a `fact` has no
    # reason to show): "the system is used for a purpose listed in Annex III".
    label: Text = ""
    # Roles the applicant takes on when the rule fires (e.g. a deployer who becomes a provider).
    grants_roles: tuple[Id, ...] = ()
    # A caveat printed with the finding where the law is unsettled.
    caveat: Text = ""


class DateEntry(Authored):
    """A date from which duties apply, and the act that sets it. Dates move: keep them as data.

    `source` says where the date was checked, in words that complete "checked against ...".
    `verified` is true only when that source is the official text of the act; an unverified date
    must name its source (forms.checks), since the results quote it.
    """

    id: Id
    date: dt.date
    set_by: Text
    verified: bool = True
    source: Text = ""
    # The date in the Act as first published, where a later act moved it.
    original_date: dt.date | None = None
    original_set_by: Text = ""


class DatedChoice(Authored):
    when: Condition
    date: Id


class Obligation(Authored):
    id: Id
    text: Text
    refs: Refs = Field(min_length=1)
    roles: tuple[Id, ...] = Field(min_length=1)
    when: Condition
    # The first choice whose condition holds gives the date; `date` is the fallback.
    dates: tuple[DatedChoice, ...] = ()
    date: Id | None = None
    group: Text = ""


class Gap(Authored):
    """Something the applicant must still do or provide before applying; listed when `when` holds."""

    id: Id
    text: Text
    refs: Refs = Field(min_length=1)
    when: Condition


class Outcome(Authored):
    """One possible answer of a verdict, with the reason shown for it."""

    value: Id
    when: Condition
    reason: Text
    refs: Refs = ()


class Verdict(Authored):
    """A derived result (e.g. whether a DPIA is needed): the first outcome whose condition holds.

    `applies_if` false gives `not_applicable`; an undecided outcome before any true one gives
    `unknown` with the questions still open. `counts` names a multiple-choice question whose
    chosen options are listed with the result (e.g. the DPIA criteria that were counted).
    """

    id: Id
    title: Text
    applies_if: Condition | None = None
    counts: Id | None = None
    outcomes: tuple[Outcome, ...] = Field(min_length=1)
    part: Part = "data_protection"


class ChecklistItem(Authored):
    id: Id
    text: Text
    met: Condition
    refs: Refs = Field(min_length=1)


class Checklist(Authored):
    """Conditions that must all be met (e.g. Art 59(1)(a)-(j)): met, not met (which), or unknown."""

    id: Id
    title: Text
    applies_if: Condition | None = None
    refs: Refs = ()
    items: tuple[ChecklistItem, ...] = Field(min_length=1)
    part: Part = "data_protection"


# How far a measure is, as the options of a measure's status question name it (an option with
# another id must be an unsure one, which leaves the status unknown).
MEASURE_STATUSES = ("in_place", "planned", "not_started", "not_applicable")


class Measure(Authored):
    """A duty found by a rule, and the question where the applicant says how it is met.

    `obligation` names the obligation of the pack the measure meets, so an output shows the two as
    one requirement. `status_question` is a single-choice question whose option ids are statuses
    (MEASURE_STATUSES) or unsure; `planned_question` a date question: by when a planned measure is
    in place. `tested_question` is a multiple-choice question with an option of the measure's id:
    chosen, the sandbox tests the measure.
    """

    id: Id
    rule: Id
    question: Id
    text: Text
    refs: Refs = Field(min_length=1)
    group: Id = "transparency"
    obligation: Id | None = None
    status_question: Id | None = None
    planned_question: Id | None = None
    tested_question: Id | None = None


class TableColumn(Authored):
    """A column of an answer table: `question` names the question of each row, with {row} standing
    for the row's option id ("risks.{row}.mitigation")."""

    id: Id
    label: Text
    question: Annotated[str, Field(pattern=r"^[a-z0-9_.]*\{row\}[a-z0-9_.]*$", max_length=120)]


class AnswerTable(Authored):
    """Answers shown as a table: a row for each chosen option of the multiple-choice question
    `rows`, a column for each question asked per option (the risks of a test and their mitigation,
    for example)."""

    id: Id
    title: Text
    part: Part = ""
    rows: Id
    # Options of `rows` that make no row (such as "none of these").
    not_rows: tuple[Id, ...] = ()
    # The heading of the column of the rows' options.
    label: Text
    columns: tuple[TableColumn, ...] = Field(min_length=1)

    def cell(self, column: TableColumn, option_id: str) -> str:
        """The id of the question in `column` for the row of `option_id`."""
        return column.question.replace("{row}", option_id)


class HeadlineText(Authored):
    """The headline of a result an outcome alone would misstate (see risk_tiers/headline.py)."""

    label: Text
    summary: Text = ""


class UndecidedText(Authored):
    """The summary of a result that is not settled: a more severe tier is still possible. It may
    name {reached}, the label of the tier the answers reach so far, and {questions}, the questions
    that decide it (at most `listed` of them, then `more` with {count} for the rest)."""

    summary: Text
    listed: int = Field(5, ge=1, le=50)
    more: Text


class ReliefText(HeadlineText):
    """The headline of a result relieved by an exception: findings of kind `finding` while the track
    reaches `outcome`, which then must never read as that outcome alone (an Annex III system
    exempted under Art 6(3) is not "minimal risk"). `summary` may name {points}, the labels of the
    relieving findings' refs starting with `points_from`, and {conditions}, those starting with
    `conditions_from`; `no_points` and `no_condition` stand in when none is cited."""

    finding: Id
    outcome: Id
    points_from: Id
    conditions_from: Id
    no_points: Text
    no_condition: Text


class TrackOutcome(Authored):
    """One result a track can reach, in the pack's words."""

    id: Id
    label: Text
    summary: Text = ""
    # The words while the answers so far reach a lower outcome but could still make it this one.
    possibly: Text = ""
    colour: Colour | None = None
    # A gating outcome (the law does not apply at all) sets every other track and duty aside.
    gates: bool = False


class Track(Authored):
    """One line of results the pack declares (a risk tier, a model status ...): its outcomes in
    order of precedence, the first one a firing rule grounds wins, else `default`."""

    id: Id
    label: Text
    outcomes: tuple[TrackOutcome, ...] = Field(min_length=1)
    default: Id
    # When this rule fires the track does not apply, and `set_aside_text` is its headline.
    set_aside_by: Id | None = None
    set_aside_text: HeadlineText | None = None
    relief: ReliefText | None = None

    def outcome(self, outcome_id: str) -> TrackOutcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)


class Pack(Authored):
    id: Id
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    title: Text
    # The pack's name where several jurisdictions stand side by side (a result line, a table's
    # column); the title when not given (filled in below, so every reader takes it as it is).
    short_title: Text = ""
    law_current_to: dt.date
    law_note: Text = ""
    # Where the pack keeps the answers the engine itself reads.
    roles_question: Id
    # The results the pack's rules ground, the first being the headline's.
    tracks: tuple[Track, ...] = Field(min_length=1)
    # The headline while nothing the rules read is answered yet, and the summary of a result a
    # more severe outcome could still replace. An unsure answer never reads as a settled lower one.
    not_assessed_text: HeadlineText | None = None
    undecided_text: UndecidedText | None = None
    # The words for derived results' values (verdict outcomes such as "required").
    value_labels: dict[Id, Text] = {}
    # The open point for an unverified date of a duty that applies; names {date} and {set_by}.
    unverified_date_text: Text = ""
    # Where the pack asks who applies and for which system: the dossier's cover, its metadata and
    # the name the wizard suggests for it come from these answers.
    applicant_name_question: Id | None = None
    system_name_question: Id | None = None
    # The answers an application's one-page summary shows, in this order (what the system is for,
    # what the sandbox should achieve, when and for how long).
    summary_questions: tuple[Id, ...] = ()
    # What the applicant declares above the signature, and the provisions it rests on.
    declaration: Text = ""
    declaration_refs: Refs = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    rules: tuple[Rule, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    dates: tuple[DateEntry, ...] = ()
    # What follows from the application sections: derived results, duties with their stated
    # measures, and gaps to close before applying.
    verdicts: tuple[Verdict, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    measures: tuple[Measure, ...] = ()
    gaps: tuple[Gap, ...] = ()
    # Words of the law explained, what to prepare before starting, and how long the questions take.
    glossary: tuple[Term, ...] = ()
    prepare: tuple[PrepareItem, ...] = ()
    estimate: Estimate | None = None
    # Answers an application shows as tables.
    tables: tuple[AnswerTable, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _short_title_or_title(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("short_title") and data.get("title"):
            data = {**data, "short_title": data["title"]}
        return data
