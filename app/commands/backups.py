"""The command line's side of backups: `backups DRAFT` lists the kept versions of a draft, and
`restore DRAFT N` puts version N back (the draft as it was is kept as a backup first, so a restore
can itself be undone) through the draft session's flow (app/session/draft_session.py `put_back_version`),
the same the wizard's File > Earlier versions goes through.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from app.commands.errors import EXIT_BAD_INPUT, EXIT_OK, CommandError
from app.commands.terminal_prompts import TerminalPrompts
from app.session.draft_session import put_back_version
from app.storage.backups import list_backups
from catalogue import table, tr
from catalogue.formats import format_number

TEXT = table("backups")


def add_commands(subparsers) -> None:
    listing = subparsers.add_parser("backups", help=TEXT["list_help"])
    listing.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    listing.set_defaults(run=_list)
    restore = subparsers.add_parser("restore", help=TEXT["restore_help"])
    restore.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    restore.add_argument("number", type=int, help=TEXT["number_help"])
    restore.set_defaults(run=_restore)


def _list(args: argparse.Namespace) -> int:
    backups = list_backups(args.draft)
    if not backups:
        print(TEXT["none"].format(path=args.draft))
        return EXIT_OK
    print(TEXT["heading"].format(path=args.draft, command=f"python main.py restore {shlex.quote(str(args.draft))} N"))
    for number, backup in enumerate(backups, start=1):
        print(TEXT["row"].format(number=number, saved=backup.local_time(), size=format_number(backup.size)))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    if not args.draft.is_file():
        raise CommandError(TEXT["missing"].format(path=args.draft))
    restored = put_back_version(args.draft, TerminalPrompts(args.draft, version=args.number))
    return EXIT_OK if restored else EXIT_BAD_INPUT  # a refusal raised its one-line error on the way
