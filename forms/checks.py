"""Checks across a whole pack: unique ids, references that exist, tests that fit, no cycles.

`check_pack` returns the first problem as (kind, id of the item at fault, one-line message), or
None. The kind and id are ones the loader knows the file of: for a question, its section's. The
message is the catalogue's (`packs.check.*`), naming the item by its kind's name (`packs.kind.*`)
and its id; ids, keys and values of the pack are filled in as they are written.
"""

from __future__ import annotations

from string import Formatter
from typing import Iterator

from catalogue import table, tr
from forms.citations import is_under, provisions
from forms.conditions import AllOf, AnswerTest, AnyOf, AtLeast, Condition, NotOf, RuleTest, Unless, questions_named, rules_named, walk
from forms.estimate import estimate_problems
from forms.glossary import glossary_problems
from forms.schema import CONTEXT, EXCLUDED, FACT, MEASURE_STATUSES, YES_NO_VALUES, Measure, Pack
from forms.shared_core import link_problems

# What kind of item is at fault, its id, and the message: (kind, id, message).
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


KINDS = table("packs.kind")  # the names of a pack's items: "rule", "question"
QUESTION_KINDS = table("packs.question_kind")  # the names of the kinds of question: "yes/no"


def _item(kind: str, item_id: str) -> str:
    """The item as messages name it: its kind's name and its id ("rule 'annex3.point4a'")."""
    return tr("packs.item", kind=KINDS[kind], id=item_id)


def check_pack(pack: Pack) -> Found | None:
    for check in (_unique_ids, _references, _results, _conditions, _unless_only_in_show_if, _cycles,
                  glossary_problems, estimate_problems, link_problems):
        for kind, item_id, message in check(pack):
            return (*_locatable(pack, kind, item_id), message)
    return None


def _locatable(pack: Pack, kind: str, item_id: str) -> tuple[str, str]:
    """The (kind, id) by which the loader finds the file at fault. It records the files of
    top-level items, so a question is found through its section (the message still names it)."""
    if kind == "question":
        return "section", next((s.id for s in pack.sections for q in s.questions if q.id == item_id), item_id)
    return kind, item_id


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
        "prepare_item": [p.id for p in pack.prepare],
        "table": [t.id for t in pack.tables],
    }
    for kind, ids in groups.items():
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                yield kind, item_id, tr("packs.check.id_twice", item=_item(kind, item_id))
            seen.add(item_id)
    for question in _all_questions(pack):
        options = [o.id for o in getattr(question, "options", ())]
        twice = next((o for o in options if options.count(o) > 1), None)
        if twice:
            yield "question", question.id, tr("packs.check.option_twice", item=_item("question", question.id),
                                              option=twice)


def cited(pack: Pack) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, id, provision ids) for each item of `pack` that cites provisions."""
    items = [("question", q.id, q.refs) for q in _all_questions(pack)]
    items += [("rule", r.id, r.refs) for r in pack.rules]
    items += [("obligation", o.id, o.refs) for o in pack.obligations]
    items += [("verdict", v.id, o.refs) for v in pack.verdicts for o in v.outcomes]
    items += [("checklist", c.id, c.refs + tuple(r for i in c.items for r in i.refs)) for c in pack.checklists]
    items += [("measure", m.id, m.refs) for m in pack.measures]
    items += [("gap", g.id, g.refs) for g in pack.gaps]
    return items


def _references(pack: Pack) -> Iterator[Found]:
    known = provisions()
    for kind, item_id, refs in cited(pack):
        for ref in refs:
            if ref not in known:
                yield kind, item_id, tr("packs.check.unknown_citation", item=_item(kind, item_id), ref=ref)
    questions = {q.id: q for q in _all_questions(pack)}
    roles_question = questions.get(pack.roles_question)
    if roles_question is None or roles_question.kind != "multi_choice":
        yield "pack", pack.id, tr("packs.check.roles_question", key="roles_question", question=pack.roles_question)
        return
    roles = {o.id for o in roles_question.options}
    for key in ("applicant_name_question", "system_name_question"):
        named = getattr(pack, key)
        if named is not None and getattr(questions.get(named), "kind", None) != "short_text":
            yield "pack", pack.id, tr("packs.check.name_question", key=key, question=named)
    dates = {d.id for d in pack.dates}
    for rule in pack.rules:
        for role in rule.grants_roles:
            if role not in roles:
                yield "rule", rule.id, tr("packs.check.granted_role", item=_item("rule", rule.id), role=role,
                                            question=pack.roles_question)
    for obligation in pack.obligations:
        for role in obligation.roles:
            if role not in roles:
                yield "obligation", obligation.id, tr("packs.check.role", item=_item("obligation", obligation.id),
                                                        role=role, question=pack.roles_question)
        for date_id in [c.date for c in obligation.dates] + [obligation.date]:
            if date_id is not None and date_id not in dates:
                yield "obligation", obligation.id, tr("packs.check.unknown_date", date=date_id,
                                                        item=_item("obligation", obligation.id))
        if not obligation.dates and obligation.date is None:
            yield "obligation", obligation.id, tr("packs.check.no_date", item=_item("obligation", obligation.id),
                                                    dates="dates", date="date")
    for date in pack.dates:
        if not date.verified and not date.source.strip():
            yield "date", date.id, tr("packs.check.date_source", item=_item("date", date.id), source="source")
    yield from _tracks(pack)
    yield from _headline_texts(pack)


def _tracks(pack: Pack) -> Iterator[Found]:
    """Every rule grounds an outcome a track declares (or is a fact, an exclusion or a relief's
    finding kind); outcome ids are unique across tracks; defaults and set-aside rules exist."""
    rule_ids = {r.id for r in pack.rules}
    outcomes: list[str] = []
    for track in pack.tracks:
        ids = [o.id for o in track.outcomes]
        outcomes += ids
        if track.default not in ids:
            yield "track", track.id, tr("packs.check.not_an_outcome", item=_item("track", track.id), key="default",
                                          outcome=track.default)
        if track.set_aside_by and track.set_aside_by not in rule_ids:
            yield "track", track.id, tr("packs.check.set_aside_rule", item=_item("track", track.id), key="set_aside_by",
                                          rule=track.set_aside_by)
        if track.set_aside_by and track.set_aside_text is None:
            yield "track", track.id, tr("packs.check.set_aside_text", item=_item("track", track.id), key="set_aside_by",
                                          text="set_aside_text")
        if track.relief is not None and track.relief.outcome not in ids:
            yield "track", track.id, tr("packs.check.not_an_outcome", item=_item("track", track.id),
                                          key="relief.outcome", outcome=track.relief.outcome)
    twice = next((o for o in outcomes if outcomes.count(o) > 1), None)
    if twice:
        yield "pack", pack.id, tr("packs.check.outcome_twice", item=_item("outcome", twice))
    reliefs = {t.relief.finding for t in pack.tracks if t.relief is not None}
    kinds = set(outcomes) | reliefs | {FACT, EXCLUDED, CONTEXT}
    for rule in pack.rules:
        if rule.tier not in kinds:
            yield "rule", rule.id, tr("packs.check.rule_tier", item=_item("rule", rule.id), key="tier", tier=rule.tier,
                                      fact=FACT, excluded=EXCLUDED, context=CONTEXT)


def _headline_texts(pack: Pack) -> Iterator[Found]:
    """The headlines the engine may need name only what it can fill in."""
    if pack.undecided_text is not None:
        yield from _placeholders(pack, "undecided_text.summary", pack.undecided_text.summary, ("reached", "questions"))
        yield from _placeholders(pack, "undecided_text.more", pack.undecided_text.more, ("count",))
    yield from _placeholders(pack, "unverified_date_text", pack.unverified_date_text, ("date", "set_by", "source"))
    known = provisions()
    for track in pack.tracks:
        text = track.relief
        if text is None:
            continue
        yield from _placeholders(pack, "relief.summary", text.summary, ("points", "conditions"))
        for key, prefix in (("points_from", text.points_from), ("conditions_from", text.conditions_from)):
            if not any(is_under(ref, prefix) for ref in known):
                yield "pack", pack.id, tr("packs.check.relief_prefix", key=f"relief.{key}", prefix=prefix)


def _placeholders(pack: Pack, where: str, text: str, allowed: tuple[str, ...]) -> Iterator[Found]:
    try:
        named = {field for _, field, _, _ in Formatter().parse(text) if field is not None}
    except ValueError:  # a lone brace
        yield "pack", pack.id, tr("packs.check.lone_brace", key=where)
        return
    unknown = sorted(named - set(allowed))
    if unknown:
        filled = tr("packs.separator").join("{" + name + "}" for name in allowed)
        yield "pack", pack.id, tr("packs.check.unknown_placeholder", key=where, name="{" + unknown[0] + "}",
                                  allowed=filled)


def _results(pack: Pack) -> Iterator[Found]:
    """Verdicts count multiple-choice questions; measures name a rule and a question that exist."""
    questions = {q.id: q for q in _all_questions(pack)}
    rule_ids = {r.id for r in pack.rules}
    for verdict in pack.verdicts:
        counted = questions.get(verdict.counts) if verdict.counts else None
        if verdict.counts and (counted is None or counted.kind != "multi_choice"):
            yield "verdict", verdict.id, tr("packs.check.counts", item=_item("verdict", verdict.id), key="counts",
                                              question=verdict.counts)
    obligations = {o.id for o in pack.obligations}
    for measure in pack.measures:
        if measure.rule not in rule_ids:
            yield "measure", measure.id, tr("packs.check.unknown_rule", item=_item("measure", measure.id),
                                              rule=measure.rule)
        if measure.question not in questions:
            yield "measure", measure.id, tr("packs.check.unknown_question", item=_item("measure", measure.id),
                                              question=measure.question)
        if measure.obligation is not None and measure.obligation not in obligations:
            yield "measure", measure.id, tr("packs.check.unknown_obligation", item=_item("measure", measure.id),
                                              obligation=measure.obligation)
        yield from _measure_questions(measure, questions)
    yield from _tables(pack, questions)


def _kind_problem(item: str, key: str, question_id: str | None, questions: dict, kind: str) -> str | None:
    """The message when `key` names something other than a question of `kind`; None when it fits."""
    if question_id is None or getattr(questions.get(question_id), "kind", None) == kind:
        return None
    return tr("packs.check.question_kind", item=item, key=key, question=question_id, kind=QUESTION_KINDS[kind])


def _measure_questions(measure: Measure, questions: dict) -> Iterator[Found]:
    """The status question's options are statuses (or unsure), the planned one is a date, and the
    tested one offers the measure."""
    item = _item("measure", measure.id)
    for key, question_id, kind in (("status_question", measure.status_question, "single_choice"),
                                   ("planned_question", measure.planned_question, "date"),
                                   ("tested_question", measure.tested_question, "multi_choice")):
        problem = _kind_problem(item, key, question_id, questions, kind)
        if problem:
            yield "measure", measure.id, problem
            return
    if measure.planned_question and not measure.status_question:
        yield "measure", measure.id, tr("packs.check.planned_needs_status", item=item, planned="planned_question",
                                          status="status_question")
    status = questions.get(measure.status_question) if measure.status_question else None
    odd = [o.id for o in getattr(status, "options", ()) if o.id not in MEASURE_STATUSES and not o.unsure]
    if odd:
        yield "measure", measure.id, tr("packs.check.not_a_status", item=item, option=odd[0], question=status.id,
                                          statuses=", ".join(MEASURE_STATUSES))
    tested = questions.get(measure.tested_question) if measure.tested_question else None
    if tested is not None and measure.id not in {o.id for o in tested.options}:
        yield "measure", measure.id, tr("packs.check.no_own_option", item=item, question=tested.id, option=measure.id)


def _tables(pack: Pack, questions: dict) -> Iterator[Found]:
    """A table's rows are the options of a multiple-choice question, and each column names a
    question for every option that makes a row (not an unsure one, nor one of `not_rows`)."""
    for table in pack.tables:
        item = _item("table", table.id)
        problem = _kind_problem(item, "rows", table.rows, questions, "multi_choice")
        if problem:
            yield "table", table.id, problem
            continue
        rows = questions[table.rows]
        options = {o.id for o in rows.options}
        for option_id in table.not_rows:
            if option_id not in options:
                yield "table", table.id, tr("packs.check.not_an_option", item=item, value=option_id, question=rows.id)
        for column in table.columns:
            for option in (o for o in rows.options if not o.unsure and o.id not in table.not_rows):
                if table.cell(column, option.id) not in questions:
                    yield "table", table.id, tr("packs.check.no_cell", item=item, column=column.id,
                                                  question=table.cell(column, option.id), option=option.id)


def _conditions(pack: Pack) -> Iterator[Found]:
    questions = {q.id: q for q in _all_questions(pack)}
    rule_ids = {r.id for r in pack.rules}
    for kind, item_id, condition in _conditions_of(pack):
        for leaf in walk(condition):
            problem = _leaf_problem(leaf, questions, rule_ids, _item(kind, item_id))
            if problem:
                yield kind, item_id, problem


def condition_problem(pack: Pack, condition: Condition, item: str) -> str | None:
    """What is wrong with a condition written elsewhere (a crosswalk's) over `pack`'s questions and
    rules, naming `item` as the message's subject; None when it fits."""
    questions = {q.id: q for q in _all_questions(pack)}
    rule_ids = {r.id for r in pack.rules}
    for leaf in walk(condition):
        problem = _leaf_problem(leaf, questions, rule_ids, item)
        if problem:
            return problem
    if _has_unless(condition):
        return tr("packs.check.unless", item=item, key="unless", show_if="show_if")
    return None


def _unless_only_in_show_if(pack: Pack) -> Iterator[Found]:
    """`unless` reads an undecided condition as not holding: right for deciding what to ask, never
    for a legal result, where "unsure" must stay undecided."""
    for kind, item_id, condition in _conditions_of(pack):
        if kind not in ("section", "question") and _has_unless(condition):
            yield kind, item_id, tr("packs.check.unless", item=_item(kind, item_id), key="unless", show_if="show_if")


def _has_unless(condition: Condition) -> bool:
    if isinstance(condition, Unless):
        return True
    if isinstance(condition, (AllOf, AnyOf, AtLeast)):
        children = condition.all if isinstance(condition, AllOf) else (
            condition.any if isinstance(condition, AnyOf) else condition.of)
        return any(_has_unless(child) for child in children)
    if isinstance(condition, NotOf):
        return _has_unless(condition.not_)
    return False


def _leaf_problem(leaf: AnswerTest | RuleTest, questions: dict, rule_ids: set[str], item: str) -> str | None:
    """What is wrong with one test of the condition of `item` (as messages name it), if anything."""
    if isinstance(leaf, RuleTest):
        return None if leaf.rule in rule_ids else tr("packs.check.unknown_rule", item=item, rule=leaf.rule)
    question = questions.get(leaf.q)
    if question is None:
        return tr("packs.check.unknown_question", item=item, question=leaf.q)
    op = leaf.operator()
    if op not in _OPERATORS[question.kind]:
        return tr("packs.check.test_does_not_fit", item=item, test=op, question=leaf.q,
                  kind=QUESTION_KINDS[question.kind])
    allowed = {o.id for o in question.options} if hasattr(question, "options") else set(YES_NO_VALUES)
    if question.kind in ("yes_no", "single_choice", "multi_choice"):
        values = leaf.option_values()
        if op in ("is", "in") and len(values) != len(leaf.operand() if op == "in" else [leaf.operand()]):
            return tr("packs.check.option_ids", item=item, question=leaf.q)
        for value in values:
            if value not in allowed:
                return tr("packs.check.not_an_option", item=item, value=value, question=leaf.q)
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
                yield kind, cycle[-1][2:], tr("packs.check.cycle", item=_item(kind, cycle[-1][2:]), loop=loop)
                return
