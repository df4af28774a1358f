"""A file handed to the application (a double-click) is told by its content: a draft, an authority
kit, or a dossier in any of its formats, whatever its name says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.commands.main import main as cli
from app.formats.opening import Opened, kind_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


@pytest.mark.parametrize("suffix", ["pdf", "html", "json"])
def test_a_dossier_of_each_format_is_a_dossier(tmp_path, suffix):
    out = tmp_path / f"dossier.{suffix}"
    assert cli(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert kind_of(out) is Opened.DOSSIER
    renamed = tmp_path / "renamed.dat"
    shutil.copyfile(out, renamed)
    assert kind_of(renamed) is Opened.DOSSIER


def test_a_kit_is_a_kit_even_renamed(tmp_path):
    assert kind_of(NORDLAND) is Opened.KIT
    renamed = tmp_path / "kit.json"
    shutil.copyfile(NORDLAND, renamed)
    assert kind_of(renamed) is Opened.KIT


def test_drafts_and_anything_else_are_drafts_whose_opening_says_what_is_wrong(tmp_path):
    assert kind_of(EXAMPLE) is Opened.DRAFT
    (tmp_path / "other.json").write_text('{"format": "something else"}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"format": ', encoding="utf-8")
    (tmp_path / "empty.json").write_bytes(b"")
    for name in ("other.json", "broken.json", "empty.json", "missing.json"):
        assert kind_of(tmp_path / name) is Opened.DRAFT, name
    assert kind_of(tmp_path) is Opened.DRAFT  # a folder cannot be read as a file
