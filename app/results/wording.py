"""The words of one part of a result: an answer, a list of citations, a derived value, an open point,
a gap. The result document (app/results/document.py) is the only caller: every output reads the
words from the document, so each is written here once.

Nothing here decides anything about the law: the core's results carry ids, and their words come
from the pack and the catalogue.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from catalogue.formats import format_date, format_number
from forms.citations import label
from forms.evaluation import index_of
from forms.schema import Pack
from forms.texts import YES_NO
from risk_tiers import texts
from risk_tiers.assessment import GapResult, OpenPoint


def answer_text(pack: Pack, question_id: str, value: Any) -> str:
    """An answer in words: yes/no in the wizard's words, options by their labels (several joined by
    semicolons, as labels hold commas), numbers and dates as the language writes them (whole numbers
    without a decimal sign; a date this version cannot read as it was kept)."""
    question = index_of(pack).questions.get(question_id)
    options = {o.id: o.label for o in getattr(question, "options", ())}
    kind = getattr(question, "kind", "")
    if kind == "yes_no" and isinstance(value, str):
        return YES_NO.get(value, value)
    if kind == "date" and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, (list, tuple)):
        return texts.LIST_SEPARATOR.join(options.get(v, str(v)) for v in value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return options.get(value, str(value)) if isinstance(value, str) else str(value)


def refs_text(refs: tuple[str, ...]) -> str:
    """Citation ids in words ("Art. 5(1)(a) AI Act; Art. 6 GDPR")."""
    return "; ".join(label(ref) for ref in refs)


def question_text(pack: Pack, question_id: str) -> str:
    question = index_of(pack).questions.get(question_id)
    return question.text if question else question_id


def value_text(pack: Pack, value: str) -> str:
    """A derived result's value in words: the pack's, or the engine's own (unknown, not applicable)."""
    return pack.value_labels.get(value) or texts.VERDICT_VALUES.get(value, value)


def status_text(pack: Pack, status: str, planned_by: dt.date | None) -> str:
    """How far a measure is, in words: the pack's word for the status, with the date a planned one
    is due; "" where the pack asks no status."""
    if not status:
        return ""
    words = texts.STATUS_UNKNOWN if status == "unknown" else value_text(pack, status)
    return texts.PLANNED_BY.format(status=words, date=format_date(planned_by)) if planned_by else str(words)


def open_point_text(pack: Pack, point: OpenPoint) -> str:
    """An open point in words: the question left open and why, or the unverified date."""
    if point.kind == "law":
        date = index_of(pack).dates[point.date]
        return pack.unverified_date_text.format(date=format_date(date.date), set_by=date.set_by, source=date.source)
    return texts.OPEN_QUESTION[point.status].format(question=question_text(pack, point.question))


def gap_texts(pack: Pack, gap: GapResult) -> tuple[str, str]:
    """A gap in words, in full and short: one left undecided by an unsure or missing answer says so,
    in full naming the questions that settle it, short for where they are a link away."""
    if gap.status != "undecided":
        return gap.text, gap.text
    return (texts.GAP_UNDECIDED.format(text=gap.text, questions=quoted_questions(pack, gap.open_questions)),
            texts.GAP_UNDECIDED_SHORT.format(text=gap.text))


def quoted_questions(pack: Pack, question_ids: tuple[str, ...]) -> str:
    """Questions quoted and listed: “Is it …?”; “Does it …?”."""
    return texts.LIST_SEPARATOR.join(texts.QUOTED.format(text=question_text(pack, qid)) for qid in question_ids)
