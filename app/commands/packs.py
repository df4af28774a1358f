"""Packs on the command line: `python main.py packs [--json]` lists the packs found (shipped with
the application, in the user's packs folder, and one named with --pack)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands.errors import EXIT_OK
from app.storage.paths import packs_dir
from catalogue import table, tr
from catalogue.formats import format_date
from forms.loader import DEFAULT_PACK
from forms.registry import PackInfo, discover, in_language

TEXT = table("packs_command")


def add_commands(subparsers) -> None:
    packs = subparsers.add_parser("packs", help=TEXT["help"], description=TEXT["help"])
    packs.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    packs.set_defaults(run=_packs)


def _packs(args: argparse.Namespace) -> int:
    given = [args.pack] if Path(args.pack).resolve() != DEFAULT_PACK.resolve() else []
    found = [in_language(info) for info in discover(packs_dir(), given)]
    if args.json:
        print(json.dumps([_as_json(info) for info in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    for info in found:
        law = format_date(info.law_current_to) if info.law_current_to else TEXT["unknown_law"]
        print(TEXT["row"].format(id=info.id, version=info.version, title=info.title, law=law,
                                 where=TEXT["where"][info.where], folder=info.folder))
        if info.extends:
            print(TEXT["extends"].format(extends=info.extends))
    return EXIT_OK


def _as_json(info: PackInfo) -> dict:
    return {"id": info.id, "version": info.version, "title": info.title,
            "law_current_to": info.law_current_to.isoformat() if info.law_current_to else None,
            "where": info.where, "folder": str(info.folder), "extends": info.extends or None}
