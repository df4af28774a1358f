"""Checks across a whole pack: unique ids, references that exist, tests that fit, no cycles.

`check_pack` returns the first problem as (id of the item at fault, one-line message), or None.
The id is one the loader knows the file of: for a question, its section's.
"""

from __future__ import annotations

from string import Formatter
from typing import Iterator

from forms.citations import is_under, provisions
from forms.conditions import AnswerTest, Condition, RuleTest, questions_named, rules_named, walk
from forms.schema import YES_NO_VALUES, Pack

Problem = tuple[str, str]
# Inside the checks a problem also says what kind of item is at fault: (kind, id, message).
Found = tuple[str, str, str]

# Which tests fit which kind of question.
_OPERATORS = {
    "yes_no": {"is", "in", "answered"},
    "single_choice": {"is", "in", "answered"},
    "multi_choice": {"has", "has_any", "answered"},
    "short_text": {"answered"},
    "long_text": {"answered"},
    "number": {"gt", "ge", "lt", "le", "answered"},
    "date": {"answered"},
}


_KIND_NAMES = {"yes_no": "yes/no", "single_choice": "single-choice", "multi_choice": "multiple-choice",
               "short_text": "short text", "long_text": "long text", "number": "number", "date": "date"}


def check_pack(pack: Pack) -> Problem | None:
    for check in (_unique_ids, _references, _results, _conditions, _cycles):
        for kind, item_id, message in check(pack):
            return _locatable(pack, kind, item_id), message
    return None


def _locatable(pack: Pack, kind: str, item_id: str) -> str:
    """The id by which the loader finds the file at fault. It records the files of top-level items,
    so a question is found through its section (the message still names the question)."""
    if kind == "question":
        return next((s.id for s in pack.sections for q in s.questions if q.id == item_id), item_id)
    return item_id


def _all_questions(pack: Pack):
    for section in pack.sections:
        yield from section.questions


def _conditions_of(pack: Pack) -> Iterator[tuple[str, str, Condition]]:
    """(kind, id, condition) for every condition in the pack."""
    for section in pack.sections:
        if section.show_if is not None:
            yield "section", section.id, section.show_if
    for question in _all_questions(pack):
        if question.show_if is not None:
            yield "question", question.id, question.show_if
    for rule in pack.rules:
        yield "rule", rule.id, rule.when
    for obligation in pack.obligations:
        yield "obligation", obligation.id, obligation.when
        for choice in obligation.dates:
            yield "obligation", obligation.id, choice.when
    yield from _result_conditions(pack)


def _result_conditions(pack: Pack) -> Iterator[tuple[str, str, Condition]]:
    for verdict in pack.verdicts:
        if verdict.applies_if is not None:
            yield "verdict", verdict.id, verdict.applies_if
        for outcome in verdict.outcomes:
            yield "verdict", verdict.id, outcome.when
    for checklist in pack.checklists:
        if checklist.applies_if is not None:
            yield "checklist", checklist.id, checklist.applies_if
        for item in checklist.items:
            yield "checklist", checklist.id, item.met
    for gap in pack.gaps:
        yield "gap", gap.id, gap.when


def _unique_ids(pack: Pack) -> Iterator[Found]:
    groups = {
        "section": [s.id for s in pack.sections],
        "question": [q.id for q in _all_questions(pack)],
        "rule": [r.id for r in pack.rules],
        "obligation": [o.id for o in pack.obligations],
        "date": [d.id for d in pack.dates],
        "verdict": [v.id for v in pack.verdicts],
        "checklist": [c.id for c in pack.checklists],
        "measure": [m.id for m in pack.measures],
        "gap": [g.id for g in pack.gaps],
    }
    for kind, ids in groups.items():
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                yield kind, item_id, f"{kind} '{item_id}': the id is used twice"
            seen.add(item_id)
    for question in _all_questions(pack):
        options = [o.id for o in getattr(question, "options", ())]
        if len(set(options)) != len(options):
            yield "question", question.id, f"question '{question.id}': an option id is used twice"


def _references(pack: Pack) -> Iterator[Found]:
    known = provisions()
    items = [("question", q.id, q.refs) for q in _all_questions(pack)]
    items += [("rule", r.id, r.refs) for r in pack.rules]
    items += [("obligation", o.id, o.refs) for o in pack.obligations]
    items += [("verdict", v.id, o.refs) for v in pack.verdicts for o in v.outcomes]
    items += [("checklist", c.id, c.refs + tuple(r for i in c.items for r in i.refs)) for c in pack.checklists]
    items += [("measure", m.id, m.refs) for m in pack.measures]
    items += [("gap", g.id, g.refs) for g in pack.gaps]
    for kind, item_id, refs in items:
        for ref in refs:
            if ref not in known:
                yield kind, item_id, f"{kind} '{item_id}': cites '{ref}', which is not in the provisions list"
    questions = {q.id: q for q in _all_questions(pack)}
    roles_question = questions.get(pack.roles_question)
    if roles_question is None or roles_question.kind != "multi_choice":
        yield "pack", pack.id, f"roles_question '{pack.roles_question}' must name a multiple-choice question"
        return
    roles = {o.id for o in roles_question.options}
    for key in ("applicant_name_question", "system_name_question"):
        named = getattr(pack, key)
        if named is not None and getattr(questions.get(named), "kind", None) != "short_text":
            yield "pack", pack.id, f"{key} '{named}' must name a short-text question"
    dates = {d.id for d in pack.dates}
    rule_ids = {r.id for r in pack.rules}
    if pack.model_only_rule and pack.model_only_rule not in rule_ids:
        yield "pack", pack.id, f"model_only_rule '{pack.model_only_rule}' is not a rule of the pack"
    for rule in pack.rules:
        for role in rule.grants_roles:
            if role not in roles:
                yield "rule", rule.id, f"rule '{rule.id}': grants role '{role}', which is not an option of '{pack.roles_question}'"
    for obligation in pack.obligations:
        for role in obligation.roles:
            if role not in roles:
                yield "obligation", obligation.id, f"obligation '{obligation.id}': role '{role}' is not an option of '{pack.roles_question}'"
        for date_id in [c.date for c in obligation.dates] + [obligation.date]:
            if date_id is not None and date_id not in dates:
                yield "obligation", obligation.id, f"obligation '{obligation.id}': date '{date_id}' is not in the pack's dates"
        if not obligation.dates and obligation.date is None:
            yield "obligation", obligation.id, f"obligation '{obligation.id}': says nothing of when it applies (dates or date)"
    tier_texts = {t.tier for t in pack.tiers}
    for tier in pack.tier_order:
        if tier not in tier_texts:
            yield "pack", pack.id, f"tier '{tier.value}' has no label and summary in 'tiers'"
    yield from _headline_texts(pack)


def _headline_texts(pack: Pack) -> Iterator[Found]:
    """The headlines the engine may need are there, and name only what it can fill in."""
    if pack.model_only_rule and pack.model_only_text is None:
        yield "pack", pack.id, "model_only_rule is set, but model_only_text (its headline) is missing"
    derogated = next((r.id for r in pack.rules if r.tier == "derogated"), None)
    if derogated and pack.derogation_text is None:
        yield "pack", pack.id, f"rule '{derogated}' derogates, but derogation_text (its headline) is missing"
    text = pack.derogation_text
    if text is None:
        return
    try:
        named = {field for _, field, _, _ in Formatter().parse(text.summary) if field is not None}
    except ValueError as error:  # a lone brace
        yield "pack", pack.id, f"derogation_text.summary: {error} (write {{{{ and }}}} for a brace itself)"
        return
    unknown = sorted(named - {"points", "conditions"})
    if unknown:
        yield "pack", pack.id, (f"derogation_text.summary names {{{unknown[0]}}}; "
                                "only {points} and {conditions} are filled in")
    known = provisions()
    for key, prefix in (("points_from", text.points_from), ("conditions_from", text.conditions_from)):
        if not any(is_under(ref, prefix) for ref in known):
            yield "pack", pack.id, f"derogation_text.{key} '{prefix}' names no provision in the provisions list"


def _results(pack: Pack) -> Iterator[Found]:
    """Verdicts count multiple-choice questions; measures name a rule and a question that exist."""
    questions = {q.id: q for q in _all_questions(pack)}
    rule_ids = {r.id for r in pack.rules}
    for verdict in pack.verdicts:
        counted = questions.get(verdict.counts) if verdict.counts else None
        if verdict.counts and (counted is None or counted.kind != "multi_choice"):
            yield "verdict", verdict.id, f"verdict '{verdict.id}': counts '{verdict.counts}', which is not a multiple-choice question"
    for measure in pack.measures:
        if measure.rule not in rule_ids:
            yield "measure", measure.id, f"measure '{measure.id}': names rule '{measure.rule}', which does not exist"
        if measure.question not in questions:
            yield "measure", measure.id, f"measure '{measure.id}': names question '{measure.question}', which does not exist"


def _conditions(pack: Pack) -> Iterator[Found]:
    questions = {q.id: q for q in _all_questions(pack)}
    rule_ids = {r.id for r in pack.rules}
    for kind, item_id, condition in _conditions_of(pack):
        for leaf in walk(condition):
            problem = _leaf_problem(leaf, questions, rule_ids)
            if problem:
                yield kind, item_id, f"{kind} '{item_id}': {problem}"


def _leaf_problem(leaf: AnswerTest | RuleTest, questions: dict, rule_ids: set[str]) -> str | None:
    if isinstance(leaf, RuleTest):
        return None if leaf.rule in rule_ids else f"names rule '{leaf.rule}', which does not exist"
    question = questions.get(leaf.q)
    if question is None:
        return f"names question '{leaf.q}', which does not exist"
    op = leaf.operator()
    if op not in _OPERATORS[question.kind]:
        return f"the test '{op}' does not fit '{leaf.q}', a {_KIND_NAMES[question.kind]} question"
    allowed = {o.id for o in question.options} if hasattr(question, "options") else set(YES_NO_VALUES)
    if question.kind in ("yes_no", "single_choice", "multi_choice"):
        values = leaf.option_values()
        if op in ("is", "in") and len(values) != len(leaf.operand() if op == "in" else [leaf.operand()]):
            return f"the test on '{leaf.q}' must name option ids"
        for value in values:
            if value not in allowed:
                return f"'{value}' is not an option of question '{leaf.q}'"
    return None


def _cycles(pack: Pack) -> Iterator[Found]:
    """Questions and rules must not depend on themselves, directly or through others."""
    edges: dict[str, set[str]] = {}
    for section in pack.sections:
        for question in section.questions:
            node = "q:" + question.id
            edges[node] = set()
            for condition in (section.show_if, question.show_if):
                edges[node] |= {"q:" + q for q in questions_named(condition)}
                edges[node] |= {"r:" + r for r in rules_named(condition)}
    for rule in pack.rules:
        edges["r:" + rule.id] = {"q:" + q for q in questions_named(rule.when)} | {
            "r:" + r for r in rules_named(rule.when)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path + [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for node in edges:
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                start = cycle.index(cycle[-1])
                loop = " -> ".join(n[2:] for n in cycle[start:])
                kind = "question" if cycle[-1].startswith("q:") else "rule"
                yield kind, cycle[-1][2:], f"{kind} '{cycle[-1][2:]}': depends on itself ({loop})"
                return
