"""`python main.py export DRAFT.json [--format pdf|html|json] [--dossier-lang LANG] -o OUT [--certificate FILE.p12]`
and `python main.py import DOSSIER [-o draft.json]`.

`--dossier-lang` writes the dossier in another language than the command line speaks (one this
application has, and with a kit one the kit is offered in: app/formats/languages.py); the answers
stay as they were written.

With `--certificate` the dossier is written as a PDF signed in one step (app/dossier/signing.py; only
a PDF holds a signature, so another format with a certificate is refused); the certificate's
passphrase is asked (or read from `--certificate-passphrase-file`) before the dossier is built, since
`--passphrase-file` is the draft's.

The format of an export is the one chosen, else the one OUT's extension names, else the PDF. Import
reads a dossier of any of them. Errors are one line (exit 2). reportlab loads only when exporting a
PDF: the dossier's modules are imported when a command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.arguments import (add_certificate_options, add_passphrase_option, load_checked, signing_certificate,
                                    warn)
from app.commands.errors import EXIT_OK, CommandError
from app.formats.choice import DEFAULT, FORMATS, PDF, named_format
from app.storage.drafts import parse_draft, write_atomically
from catalogue import shipped_languages, table, tr

TEXT = table("dossier.cli")
CERTIFICATE_PASSPHRASE_OPTION = "--certificate-passphrase-file"


def add_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help=TEXT["export_help"], description=TEXT["export_help"])
    export.add_argument("draft", type=Path, metavar="DRAFT", help=tr("cli.draft_help"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help=TEXT["output_help"])
    export.add_argument("--format", choices=FORMATS, dest="format",
                        help=TEXT["format_help"].format(formats=", ".join(FORMATS), default=DEFAULT))
    export.add_argument("--dossier-lang", metavar="LANG", dest="dossier_lang", help=TEXT["dossier_lang_help"].format(languages=", ".join(shipped_languages())))
    add_passphrase_option(export)
    add_certificate_options(export, CERTIFICATE_PASSPHRASE_OPTION, required=False)
    export.set_defaults(run=_export)
    imported = subparsers.add_parser("import", help=TEXT["import_help"], description=TEXT["import_help"])
    imported.add_argument("dossier", type=Path, metavar="DOSSIER", help=TEXT["dossier_help"])
    imported.add_argument("-o", "--output", type=Path, metavar="DRAFT", help=TEXT["draft_output_help"])
    imported.set_defaults(run=_import)


def _export(args: argparse.Namespace) -> int:
    from app.formats.files import DossierError, exporter
    from app.formats.languages import LanguageError, checked_language, export_in

    chosen = args.format or output_format(args.output)
    if args.certificate is not None and chosen != PDF:
        raise CommandError(TEXT["certificate_pdf_only"].format(format=chosen, option="--certificate", pdf=PDF))
    draft, pack, warnings, kit = load_checked(args)
    try:
        language = checked_language(args.dossier_lang, kit) if args.dossier_lang else None
    except LanguageError as error:
        raise CommandError(str(error)) from None
    certificate = None
    if args.certificate is not None:
        certificate = signing_certificate(args.certificate, args.certificate_passphrase_file,
                                          CERTIFICATE_PASSPHRASE_OPTION)
    from app.dossier.logo_note import logo_warning  # the SVG reader, not reportlab

    logo = logo_warning(kit) if chosen == PDF else None
    warn(warnings + ([logo.message] if logo is not None else []))
    write = exporter(chosen)
    if certificate is not None:
        from app.dossier.signing import export_signed

        def write(draft, pack, out_path, kit=None):
            export_signed(draft, pack, out_path, certificate, kit=kit)
    try:
        if language is None:  # the language in use, in which the pack and the kit are read already
            write(draft, pack, args.output, kit=kit)
        else:
            export_in(language, write, draft, pack, args.output, kit=kit, pack_folder=None if kit else args.pack)
    except DossierError as error:
        raise CommandError(str(error)) from None
    if certificate is None:
        print(TEXT["written"].format(path=args.output))
    else:
        print(TEXT["written_signed"].format(path=args.output, signer=certificate.common_name or certificate.path.name))
    return EXIT_OK


def output_format(path: Path) -> str:
    """The format OUT's extension names; the PDF for a name without one; an error for another."""
    if not path.suffix:
        return DEFAULT
    named = named_format(path)
    if named is None:
        raise CommandError(TEXT["unknown_extension"].format(path=path, option="--format", formats="|".join(FORMATS)))
    return named


def _import(args: argparse.Namespace) -> int:
    from app.formats.files import DossierError, read_draft_data

    try:
        data = read_draft_data(args.dossier)
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
