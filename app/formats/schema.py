"""The JSON Schemas of the files this application writes for other programs, kept in the
repository for the programs that read one: the JSON dossier (app/formats/data.py) and the
reviewer's feedback file (app/storage/feedback.py). `python -m app.formats.schema` writes them
from the models, `--check` says whether the files kept are those (a test runs the check).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

from app.formats.data import VERSION, schema
from app.storage import feedback
from app.storage.paths import resource

SCHEMA_FILE = f"dossier-{VERSION}.schema.json"
FEEDBACK_SCHEMA_FILE = f"feedback-{feedback.FORMAT_VERSION}.schema.json"
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {SCHEMA_FILE: schema, FEEDBACK_SCHEMA_FILE: feedback.schema}


def schema_path(name: str = SCHEMA_FILE) -> Path:
    return resource("schemas", name)


def schema_text(name: str = SCHEMA_FILE) -> str:
    return json.dumps(SCHEMAS[name](), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    status = 0
    for name in SCHEMAS:
        path = schema_path(name)
        if "--check" in argv:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != schema_text(name):
                print(f"{path} is not the schema of the model: run python -m app.formats.schema", file=sys.stderr)
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(name), encoding="utf-8")
        print(f"{path} written")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
