"""The command line's side of passphrase protection: `--passphrase-file`, the prompt, and the
`protect` / `unprotect` commands.

A passphrase comes from a file (its first line) or, when a person is at the terminal, from a prompt
that does not echo. Without either, a protected draft is refused with one line (exit 2), so scripts
never hang waiting for input. Registered by app.cli.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.drafts import Draft, PassphraseRequired, change_protection, load_draft
from catalogue import table, tr

MAX_PASSPHRASE_FILE_BYTES = 64 * 1024

TEXT = table("passphrases")


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=TEXT["option_help"])


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


def load_draft_asking(path: Path, passphrase_file: Path | None) -> Draft:
    """The draft, opened with the passphrase from the file, or asked for at a terminal."""
    passphrase = read_passphrase_file(passphrase_file) if passphrase_file else None
    try:
        return load_draft(path, passphrase)
    except PassphraseRequired:
        return load_draft(path, _ask_current(path))


def current_passphrase(path: Path, passphrase_file: Path | None) -> str | None:
    """The passphrase to open `path` with: None for a plain draft, else from the file or a prompt."""
    if passphrase_file:
        return read_passphrase_file(passphrase_file)
    try:
        load_draft(path)
    except PassphraseRequired:
        return _ask_current(path)
    return None


def read_passphrase_file(path: Path) -> str:
    from app.cli import CommandError

    try:
        if path.stat().st_size > MAX_PASSPHRASE_FILE_BYTES:
            raise CommandError(TEXT["file_too_big"].format(path=path))
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(TEXT["file_unreadable"].format(path=path, reason=error.strerror or error)) from None
    try:
        lines = raw.decode("utf-8-sig").splitlines()  # Windows editors may start with a BOM
    except UnicodeDecodeError:
        raise CommandError(TEXT["file_not_text"].format(path=path)) from None
    if not lines or not lines[0]:
        raise CommandError(TEXT["file_empty"].format(path=path))
    return lines[0]


def _ask_current(path: Path) -> str:
    from app.cli import CommandError

    if not sys.stdin.isatty():
        raise CommandError(TEXT["needed"].format(path=path, option="--passphrase-file"))
    return _prompt(TEXT["prompt"].format(path=path))


def _ask_new(path: Path) -> str:
    from app.cli import CommandError

    if not sys.stdin.isatty():
        raise CommandError(TEXT["new_needed"].format(path=path, option="--passphrase-file"))
    first = _prompt(TEXT["prompt_new"].format(path=path))
    if _prompt(TEXT["prompt_again"]) != first:
        raise CommandError(TEXT["mismatch"])
    return first


def _prompt(text: str) -> str:
    import getpass

    return getpass.getpass(text)


def _protect(args: argparse.Namespace) -> int:
    from app.cli import EXIT_OK

    current = current_passphrase(args.draft, args.current_passphrase_file)
    new = read_passphrase_file(args.passphrase_file) if args.passphrase_file else _ask_new(args.draft)
    change_protection(args.draft, current, new)
    print(TEXT["protected"].format(path=args.draft))
    return EXIT_OK


def _unprotect(args: argparse.Namespace) -> int:
    from app.cli import EXIT_OK

    change_protection(args.draft, current_passphrase(args.draft, args.passphrase_file), None)
    print(TEXT["unprotected"].format(path=args.draft))
    return EXIT_OK
