"""Several jurisdictions on the command line: `classify DRAFT --jurisdiction ID ...` gives each
chosen pack's result of the draft's answers, each shared fact answered once
(app/results/jurisdictions.py). The draft's own pack stands for its id (with the kit it wears).
Without --jurisdiction, a draft that targets several jurisdictions gives theirs."""

from __future__ import annotations

import argparse
import json

from app.commands.arguments import Opened, packs_found
from app.commands.errors import EXIT_OK, CommandError
from app.results import report
from app.results.composed import draft_for
from app.results.document import result_document
from app.results.jurisdictions import CompositionError, JurisdictionResult, Questionnaire, assess, compose
from catalogue import table, tr
from catalogue.formats import format_date
from forms.loader import load_pack
from forms.registry import find
from forms.schema import Pack

TEXT = table("jurisdictions")


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jurisdiction", action="append", default=None, metavar="PACK_ID",
                        help=TEXT["option_help"])


def chosen_packs(args: argparse.Namespace, opened: Opened) -> list[Pack]:
    """The packs named with --jurisdiction, in their order; the draft's own pack for its id."""
    found = packs_found(args.pack)
    packs = []
    for pack_id in dict.fromkeys(args.jurisdiction):
        if pack_id == opened.pack.id:
            packs.append(opened.pack)
            continue
        info = find(pack_id, "", found)
        if info is None:
            raise CommandError(tr("jurisdictions.unknown_pack", id=pack_id,
                                  known=", ".join(sorted({p.id for p in found}))))
        packs.append(load_pack(info.folder, packs=found))
    return packs


def questionnaire(args: argparse.Namespace, opened: Opened) -> Questionnaire:
    """The questionnaire of the packs chosen; the draft's own pack joins it last when not chosen, so
    its answers still stand for the facts it shares (its result is not shown)."""
    packs = chosen_packs(args, opened)
    if opened.pack.id not in {pack.id for pack in packs}:
        packs.append(opened.pack)
    try:
        return compose(packs)
    except CompositionError as error:
        raise CommandError(str(error)) from None


def run_classify(args: argparse.Namespace, opened: Opened) -> int:
    asked = questionnaire(args, opened)
    chosen = set(args.jurisdiction)
    results = [r for r in assess(asked, opened.draft.values(), opened.draft.notes()) if r.pack.id in chosen]
    documents = [result_document(r.pack, draft_for(asked, r.pack, opened.draft), r.assessment) for r in results]
    if args.json:
        data = {"jurisdictions": [_json(result, document) for result, document in zip(results, documents)],
                "shared": [q.id for q in asked.core.questions] if asked.core else []}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for index, (result, document) in enumerate(zip(results, documents)):
        if index:
            print()
        print(heading(result.pack))
        print(report.document_text(document))
    return EXIT_OK


def heading(pack: Pack) -> str:
    return TEXT["heading"].format(title=pack.title, id=pack.id, version=pack.version,
                                  date=format_date(pack.law_current_to))


def _json(result: JurisdictionResult, document) -> dict:
    pack = result.pack
    return {"pack": {"id": pack.id, "version": pack.version, "title": pack.title,
                     "law_current_to": pack.law_current_to.isoformat()},
            "result": report.assessment_json(document, result.assessment)}
