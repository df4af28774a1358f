"""The JSON Schema of a JSON dossier, kept in the repository for the programs that read one:
`python -m app.formats.schema` writes it from the model (app/formats/data.py), `--check` says
whether the file kept is that one (a test runs the check).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.formats.data import VERSION, schema
from app.storage.paths import resource

SCHEMA_FILE = f"dossier-{VERSION}.schema.json"


def schema_path() -> Path:
    return resource("schemas", SCHEMA_FILE)


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    path = schema_path()
    if "--check" in argv:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != schema_text():
            print(f"{path} is not the schema of the model: run python -m app.formats.schema", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    print(f"{path} written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
