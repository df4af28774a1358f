"""Conditions as data: a small typed tree, evaluated with three-valued logic.

A condition is one of
    {all: [...]}, {any: [...]}, {not: ...}      combinators
    {at_least: N, of: [...]}                     true when N or more of the conditions hold
    {unless: ...}                                for show_if only: true unless the condition is
                                                 known to hold (see `Unless`)
    {rule: RULE_ID}                              true when that rule fires
    {q: QUESTION_ID, is|in|has|has_any|answered|gt|ge|lt|le: ...}   a test on one answer

Evaluation never reads an unanswered or "unsure" answer as "no": such a test is UNKNOWN, and
UNKNOWN propagates by Kleene's rules (false AND unknown is false, true OR unknown is true).
"""

from __future__ import annotations

from enum import Enum
from functools import cached_property
from typing import Annotated, Any, Callable, Iterator, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from catalogue import tr

Scalar = Union[bool, int, float, str]


class Truth(Enum):
    FALSE = 0
    UNKNOWN = 1
    TRUE = 2

    @classmethod
    def of(cls, value: bool) -> "Truth":
        return cls.TRUE if value else cls.FALSE

    def negate(self) -> "Truth":
        return Truth(2 - self.value)


class _Node(BaseModel):
    # defer_build, as the pack's models (forms/schema.py): built when first validated.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


COMPARISONS = ("gt", "ge", "lt", "le")
TESTS = ("is", "in", "has", "has_any", "answered", *COMPARISONS)  # the keys of a test, as a pack writes them


class AnswerTest(_Node):
    """A test on the answer to one question."""

    q: str
    is_: Scalar | None = Field(None, alias="is")
    in_: tuple[Scalar, ...] | None = Field(None, alias="in")
    has: str | None = None
    has_any: tuple[str, ...] | None = None
    answered: bool | None = None
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> "AnswerTest":
        if len(self.operators()) != 1:
            # pydantic keeps this as the error's context; the loader shows it as it is (it is ours).
            raise ValueError(tr("packs.error.one_test", question=self.q, tests=tr("packs.separator").join(TESTS)))
        return self

    def operators(self) -> list[str]:
        names = ("is_", "in_", "has", "has_any", "answered", *COMPARISONS)
        return [name.rstrip("_") for name in names if getattr(self, name) is not None]

    def operator(self) -> str:
        return self.operator_name

    @cached_property
    def operator_name(self) -> str:
        """The test's one operator, found once: evaluating a pack asks it of every answer test for
        every draft (tens of thousands of times in a workspace's first indexing). Not a field: the
        test's equality, copies and JSON are its fields'."""
        return self.operators()[0]

    def operand(self) -> Any:
        op = self.operator()
        return getattr(self, op + "_" if op in ("is", "in") else op)

    def option_values(self) -> tuple[str, ...]:
        """The option ids this test names (for checking against the question's options)."""
        op = self.operator()
        if op == "is":
            return (self.is_,) if isinstance(self.is_, str) else ()
        if op == "in":
            return tuple(v for v in self.in_ if isinstance(v, str))
        if op == "has":
            return (self.has,)
        if op == "has_any":
            return self.has_any
        return ()


class RuleTest(_Node):
    rule: str


class AllOf(_Node):
    all: tuple["Condition", ...] = Field(min_length=1)


class AnyOf(_Node):
    any: tuple["Condition", ...] = Field(min_length=1)


class NotOf(_Node):
    not_: "Condition" = Field(alias="not")


class AtLeast(_Node):
    at_least: int = Field(ge=1)
    of: tuple["Condition", ...] = Field(min_length=1)


class Unless(_Node):
    """True unless the condition is known to hold: an undecided condition counts as not holding.

    This two-valued reading is for deciding what to ask, never for a legal result: a section
    "asked unless a gating result is reached" must keep being asked while that result is still
    undecided. The pack checks refuse it anywhere but in a section's or a question's show_if.
    """

    unless: "Condition"


# The key that makes a mapping each kind of condition, in the order they are told apart.
_TAGS = (("at_least", "AtLeast"), ("all", "AllOf"), ("any", "AnyOf"), ("not", "NotOf"), ("unless", "Unless"),
         ("rule", "RuleTest"), ("q", "AnswerTest"))
CONDITION_KEYS = tuple(key for key, _ in _TAGS)


def _condition_tag(raw: Any) -> str | None:
    if isinstance(raw, BaseModel):
        return type(raw).__name__
    if not isinstance(raw, dict):
        return None
    for key, tag in _TAGS:
        if key in raw:
            return tag
    return None


Condition = Annotated[
    Union[
        Annotated[AnswerTest, Tag("AnswerTest")],
        Annotated[RuleTest, Tag("RuleTest")],
        Annotated[AllOf, Tag("AllOf")],
        Annotated[AnyOf, Tag("AnyOf")],
        Annotated[NotOf, Tag("NotOf")],
        Annotated[AtLeast, Tag("AtLeast")],
        Annotated[Unless, Tag("Unless")],
    ],
    Discriminator(
        _condition_tag,
        # The loader words an error of this type itself (packs.error.field.condition); pydantic's
        # message is for developers who validate a condition by hand.
        custom_error_type="condition",
        custom_error_message="a condition must have one of the keys all, any, not, at_least, unless, rule or q",
    ),
]

# The nodes that hold conditions name the `Condition` above before it exists: pydantic resolves
# the name when they are first validated (defer_build), not here at import.


# --- walking and evaluating -------------------------------------------------------------------

def walk(condition: Condition, into_unless: bool = True) -> Iterator[AnswerTest | RuleTest]:
    """Every leaf of a condition tree; with `into_unless` false, not those under an `unless`
    (they never leave the condition undecided)."""
    if isinstance(condition, Unless):
        if into_unless:
            yield from walk(condition.unless, into_unless)
    elif isinstance(condition, AllOf):
        for child in condition.all:
            yield from walk(child, into_unless)
    elif isinstance(condition, AnyOf):
        for child in condition.any:
            yield from walk(child, into_unless)
    elif isinstance(condition, NotOf):
        yield from walk(condition.not_, into_unless)
    elif isinstance(condition, AtLeast):
        for child in condition.of:
            yield from walk(child, into_unless)
    else:
        yield condition


def questions_named(condition: Condition | None) -> set[str]:
    if condition is None:
        return set()
    return {leaf.q for leaf in walk(condition) if isinstance(leaf, AnswerTest)}


def rules_named(condition: Condition | None) -> set[str]:
    if condition is None:
        return set()
    return {leaf.rule for leaf in walk(condition) if isinstance(leaf, RuleTest)}


# The value of a known answer, or None when the answer is missing or "unsure".
KnownValue = Callable[[str], Any]
RuleTruth = Callable[[str], Truth]


def evaluate(condition: Condition, known: KnownValue, answered: Callable[[str], bool], rule: RuleTruth) -> Truth:
    if isinstance(condition, AllOf):
        return _all(evaluate(c, known, answered, rule) for c in condition.all)
    if isinstance(condition, AnyOf):
        return _all(evaluate(c, known, answered, rule).negate() for c in condition.any).negate()
    if isinstance(condition, NotOf):
        return evaluate(condition.not_, known, answered, rule).negate()
    if isinstance(condition, AtLeast):
        return _at_least(condition.at_least, [evaluate(c, known, answered, rule) for c in condition.of])
    if isinstance(condition, Unless):
        return Truth.of(evaluate(condition.unless, known, answered, rule) is not Truth.TRUE)
    if isinstance(condition, RuleTest):
        return rule(condition.rule)
    if condition.answered is not None:
        return Truth.of(answered(condition.q) == condition.answered)
    value = known(condition.q)
    if value is None:
        return Truth.UNKNOWN
    return Truth.of(_test(condition, value))


def _all(truths: Iterator[Truth]) -> Truth:
    result = Truth.TRUE
    for truth in truths:
        if truth is Truth.FALSE:
            return Truth.FALSE
        if truth is Truth.UNKNOWN:
            result = Truth.UNKNOWN
    return result


def _at_least(needed: int, truths: list[Truth]) -> Truth:
    certain = truths.count(Truth.TRUE)
    possible = certain + truths.count(Truth.UNKNOWN)
    if certain >= needed:
        return Truth.TRUE
    return Truth.FALSE if possible < needed else Truth.UNKNOWN


def _test(test: AnswerTest, value: Any) -> bool:
    op = test.operator()
    if op == "is":
        return value == test.is_
    if op == "in":
        return value in test.in_
    if op == "has":
        return test.has in value
    if op == "has_any":
        return any(option in value for option in test.has_any)
    number = float(value)
    bound = test.operand()
    return {"gt": number > bound, "ge": number >= bound, "lt": number < bound, "le": number <= bound}[op]
