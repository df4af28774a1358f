"""The schema of a question pack: what is asked, the rules that read the answers, and what follows.

A pack is authored data. Every model is frozen and forbids unknown keys, so a typo in a pack fails
when it is loaded, naming the file and the id. Cross-references (conditions that name questions,
options, rules and provisions) are checked by `forms.checks` after the shapes are valid.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from forms.conditions import Condition

Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$", max_length=120)]
Text = Annotated[str, Field(max_length=20_000)]
Refs = tuple[Annotated[str, Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")], ...]


class Authored(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tier(str, Enum):
    """System tiers, most severe first where they compete (see `Pack.tier_order`)."""

    NOT_AI_SYSTEM = "not_ai_system"
    OUT_OF_SCOPE = "out_of_scope"
    PROHIBITED = "prohibited"
    HIGH_RISK = "high_risk"
    TRANSPARENCY = "transparency"
    MINIMAL = "minimal"


class GpaiStatus(str, Enum):
    NONE = "none"
    GPAI = "gpai"
    GPAI_SYSTEMIC = "gpai_systemic"


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
    required: bool = True
    show_if: Condition | None = None
    refs: Refs = ()


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


class LongTextQuestion(QuestionBase):
    kind: Literal["long_text"]
    max_length: int = Field(20_000, ge=1, le=200_000)


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


class Section(Authored):
    id: Id
    title: Text
    intro: Text = ""
    show_if: Condition | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


# --- rules and what follows from them -------------------------------------------------------

class Rule(Authored):
    """One legal test. When `when` holds, it yields a finding of `tier` citing `refs`.

    `tier` is a system tier, `excluded` (a provision considered and found not to apply: cite its
    `.excl` id), `derogated` (an Annex III system relieved by Art 6(3): duties remain), `gpai` /
    `gpai_systemic` (the model track) or `fact` (an intermediate test other rules name, never shown).
    """

    id: Id
    tier: Literal[
        "not_ai_system", "out_of_scope", "prohibited", "high_risk", "transparency", "minimal",
        "excluded", "derogated", "gpai", "gpai_systemic", "fact",
    ]
    when: Condition
    refs: Refs = ()
    reason: Text = ""
    # What the rule establishes, in a few words, where a condition names it (a `fact` has no
    # reason to show): "the system is used for a purpose listed in Annex III".
    label: Text = ""
    # Roles the applicant takes on when the rule fires (Art 25: a deployer becomes a provider).
    grants_roles: tuple[Id, ...] = ()
    # A caveat printed with the finding where the law is unsettled.
    caveat: Text = ""


class DateEntry(Authored):
    """A date from which duties apply, and the act that sets it. Dates move: keep them as data."""

    id: Id
    date: dt.date
    set_by: Text
    verified: bool = True
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


class Measure(Authored):
    """A duty found by a rule, and the question where the applicant says how it is met."""

    id: Id
    rule: Id
    question: Id
    text: Text
    refs: Refs = Field(min_length=1)
    group: Id = "transparency"


class TierText(Authored):
    tier: Tier
    label: Text
    summary: Text


class HeadlineText(Authored):
    """The headline of a result the tier alone would misstate (see risk_tiers/headline.py)."""

    label: Text
    summary: Text = ""


class DerogationText(HeadlineText):
    """The headline of an Annex III system relieved by a derogation, which keeps the minimal tier in
    the data but must never read as "minimal risk". `summary` may name {points}, the labels of the
    derogation findings' refs starting with `points_from`, and {conditions}, those starting with
    `conditions_from`; `no_points` and `no_condition` stand in when none is cited."""

    points_from: Id
    conditions_from: Id
    no_points: Text
    no_condition: Text


class Pack(Authored):
    id: Id
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    title: Text
    law_current_to: dt.date
    law_note: Text = ""
    # Where the pack keeps the answers the engine itself reads.
    roles_question: Id
    # Where the pack asks who applies and for which system: the dossier's cover, its metadata and
    # the name the wizard suggests for it come from these answers.
    applicant_name_question: Id | None = None
    system_name_question: Id | None = None
    # The order in which tiers take precedence for the primary tier; gating tiers come first.
    tier_order: tuple[Tier, ...]
    tiers: tuple[TierText, ...]
    # When this rule fires, only a general-purpose AI model is placed: no system tier applies, and
    # `model_only_text` is the headline.
    model_only_rule: Id | None = None
    model_only_text: HeadlineText | None = None
    # The headline of a system with a `derogated` finding and no higher tier.
    derogation_text: DerogationText | None = None
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
