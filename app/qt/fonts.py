"""Fonts with real glyphs for Greek, Cyrillic and Chinese names and answers.

Whatever font files ship in resources/fonts are registered with Qt once, after the first page is
shown (Qt maps the file, about 4 ms for a 5 MB CJK font). A bundled family that covers a script no
installed font covers is put behind the application font, which Qt tries glyph by glyph, so a
system without such fonts still shows text instead of empty boxes. Where the system has fonts for
those scripts its own fallback finds them, and the application font is left alone: every family
behind it costs each text layout a little (about 12 ms on the first question page).
"""

from __future__ import annotations

from app.storage import paths

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
# The scripts the bundled fonts are there for (names of QFontDatabase.WritingSystem).
SCRIPTS = ("Greek", "Cyrillic", "SimplifiedChinese", "TraditionalChinese", "Japanese")
_loaded: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Register the bundled fonts; returns the font families added."""
    global _loaded
    if _loaded is not None:
        return _loaded
    from PySide6.QtGui import QFontDatabase

    _loaded = []
    folder = paths.resource("fonts")
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in FONT_SUFFIXES) if folder.is_dir() else []
    if not files:
        return _loaded
    missing = set(SCRIPTS) - installed_scripts()  # asked before ours are registered
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            _loaded.append(family)
            covers = {system.name for system in QFontDatabase.writingSystems(family)}
            if covers & missing:
                _add_fallback(family)
    return _loaded


def installed_scripts() -> set[str]:
    """Which of SCRIPTS some font on this system covers."""
    from PySide6.QtGui import QFontDatabase

    return {name for name in SCRIPTS if QFontDatabase.families(getattr(QFontDatabase.WritingSystem, name))}


def _add_fallback(family: str) -> None:
    """Put the family behind the application font: Qt tries families in order for every glyph."""
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
        QApplication.setFont(font)
