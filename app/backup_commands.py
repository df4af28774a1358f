"""The command line's side of backups: `backups DRAFT` lists the kept versions of a draft, and
`restore DRAFT N` puts version N back (the draft as it was is kept as a backup first, so a restore
can itself be undone) through the draft session's flow (app/draft_session.py `put_back_version`),
the same the wizard's File > Earlier versions goes through. Registered by app.cli.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backups import list_backups

TEXT = {
    "list_help": "list the earlier versions kept of a draft, newest first",
    "restore_help": "put an earlier version of a draft back (see 'backups'); the current one is kept",
    "number_help": "the version's number in the 'backups' list (1 = newest)",
    "none": "{path}: no earlier versions are kept (they are kept from the first save on)",
    "row": "{number:>3}  {saved}  {size} bytes",
    "heading": "Earlier versions of {path} (restore one with: python main.py restore {path} N):",
    "missing": "{path}: no such draft",
}


def add_commands(subparsers) -> None:
    listing = subparsers.add_parser("backups", help=TEXT["list_help"])
    listing.add_argument("draft", type=Path)
    listing.set_defaults(run=_list)
    restore = subparsers.add_parser("restore", help=TEXT["restore_help"])
    restore.add_argument("draft", type=Path)
    restore.add_argument("number", type=int, help=TEXT["number_help"])
    restore.set_defaults(run=_restore)


def _list(args: argparse.Namespace) -> int:
    from app.cli import EXIT_OK

    backups = list_backups(args.draft)
    if not backups:
        print(TEXT["none"].format(path=args.draft))
        return EXIT_OK
    print(TEXT["heading"].format(path=args.draft))
    for number, backup in enumerate(backups, start=1):
        print(TEXT["row"].format(number=number, saved=backup.local_time(), size=backup.size))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from app.cli import EXIT_BAD_INPUT, EXIT_OK, CommandError
    from app.draft_session import put_back_version
    from app.terminal_prompts import TerminalPrompts

    if not args.draft.is_file():
        raise CommandError(TEXT["missing"].format(path=args.draft))
    restored = put_back_version(args.draft, TerminalPrompts(args.draft, version=args.number))
    return EXIT_OK if restored else EXIT_BAD_INPUT  # a refusal raised its one-line error on the way
