"""`questions` shows what the wizard shows: help, options with their help, and when each question is
asked, readable and complete enough that a script can tell from the JSON alone which questions a
draft is asked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.commands.listing import questions_json, questions_text
from forms.conditions import rules_named
from forms.evaluation import Evaluation
from forms.loader import default_pack
from forms.readable import Part, describe

ROOT = Path(__file__).resolve().parents[2]
PACK = default_pack()
QUESTIONS = [q for s in PACK.sections for q in s.questions]


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- a reader of the JSON alone: three-valued, as the listing's "reading" note says --------------

class JsonReader:
    """Decides which questions a draft is asked, from `questions --json` and nothing else."""

    def __init__(self, listing: dict, answers: dict):
        self.answers = answers
        self.questions = {q["id"]: (s, q) for s in listing["sections"] for q in s["questions"]}
        self.rules = {r["id"]: r["holds_when"]["condition"] for r in listing["rules"]}
        self._visible: dict[str, bool] = {}

    def visible(self, qid: str) -> bool:
        if qid not in self._visible:
            when = self.questions[qid][1]["asked_when"]
            self._visible[qid] = when is None or self.truth(when["condition"]) is True
        return self._visible[qid]

    def answered(self, qid: str) -> bool:
        return self.visible(qid) and self.answers.get(qid) not in (None, "", [])

    def known(self, qid: str):
        if not self.answered(qid):
            return None
        value = self.answers[qid]
        unsure = {o["id"] for o in self.questions[qid][1].get("options", []) if o["unsure"]}
        chosen = value if isinstance(value, list) else [value]
        return None if any(isinstance(v, str) and v in unsure for v in chosen) else value

    def truth(self, node: dict):
        """True, False or None (undecided)."""
        part = node["part"]
        if part == "rule":
            return self.truth(self.rules[node["rule"]])
        if part == "answer":
            return self._test(node)
        truths = [self.truth(p) for p in node["parts"]]
        if part == "not":
            return None if truths[0] is None else not truths[0]
        if part == "unless":  # only in show_if: holds until its part is known to hold
            return truths[0] is not True
        needed = {"all": len(truths), "any": 1, "at_least": node.get("count")}[part]
        certain, possible = truths.count(True), truths.count(True) + truths.count(None)
        return True if certain >= needed else (False if possible < needed else None)

    def _test(self, node: dict):
        test, operand = node["test"], node["operand"]
        if test == "answered":
            return self.answered(node["question"]) == operand
        value = self.known(node["question"])
        if value is None:
            return None
        return {"is": lambda: value == operand, "in": lambda: value in operand,
                "has": lambda: operand in value, "has_any": lambda: any(o in value for o in operand),
                "gt": lambda: value > operand, "ge": lambda: value >= operand,
                "lt": lambda: value < operand, "le": lambda: value <= operand}[test]()


LISTING = json.loads(json.dumps(questions_json(PACK)))  # as a script reads it: plain JSON


def _value(question):
    if question.kind == "yes_no":
        return st.sampled_from(["yes", "no", "unsure"])
    if question.kind == "single_choice":
        return st.sampled_from([o.id for o in question.options])
    if question.kind == "multi_choice":
        return st.lists(st.sampled_from([o.id for o in question.options]), min_size=1, unique=True)
    if question.kind == "number":
        return st.integers(0, 2000)
    if question.kind == "date":
        return st.just("2026-09-01")
    return st.sampled_from(["", "some text"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({}, optional={q.id: _value(q) for q in QUESTIONS}))
def test_the_json_alone_tells_which_questions_a_draft_is_asked(answers):
    reader, evaluation = JsonReader(LISTING, answers), Evaluation(PACK, answers)
    assert {q.id for q in QUESTIONS if reader.visible(q.id)} == set(evaluation.visible_questions)


@pytest.mark.parametrize("example", sorted((ROOT / "resources" / "examples").glob("*.json")), ids=lambda p: p.stem)
def test_the_json_alone_tells_which_questions_each_example_is_asked(example):
    answers = {qid: a["value"] for qid, a in json.loads(example.read_text(encoding="utf-8"))["answers"].items()}
    reader = JsonReader(LISTING, answers)
    assert {q.id for q in QUESTIONS if reader.visible(q.id)} == set(Evaluation(PACK, answers).visible_questions)


# --- what each question carries ----------------------------------------------------------------

def test_each_question_carries_its_help_its_options_help_and_its_condition():
    listed = {q["id"]: q for s in LISTING["sections"] for q in s["questions"]}
    sections = {q.id: s for s in PACK.sections for q in s.questions}
    for question in QUESTIONS:
        entry = listed[question.id]
        assert {"id", "kind", "text", "required", "refs", "help", "asked_when"} <= set(entry)
        assert entry["help"] == question.help
        if hasattr(question, "options"):
            assert [(o["id"], o["label"], o["help"], o["unsure"]) for o in entry["options"]] == [
                (o.id, o.label, o.help, o.unsure) for o in question.options]
        conditions = [c for c in (sections[question.id].show_if, question.show_if) if c is not None]
        assert (entry["asked_when"] is None) == (not conditions)


def test_yes_no_options_are_worded_as_the_wizard_words_them():
    from app.qt.texts import TEXT

    listed = {q["id"]: q for s in LISTING["sections"] for q in s["questions"]}
    entry = listed["system.infers"]
    assert [(o["id"], o["label"], o["unsure"]) for o in entry["options"]] == [
        ("yes", TEXT["yes"], False), ("no", TEXT["no"], False), ("unsure", TEXT["unsure"], True)]


def test_an_answer_test_names_its_question_and_the_labels_of_its_options():
    question = next(q for q in QUESTIONS if q.id == "system.autonomy")
    readable = describe(PACK, question.show_if)
    assert readable.part is Part.ALL and [p.part for p in readable.parts] == [Part.ANSWER, Part.ANSWER]
    offering = readable.parts[0]
    assert (offering.question, offering.test, offering.operand) == ("system.offering", "in", ("system", "both"))
    labels = {o.id: o.label for o in next(q for q in QUESTIONS if q.id == "system.offering").options}
    assert [(v.id, v.label) for v in offering.values] == [("system", labels["system"]), ("both", labels["both"])]
    for part in readable.parts:  # the one-line text holds the question's text and each value's label
        assert part.question_text in part.text and all(v.label in part.text for v in part.values)
        assert part.text in readable.text


def test_every_rule_a_condition_names_is_listed_with_what_it_means_and_when_it_holds():
    listed = {r["id"]: r for r in LISTING["rules"]}
    named = set()
    for section in PACK.sections:
        named |= rules_named(section.show_if)
        for question in section.questions:
            named |= rules_named(question.show_if)
    rules = {r.id: r for r in PACK.rules}
    for rule_id in named:  # named by a condition of the listing: a reader must see what it means
        assert listed[rule_id]["label"] and listed[rule_id]["label"] in (rules[rule_id].label, rules[rule_id].reason)
    for entry in listed.values():  # and every rule those rules name is listed too
        assert rules_named(rules[entry["id"]].when) <= set(listed)
        assert entry["holds_when"]["condition"]["text"] == entry["holds_when"]["text"]


def test_a_rule_in_a_condition_reads_with_its_label():
    readable = describe(PACK, next(s for s in PACK.sections if s.id == "products").show_if)
    rule = next(r for r in PACK.rules if r.id == "system.is_ai")
    (part,) = [p for p in readable.parts if p.part is Part.RULE]
    assert (part.rule, part.label) == ("system.is_ai", rule.label)
    assert rule.label in part.text and rule.label in readable.text and "system.is_ai" in readable.text


def test_unless_reads_as_asked_until_the_gate_is_known_to_hold():
    readable = describe(PACK, next(s for s in PACK.sections if s.id == "products").show_if)
    (unless,) = [p for p in readable.parts if p.part is Part.UNLESS]
    assert unless.parts[0].rule == "scope.gated"
    assert unless.text.startswith("unless") and unless.parts[0].label in unless.text


def test_the_text_listing_shows_help_options_conditions_and_rules():
    text = _flat(questions_text(PACK))
    for question in QUESTIONS:
        assert question.id in text
        assert _flat(question.help) in text
        for option in getattr(question, "options", ()):
            assert _flat(option.label) in text and _flat(option.help) in text
    for rule in LISTING["rules"]:
        assert _flat(rule["label"] or rule["id"]) in text
    # each condition is there, part by part, under the question it belongs to
    start = text.index("system.autonomy (")
    block = text[start:text.index("system.purpose (")]
    condition = describe(PACK, next(q for q in QUESTIONS if q.id == "system.autonomy").show_if)
    for part in condition.parts:
        assert _flat(part.text) in block


def test_questions_json_on_the_command_line_keeps_its_keys_and_adds_help_and_conditions():
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "questions", "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"pack", "sections", "rules", "reading"} <= set(data)
    assert data == LISTING
