"""Drafts for the dossier tests and benchmark: every question of the current pack answered."""

from __future__ import annotations

import datetime as dt
import uuid

from app.storage.drafts import Answer, Draft, Lock
from forms.schema import Pack

MARKUP = "Acme <b>Bold</b> & Sons <para> </font> &amp; R&D"
GREEK = "Ελληνική εταιρεία τεχνητής νοημοσύνης"
CHINESE = "人工智能监管沙盒申请"
SYSTEM = f"{CHINESE} / {GREEK}"
WHEN = dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.timezone.utc)
SAMPLE_ID = uuid.UUID("5a3b1e0c-8f2d-4c6a-9b7e-1d2c3b4a5f60")  # fixed, so its dossier's bytes are too


def full_draft(pack: Pack, long_text: str = "") -> Draft:
    """Every question answered (the first option; "yes"; text with markup, Greek and Chinese)."""
    answers, long_used = {}, False
    for index, question in enumerate(q for s in pack.sections for q in s.questions):
        text = "" if long_used else long_text  # one very long answer: enough to cross pages
        long_used = long_used or (question.kind == "long_text" and bool(long_text))
        answers[question.id] = Answer(value=_value(question, index, text), note=f"note {index} <i>{GREEK}</i>")
    answers[pack.applicant_name_question].value = MARKUP  # the cover and the metadata print them
    answers[pack.system_name_question].value = SYSTEM
    return Draft(id=SAMPLE_ID, lock=Lock.of(pack), created=WHEN, modified=WHEN, answers=answers)


def _value(question, index: int, long_text: str):
    kind = question.kind
    if kind == "yes_no":
        return "yes" if index % 3 else "no"
    if kind == "single_choice":
        return question.options[0].id
    if kind == "multi_choice":
        return [question.options[0].id]
    if kind == "number":
        return 3
    if kind == "date":
        return "2026-09-01"
    if kind == "long_text":
        return long_text or f"{MARKUP}\n\n{CHINESE}\n\n{GREEK} Кириллица Łódź"
    return f"{MARKUP} {CHINESE}" if index % 2 else GREEK
