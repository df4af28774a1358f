"""Building the installable application: `python3 dev.py package [--check]` runs `python -m release`.

Not part of the application (nothing under app/, forms/, risk_tiers/ or catalogue/ imports it) and
not shipped: the PyInstaller spec (packaging/sandbox-applicant-kit.spec) reads `trim` to leave out
what the application never loads; `desktop` writes the Linux desktop entry and MIME types from the
catalogue; `deb` and `tarball` make the Linux packages; `check` installs and starts what was built.
"""
