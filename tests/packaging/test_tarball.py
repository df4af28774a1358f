"""The portable archive: the application under a folder named by the version, runnable where it
is unpacked, with the desktop entry, MIME types and icons beside it."""

from __future__ import annotations

import subprocess
import tarfile

from release.project import APP_ID, NAME, version
from release.tarball import build_tarball


def test_the_archive_unpacks_to_a_runnable_folder_named_by_the_version(app_folder, icons, tmp_path):
    out = build_tarball(app_folder, icons, tmp_path)
    top = f"{NAME}-{version()}"
    with tarfile.open(out) as archive:
        names = set(archive.getnames())
        assert all(member.uid == 0 and member.uname == "root" for member in archive.getmembers())
        archive.extractall(tmp_path / "unpacked", filter="tar")
    assert {f"{top}/{NAME}", f"{top}/_internal/resources/data.txt", f"{top}/share/applications/{APP_ID}.desktop",
            f"{top}/share/mime/packages/{APP_ID}.xml", f"{top}/share/icons/hicolor/48x48/apps/{APP_ID}.png"} <= names
    program = tmp_path / "unpacked" / top / NAME
    assert subprocess.run([str(program)], capture_output=True, text=True).stdout == "built\n"
