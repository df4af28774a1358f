"""The command line, on the same core as the wizard: `python main.py COMMAND`.

Bad input never shows a traceback: one line on standard error saying what is wrong, and exit
status 2. Success exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, NoReturn, Sequence

from app import report
from app.drafts import Draft, DraftError, draft_problems, load_draft
from catalogue import Foreign, ntr, table
from forms.loader import DEFAULT_PACK, PackError, load_pack
from forms.schema import Pack
from risk_tiers.classify import classify

EXIT_OK, EXIT_BAD_INPUT = 0, 2
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
        return args.run(args)
    except (UsageError, PackError, DraftError, CommandError) as error:
        print(TEXT["error_line"].format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


class CommandError(Exception):
    """A command that cannot go on; the message is one line."""


def _add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    from app.passphrases import add_passphrase_option

    add_passphrase_option(parser)


def _register_extra_commands() -> None:
    if not EXTRA_COMMANDS:
        from app import backup_commands, passphrases  # backups / restore, protect / unprotect

        EXTRA_COMMANDS.extend([passphrases.add_commands, backup_commands.add_commands])
        try:
            from app.dossier import commands as dossier_commands
        except ImportError:
            return
        EXTRA_COMMANDS.append(dossier_commands.add_commands)


def load_checked(draft_path: Path, pack_path: Path,
                 passphrase_file: Path | None = None) -> tuple[Draft, Pack, list[str]]:
    """The draft and its pack, or a one-line error. Returns the warnings to show.

    A protected draft is opened with the passphrase in `passphrase_file`, or one asked for at a terminal.
    """
    from app.drafts import PassphraseRequired
    from app.passphrases import load_draft_asking

    pack = load_pack(pack_path)
    try:
        draft = load_draft_asking(draft_path, passphrase_file)
    except PassphraseRequired:
        raise
    except DraftError as error:  # a wrong passphrase too: the file may have been changed or damaged
        raise DraftError(str(error) + _versions_hint(draft_path)) from None
    errors, warnings = draft_problems(draft, pack)
    if errors:
        more = ntr("cli.more_problems", len(errors) - 1) if len(errors) > 1 else ""
        problem = TEXT["problem"].format(path=draft_path, problem=errors[0], more=more)
        raise CommandError(problem + _versions_hint(draft_path))
    return draft, pack, warnings


def _versions_hint(draft_path: Path) -> str:
    """For a draft that cannot be used: where its kept versions are, when it has some."""
    import shlex

    from app.backups import list_backups

    count = len(list_backups(draft_path))
    if not count:
        return ""
    return ntr("cli.versions_hint", count, command=f"python main.py backups {shlex.quote(str(draft_path))}")


def warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(TEXT["warning_line"].format(message=warning), file=sys.stderr)


def _questions(args: argparse.Namespace) -> int:
    pack = load_pack(args.pack)
    print(json.dumps(report.questions_json(pack), ensure_ascii=False, indent=2) if args.json else report.questions_text(pack))
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


def _validate(args: argparse.Namespace) -> int:
    draft, pack, warnings = load_checked(args.draft, args.pack, args.passphrase_file)
    warn(warnings)
    print(ntr("cli.valid", len(draft.answers), path=args.draft, pack=pack.id, version=pack.version))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
