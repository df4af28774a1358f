"""The command line: `main` builds the parser and runs a command; the other modules are the
command groups and what they share."""
