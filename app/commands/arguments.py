"""What many commands take: the pack (`--pack`, found among the packs the application knows), a
DRAFT, its `--passphrase-file`; and opening that draft, with the warnings to show.

The draft is opened by the draft session, as the wizard opens it: a protected draft with the
passphrase in the file given, or one asked for at a terminal (app/commands/terminal_prompts.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.errors import CommandError
from app.commands.terminal_prompts import TerminalPrompts, ask_certificate_passphrase, read_passphrase_file
from app.session.draft_session import DraftSession
from app.storage.drafts import Draft, PackChange
from app.storage.paths import packs_dir
from catalogue import table
from forms.loader import load_pack
from forms.registry import discover
from forms.schema import Pack

if TYPE_CHECKING:
    from app.dossier.signing import SigningCertificate

TEXT = table("cli")
PASSPHRASES = table("passphrases")
SIGN = table("sign.cli")


def load_pack_found(folder: Path) -> Pack:
    """The pack in `folder`; one extending another finds its base among the packs found."""
    return load_pack(folder, packs=discover(packs_dir()))


def add_draft_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", type=Path, metavar="DRAFT", help=TEXT["draft_help"])


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASES["option_help"])


def load_checked(draft_path: Path, pack_path: Path,
                 passphrase_file: Path | None = None) -> tuple[Draft, Pack, list[str]]:
    """The draft and its pack, or a one-line error (and a line naming its kept versions, if any).
    Returns the warnings to show."""
    pack = load_pack_found(pack_path)
    session = DraftSession(pack, TerminalPrompts(draft_path, passphrase_file))
    result = session.open(draft_path)
    if not result.opened:  # TerminalPrompts raises first, saying why
        raise CommandError(TEXT["not_opened"].format(path=draft_path))
    warnings = list(result.warnings)
    if result.pack_change is PackChange.CONTENT:
        warnings.insert(0, TEXT["pack_changed"].format(pack=pack.id, version=pack.version))
    return session.draft, pack, warnings


def warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(TEXT["warning_line"].format(message=warning), file=sys.stderr)


def add_certificate_options(parser: argparse.ArgumentParser, passphrase_option: str, required: bool) -> None:
    """`--certificate FILE.p12` and the option naming the file of its passphrase."""
    parser.add_argument("--certificate", type=Path, required=required, metavar="FILE.p12", help=SIGN["certificate_help"])
    parser.add_argument(passphrase_option, type=Path, metavar="FILE", dest="certificate_passphrase_file",
                        help=SIGN["passphrase_help"])


def signing_certificate(path: Path, passphrase_file: Path | None, option: str) -> SigningCertificate:
    """The certificate to sign with, opened with the passphrase in `passphrase_file`; without one,
    opened as it is, or with a passphrase asked at a terminal when it has one. One-line errors."""
    from app.dossier.export import DossierError
    from app.dossier.signing import PassphraseNeeded, load_certificate

    try:
        if passphrase_file is not None:
            return load_certificate(path, read_passphrase_file(passphrase_file))
        try:
            return load_certificate(path, None)
        except PassphraseNeeded:
            if not sys.stdin.isatty():
                raise CommandError(SIGN["passphrase_needed"].format(path=path, option=option)) from None
            return load_certificate(path, ask_certificate_passphrase(path))
    except DossierError as error:
        raise CommandError(str(error)) from None
