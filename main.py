"""Sandbox Applicant Kit. `python main.py [--data-dir DIR] [DRAFT.json]` opens the wizard;
`python main.py [--data-dir DIR] COMMAND ...` runs the command line (see USAGE)."""

import os
import sys

COMMANDS = {"questions", "classify", "validate", "export", "import", "protect", "unprotect", "backups", "restore", "packs", "-h", "--help", "--pack"}
DATA_DIR_OPTION = "--data-dir"

USAGE = """\
The wizard:
  python main.py [--data-dir DIR] [DRAFT.json]
                        open the wizard, on DRAFT.json if one is named
  --data-dir DIR        keep autosaves, recent drafts and settings in DIR instead of the
                        user data folder (also: the SANDBOX_KIT_DATA_DIR environment
                        variable; the option wins). The commands below accept it too.

The command line:"""


class UsageError(Exception):
    pass


def take_data_dir(args: list[str]) -> tuple[list[str], str | None]:
    """The arguments without `--data-dir DIR` (or `--data-dir=DIR`), and DIR, made absolute."""
    rest, chosen = [], None
    items = iter(args)
    for arg in items:
        if arg == "--":
            rest += [arg, *items]
            break
        if arg == DATA_DIR_OPTION or arg.startswith(DATA_DIR_OPTION + "="):
            value = arg.partition("=")[2] if "=" in arg else next(items, "")
            if not value.strip() or value.startswith("-"):
                raise UsageError(f"{DATA_DIR_OPTION} needs a folder, as in {DATA_DIR_OPTION} ~/sandbox-kit")
            chosen = os.path.abspath(os.path.expanduser(value))
        else:
            rest.append(arg)
    return rest, chosen


def opens_wizard(args: list[str]) -> bool:
    """No arguments, or one that names a draft; anything else is for the command line, which
    knows its commands (other modules add some) and says what is wrong with the rest."""
    if not args:
        return True
    if len(args) > 1 or args[0].startswith("-") or args[0] in COMMANDS:
        return False
    return args[0].lower().endswith(".json") or os.path.isfile(args[0])


def main() -> int:
    try:
        args, data_dir = take_data_dir(sys.argv[1:])
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if data_dir:
        # Everything that finds the data folder (app/paths.py) reads this variable, here and in any
        # process started from here.
        from app.paths import DATA_DIR_VARIABLE

        os.environ[DATA_DIR_VARIABLE] = data_dir
    if not opens_wizard(args):
        from app.cli import main as run_command

        if args[0] in ("-h", "--help"):
            print(USAGE)
        return run_command(args)
    from app.qt.launch import run_wizard

    return run_wizard(args)


if __name__ == "__main__":
    sys.exit(main())
