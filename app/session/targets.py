"""The questions of the other jurisdictions a draft targets (app/storage/drafts.py `jurisdictions`),
so that a draft's answers to them are checked when it is opened as its own pack's are. A
jurisdiction whose pack is not here asks nothing: its answers are then questions no pack has, and
`classify` and the dossier say which pack is missing."""

from __future__ import annotations

from typing import Sequence

from app.storage.drafts import Draft
from app.storage.paths import packs_dir
from forms.loader import load_pack
from forms.registry import PackInfo, discover, find, in_language
from forms.schema import Pack, Question
from forms.shared_core import shared_questions


def other_questions(draft: Draft) -> dict[str, Question]:
    """The shared facts' questions and those of each other jurisdiction `draft` targets, by id;
    none for a draft of its own pack only."""
    if len(draft.jurisdictions) < 2:
        return {}
    found = discover(packs_dir())
    infos = [find(pack_id, "", found) for pack_id in draft.jurisdictions[1:]]
    return questions_of([load_pack(info.folder, packs=found) for info in infos if info is not None])


def questions_of(others: Sequence[Pack]) -> dict[str, Question]:
    """The shared facts' questions and those of the packs `others`, by id: what a draft's answers
    may answer besides its own pack's when it targets them too."""
    questions = shared_questions()
    for pack in others:
        questions.update({q.id: q for section in pack.sections for q in section.questions})
    return questions


def available_jurisdictions() -> list[PackInfo]:
    """The packs a draft can target, each id once (the first found: a user's before the shipped
    one), with the title and law date a chooser shows; packs that extend another (a kit's) are not
    jurisdictions of their own."""
    chosen: dict[str, PackInfo] = {}
    for info in discover(packs_dir()):
        if not info.extends:
            chosen.setdefault(info.id, info)
    return [in_language(info) for info in chosen.values()]
