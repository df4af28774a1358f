"""What many commands take: the pack (`--pack`, found among the packs the application knows), the
kit (`--kit`), a DRAFT, its `--passphrase-file`; and opening that draft, with the warnings to show.

The draft is opened by the draft session, as the wizard opens it: a protected draft with the
passphrase in the file given, or one asked for at a terminal (app/commands/terminal_prompts.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.commands.errors import CommandError
from app.commands.terminal_prompts import TerminalPrompts, ask_certificate_passphrase, read_passphrase_file
from app.kits.kit import Kit, load_kit
from app.kits.shelf import kit_finder, remember
from app.session.draft_session import DraftSession
from app.storage.drafts import Draft, KitChange, PackChange
from app.storage.paths import packs_dir
from catalogue import table
from forms.loader import DEFAULT_PACK, load_pack
from forms.registry import PackInfo, discover
from forms.schema import Pack

if TYPE_CHECKING:
    from app.dossier.signing import SigningCertificate

TEXT = table("cli")
PASSPHRASES = table("passphrases")
SIGN = table("sign.cli")


def packs_found(given: Path | None = None) -> list[PackInfo]:
    """The packs the application knows: the one given with --pack (unless it is the default), the
    user's, the shipped ones."""
    named = [given] if given is not None and Path(given).resolve() != DEFAULT_PACK.resolve() else []
    return discover(packs_dir(), named)


def load_pack_found(folder: Path) -> Pack:
    """The pack in `folder`; one extending another finds its base among the packs found."""
    return load_pack(folder, packs=discover(packs_dir()))


def worn_kit(args: argparse.Namespace) -> Kit | None:
    """The kit named with the global option --kit, loaded and kept among the kits seen; None without one."""
    if getattr(args, "kit", None) is None:
        return None
    kit = load_kit(args.kit, packs_found(args.pack))
    remember(kit)
    return kit


def add_draft_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", type=Path, metavar="DRAFT", help=TEXT["draft_help"])


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASES["option_help"])


class Opened(NamedTuple):
    draft: Draft
    pack: Pack
    warnings: list[str]
    kit: Kit | None


def load_checked(args: argparse.Namespace) -> Opened:
    """The draft of `args.draft` and its pack, or a one-line error (and a line naming its kept
    versions, if any). The kit is the one named with --kit, else the one the draft was made with
    when the application has seen it. Returns the warnings to show."""
    kit = worn_kit(args)
    pack = kit.pack if kit is not None else load_pack_found(args.pack)
    find_kit = None if kit is not None else kit_finder(packs_found(args.pack))
    session = DraftSession(pack, TerminalPrompts(args.draft, args.passphrase_file), kit=kit, find_kit=find_kit)
    result = session.open(args.draft)
    if not result.opened:  # TerminalPrompts raises first, saying why
        raise CommandError(TEXT["not_opened"].format(path=args.draft))
    warnings = _kit_warnings(result.kit_change, result.kit_recorded, session.kit) + list(result.warnings)
    days = session.kit.manifest.days_left(dt.date.today()) if session.kit is not None else None
    if days is not None and days < 0:
        warnings.append(TEXT["kit_late"].format(kit=session.kit.manifest.id, date=session.kit.manifest.sandbox.deadline))
    if result.pack_change is PackChange.CONTENT:
        warnings.insert(0, TEXT["pack_changed"].format(pack=session.base.id, version=session.base.version))
    return Opened(session.draft, session.pack, warnings, session.kit)


def _kit_warnings(change: KitChange | None, recorded, kit: Kit | None) -> list[str]:
    if change is KitChange.MISSING:
        return [TEXT["kit_missing"].format(kit=recorded.id, version=recorded.version)]
    if change is KitChange.CHANGED and kit is not None:
        return [TEXT["kit_changed"].format(kit=recorded.id, version=recorded.version, now=kit.manifest.version)]
    if change is KitChange.OTHER and kit is not None:
        return [TEXT["kit_other"].format(kit=recorded.id, version=recorded.version, now=kit.manifest.id)]
    return []


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
