"""The command line: `main` builds the parser from one module per command group (listing,
assessment, passphrases, backups, packs, dossier), which share `arguments` (the pack, the draft,
the passphrase file), `errors` (one-line errors and exit statuses) and `terminal_prompts`."""
