"""Every package carries the version pyproject.toml declares."""

from __future__ import annotations

import tomllib

from release import project


def test_the_version_is_pyproject_s(tmp_path):
    with open(project.ROOT / "pyproject.toml", "rb") as stream:
        declared = tomllib.load(stream)["project"]["version"]
    assert project.version() == declared
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\nversion = "9.8.7"\n', encoding="utf-8")
    assert project.version(other) == "9.8.7"


def test_the_files_are_named_by_the_version_and_land_in_dist():
    version = project.version()
    assert project.deb_path().parent == project.DIST and f"_{version}_" in project.deb_path().name
    assert project.tarball_path().parent == project.DIST and f"-{version}-" in project.tarball_path().name
