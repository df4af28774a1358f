"""What a draft's answers give: `classify DRAFT [--json]` prints the result, and `validate DRAFT
[--json]` says whether the draft reads and what it still lacks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands import jurisdictions
from app.commands.arguments import add_draft_argument, add_passphrase_option, load_checked, warn
from app.commands.errors import EXIT_OK
from app.results import report
from app.results.document import result_document
from app.storage.drafts import Draft
from catalogue import ntr, table
from forms.completeness import completeness
from forms.evaluation import Evaluation
from forms.schema import Pack
from risk_tiers.classify import classify

TEXT = table("cli")
VALIDATE = table("cli.validate")


def add_commands(subparsers) -> None:
    classifying = subparsers.add_parser("classify", help=TEXT["classify_help"], description=TEXT["classify_help"])
    add_draft_argument(classifying)
    classifying.add_argument("--json", action="store_true", help=TEXT["json_help"])
    add_passphrase_option(classifying)
    jurisdictions.add_option(classifying)
    classifying.set_defaults(run=_classify)
    validate = subparsers.add_parser("validate", help=TEXT["validate_help"], description=TEXT["validate_help"])
    add_draft_argument(validate)
    validate.add_argument("--json", action="store_true", help=TEXT["json_help"])
    add_passphrase_option(validate)
    validate.set_defaults(run=_validate)


def _classify(args: argparse.Namespace) -> int:
    opened = load_checked(args)
    draft, pack, warnings, _ = opened
    warn(warnings)
    args.jurisdiction = args.jurisdiction or (draft.jurisdictions if len(draft.jurisdictions) > 1 else None)
    if args.jurisdiction:
        return jurisdictions.run_classify(args, opened)
    assessment = classify(pack, draft.values(), draft.notes())
    document = result_document(pack, draft, assessment)
    if args.json:
        print(json.dumps(report.assessment_json(document, assessment), ensure_ascii=False, indent=2))
    else:
        print(report.document_text(document))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    """A readable draft is valid (exit 0) however incomplete; what is missing is reported."""
    draft, pack, warnings, _ = load_checked(args)
    warn(warnings)
    found = completeness(Evaluation(pack, draft.values()))
    if args.json:
        print(json.dumps(_validate_json(args.draft, draft, pack, found, warnings), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(ntr("cli.valid", len(draft.answers), path=args.draft, pack=pack.id, version=pack.version))
    if found.complete:
        print(VALIDATE["complete"].format(required=found.required))
        return EXIT_OK
    print(VALIDATE["missing"].format(missing=len(found.missing), required=found.required))
    for item in found.missing:
        print(VALIDATE["missing_item"].format(question=item.question, section=item.section, text=item.text))
    return EXIT_OK


def _validate_json(path: Path, draft: Draft, pack: Pack, found, warnings: list[str]) -> dict:
    return {"draft": str(path), "valid": True, "pack": {"id": pack.id, "version": pack.version},
            "answers": len(draft.answers), "required": found.required, "given": found.given,
            "complete": found.complete, "warnings": warnings,
            "missing": [{"question": m.question, "section": m.section, "text": m.text} for m in found.missing]}
