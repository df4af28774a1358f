"""`python main.py sign DOSSIER.pdf --certificate FILE.p12 [--passphrase-file F] [-o OUT]` and
`python main.py verify DOSSIER.pdf [--trust CERT] [--json]`.

`verify` prints the fingerprint check (the data inside as exported) and the signature check (who
signed, the time they state, whether their certificate is trusted, whether anything changed after
signing). It exits 0 when the fingerprint matches and the signature, if any, is valid (trusted and
intact); 3 when the file was read but does not hold up; 2 when it cannot be read at all. pyHanko
loads only when one of them runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.commands.arguments import add_certificate_options, signing_certificate
from app.commands.errors import EXIT_NOT_VERIFIED, EXIT_OK, CommandError
from catalogue import ntr, table, tr
from catalogue.formats import format_datetime

TEXT = table("sign.cli")
TRUST = table("sign.trust")
INTEGRITY = table("sign.integrity")
SIGNED_SUFFIX = "-signed"


def add_commands(subparsers) -> None:
    sign = subparsers.add_parser("sign", help=TEXT["sign_help"], description=TEXT["sign_help"])
    sign.add_argument("dossier", type=Path, metavar="DOSSIER", help=TEXT["dossier_help"])
    add_certificate_options(sign, "--passphrase-file", required=True)
    sign.add_argument("-o", "--output", type=Path, metavar="OUT", help=TEXT["output_help"])
    sign.set_defaults(run=_sign)
    verify = subparsers.add_parser("verify", help=TEXT["verify_help"], description=TEXT["verify_help"],
                                   epilog=TEXT["verify_epilog"])
    verify.add_argument("dossier", type=Path, metavar="DOSSIER", help=TEXT["verify_dossier_help"])
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT",
                        help=TEXT["trust_help"])
    verify.add_argument("--json", action="store_true", help=TEXT["json_help"])
    verify.set_defaults(run=_verify)


def signed_path(dossier: Path) -> Path:
    """Where `sign` writes without -o: `<stem>-signed.pdf` beside the dossier."""
    return dossier.with_name(f"{dossier.stem}{SIGNED_SUFFIX}{dossier.suffix or '.pdf'}")


def _sign(args: argparse.Namespace) -> int:
    from app.dossier.export import DossierError, read_dossier
    from app.dossier.signing import sign_file

    output = args.output or signed_path(args.dossier)
    try:
        read_dossier(args.dossier)  # before any passphrase is asked: is this a dossier at all?
    except DossierError as error:
        raise CommandError(str(error)) from None
    certificate = signing_certificate(args.certificate, args.certificate_passphrase_file, "--passphrase-file")
    try:
        sign_file(args.dossier, certificate, output)
    except DossierError as error:
        raise CommandError(str(error)) from None
    print(TEXT["signed"].format(path=output, signer=certificate.common_name or certificate.path.name))
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from app.dossier.attachment import fingerprint
    from app.dossier.export import DossierError, read_dossier
    from app.dossier.signature import check_signature, trusted_certificates

    try:
        roots = trusted_certificates(args.trust)
        check = check_signature(args.dossier, roots)  # first: a file that is no PDF ends here, exit 2
    except DossierError as error:
        raise CommandError(str(error)) from None
    try:
        printed, problem = fingerprint(read_dossier(args.dossier)), None
    except DossierError as error:
        printed, problem = None, str(error)
    if args.json:
        _print_json(args.dossier, printed, problem, check)
    else:
        _print_lines(printed, problem, check)
    holds = problem is None and (check is None or check.valid)
    return EXIT_OK if holds else EXIT_NOT_VERIFIED


def _print_json(path: Path, printed: str | None, problem: str | None, check) -> None:
    result = {"file": str(path), "fingerprint": {"valid": problem is None, "value": printed, "problem": problem},
              "signature": check.as_dict() if check else None}
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _print_lines(printed: str | None, problem: str | None, check) -> None:
    print(TEXT["fingerprint_ok"].format(fingerprint=printed) if problem is None
          else TEXT["fingerprint_bad"].format(problem=problem))
    if check is None:
        print(TEXT["unsigned"])
        return
    for line in signature_lines(check):
        print(line)


def signature_lines(check) -> list[str]:
    """The signature check in lines for a person: who, when (a claim), trust, integrity, verdict."""
    if check.organisation:
        who = TEXT["signer_of"].format(signer=check.signer, organisation=check.organisation)
    else:
        who = TEXT["signer"].format(signer=check.signer)
    when = (TEXT["signed_at"].format(when=format_datetime(check.signed_at)) if check.signed_at
            else TEXT["signed_at_unknown"])
    lines = [who, when, _trust_line(check), _integrity_line(check)]
    if check.signatures > 1:
        lines.append(ntr("sign.cli.more_signatures", check.signatures - 1))
    lines.append(TEXT["valid" if check.valid else "not_valid"])
    return lines


def _trust_line(check) -> str:
    from app.dossier.signature import Trust

    lines = {Trust.TRUSTED: TRUST["trusted"], Trust.NOT_CHECKED: TRUST["not_checked"],
             Trust.SELF_SIGNED: TRUST["self_signed"], Trust.UNKNOWN_ISSUER: TRUST["unknown_issuer"],
             Trust.INVALID_CERTIFICATE: TRUST["invalid_certificate"]}
    return lines[check.trust].format(reason=tr(check.trust_reason) if check.trust_reason else "")


def _integrity_line(check) -> str:
    from app.dossier.signature import Integrity

    lines = {Integrity.INTACT: INTEGRITY["intact"], Integrity.CHANGED_AFTER_SIGNING: INTEGRITY["changed_after_signing"],
             Integrity.BROKEN: INTEGRITY["broken"]}
    return lines[check.integrity].format(reason=tr(check.reason) if check.reason else "")
