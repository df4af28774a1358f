"""The JSON Schemas of the draft, of the JSON dossier, of the reviewer's feedback file and of the
crosswalk, kept in the repository under versioned names (`resources/schemas/draft-5.schema.json`,
`dossier-2.schema.json`, `feedback-1.schema.json`, and `crosswalk-1.schema.json` for
`crosswalk --json`) for the programs that read them: `python -m app.formats.schema` writes them
from the models that write the files,
`--check` says whether the files kept are the models' (a test runs the check). The files of older
versions (`draft-3`, `draft-4`, `dossier-1`) stay as they were published, for the files written then:
none is written again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, NamedTuple

from app.formats import data
from app.results import crosswalk
from app.storage import feedback
from app.storage.drafts import FORMAT_VERSION, Draft
from app.storage.paths import resource

DRAFT_SCHEMA_FILE = f"draft-{FORMAT_VERSION}.schema.json"
SCHEMA_FILE = f"dossier-{data.VERSION}.schema.json"
FEEDBACK_SCHEMA_FILE = f"feedback-{feedback.FORMAT_VERSION}.schema.json"
DRAFT_SCHEMA_ID = f"https://sandbox-kit.invalid/schemas/{DRAFT_SCHEMA_FILE}"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
CROSSWALK_SCHEMA_FILE = f"crosswalk-{crosswalk.VERSION}.schema.json"


class KeptSchema(NamedTuple):
    name: str                 # as `python main.py schema NAME` takes it
    path: Path                # where the repository keeps it
    text: Callable[[], str]   # as that file holds it, made from its model


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def draft_schema() -> dict[str, Any]:
    """The JSON Schema of a draft file of the current format (older formats are migrated when opened)."""
    return {"$schema": DIALECT, "$id": DRAFT_SCHEMA_ID, **Draft.model_json_schema()}


def crosswalk_schema() -> dict[str, Any]:
    """The JSON Schema of `crosswalk --json` (app/results/crosswalk.py)."""
    return {"$schema": DIALECT, "$id": f"https://sandbox-kit.invalid/schemas/{CROSSWALK_SCHEMA_FILE}",
            **crosswalk.CrosswalkReport.model_json_schema()}


def kept() -> list[KeptSchema]:
    return [KeptSchema("draft", resource("schemas", DRAFT_SCHEMA_FILE), lambda: as_text(draft_schema())),
            KeptSchema("dossier", resource("schemas", SCHEMA_FILE), lambda: as_text(data.schema())),
            KeptSchema("crosswalk", resource("schemas", CROSSWALK_SCHEMA_FILE), lambda: as_text(crosswalk_schema())),
            KeptSchema("feedback", resource("schemas", FEEDBACK_SCHEMA_FILE), lambda: as_text(feedback.schema()))]


def schema_path() -> Path:
    """The JSON dossier's schema file."""
    return resource("schemas", SCHEMA_FILE)


def schema_text() -> str:
    """The JSON dossier's schema as the file keeps it."""
    return kept()[1].text()


def main(argv: list[str]) -> int:
    stale = [schema for schema in kept()
             if not schema.path.exists() or schema.path.read_text(encoding="utf-8") != schema.text()]
    if "--check" in argv:
        for schema in stale:
            print(f"{schema.path} is not the schema of the model: run python -m app.formats.schema", file=sys.stderr)
        return 1 if stale else 0
    for schema in stale:
        schema.path.parent.mkdir(parents=True, exist_ok=True)
        schema.path.write_text(schema.text(), encoding="utf-8")
        print(f"{schema.path} written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
