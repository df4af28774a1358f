"""Fonts with real glyphs for Greek, Cyrillic and Chinese names and answers.

Whatever font files ship in resources/fonts are registered with Qt once, after the first page is
shown (Qt maps the file, about 4 ms for a 5 MB CJK font), and put behind the application font,
which Qt tries glyph by glyph, so a system without such fonts still shows text instead of empty
boxes. Without bundled fonts, the system's own fonts and Qt's fallback apply.
"""

from __future__ import annotations

from app import paths

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
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
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            _loaded.append(family)
            _add_fallback(family)
    return _loaded


def _add_fallback(family: str) -> None:
    """Put the family behind the application font: Qt tries families in order for every glyph."""
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
        QApplication.setFont(font)
