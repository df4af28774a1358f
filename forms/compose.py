"""Folding a pack that extends another onto its base, Kustomize-style: the base stays as it is,
the extending pack adds items and questions and replaces texts by id, and anything that names a
missing id, or would redefine or drop an item of the base, fails loudly with its file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue import table, tr
from forms.kinds import ITEM_KINDS, TEXT_FIELDS
from forms.layer import OVERLAY_FIELDS, Layer, PackError

KINDS = table("packs.kind")


def overlay(base: Layer, own: Layer, added: list, texts: Any) -> Layer:
    """`added`: the questions to add to base sections (loader.QuestionsAdded), `texts` as written."""
    where = own.manifest
    not_allowed = sorted(set(own.fields) - OVERLAY_FIELDS)
    if not_allowed:
        raise PackError(tr("packs.error.base_field", path=where, key=not_allowed[0],
                           allowed=tr("packs.separator").join(sorted(OVERLAY_FIELDS))))
    lists = {key: list(items) for key, items in base.lists.items()}
    for kind in ITEM_KINDS:
        known = {item.id for item in lists[kind.key]}
        for item in own.lists[kind.key]:
            if item.id in known:
                raise PackError(tr("packs.error.in_base", path=own.origin.get((kind.name, item.id), where),
                                   item=tr("packs.item", kind=KINDS[kind.name], id=item.id), texts="texts"))
            lists[kind.key].append(item)
    origin = {**base.origin, **own.origin}
    lists["sections"] = _with_questions(lists["sections"], added, where, PackError)
    fields = {**base.fields, **own.fields}
    if texts:
        lists, fields = _with_texts(lists, fields, texts, where, PackError)
    return Layer(where, fields, lists, origin)


def _with_questions(sections: list, added: list, where: Path, error: type[Exception]) -> list:
    existing = {q.id for s in sections for q in s.questions}
    by_id = {s.id: s for s in sections}
    for addition in added:
        section = by_id.get(addition.section)
        if section is None:
            raise error(tr("packs.error.no_section", path=where, key="add_questions", section=addition.section))
        for question in addition.questions:
            if question.id in existing:
                raise error(tr("packs.error.in_pack", path=where, item=tr("packs.item", kind=KINDS["question"],
                                                                           id=question.id)))
            existing.add(question.id)
        by_id[section.id] = section.model_copy(update={"questions": section.questions + addition.questions})
    return [by_id[s.id] for s in sections]


def _with_texts(lists: dict, fields: dict, texts: Any, where: Path, error: type[Exception]) -> tuple[dict, dict]:
    """Replace the words of items by id: {item id: {field: text}}. Only text fields (TEXT_FIELDS)."""
    if not isinstance(texts, dict):
        raise error(tr("packs.error.texts_not_mapping", path=where, key="texts"))
    remaining = dict(texts)
    for key, items in lists.items():
        lists[key] = [_replaced(item, remaining, where, error) for item in items]
    fields = {**fields, "tracks": [_replaced_outcomes(track, remaining, where, error)
                                   for track in fields.get("tracks", [])]}
    if remaining:
        raise error(tr("packs.error.texts_no_item", path=where, key="texts", id=next(iter(remaining))))
    return lists, fields


def _replaced(item: Any, remaining: dict, where: Path, error: type[Exception]) -> Any:
    update = _fields_for(item.id, remaining, set(type(item).model_fields), where, error)
    questions = getattr(item, "questions", None)
    if questions is not None:
        changed = tuple(_replaced(q, remaining, where, error) for q in questions)
        if changed != questions:
            update["questions"] = changed
    return item.model_copy(update=update) if update else item


def _replaced_outcomes(track: Any, remaining: dict, where: Path, error: type[Exception]) -> Any:
    if not isinstance(track, dict):
        return track
    outcomes = []
    for outcome in track.get("outcomes", []):
        if isinstance(outcome, dict) and outcome.get("id") in remaining:
            outcome = {**outcome, **_fields_for(outcome["id"], remaining, set(outcome) | TEXT_FIELDS, where, error)}
        outcomes.append(outcome)
    return {**track, "outcomes": outcomes}


def _fields_for(item_id: str, remaining: dict, has: set[str], where: Path, error: type[Exception]) -> dict:
    if item_id not in remaining:
        return {}
    wanted = remaining.pop(item_id)
    if not isinstance(wanted, dict) or not all(isinstance(v, str) for v in wanted.values()):
        raise error(tr("packs.error.text_not_mapping", path=where, key=f"texts.{item_id}"))
    for name in wanted:
        if name not in TEXT_FIELDS:
            raise error(tr("packs.error.not_a_text", path=where, key=f"texts.{item_id}.{name}",
                           allowed=tr("packs.separator").join(sorted(TEXT_FIELDS))))
        if name not in has:
            raise error(tr("packs.error.no_such_text", path=where, key=f"texts.{item_id}.{name}", name=name))
    return dict(wanted)
