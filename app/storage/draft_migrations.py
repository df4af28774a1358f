"""How a draft written in an earlier format becomes a draft of the current format.

Each step takes the JSON of a draft in format N (a dict, as read) and returns it in format N+1;
steps are registered with `@step(N)` and run in order, so a draft of any earlier format reaches
the current one (as napari migrates its settings and Alembic its revisions). A step never changes
what it is given: a draft whose migration fails is refused whole, and the file stays as it was.
The migrated draft is written in the current format the next time it is saved.

A new format: add a step from the current format, then raise Draft's model in app/storage/drafts.py, and
keep some files of the old format in tests/data/ for the step's test.
"""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any, Callable

Step = Callable[[dict[str, Any]], dict[str, Any]]

STEPS: dict[int, Step] = {}  # the format a step starts from -> the step

TEXT = {
    "version": "'format_version' must be a whole number from 1 on",
    "step": "its content cannot be brought from draft format {version} to format {next}",
}


class MigrationError(ValueError):
    """A draft that cannot be brought to the current format. The message is one line."""


def step(from_version: int) -> Callable[[Step], Step]:
    """Register the step from format `from_version` to the next."""
    def register(function: Step) -> Step:
        if from_version in STEPS:
            raise ValueError(f"two migration steps from draft format {from_version}")
        STEPS[from_version] = function
        return function
    return register


def format_of(data: dict[str, Any]) -> int:
    """The format a draft's JSON says it is in; format 1 drafts could leave it out."""
    version = data.get("format_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MigrationError(TEXT["version"])
    return version


def migrate(data: dict[str, Any], target: int, in_place: bool = False) -> dict[str, Any]:
    """`data` brought to format `target` by the registered steps, in order; `data` itself is left as
    it is, unless `in_place` (a caller that just read it from JSON and keeps no other reference: the
    copy of a whole draft is then spared, which a workspace of many old drafts pays for each one)."""
    version = format_of(data)
    migrated = data
    while version < target:
        try:
            migrated = STEPS[version](copy.deepcopy(migrated) if migrated is data and not in_place else migrated)
        except MigrationError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError):  # content a step cannot read
            raise MigrationError(TEXT["step"].format(version=version, next=version + 1)) from None
        version += 1
        migrated["format_version"] = version
    return migrated


def latest_format() -> int:
    """The format the registered steps lead to: the one drafts are written in."""
    return max(STEPS, default=0) + 1


# --- the steps --------------------------------------------------------------------------------

# Format 1 drafts have no id. Theirs is derived from their content, so the same file gets the same
# id each time it is opened (its autosave is found again, its dossier's bytes stay the same) until
# it is saved in format 2, which then keeps that id.
FORMAT_1_IDS = uuid.UUID("0b5e0d3c-5a1e-4c84-9a0e-6a4f7d2c1b01")


@step(1)
def add_id_and_lock(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 -> 2: a stable id, and `pack_id` / `pack_version` become the draft's lock. The
    pack's content hash was not recorded then (null); no kit; drafts were all in English."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    pack = {new: data.pop(old) for old, new in (("pack_id", "id"), ("pack_version", "version")) if old in data}
    lock = {"pack": {**pack, "hash": None}, "kit": None, "language": "en"}
    head = {key: data.pop(key) for key in ("format", "format_version") if key in data}
    return {**head, "id": str(uuid.uuid5(FORMAT_1_IDS, canonical)), "lock": lock, **data}


@step(2)
def add_attachments(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 -> 3: the documents added to a draft (none before)."""
    if not isinstance(data.get("answers", {}), dict):
        raise MigrationError(TEXT["step"].format(version=2, next=3))
    return {**data, "attachments": []}


@step(3)
def add_feedback(data: dict[str, Any]) -> dict[str, Any]:
    """Format 3 -> 4: the reviewer's feedback a draft keeps, with the applicant's replies (none before)."""
    if not isinstance(data.get("answers", {}), dict):
        raise MigrationError(TEXT["step"].format(version=3, next=4))
    return {**data, "feedback": None}


@step(4)
def add_jurisdictions(data: dict[str, Any]) -> dict[str, Any]:
    """Format 4 -> 5: the jurisdictions a draft targets (pack ids, the primary first). A draft of an
    earlier format targeted its own pack only."""
    return {**data, "jurisdictions": [data["lock"]["pack"]["id"]]}
