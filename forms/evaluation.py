"""Reading answers against a pack: which questions are visible, and which rules fire.

Pure: an `Evaluation` takes a pack and a mapping of question id to answer value, and memoises
what it works out. The answer to a hidden question does not count (it is kept in the draft, but
the rules do not read it), and "unsure" counts as unknown, never as "no".
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Mapping

from forms.conditions import (AllOf, AnswerTest, AnyOf, AtLeast, Condition, NotOf, RuleTest, Truth, Unless, evaluate,
                              questions_named, walk)
from forms.schema import Pack, Question, Rule, Section

UNSURE = "unsure"


class PackIndex:
    """Lookups over a pack, built once per pack."""

    def __init__(self, pack: Pack):
        self.sections: dict[str, Section] = {s.id: s for s in pack.sections}
        self.questions: dict[str, Question] = {}
        self.section_of: dict[str, Section] = {}
        for section in pack.sections:
            for question in section.questions:
                self.questions[question.id] = question
                self.section_of[question.id] = section
        self.rules: dict[str, Rule] = {r.id: r for r in pack.rules}
        self.dates = {d.id: d for d in pack.dates}
        # The citations of every item an open point may name as what it could change.
        self.refs: dict[str, tuple[str, ...]] = {
            **{item.id: item.refs for item in (*pack.obligations, *pack.checklists, *pack.gaps)},
            **{v.id: tuple(dict.fromkeys(ref for o in v.outcomes for ref in o.refs)) for v in pack.verdicts},
            **{r.id: r.refs for r in pack.rules},
        }
        # Outcomes that set every other result aside (the law does not apply at all).
        self.gating_outcomes = {o.id for track in pack.tracks for o in track.outcomes if o.gates}
        # The questions any rule reads: while none has an answer, nothing is assessed yet.
        self.rule_questions = set().union(*(questions_named(r.when) for r in pack.rules))
        self.unsure_options = {
            q.id: {o.id for o in q.options if o.unsure}
            for q in self.questions.values()
            if hasattr(q, "options")
        }


_INDEXES: dict[int, tuple[Pack, PackIndex]] = {}


def index_of(pack: Pack) -> PackIndex:
    entry = _INDEXES.get(id(pack))
    if entry is None or entry[0] is not pack:
        entry = (pack, PackIndex(pack))
        _INDEXES[id(pack)] = entry
    return entry[1]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


class Evaluation:
    def __init__(self, pack: Pack, answers: Mapping[str, Any]):
        self.pack = pack
        self.index = index_of(pack)
        self.answers = answers
        self._visible: dict[str, bool] = {}
        self._sections: dict[str, bool] = {}
        self._rules: dict[str, Truth] = {}
        # Rules and hidden questions are shared by many conditions; without these memos the walk
        # through them grows exponentially with the depth of the pack.
        self._rule_unknowns: dict[str, list[str]] = {}
        self._truths: dict[int, tuple[Condition, Truth]] = {}
        self._unknowns: dict[int, tuple[Condition, list[str]]] = {}
        self._hidden_by: dict[str, list[str]] = {}

    # --- answers ---
    def raw(self, question_id: str) -> Any:
        value = self.answers.get(question_id)
        return None if is_empty(value) else value

    def answered(self, question_id: str) -> bool:
        """True when the question is visible and has an answer ("unsure" included)."""
        return self.is_visible(question_id) and self.raw(question_id) is not None

    def is_unsure(self, question_id: str) -> bool:
        value = self.raw(question_id)
        if value == UNSURE and self.index.questions[question_id].kind == "yes_no":
            return True
        unsure = self.index.unsure_options.get(question_id, ())
        if isinstance(value, str):
            return value in unsure
        if isinstance(value, (list, tuple)):
            return any(v in unsure for v in value)
        return False

    def known(self, question_id: str) -> Any:
        """The answer the rules may read: None when hidden, unanswered or unsure."""
        if not self.answered(question_id) or self.is_unsure(question_id):
            return None
        return self.raw(question_id)

    # --- visibility ---
    def truth(self, condition: Condition | None) -> Truth:
        if condition is None:
            return Truth.TRUE
        # The same condition is asked about again and again (by the open points, the gaps, the
        # undecided results): remember each answer, keeping the condition so its id stays its own.
        memo = self._truths.get(id(condition))
        if memo is None or memo[0] is not condition:
            memo = (condition, evaluate(condition, self.known, self.answered, self.rule))
            self._truths[id(condition)] = memo
        return memo[1]

    def section_visible(self, section_id: str) -> bool:
        if section_id not in self._sections:
            section = self.index.sections[section_id]
            self._sections[section_id] = self.truth(section.show_if) is Truth.TRUE
        return self._sections[section_id]

    def is_visible(self, question_id: str) -> bool:
        if question_id not in self._visible:
            question = self.index.questions[question_id]
            section = self.index.section_of[question_id]
            self._visible[question_id] = self.section_visible(section.id) and (
                self.truth(question.show_if) is Truth.TRUE
            )
        return self._visible[question_id]

    @cached_property
    def visible_questions(self) -> list[str]:
        return [qid for qid in self.index.questions if self.is_visible(qid)]

    def missing_required(self) -> list[str]:
        return [
            qid for qid in self.visible_questions
            if self.index.questions[qid].required and self.raw(qid) is None
        ]

    # --- rules ---
    def rule(self, rule_id: str) -> Truth:
        if rule_id not in self._rules:
            self._rules[rule_id] = self.truth(self.index.rules[rule_id].when)
        return self._rules[rule_id]

    # --- explanations ---
    def support(self, condition: Condition, wanted: Truth = Truth.TRUE) -> list[str]:
        """Question ids whose answers make `condition` come out as `wanted` (TRUE or FALSE)."""
        if self.truth(condition) is not wanted:
            return []
        if isinstance(condition, AnswerTest):
            return [condition.q]
        if isinstance(condition, RuleTest):
            return self.support(self.index.rules[condition.rule].when, wanted)
        if isinstance(condition, NotOf):
            return self.support(condition.not_, wanted.negate())
        if isinstance(condition, Unless):
            # Only in show_if (never in a result), where no answer is cited.
            return []
        if isinstance(condition, AtLeast):
            children = condition.of
        else:
            children = condition.all if isinstance(condition, AllOf) else condition.any
        # All children are needed where every one must agree; otherwise the first that decides.
        every = (isinstance(condition, AllOf) and wanted is Truth.TRUE) or (
            isinstance(condition, AnyOf) and wanted is Truth.FALSE) or isinstance(condition, AtLeast)
        found: list[str] = []
        for child in children:
            part = self.support(child, wanted)
            if part and not every:
                return part
            found.extend(q for q in part if q not in found)
        return found

    def unknowns(self, condition: Condition) -> list[str]:
        """Visible questions, unanswered or unsure, that leave `condition` undecided."""
        memo = self._unknowns.get(id(condition))
        if memo is None or memo[0] is not condition:
            memo = (condition, self._find_unknowns(condition))
            self._unknowns[id(condition)] = memo
        return list(memo[1])

    def _find_unknowns(self, condition: Condition) -> list[str]:
        if self.truth(condition) is not Truth.UNKNOWN:
            return []
        found: dict[str, None] = {}  # in order, once each
        # An `unless` is never undecided, so the answers under it cannot be what leaves it open.
        for leaf in walk(condition, into_unless=False):
            if isinstance(leaf, RuleTest):
                found.update(dict.fromkeys(self._unknowns_of_rule(leaf.rule)))
            elif self.is_visible(leaf.q):
                if self.known(leaf.q) is None:
                    found[leaf.q] = None
            else:
                found.update(dict.fromkeys(self._hiding(leaf.q)))
        return list(found)

    def _unknowns_of_rule(self, rule_id: str) -> list[str]:
        if rule_id not in self._rule_unknowns:
            self._rule_unknowns[rule_id] = self.unknowns(self.index.rules[rule_id].when)
        return self._rule_unknowns[rule_id]

    def _hiding(self, question_id: str) -> list[str]:
        """The open questions that keep a question hidden, so answering them may reveal it."""
        if question_id not in self._hidden_by:
            self._hidden_by[question_id] = self._find_hiding(question_id)
        return self._hidden_by[question_id]

    def _find_hiding(self, question_id: str) -> list[str]:
        question = self.index.questions[question_id]
        section = self.index.section_of[question_id]
        found: list[str] = []
        for condition in (section.show_if, question.show_if):
            if condition is not None:
                found.extend(q for q in self.unknowns(condition) if q not in found)
        return found
