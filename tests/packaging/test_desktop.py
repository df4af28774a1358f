"""The desktop entry and MIME types: valid, worded by the catalogue in every language shipped, and
recognising real drafts, dossiers and kits while leaving other JSON files alone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import catalogue
from app.commands.main import main as cli
from app.formats.choice import JSON_DOSSIER_FORMAT
from app.storage import drafts, protect
from release.desktop import DOSSIER, DRAFT, FILE_TYPES, KIT, MIME_NAMESPACE, OPENS_ALSO, desktop_entry, mime_xml
from release.project import APP_ID

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


def _entry() -> dict[str, str]:
    lines = desktop_entry().splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def _in(language: str, msg_id: str) -> str:
    before = catalogue.language()
    catalogue.set_language(language)
    try:
        return catalogue.tr(msg_id)
    finally:
        catalogue.set_language(before)


def test_the_entry_s_words_come_from_the_catalogue_in_each_language():
    entry = _entry()
    for key, msg_id in (("Name", "qt.app_title"), ("GenericName", "desktop.generic_name"),
                        ("Comment", "desktop.comment"), ("Keywords", "desktop.keywords")):
        assert entry[key] == _in("en", msg_id)
        for language in ("de", "fr"):
            assert entry[f"{key}[{language}]"] == _in(language, msg_id)
    assert entry["Comment[de]"] != entry["Comment"]  # really translated
    assert entry["Exec"].endswith(" %f") and entry["Icon"] == APP_ID


def test_the_entry_opens_every_type_it_defines_and_pdf():
    offered = _entry()["MimeType"].rstrip(";").split(";")
    assert offered == [t.mime for t in FILE_TYPES] + list(OPENS_ALSO)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry(tmp_path):
    path = tmp_path / f"{APP_ID}.desktop"
    path.write_text(desktop_entry(), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_mime_types_are_well_formed_and_worded_by_the_catalogue():
    root = ET.fromstring(mime_xml())
    ns = {"m": MIME_NAMESPACE}
    types = root.findall("m:mime-type", ns)
    assert [t.get("type") for t in types] == [t.mime for t in FILE_TYPES]
    for element, file_type in zip(types, FILE_TYPES):
        comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang", "en"): c.text
                    for c in element.findall("m:comment", ns)}
        assert comments == {language: _in(language, file_type.comment_id) for language in ("en", "de", "fr")}


def test_the_magic_is_the_formats_the_application_writes():
    assert DRAFT.magic == (f'"{drafts.FORMAT}"', f'"{protect.FORMAT}"')
    assert DOSSIER.magic == (f'"{JSON_DOSSIER_FORMAT}"',)
    with open(EXAMPLE, encoding="utf-8") as stream:
        assert f'"{drafts.FORMAT}"' in stream.read(100)
    assert KIT.glob == "*.sandboxkit"


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_a_file_manager_tells_drafts_dossiers_kits_and_other_json_apart(tmp_path):
    share = tmp_path / "share"
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copytree("/usr/share/mime/packages", share / "mime" / "packages", dirs_exist_ok=True)
    (share / "mime" / "packages" / f"{APP_ID}.xml").write_text(mime_xml(), encoding="utf-8")
    subprocess.run(["update-mime-database", str(share / "mime")], check=True, capture_output=True)
    files = tmp_path / "files"
    files.mkdir()
    shutil.copyfile(EXAMPLE, files / "draft.json")
    assert cli(["export", str(EXAMPLE), "-o", str(files / "dossier.json")]) == 0
    (files / "other.json").write_text(json.dumps({"format": "something else", "x": 1}), encoding="utf-8")
    shutil.copyfile(NORDLAND, files / "kit.sandboxkit")
    # Qt's MIME database reads the shared database as a desktop's file manager does (XDG_DATA_DIRS).
    code = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\ndb = QMimeDatabase()\n"
            "for name in sys.argv[1:]: print(db.mimeTypeForFile(name).name())\n")
    names = [str(files / n) for n in ("draft.json", "dossier.json", "other.json", "kit.sandboxkit")]
    result = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, check=True,
                            env={"XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(tmp_path / "home"),
                                 "PATH": "/usr/bin:/bin"})
    assert result.stdout.split() == [DRAFT.mime, DOSSIER.mime, "application/json", KIT.mime]
