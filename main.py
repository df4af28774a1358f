"""Sandbox Applicant Kit. `python main.py [DRAFT.json]` opens the wizard; `python main.py COMMAND` runs the command line."""

import sys

COMMANDS = {"questions", "classify", "validate", "export", "import", "protect", "unprotect", "-h", "--help", "--pack"}


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in COMMANDS:
        from app.cli import main as run_command

        return run_command(args)
    from app.qt.launch import run_wizard

    return run_wizard(args)


if __name__ == "__main__":
    sys.exit(main())
