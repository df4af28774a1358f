"""The command line, on the same core as the wizard: `python main.py COMMAND`.

This module builds the parser from the command groups (each module adds its own commands) and
runs the command chosen. Bad input never shows a traceback: one line on standard error saying what
is wrong, and exit status 2. Success exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from app.commands import (assessment, backups, crosswalk, dossier, feedback, kits, listing, packs, passphrases, review,
                          schemas, signing, workspace)
from app.commands.errors import EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, CommandError
from app.commands.terminal_prompts import PromptError
from app.kits.errors import KitError
from app.storage.drafts import DraftError
from catalogue import Foreign, table
from forms.loader import DEFAULT_PACK, PackError

TEXT = table("cli")
# In the order `--help` lists them: the pack's questions, a draft's result, then the rest.
COMMAND_GROUPS = (listing, assessment, crosswalk, passphrases, backups, packs, kits, dossier, signing, review, feedback,
                  workspace, schemas)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(TEXT["usage_hint"].format(message=message, command="python main.py --help"))


# argparse asks gettext for its own words ("usage: ", "options", its errors) by their English; they
# come from the catalogue's `argparse` domain instead, so they follow the language chosen.
_ARGPARSE_TEXTS = Foreign("argparse")
argparse._ = _ARGPARSE_TEXTS.gettext  # type: ignore[attr-defined]
argparse.ngettext = _ARGPARSE_TEXTS.ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python main.py", description=TEXT["description"])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK, metavar="PACK", help=TEXT["pack_help"])
    parser.add_argument("--kit", type=Path, default=None, metavar="FILE", help=TEXT["kit_help"])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, title=TEXT["commands_title"])
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, before: str = "") -> int:
    """Run the command in `argv`; `before` is printed first (the wizard's part of `-h`)."""
    try:
        if before:
            print(before)
        try:
            args = build_parser().parse_args(argv)
        except SystemExit:  # `--help` was printed: flush it here, where a reader gone away is caught
            sys.stdout.flush()
            raise
        status = args.run(args)
        sys.stdout.flush()  # here, so a reader gone away is caught below, not at interpreter exit
        return status
    except (UsageError, PackError, DraftError, CommandError, PromptError, KitError) as error:
        print(TEXT["error_line"].format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`classify ... | head -1`): stop quietly, as other tools do, and keep
        # Python from complaining again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
