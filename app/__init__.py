"""The application around the core (forms, risk_tiers), in rooms that depend one way:

- `storage`: drafts on disk (the file format and its migrations, atomic writing, sealing with a
  passphrase, backups, autosaves) and where files live (`paths`);
- `results`: what an assessment says, worded for people (text and JSON), and whom a draft is about;
- `session`: a draft's life without a window (answers, saving, autosave, passphrase, restore), and
  the small interface through which it asks the person;
- `dossier`: the application dossier PDF (the only room that imports reportlab and pypdf);
- `commands`: the command line, a module per command group;
- `qt`: the wizard, the only room that imports Qt.

The command line and the wizard stand on the others and know nothing of each other. The import
contracts in pyproject.toml hold this (tests/test_boundaries.py runs them).
"""
