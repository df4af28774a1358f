"""Edit > Language...: the application's language, chosen from those it has, kept in its settings
(`interface/language`, read at start-up by app/storage/settings.py) and applied at the next start:
every page, table and kit already loaded stays in the language it was made in until then.
`--lang` and SANDBOX_KIT_LANG still choose for one start."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.qt.texts import TEXT
from app.storage.settings import LANGUAGE_KEY
from catalogue import language, shipped_language, shipped_languages
from catalogue.formats import language_name
from catalogue.languages import system_language


def language_rows() -> tuple[list[str], list[str | None]]:
    """The rows offered (the system's language first, then each language in its own name) and the
    code each saves (None: follow the system)."""
    system = shipped_language(system_language() or "en")
    rows = [TEXT["language_system"].format(language=language_name(system, own=True))]
    codes: list[str | None] = [None]
    for code in shipped_languages():
        rows.append(language_name(code, own=True))
        codes.append(code)
    return rows, codes


def choose_language(window, prompter, settings: QSettings) -> str | None:
    """Ask which language to use from the next start and keep it; the code chosen ("" for the
    system's), or None when the person cancels."""
    rows, codes = language_rows()
    saved = settings.value(LANGUAGE_KEY) or None
    current = codes.index(saved) if saved in codes else 0
    index = prompter.choose_item(window, TEXT["language_title"], TEXT["language_label"], rows, current)
    if index is None:
        return None
    code = codes[index]
    if code is None:
        settings.remove(LANGUAGE_KEY)
    else:
        settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
    shown = code or shipped_language(system_language() or language())
    window.statusBar().showMessage(TEXT["language_saved"].format(language=language_name(shown)))
    return code or ""
