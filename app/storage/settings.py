"""The one setting read before any window opens: the interface language chosen in the wizard
(Edit > Language...), applied at the next start, by the wizard and the command line alike.

The wizard keeps its settings in `settings.ini` in the data folder, in Qt's INI format, which
writes the key `interface/language` as the key `language` of the section `[interface]`. This reads
that key without Qt (start-up must choose the language before anything is said); the wizard writes
it through Qt, which keeps the rest of the file.
"""

from __future__ import annotations

import configparser
from pathlib import Path

from app.storage import paths

SETTINGS_FILE = "settings.ini"
LANGUAGE_KEY = "interface/language"


def settings_file() -> Path:
    return paths.data_dir() / SETTINGS_FILE


def saved_language() -> str | None:
    """The language code saved in the settings, or None: none saved, or a file that cannot be read
    (the language is then the system's, as it was before anything was chosen)."""
    section, key = LANGUAGE_KEY.split("/")
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = parser.get(section, key, fallback="").strip().strip('"')
    return value or None
