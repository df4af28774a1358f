"""Where the register is: an SQLite file in the reviewer's data folder by default, or a database
a review team shares, named by a URL.

The URL comes from, in this order: `--register URL` (on `review`, or before any command, which
sets the SANDBOX_KIT_REGISTER variable), the variable, the `url` of the `[register]` section of
the settings file (settings.ini in the data folder, where the wizard keeps its settings), and
otherwise `sqlite:///<data folder>/register.sqlite3`. `postgresql://user@host/database` uses the
psycopg driver; a plain file path is an SQLite register.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from app.storage.paths import data_dir

REGISTER_VARIABLE = "SANDBOX_KIT_REGISTER"
SETTINGS_FILE = "settings.ini"
SECTION, KEY = "register", "url"
DEFAULT_NAME = "register.sqlite3"
# What each scheme a user may write means to SQLAlchemy: PostgreSQL through psycopg 3.
_SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def register_url(given: str | None = None) -> str:
    """The register's URL, as SQLAlchemy reads it."""
    chosen = given or os.environ.get(REGISTER_VARIABLE) or _setting(SECTION, KEY)
    if not chosen:
        return sqlite_url(data_dir() / DEFAULT_NAME)
    return normalised(chosen)


def normalised(url: str) -> str:
    url = url.strip()
    scheme, separator, rest = url.partition("://")
    if not separator:  # a file path
        return sqlite_url(Path(url).expanduser())
    return f"{_SCHEMES.get(scheme, scheme)}://{rest}"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).absolute()}"


def _setting(section: str, key: str) -> str:
    """A value of the settings file (as the wizard's QSettings writes it: `[register]`, `url=...`)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(data_dir() / SETTINGS_FILE, encoding="utf-8")
        value = parser.get(section, key, fallback="")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return ""  # a damaged settings file: the default register, as the wizard falls back too
    return value.strip().strip('"')


def reviewer_name(given: str | None = None) -> str:
    """Who comments or sets a review status: the name given, else the `name` of the settings'
    `[reviewer]` section (the wizard's `reviewer/name`), else the computer account's name."""
    import getpass

    chosen = (given or "").strip() or _setting("reviewer", "name")
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no name for the account (a container's numeric user)
        return "?"
