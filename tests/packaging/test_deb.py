"""The .deb on a miniature application: where everything goes, the control file, no maintainer
scripts (so removing it touches nothing but its own files: drafts stay), installable by dpkg -x."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from release import deb
from release.project import APP_ID, INSTALL_DIR, NAME, version


def _control(stage: Path) -> dict[str, str]:
    fields, last = {}, None
    for line in (stage / "DEBIAN" / "control").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            fields[last] += "\n" + line
        else:
            last, _, value = line.partition(": ")
            fields[last] = value
    return fields


def test_the_tree_holds_the_application_its_command_entry_mime_types_and_icons(app_folder, icons, tmp_path):
    stage = deb.lay_out(app_folder, icons, tmp_path / "stage")
    files = {p.relative_to(stage).as_posix() for p in stage.rglob("*") if not p.is_dir()}
    assert {f"opt/{NAME}/{NAME}", f"opt/{NAME}/_internal/resources/data.txt", f"usr/bin/{NAME}",
            f"usr/share/applications/{APP_ID}.desktop", f"usr/share/mime/packages/{APP_ID}.xml",
            f"usr/share/icons/hicolor/16x16/apps/{APP_ID}.png", f"usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
            f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg", "DEBIAN/control"} == files
    assert (stage / "usr" / "bin" / NAME).readlink() == INSTALL_DIR / NAME
    assert (stage / "opt" / NAME / NAME).stat().st_mode & 0o777 == 0o755
    assert (stage / "usr" / "share" / "mime" / "packages" / f"{APP_ID}.xml").stat().st_mode & 0o777 == 0o644


def test_no_maintainer_script_so_removal_leaves_users_files_alone(app_folder, icons, tmp_path):
    stage = deb.lay_out(app_folder, icons, tmp_path / "stage")
    assert sorted(p.name for p in (stage / "DEBIAN").iterdir()) == ["control"]
    tops = {p.relative_to(stage).parts[0] for p in stage.rglob("*")} - {"DEBIAN"}
    assert tops == {"opt", "usr"}  # nothing in /home, /root, /etc or /var


def test_the_control_file_states_the_version_the_size_and_the_system_libraries(app_folder, icons, tmp_path):
    control = _control(deb.lay_out(app_folder, icons, tmp_path / "stage"))
    assert control["Package"] == NAME and control["Version"] == version()
    assert int(control["Installed-Size"]) >= 1
    depends = control["Depends"].split(", ")
    assert depends[0].startswith("libc6") and {"libxcb-cursor0", "libglib2.0-0", "libfontconfig1"} <= set(depends)


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_the_package_builds_and_installs_into_a_scratch_root(app_folder, icons, tmp_path):
    out = deb.build_deb(app_folder, icons, tmp_path / "stage", tmp_path / "dist")
    assert out.name == f"{NAME}_{version()}_{out.name.rsplit('_', 1)[1]}"
    listing = subprocess.run(["dpkg-deb", "-c", str(out)], capture_output=True, text=True, check=True).stdout
    assert all(" root/root " in line for line in listing.splitlines())
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(out), str(root)], check=True)
    program = root / "opt" / NAME / NAME
    assert subprocess.run([str(program)], capture_output=True, text=True).stdout == "built\n"
