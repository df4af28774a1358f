"""`python main.py schema [NAME] [-o FILE]`: the JSON Schemas of the files another tool may read
without this program — a draft, a JSON dossier (which holds the draft it was made from) and an
authority kit's manifest. Without NAME, each one's name and the file the repository keeps it in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.errors import EXIT_OK, CommandError
from app.formats.schema import KeptSchema, kept
from app.kits.manifest import schema_json
from app.storage.paths import resource
from catalogue import table

TEXT = table("schema_command")


def published() -> dict[str, KeptSchema]:
    schemas = [*kept(), KeptSchema("kit", resource("kits", "kit.schema.json"), schema_json)]
    return {kept_schema.name: kept_schema for kept_schema in schemas}


def add_commands(subparsers) -> None:
    command = subparsers.add_parser("schema", help=TEXT["help"], description=TEXT["help"])
    command.add_argument("name", nargs="?", choices=sorted(published()), metavar="NAME", help=TEXT["name_help"])
    command.add_argument("-o", "--output", type=Path, metavar="FILE", help=TEXT["output_help"])
    command.set_defaults(run=_schema)


def _schema(args: argparse.Namespace) -> int:
    schemas = published()
    if args.name is None:
        for name, kept_schema in schemas.items():
            print(TEXT["row"].format(name=name, file=kept_schema.path))
        return EXIT_OK
    text = schemas[args.name].text()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(TEXT["not_written"].format(path=args.output, reason=error.strerror or error)) from error
    print(TEXT["written"].format(path=args.output))
    return EXIT_OK
