"""`python main.py crosswalk DRAFT [--jurisdiction ID ...] [--json]`: the evidence a draft's answers
make for one jurisdiction that another can reuse (app/results/crosswalk.py). Without
--jurisdiction: the jurisdictions the draft targets; when it targets its own pack only, that pack
first, then each pack a shipped crosswalk maps it to."""

from __future__ import annotations

import argparse
import json

from app.commands import jurisdictions
from app.commands.arguments import add_draft_argument, add_passphrase_option, load_checked, warn
from app.commands.errors import EXIT_OK, CommandError
from app.results.crosswalk import Cell, CrosswalkReport, crosswalk_report, documents_by_kind
from catalogue import table, tr
from forms.crosswalks import check_against, crosswalk_path, shipped_crosswalks
from forms.layer import PackError

TEXT = table("crosswalk")
RELATIONS = table("crosswalk.relation")
STATUSES = table("crosswalk.status")


def add_commands(subparsers) -> None:
    command = subparsers.add_parser("crosswalk", help=TEXT["help"], description=TEXT["help"])
    add_draft_argument(command)
    command.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    add_passphrase_option(command)
    jurisdictions.add_option(command)
    command.set_defaults(run=_crosswalk)


def _crosswalk(args: argparse.Namespace) -> int:
    opened = load_checked(args)
    warn(opened.warnings)
    crosswalks = shipped_crosswalks()
    if not args.jurisdiction and len(opened.draft.jurisdictions) > 1:
        args.jurisdiction = list(opened.draft.jurisdictions)
    if not args.jurisdiction:
        mapped = [pack_id for c in crosswalks if opened.pack.id in c.packs for pack_id in c.packs]
        args.jurisdiction = list(dict.fromkeys([opened.pack.id, *mapped]))
    if len(args.jurisdiction) < 2:
        raise CommandError(tr("crosswalk.none_mapped", pack=opened.pack.id))
    asked = jurisdictions.questionnaire(args, opened)
    packs = {pack.id: pack for pack in asked.packs}
    for crosswalk in crosswalks:
        try:
            check_against(crosswalk_path(crosswalk), crosswalk, packs)
        except PackError as error:
            raise CommandError(str(error)) from None
    report = crosswalk_report(asked, crosswalks, opened.draft.values(), documents_by_kind(opened.draft.attachments),
                              list(dict.fromkeys(args.jurisdiction)))
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(report)))
    return EXIT_OK


def report_lines(report: CrosswalkReport) -> list[str]:
    first, *others = report.jurisdictions
    lines = [TEXT["heading"].format(first=first.title, others="; ".join(j.title for j in others))]
    for row in report.rows:
        lines += ["", row.label]
        for cell in row.cells:
            lines += _cell_lines(cell)
    if not report.rows:
        lines.append(TEXT["no_rows"])
    return lines


def _cell_lines(cell: Cell) -> list[str]:
    if cell.status == "none":
        return [TEXT["cell_none"].format(jurisdiction=cell.jurisdiction)]
    key = "cell_related" if cell.relation else "cell"
    relation = RELATIONS[cell.relation] if cell.relation else ""
    lines = [TEXT[key].format(jurisdiction=cell.jurisdiction, relation=relation, requirement=cell.requirement,
                              citation=cell.citation, status=STATUSES[cell.status])]
    if cell.note:
        lines.append(TEXT["note"].format(note=cell.note))
    if cell.documents:
        lines.append(TEXT["documents"].format(documents=", ".join(cell.documents)))
    if cell.missing:
        lines.append(TEXT["missing"].format(missing=cell.missing))
    return lines
