"""Authority kits on the command line: `kit check FILE... [--json]` checks kits as an applicant's
copy of the application would read them, `kit list [--json]` lists those the application has seen,
`kit build FOLDER -o FILE` makes one from a folder, and `kit schema` prints the JSON Schema of the
manifest. The global option `--kit FILE` wears a kit for the other commands (app/commands/arguments.py).
A kit whose SVG logo the dossier would leave out passes `kit check` with a warning saying why.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.commands.arguments import packs_found
from app.commands.errors import EXIT_BAD_INPUT, EXIT_OK, CommandError
from app.kits.build import build_kit
from app.kits.kit import Checked, Kit, check_kit
from app.kits.manifest import schema_json, summary_json
from app.kits.shelf import shelved
from app.storage.drafts import DraftError, write_atomically
from catalogue import table, tr
from catalogue.formats import format_date

TEXT = table("kit_command")


def add_commands(subparsers) -> None:
    kit = subparsers.add_parser("kit", help=TEXT["help"], description=TEXT["help"])
    actions = kit.add_subparsers(dest="kit_action", required=True, parser_class=type(kit), title=TEXT["actions_title"])
    check = actions.add_parser("check", help=TEXT["check_help"], description=TEXT["check_help"])
    check.add_argument("files", type=Path, nargs="+", metavar="FILE", help=TEXT["file_help"])
    check.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    check.set_defaults(run=_check)
    listing = actions.add_parser("list", help=TEXT["list_help"], description=TEXT["list_help"])
    listing.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    listing.set_defaults(run=_list)
    build = actions.add_parser("build", help=TEXT["build_help"], description=TEXT["build_help"])
    build.add_argument("folder", type=Path, metavar="FOLDER", help=TEXT["folder_help"])
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=TEXT["output_help"])
    build.set_defaults(run=_build)
    schema = actions.add_parser("schema", help=TEXT["schema_help"], description=TEXT["schema_help"])
    schema.add_argument("-o", "--output", type=Path, metavar="FILE", help=TEXT["schema_output_help"])
    schema.set_defaults(run=_schema)


def _check(args: argparse.Namespace) -> int:
    from app.dossier.logo_note import logo_warning  # the dossier's SVG reader (no reportlab), when a command runs

    packs = packs_found(args.pack)
    results = [(path, check_kit(path, packs)) for path in args.files]
    if args.json:
        shown = [check_json(path, checked) for path, checked in results]
        print(json.dumps(shown[0] if len(shown) == 1 else shown, ensure_ascii=False, indent=2))
    for path, checked in results:
        for problem in checked.problems:
            print(tr("cli.error_line", message=problem), file=sys.stderr)
        logo = logo_warning(checked.kit)
        if logo is not None:
            print(tr("cli.warning_line", message=logo.message), file=sys.stderr)
        if checked.kit is not None and not args.json:
            print(_summary(path, checked.kit))
    return EXIT_BAD_INPUT if any(checked.problems for _, checked in results) else EXIT_OK


def _summary(path: Path, kit: Kit) -> str:
    manifest = kit.manifest
    required = sum(1 for a in manifest.attachments if a.required)
    deadline = manifest.sandbox.deadline
    return TEXT["check_ok"].format(
        file=path, id=manifest.id, version=manifest.version, authority=manifest.authority.name,
        sandbox=manifest.sandbox.name, pack=manifest.extends.id, range=manifest.extends.version or "*",
        deadline=format_date(deadline) if deadline else TEXT["no_deadline"], questions=len(added_questions(kit)),
        attachments=len(manifest.attachments), required=required)


def added_questions(kit: Kit) -> list[str]:
    """The ids of the questions the kit adds to the pack it extends, in the wizard's order."""
    base = {q.id for s in kit.base.sections for q in s.questions}
    return [q.id for s in kit.pack.sections for q in s.questions if q.id not in base]


def check_json(path: Path, checked: Checked) -> dict[str, Any]:
    out: dict[str, Any] = {"file": str(path), "ok": not checked.problems, "hash": checked.hash}
    if checked.manifest is not None:
        out.update(summary_json(checked.manifest))
    if checked.kit is not None:
        base = {s.id for s in checked.kit.base.sections}
        out["sections"] = [s.id for s in checked.kit.pack.sections if s.id not in base]
        out["questions"] = added_questions(checked.kit)
        base_gaps = {g.id for g in checked.kit.base.gaps}
        out["gaps"] = [g.id for g in checked.kit.pack.gaps if g.id not in base_gaps]
    from app.dossier.logo_note import WARNING_ID, logo_warning

    out["problems"] = [{"id": p.msg_id, "message": str(p)} for p in checked.problems]
    logo = logo_warning(checked.kit)
    out["warnings"] = [] if logo is None else [{"id": WARNING_ID, "problem": logo.problem,
                                                "message": logo.message}]
    return out


def _list(args: argparse.Namespace) -> int:
    kept = shelved()
    if args.json:
        print(json.dumps([{**summary_json(k.manifest), "hash": k.hash, "file": str(k.path)} for k in kept],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not kept:
        print(TEXT["none_kept"])
    for k in kept:
        deadline = k.manifest.sandbox.deadline
        print(TEXT["row"].format(id=k.manifest.id, version=k.manifest.version, authority=k.manifest.authority.name,
                                 sandbox=k.manifest.sandbox.name,
                                 deadline=format_date(deadline) if deadline else TEXT["no_deadline"], file=k.path))
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    built = build_kit(args.folder, packs_found(args.pack))
    _write(args.output, built.data)
    print(TEXT["built"].format(path=args.output, hash=built.sha256))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.output is None:
        sys.stdout.write(schema_json())
        return EXIT_OK
    _write(args.output, schema_json().encode("utf-8"))
    print(TEXT["schema_written"].format(path=args.output))
    return EXIT_OK


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except DraftError as error:
        raise CommandError(str(error)) from None
