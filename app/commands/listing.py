"""`python main.py questions [--json]` lists the pack: what the wizard shows for each question (its
text, help, options with their help, the provisions it concerns) and when it is asked, in text and
JSON.

A consultant or a script can answer a draft from this listing alone: every condition is written
out with the questions' texts and the options' labels (forms/readable.py), and each rule a
condition names is listed once with what it means and when it holds.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any

from app.commands.arguments import load_pack_found, worn_kit
from app.kits.manifest import summary_json
from app.commands.errors import EXIT_OK
from app.results.wording import refs_text
from catalogue import table
from catalogue.formats import format_date, format_number
from forms import texts as form_texts
from forms.readable import Readable, asked_when, describe, rule_label, rules_behind
from forms.schema import YES_NO_VALUES, Pack, Question, Section

TEXT = table("listing")
CLI = table("cli")

WIDTH = 100
# Indents of the text listing: question lines, their details, and each level of a condition.
QUESTION, DETAIL, STEP = "  ", "      ", "  "


def add_commands(subparsers) -> None:
    questions = subparsers.add_parser("questions", help=CLI["questions_help"], description=CLI["questions_help"])
    questions.add_argument("--json", action="store_true", help=CLI["json_help"])
    questions.set_defaults(run=_questions)


def _questions(args: argparse.Namespace) -> int:
    kit = worn_kit(args)
    pack = kit.pack if kit is not None else load_pack_found(args.pack)
    if not args.json:
        print(questions_text(pack))
        return EXIT_OK
    data = questions_json(pack)
    if kit is not None:
        data = {"kit": summary_json(kit.manifest), **data}
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


# --- JSON -----------------------------------------------------------------------------------

def questions_json(pack: Pack) -> dict[str, Any]:
    sections = [_section_json(pack, s) for s in pack.sections]
    return {
        "pack": {"id": pack.id, "version": pack.version, "title": pack.title,
                 "law_current_to": pack.law_current_to.isoformat()},
        "reading": str(form_texts.READING),
        "sections": sections,
        "rules": [_rule_json(pack, rule) for rule in rules_behind(pack, _conditions(pack))],
    }


def _section_json(pack: Pack, section: Section) -> dict[str, Any]:
    return {"id": section.id, "title": section.title, "intro": section.intro,
            "asked_when": _condition_json(asked_when(pack, section)),
            "questions": [_question_json(pack, section, q) for q in section.questions]}


def _question_json(pack: Pack, section: Section, question: Question) -> dict[str, Any]:
    data = {"id": question.id, "kind": question.kind, "text": question.text,
            "required": question.required, "refs": list(question.refs),
            "help": question.help, "asked_when": _condition_json(asked_when(pack, section, question))}
    if hasattr(question, "options") or question.kind == "yes_no":
        data["options"] = [{"id": option_id, "label": label, "help": help_, "unsure": unsure}
                           for option_id, label, help_, unsure in _options(question)]
    data.update(_limits(question))
    return data


def _condition_json(readable: Readable | None) -> dict[str, Any] | None:
    """{"text": the condition on one line, "condition": its tree}; None when always asked."""
    return None if readable is None else {"text": readable.text, "condition": readable.to_json()}


def _rule_json(pack: Pack, rule) -> dict[str, Any]:
    return {"id": rule.id, "label": rule_label(rule), "tier": rule.tier,
            "holds_when": _condition_json(describe(pack, rule.when))}


def _options(question: Question) -> list[tuple[str, str, str, bool]]:
    """(id, label, help, unsure) of each option, the yes/no answers worded as the wizard words them."""
    if question.kind == "yes_no":
        return [(v, form_texts.YES_NO[v], "", v == "unsure") for v in YES_NO_VALUES]
    return [(o.id, o.label, o.help, o.unsure) for o in getattr(question, "options", ())]


def _limits(question: Question) -> dict[str, Any]:
    """What a valid answer must be, beyond its kind: lengths, bounds, unit."""
    names = {"short_text": ("max_length",), "long_text": ("max_length",),
             "number": ("minimum", "maximum", "integer", "unit")}.get(question.kind, ())
    return {name: getattr(question, name) for name in names}


def _conditions(pack: Pack) -> list[Readable]:
    found = []
    for section in pack.sections:
        found += [r for r in (asked_when(pack, section, q) for q in section.questions) if r is not None]
    return found


# --- text -----------------------------------------------------------------------------------

def questions_text(pack: Pack) -> str:
    lines = [TEXT["title"].format(title=pack.title, id=pack.id, version=pack.version,
                                  date=format_date(pack.law_current_to))]
    lines += textwrap.wrap(str(form_texts.READING), WIDTH)
    for section in pack.sections:
        lines += ["", TEXT["section"].format(title=section.title, id=section.id)]
        lines += _wrapped(section.intro, QUESTION)
        for question in section.questions:
            lines += _question_lines(pack, section, question)
    rules = rules_behind(pack, _conditions(pack))
    if rules:
        lines += ["", TEXT["rules"]]
    for rule in rules:
        label = rule_label(rule)
        head = TEXT["rule"].format(id=rule.id, label=label) if label else TEXT["rule_unlabelled"].format(id=rule.id)
        lines += _wrapped(head, QUESTION, hang=DETAIL[len(QUESTION):]) + [DETAIL + TEXT["holds_when"]]
        lines += _outline(describe(pack, rule.when), DETAIL + STEP)
    return "\n".join(lines)


def _question_lines(pack: Pack, section: Section, question: Question) -> list[str]:
    head = TEXT["question"].format(id=question.id, kind=question.kind, text=question.text,
                                   optional="" if question.required else TEXT["optional"])
    lines = _wrapped(head, QUESTION, hang=DETAIL[len(QUESTION):])
    if question.help:
        lines += _wrapped(TEXT["help"].format(text=question.help), DETAIL, hang=STEP)
    if question.refs:
        lines += _wrapped(TEXT["cites"].format(refs=refs_text(question.refs)), DETAIL, hang=STEP)
    condition = asked_when(pack, section, question)
    if condition is not None:
        lines += [DETAIL + TEXT["asked_when"]] + _outline(condition, DETAIL + STEP)
    limits = _limits_text(question)
    if limits:
        lines.append(DETAIL + TEXT["limits"].format(limits=limits))
    for option_id, label, help_, unsure in _options(question):
        option = TEXT["option"].format(id=option_id, label=label) + (TEXT["unsure"] if unsure else "")
        lines += _wrapped(option, DETAIL, bullet=True)
        lines += _wrapped(help_, DETAIL + STEP * 2)
    return lines


def _limits_text(question: Question) -> str:
    parts = []
    for name, value in _limits(question).items():
        if value in (None, "", False):
            continue
        number = format_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        parts.append(TEXT[name].format(count=number, value=number, unit=value))
    if question.kind == "date":
        parts.append(TEXT["date"])
    return TEXT["limit_separator"].join(parts)


def _outline(readable: Readable, indent: str) -> list[str]:
    lines = []
    for depth, text in readable.outline():
        lines += _wrapped(text, indent + STEP * depth, bullet=depth > 0)
    return lines


def _wrapped(text: str, indent: str, bullet: bool = False, hang: str = "") -> list[str]:
    """`text` wrapped to the listing's width under `indent`, continuation lines `hang` deeper (under
    a bullet: in line with the text after it)."""
    if not text:
        return []
    first = indent + ("- " if bullet else "")
    rest = indent + ("  " if bullet else hang)
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=False)
