"""`python main.py export DRAFT.json -o dossier.pdf` and `python main.py import DOSSIER.pdf [-o draft.json]`.

Registered by app.cli; errors are one line (exit 2). reportlab loads only when exporting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_OK, CommandError, load_checked, warn
from app.drafts import parse_draft, write_atomically
from app.passphrases import add_passphrase_option
from catalogue import tr


def add_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help="write the application dossier (PDF) for a draft")
    export.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    export.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    add_passphrase_option(export)
    export.set_defaults(run=_export)
    imported = subparsers.add_parser("import", help="take the draft out of a dossier and check its fingerprint")
    imported.add_argument("dossier", type=Path)
    imported.add_argument("-o", "--output", type=Path, help="write the draft here (default: print it)")
    imported.set_defaults(run=_import)


def _export(args: argparse.Namespace) -> int:
    from app.dossier.export import DossierError, export_dossier

    draft, pack, warnings = load_checked(args.draft, args.pack, args.passphrase_file)
    warn(warnings)
    try:
        export_dossier(draft, pack, args.output)
    except DossierError as error:
        raise CommandError(str(error)) from None
    print(f"{args.output}: dossier written")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.dossier.export import DossierError, read_dossier

    try:
        data = read_dossier(args.dossier)
    except DossierError as error:
        raise CommandError(str(error)) from None
    text = data.decode("utf-8")
    parse_draft(text, f"{args.dossier} (draft inside)")  # a readable draft, or a one-line DraftError
    if args.output:
        write_atomically(args.output, data)
        print(f"{args.output}: draft extracted, fingerprint checked")
    else:
        sys.stdout.write(text)
    return EXIT_OK
