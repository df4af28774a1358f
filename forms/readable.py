"""Conditions as a reader sees them: the same tree, with the pack's words on every part.

`describe(pack, condition)` gives a `Readable`: each answer test carries its question's text and the
labels of the options it names, each named rule its label (or reason). Every part has its whole text
on one line, and `outline()` lays it out one part a line. The command line's `questions` listing
prints it; the wizard and the dossier can show the same structure. The joining words come from
forms/texts.py, never from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterator

from catalogue.formats import format_number
from forms import texts
from forms.conditions import AllOf, AnswerTest, AnyOf, AtLeast, Condition, NotOf, RuleTest, Unless
from forms.evaluation import index_of
from forms.schema import Pack, Question, Rule, Section

WORDS = texts.CONDITION


class Part(str, Enum):
    ALL = "all"
    ANY = "any"
    NOT = "not"
    UNLESS = "unless"
    AT_LEAST = "at_least"
    ANSWER = "answer"
    RULE = "rule"


COMBINATORS = (Part.ALL, Part.ANY, Part.NOT, Part.UNLESS, Part.AT_LEAST)


@dataclass(frozen=True)
class Value:
    """A value a test names: an option id (or yes/no) with its label, or a number."""

    id: Any
    label: str


@dataclass(frozen=True)
class Readable:
    part: Part
    text: str  # the whole condition, on one line
    parts: tuple["Readable", ...] = ()
    count: int | None = None  # AT_LEAST: how many parts must hold
    # ANSWER: the question tested, the test (is, in, has, has_any, answered, gt, ge, lt, le) and
    # its operand as the pack writes it, with the values named by it and their labels
    question: str | None = None
    question_text: str | None = None
    test: str | None = None
    operand: Any = None
    values: tuple[Value, ...] = ()
    # RULE: the rule and what it means
    rule: str | None = None
    label: str | None = None

    def heading(self) -> str:
        """The line that stands for this part when its own parts are listed below it."""
        if self.part in COMBINATORS:
            return WORDS[f"{self.part.value}_heading"].format(count=self.count)
        return self.text

    def outline(self, depth: int = 0) -> list[tuple[int, str]]:
        """(depth, line) pairs: a combinator's heading, then its parts one level deeper."""
        if self.part not in COMBINATORS:
            return [(depth, self.text)]
        lines = [(depth, self.heading())]
        for part in self.parts:
            lines += part.outline(depth + 1)
        return lines

    def rules(self) -> Iterator[str]:
        """The ids of the rules this condition names, in order."""
        if self.part is Part.RULE:
            yield self.rule
        for part in self.parts:
            yield from part.rules()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"part": self.part.value, "text": self.text}
        if self.part in COMBINATORS:
            data["parts"] = [part.to_json() for part in self.parts]
            if self.count is not None:
                data["count"] = self.count
        elif self.part is Part.ANSWER:
            data.update(question=self.question, question_text=self.question_text, test=self.test,
                        operand=list(self.operand) if isinstance(self.operand, tuple) else self.operand,
                        values=[{"id": v.id, "label": v.label} for v in self.values])
        else:
            data.update(rule=self.rule, label=self.label)
        return data


def describe(pack: Pack, condition: Condition) -> Readable:
    if isinstance(condition, AllOf):
        return combine(Part.ALL, [describe(pack, c) for c in condition.all])
    if isinstance(condition, AnyOf):
        return combine(Part.ANY, [describe(pack, c) for c in condition.any])
    if isinstance(condition, AtLeast):
        return combine(Part.AT_LEAST, [describe(pack, c) for c in condition.of], condition.at_least)
    if isinstance(condition, NotOf):
        return combine(Part.NOT, [describe(pack, condition.not_)])
    if isinstance(condition, Unless):
        return combine(Part.UNLESS, [describe(pack, condition.unless)])
    if isinstance(condition, RuleTest):
        return _rule(pack, condition.rule)
    return _answer(pack, condition)


def combine(part: Part, parts: list[Readable], count: int | None = None) -> Readable:
    shown = [WORDS["nested"].format(text=p.text) if p.part in COMBINATORS else p.text for p in parts]
    if part in (Part.NOT, Part.UNLESS):
        text = WORDS[part.value].format(part=shown[0])
    else:
        text = WORDS[part.value].format(parts=WORDS["separator"].join(shown), count=count)
    return Readable(part=part, text=text, parts=tuple(parts), count=count)


def asked_when(pack: Pack, section: Section, question: Question | None = None) -> Readable | None:
    """When a section (or a question of it) is asked: its section's condition and its own, both
    holding; None when it is always asked."""
    conditions = [section.show_if] + ([question.show_if] if question is not None else [])
    parts = [describe(pack, c) for c in conditions if c is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else combine(Part.ALL, parts)


def rule_label(rule: Rule) -> str:
    """What a rule means to a reader: its label, or else its reason ("" when it has neither)."""
    return rule.label or rule.reason


def rules_behind(pack: Pack, readables: list[Readable]) -> list[Rule]:
    """The rules the conditions name, and the rules those rules name, each once, in order met."""
    rules = index_of(pack).rules
    found: dict[str, Rule] = {}
    pending = [rule_id for readable in readables for rule_id in readable.rules()]
    while pending:
        rule_id = pending.pop(0)
        if rule_id in found:
            continue
        found[rule_id] = rules[rule_id]
        pending += list(describe(pack, rules[rule_id].when).rules())
    return list(found.values())


def _rule(pack: Pack, rule_id: str) -> Readable:
    label = rule_label(index_of(pack).rules[rule_id])
    text = WORDS["rule"].format(label=label, id=rule_id) if label else WORDS["rule_unlabelled"].format(id=rule_id)
    return Readable(part=Part.RULE, text=text, rule=rule_id, label=label)


def _answer(pack: Pack, test: AnswerTest) -> Readable:
    question = index_of(pack).questions[test.q]
    named = WORDS["question"].format(text=question.text, id=question.id)
    op, operand = test.operator(), test.operand()
    values = tuple(Value(v, value_label(question, v)) for v in test.option_values())
    if op == "answered":
        text = WORDS["answered" if operand else "not_answered"].format(question=named)
    elif op in ("gt", "ge", "lt", "le"):
        text = WORDS[op].format(question=named, number=format_number(operand))
        values = (Value(operand, format_number(operand)),)
    else:
        if op == "is" and not values:  # a literal that is no option (checks allow only options today)
            values = (Value(operand, str(operand)),)
        quoted = WORDS["or"].join(WORDS["value"].format(label=v.label) for v in values)
        text = WORDS[op].format(question=named, value=quoted, values=quoted)
    return Readable(part=Part.ANSWER, text=text, question=question.id, question_text=question.text,
                    test=op, operand=operand, values=values)


def value_label(question: Question, value: Any) -> str:
    """An answer value as the wizard shows it: the option's label, or Yes / No / Not sure."""
    if question.kind == "yes_no":
        return texts.YES_NO.get(value, str(value))
    options = {o.id: o.label for o in getattr(question, "options", ())}
    return options.get(value, str(value))
