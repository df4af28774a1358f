"""`python main.py export DRAFT.json -o dossier.pdf [--certificate FILE.p12]` and
`python main.py import DOSSIER.pdf [-o draft.json]`.

With `--certificate` the dossier is written signed in one step (app/dossier/signing.py); the
certificate's passphrase is asked (or read from `--certificate-passphrase-file`) before the dossier
is built, since `--passphrase-file` is the draft's.

Errors are one line (exit 2). reportlab loads only when exporting: the dossier's modules are imported
when a command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.arguments import (add_certificate_options, add_passphrase_option, load_checked, signing_certificate,
                                    warn)
from app.commands.errors import EXIT_OK, CommandError
from app.storage.drafts import parse_draft, write_atomically
from catalogue import table, tr

TEXT = table("dossier.cli")
CERTIFICATE_PASSPHRASE_OPTION = "--certificate-passphrase-file"


def add_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help=TEXT["export_help"], description=TEXT["export_help"])
    export.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar="PDF", help=TEXT["output_help"])
    add_passphrase_option(export)
    add_certificate_options(export, CERTIFICATE_PASSPHRASE_OPTION, required=False)
    export.set_defaults(run=_export)
    imported = subparsers.add_parser("import", help=TEXT["import_help"], description=TEXT["import_help"])
    imported.add_argument("dossier", type=Path, metavar="DOSSIER", help=TEXT["dossier_help"])
    imported.add_argument("-o", "--output", type=Path, metavar="DRAFT", help=TEXT["draft_output_help"])
    imported.set_defaults(run=_import)


def _export(args: argparse.Namespace) -> int:
    from app.dossier.export import DossierError, export_dossier

    draft, pack, warnings, kit = load_checked(args)
    certificate = None
    if args.certificate is not None:
        certificate = signing_certificate(args.certificate, args.certificate_passphrase_file,
                                          CERTIFICATE_PASSPHRASE_OPTION)
    warn(warnings)
    try:
        if certificate is None:
            export_dossier(draft, pack, args.output, kit=kit)
        else:
            from app.dossier.signing import export_signed

            export_signed(draft, pack, args.output, certificate, kit=kit)
    except DossierError as error:
        raise CommandError(str(error)) from None
    if certificate is None:
        print(TEXT["written"].format(path=args.output))
    else:
        print(TEXT["written_signed"].format(path=args.output, signer=certificate.common_name or certificate.path.name))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.dossier.export import DossierError, read_dossier

    try:
        data = read_dossier(args.dossier)
    except DossierError as error:
        raise CommandError(str(error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # a fingerprint can be forged for any bytes: the data is checked too
        raise CommandError(tr("dossier.error.not_text", path=args.dossier)) from None
    parse_draft(text, TEXT["draft_inside"].format(path=args.dossier))  # a readable draft, or a one-line DraftError
    if args.output:
        write_atomically(args.output, data)
        print(TEXT["extracted"].format(path=args.output))
    else:
        sys.stdout.write(text)
    return EXIT_OK
