"""Folding a pack that extends another onto its base, Kustomize-style: the base stays as it is,
the extending pack adds items and questions and replaces texts by id, and anything that names a
missing id, or would redefine or drop an item of the base, fails loudly with its file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms.kinds import ITEM_KINDS, TEXT_FIELDS
from forms.layer import OVERLAY_FIELDS, Layer, PackError


def overlay(base: Layer, own: Layer, added: list, texts: Any) -> Layer:
    """`added`: the questions to add to base sections (loader.QuestionsAdded), `texts` as written."""
    where = own.manifest
    not_allowed = sorted(set(own.fields) - OVERLAY_FIELDS)
    if not_allowed:
        raise PackError(f"{where}: '{not_allowed[0]}' is the base pack's; a pack that extends another sets only "
                        + ", ".join(sorted(OVERLAY_FIELDS)))
    lists = {key: list(items) for key, items in base.lists.items()}
    for kind in ITEM_KINDS:
        known = {item.id for item in lists[kind.key]}
        for item in own.lists[kind.key]:
            if item.id in known:
                raise PackError(f"{own.origin.get((kind.name, item.id), where)}: {kind.name} '{item.id}' is already "
                                f"in the base pack; an extending pack adds new items and changes only texts (texts:)")
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
            raise error(f"{where}: add_questions names section '{addition.section}', which the pack does not have")
        for question in addition.questions:
            if question.id in existing:
                raise error(f"{where}: question '{question.id}' is already in the pack")
            existing.add(question.id)
        by_id[section.id] = section.model_copy(update={"questions": section.questions + addition.questions})
    return [by_id[s.id] for s in sections]


def _with_texts(lists: dict, fields: dict, texts: Any, where: Path, error: type[Exception]) -> tuple[dict, dict]:
    """Replace the words of items by id: {item id: {field: text}}. Only text fields (TEXT_FIELDS)."""
    if not isinstance(texts, dict):
        raise error(f"{where}: texts must map item ids to the fields whose words change")
    remaining = dict(texts)
    for key, items in lists.items():
        lists[key] = [_replaced(item, remaining, where, error) for item in items]
    fields = {**fields, "tracks": [_replaced_outcomes(track, remaining, where, error)
                                   for track in fields.get("tracks", [])]}
    if remaining:
        raise error(f"{where}: texts names '{next(iter(remaining))}', which is no item of the pack")
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
        raise error(f"{where}: texts.{item_id} must map field names to new text")
    for name in wanted:
        if name not in TEXT_FIELDS:
            raise error(f"{where}: texts.{item_id}.{name} is not a text; an extending pack changes only "
                        + ", ".join(sorted(TEXT_FIELDS)))
        if name not in has:
            raise error(f"{where}: texts.{item_id}.{name}: that item has no {name}")
    return dict(wanted)
