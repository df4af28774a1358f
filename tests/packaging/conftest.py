"""Packaging tests: the build's scripts on small stand-ins, never PyInstaller itself (the real build
is `python3 dev.py package --check`)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from release.project import NAME


@pytest.fixture
def app_folder(tmp_path) -> Path:
    """A one-folder application as PyInstaller lays it out, in miniature."""
    folder = tmp_path / "dist" / NAME
    (folder / "_internal" / "resources").mkdir(parents=True)
    program = folder / NAME
    program.write_text("#!/bin/sh\necho built\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (folder / "_internal" / "resources" / "data.txt").write_text("data\n", encoding="utf-8")
    return folder


@pytest.fixture
def icons(tmp_path) -> dict[int, Path]:
    from release.icons import render_icons

    return render_icons(tmp_path / "icons", sizes=(16, 48))
