"""Drafts on disk: one draft file (its format, reading, atomic writing) with its format steps and
its sealing by passphrase, the backups and autosaves kept beside it, saving with a backup, and
where the data folder and the bundled resources are. No Qt, no wording of results."""
