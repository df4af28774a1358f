"""A consultant's workspace on the command line: `python main.py workspace DIR [--json | --csv]`
prints every draft in the folder DIR as a table (app/workspace/table.py has its columns).

The folder is indexed as the wizard's start page indexes it (in the user data folder, so a second
run reads only what changed); drafts are read with the packs found, the one named with --pack too,
and the kits seen, the one named with --kit too (it is then seen).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.arguments import worn_kit
from app.commands.errors import EXIT_OK, CommandError
from app.workspace import table
from app.workspace.packs import Packs
from app.workspace.workspace_session import WorkspaceSession
from catalogue import table as messages, tr
from forms.loader import DEFAULT_PACK

TEXT = messages("workspace.cli")


def add_commands(subparsers) -> None:
    command = subparsers.add_parser("workspace", help=TEXT["help"], description=TEXT["description"])
    command.add_argument("folder", type=Path, metavar="DIR", help=TEXT["folder_help"])
    output = command.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    output.add_argument("--csv", action="store_true", help=TEXT["csv_help"])
    command.set_defaults(run=_workspace)


def _workspace(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise CommandError(TEXT["not_a_folder"].format(path=folder))
    given = [args.pack] if Path(args.pack).resolve() != DEFAULT_PACK.resolve() else []
    worn_kit(args)  # kept among the kits seen, so the drafts made with it are read with it
    session = WorkspaceSession(folder, Packs(given))
    session.refresh()
    entries = session.entries()
    if args.json:
        print(table.as_json(entries))
    elif args.csv:
        print(table.as_csv(entries), end="")
    elif entries:
        print(table.as_text(entries))
    else:
        print(TEXT["empty"].format(path=folder))
    return EXIT_OK
