"""Fonts shipped in resources/fonts are registered; on a system without fonts for Greek, Cyrillic
or Chinese they are put behind the application font, so such text has glyphs anyway."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.qt import fonts

SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.fixture
def bundled(qapp, tmp_path, monkeypatch):
    """A resources/fonts folder with one font (and a file that is not one); the app font restored."""
    folder = tmp_path / "resources" / "fonts"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE, folder / "Bundled.ttf")
    (folder / "README.txt").write_text("not a font")
    monkeypatch.setattr(fonts.paths, "resource", lambda *parts: tmp_path / "resources" / Path(*parts))
    monkeypatch.setattr(fonts, "_loaded", None)
    original = qapp.font()
    yield
    qapp.setFont(original)


@pytest.mark.skipif(not SOURCE.exists(), reason="needs a font file to ship in the test")
def test_bundled_fonts_become_fallbacks_where_the_system_lacks_the_scripts(qapp, bundled, monkeypatch):
    monkeypatch.setattr(fonts, "installed_scripts", lambda: set())
    families = fonts.load_bundled_fonts()
    assert families == ["DejaVu Serif"]
    assert qapp.font().families()[-1] == "DejaVu Serif"
    assert fonts.load_bundled_fonts() is families  # once only


@pytest.mark.skipif(not SOURCE.exists(), reason="needs a font file to ship in the test")
def test_where_the_system_has_those_fonts_the_application_font_is_left_alone(qapp, bundled, monkeypatch):
    monkeypatch.setattr(fonts, "installed_scripts", lambda: set(fonts.SCRIPTS))
    before = qapp.font().families()
    assert fonts.load_bundled_fonts() == ["DejaVu Serif"]
    assert qapp.font().families() == before
