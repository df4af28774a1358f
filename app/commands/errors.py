"""How a command ends: its exit status, and the one-line error it raises when it cannot go on.

Every command module imports these; the parser (app/commands/main.py) prints the error and exits
with EXIT_BAD_INPUT, so no command needs the parser.
"""

EXIT_OK, EXIT_BAD_INPUT, EXIT_BROKEN_PIPE = 0, 2, 1
EXIT_NOT_VERIFIED = 3  # `verify`: the file was read, and its fingerprint or signature does not hold


class CommandError(Exception):
    """A command that cannot go on; the message is one line."""
