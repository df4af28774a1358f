"""The command line's side of passphrase protection: the `protect` / `unprotect` commands.

The passphrase is asked for (from the file, or at a terminal) by app/commands/terminal_prompts.py, on
behalf of the draft session's flow (app/session/draft_session.py `protect_file`), the same flow the
wizard's File > Protect goes through. The option is in app/commands/arguments.py, since every command
that opens a draft takes it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.arguments import add_passphrase_option
from app.commands.errors import EXIT_BAD_INPUT, EXIT_OK
from app.commands.terminal_prompts import TerminalPrompts
from app.session.draft_session import protect_file
from catalogue import table, tr

TEXT = table("passphrases")


def add_commands(subparsers) -> None:
    protect = subparsers.add_parser("protect", help=TEXT["protect_help"])
    protect.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    protect.add_argument("--passphrase-file", type=Path, metavar="FILE", help=TEXT["protect_new_help"])
    protect.add_argument("--current-passphrase-file", type=Path, metavar="FILE", help=TEXT["protect_current_help"])
    protect.set_defaults(run=_protect)
    unprotect = subparsers.add_parser("unprotect", help=TEXT["unprotect_help"])
    unprotect.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    add_passphrase_option(unprotect)
    unprotect.set_defaults(run=_unprotect)


def _protect(args: argparse.Namespace) -> int:
    return _protect_with(args.draft, TerminalPrompts(args.draft, passphrase_file=args.current_passphrase_file,
                                                     new_passphrase_file=args.passphrase_file))


def _unprotect(args: argparse.Namespace) -> int:
    return _protect_with(args.draft, TerminalPrompts(args.draft, passphrase_file=args.passphrase_file,
                                                     unprotect=True))


def _protect_with(path: Path, prompts) -> int:
    # Every refusal raises a one-line error on the way; nothing unchanged is left unexplained.
    return EXIT_OK if protect_file(path, prompts) else EXIT_BAD_INPUT
