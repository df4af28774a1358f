"""Sandbox Applicant Kit. `python main.py [--data-dir DIR] [--lang CODE] [--register URL] [DRAFT.json]`
opens the wizard; `python main.py [--data-dir DIR] [--lang CODE] [--register URL] COMMAND ...` runs the
command line (see `-h`)."""

import os
import sys

COMMANDS = {"questions", "classify", "validate", "export", "import", "protect", "unprotect", "backups", "restore", "packs",
            "sign", "verify", "kit", "review", "feedback", "workspace", "schema", "crosswalk", "-h", "--help", "--pack"}
DATA_DIR_OPTION = "--data-dir"
LANG_OPTION = "--lang"
KIT_OPTION = "--kit"
REGISTER_OPTION = "--register"
GLOBAL_OPTIONS = (DATA_DIR_OPTION, LANG_OPTION, KIT_OPTION, REGISTER_OPTION)
# What the message of a global option given without its value is (catalogue ids).
NEEDS_VALUE = {DATA_DIR_OPTION: "main.data_dir_needs_folder", LANG_OPTION: "main.lang_needs_code",
               KIT_OPTION: "main.kit_needs_file", REGISTER_OPTION: "main.register_needs_url"}
EXAMPLES = {DATA_DIR_OPTION: "--data-dir ~/sandbox-kit", LANG_OPTION: "--lang de, --lang en-XA",
            KIT_OPTION: "--kit authority.sandboxkit",
            REGISTER_OPTION: "--register postgresql://reviewer@db.example.org/register"}


def take_options(args: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """The arguments without the global options (`--data-dir DIR`, `--lang CODE`, `--kit FILE`,
    `--register URL`, or with `=`),
    wherever they stand; the values given; and the options given without a value."""
    rest, values, missing = [], {}, []
    items = iter(args)
    for arg in items:
        if arg == "--":
            rest += [arg, *items]
            break
        option = next((o for o in GLOBAL_OPTIONS if arg == o or arg.startswith(o + "=")), None)
        if option is None:
            rest.append(arg)
            continue
        value = arg.partition("=")[2] if "=" in arg else next(items, "")
        if not value.strip() or value.startswith("-"):
            missing.append(option)
        else:
            values[option] = value
    for option in (DATA_DIR_OPTION, KIT_OPTION):
        if option in values:
            values[option] = os.path.abspath(os.path.expanduser(values[option]))
    return rest, values, missing


def usage() -> str:
    """The wizard's part of `-h`, laid out as argparse lays out the commands' part after it."""
    import textwrap

    from catalogue import tr

    def entry(syntax: str, help_text: str) -> list[str]:
        lines = textwrap.wrap(help_text, 66)
        if len(syntax) <= 20:
            return [f"  {syntax:<22}{lines[0]}"] + [" " * 24 + line for line in lines[1:]]
        return [f"  {syntax}"] + [" " * 24 + line for line in lines]

    lines = [tr("main.wizard_heading")]
    lines += entry("python main.py [--data-dir DIR] [--lang CODE] [--kit FILE] [--register URL] [DRAFT.json]",
                   tr("main.wizard_help", draft="DRAFT.json"))
    lines += entry("--data-dir DIR", tr("main.data_dir_help", folder="DIR", variable="SANDBOX_KIT_DATA_DIR"))
    lines += entry("--lang CODE", tr("main.lang_help", code="CODE", pseudo="en-XA", variable="SANDBOX_KIT_LANG"))
    lines += entry("--kit FILE", tr("main.kit_help", file="FILE"))
    lines += entry("--register URL", tr("main.register_help", variable="SANDBOX_KIT_REGISTER"))
    return "\n".join(lines + ["", tr("main.commands_heading")])


def opens_wizard(args: list[str]) -> bool:
    """No arguments, or one that names a draft; anything else is for the command line, which
    knows its commands (other modules add some) and says what is wrong with the rest."""
    if not args:
        return True
    if len(args) > 1 or args[0].startswith("-") or args[0] in COMMANDS:
        return False
    return args[0].lower().endswith(".json") or os.path.isfile(args[0])


def main() -> int:
    import catalogue

    args, values, missing = take_options(sys.argv[1:])
    if DATA_DIR_OPTION in values:
        # Everything that finds the data folder (app/storage/paths.py) reads this variable, here and in any
        # process started from here (the language saved in its settings too).
        from app.storage.paths import DATA_DIR_VARIABLE

        os.environ[DATA_DIR_VARIABLE] = values[DATA_DIR_OPTION]
    code = values.get(LANG_OPTION)
    if code is not None and catalogue.languages.normalise(code) is None:
        missing.append(LANG_OPTION)
        code = None
    from app.storage.settings import saved_language

    # --lang, else SANDBOX_KIT_LANG, else the language chosen in the wizard, else the system's.
    catalogue.set_language(code, saved=saved_language())
    if missing:
        error = catalogue.tr(NEEDS_VALUE[missing[0]], option=missing[0], example=EXAMPLES[missing[0]])
        print(catalogue.tr("cli.error_line", message=error), file=sys.stderr)
        return 2
    if REGISTER_OPTION in values:  # read where the register is opened (app/review/location.py)
        os.environ["SANDBOX_KIT_REGISTER"] = values[REGISTER_OPTION]
    if not opens_wizard(args):
        from app.commands.main import main as run_command

        # The wizard's part of the help goes first, printed by the command line, which ends quietly
        # when the reader goes away (`python main.py -h | head -1`).
        kit = [KIT_OPTION, values[KIT_OPTION]] if KIT_OPTION in values else []
        return run_command(kit + args, before=usage() if args[0] in ("-h", "--help") else "")
    from app.qt.launch import run_wizard

    return run_wizard(args, kit=values.get(KIT_OPTION))


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A workspace's first indexing may classify in worker processes; in a frozen build each
        # starts as this program, and this turns it into the worker instead of a second window.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
