"""Fonts shipped in resources/fonts are registered and put behind the application font, so Greek,
Cyrillic and Chinese text has glyphs even where the system has no such font."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.qt import fonts

SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.skipif(not SOURCE.exists(), reason="needs a font file to ship in the test")
def test_bundled_fonts_become_fallbacks_of_the_application_font(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "resources" / "fonts"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE, folder / "Bundled.ttf")
    (folder / "README.txt").write_text("not a font")
    monkeypatch.setattr(fonts.paths, "resource", lambda *parts: tmp_path / "resources" / Path(*parts))
    monkeypatch.setattr(fonts, "_loaded", None)
    original = qapp.font()
    try:
        families = fonts.load_bundled_fonts()
        assert families == ["DejaVu Serif"]
        assert qapp.font().families()[-1] == "DejaVu Serif"
        assert fonts.load_bundled_fonts() is families  # once only
    finally:
        qapp.setFont(original)
