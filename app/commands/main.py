"""The command line, on the same core as the wizard: `python main.py COMMAND`.

Bad input never shows a traceback: one line on standard error saying what is wrong, and exit
status 2. Success exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, NoReturn, Sequence

from app.results import report
from app.storage.drafts import Draft, DraftError, PackChange
from app.commands.packs import load as load_pack_found
from app.commands.terminal_prompts import PromptError
from catalogue import Foreign, ntr, table
from forms.loader import DEFAULT_PACK, PackError
from forms.schema import Pack
from risk_tiers.classify import classify

EXIT_OK, EXIT_BAD_INPUT, EXIT_BROKEN_PIPE = 0, 2, 1
TEXT = table("cli")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(TEXT["usage_hint"].format(message=message, command="python main.py --help"))


# argparse asks gettext for its own words ("usage: ", "options", its errors) by their English; they
# come from the catalogue's `argparse` domain instead, so they follow the language chosen.
_ARGPARSE_TEXTS = Foreign("argparse")
argparse._ = _ARGPARSE_TEXTS.gettext  # type: ignore[attr-defined]
argparse.ngettext = _ARGPARSE_TEXTS.ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python main.py", description=TEXT["description"])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK, metavar="PACK", help=TEXT["pack_help"])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, title=TEXT["commands_title"])
    questions = commands.add_parser("questions", help=TEXT["questions_help"], description=TEXT["questions_help"])
    questions.add_argument("--json", action="store_true", help=TEXT["json_help"])
    questions.set_defaults(run=_questions)
    classify = commands.add_parser("classify", help=TEXT["classify_help"], description=TEXT["classify_help"])
    add_draft_argument(classify)
    classify.add_argument("--json", action="store_true", help=TEXT["json_help"])
    _add_passphrase_option(classify)
    classify.set_defaults(run=_classify)
    validate = commands.add_parser("validate", help=TEXT["validate_help"], description=TEXT["validate_help"])
    add_draft_argument(validate)
    validate.add_argument("--json", action="store_true", help=TEXT["json_help"])
    _add_passphrase_option(validate)
    validate.set_defaults(run=_validate)
    for extend in EXTRA_COMMANDS:
        extend(commands)
    return parser


def add_draft_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", type=Path, metavar="DRAFT", help=TEXT["draft_help"])


# Other modules (the dossier) add their commands here, so this module need not import them.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    _register_extra_commands()
    try:
        args = build_parser().parse_args(argv)
        status = args.run(args)
        sys.stdout.flush()  # here, so a reader gone away is caught below, not at interpreter exit
        return status
    except (UsageError, PackError, DraftError, CommandError, PromptError) as error:
        print(TEXT["error_line"].format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`classify ... | head -1`): stop quietly, as other tools do, and keep
        # Python from complaining again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


class CommandError(Exception):
    """A command that cannot go on; the message is one line."""


def _add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    from app.commands.passphrases import add_passphrase_option

    add_passphrase_option(parser)


def _register_extra_commands() -> None:
    if not EXTRA_COMMANDS:
        from app.commands import backups as backup_commands, packs as pack_commands, passphrases  # backups, packs, protect

        EXTRA_COMMANDS.extend([passphrases.add_commands, backup_commands.add_commands, pack_commands.add_commands])
        try:
            from app.commands import dossier as dossier_commands
        except ImportError:
            return
        EXTRA_COMMANDS.append(dossier_commands.add_commands)


def load_checked(draft_path: Path, pack_path: Path,
                 passphrase_file: Path | None = None) -> tuple[Draft, Pack, list[str]]:
    """The draft and its pack, or a one-line error (and a line naming its kept versions, if any).
    Returns the warnings to show.

    Opened by the draft session, as the wizard opens it: a protected draft with the passphrase in
    `passphrase_file`, or one asked for at a terminal (app/commands/terminal_prompts.py).
    """
    from app.session.draft_session import DraftSession
    from app.commands.terminal_prompts import TerminalPrompts

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


def _questions(args: argparse.Namespace) -> int:
    from app.commands import listing

    pack = load_pack_found(args.pack)
    print(json.dumps(listing.questions_json(pack), ensure_ascii=False, indent=2) if args.json else listing.questions_text(pack))
    return EXIT_OK


def _classify(args: argparse.Namespace) -> int:
    draft, pack, warnings = load_checked(args.draft, args.pack, args.passphrase_file)
    warn(warnings)
    assessment = classify(pack, draft.values(), draft.notes())
    if args.json:
        print(json.dumps(report.assessment_json(pack, assessment), ensure_ascii=False, indent=2))
    else:
        print(report.assessment_text(pack, draft, assessment))
    return EXIT_OK


VALIDATE = table("cli.validate")


def _validate(args: argparse.Namespace) -> int:
    """A readable draft is valid (exit 0) however incomplete; what is missing is reported."""
    from forms.completeness import completeness
    from forms.evaluation import Evaluation

    draft, pack, warnings = load_checked(args.draft, args.pack, args.passphrase_file)
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


if __name__ == "__main__":
    sys.exit(main())
