"""The facts every package states: names, the version (from pyproject.toml), where things go."""

from __future__ import annotations

import platform
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "sandbox-applicant-kit"  # the program, the folder PyInstaller makes, the Debian package
APP_ID = "eu.sandboxkit.SandboxApplicantKit"  # reverse-DNS id: desktop entry, icons, MIME file, macOS bundle
DIST = ROOT / "dist"
BUILD = ROOT / "build"
SPEC = ROOT / "packaging" / f"{NAME}.spec"
ICON_SVG = ROOT / "resources" / "icons" / "app.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes
INSTALL_DIR = Path("/opt") / NAME  # where the .deb puts the one-folder application


def version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version pyproject.toml declares: the one version every package carries."""
    with open(pyproject, "rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def app_folder(dist: Path = DIST) -> Path:
    """The one-folder application PyInstaller leaves in `dist`."""
    return dist / NAME


def debian_arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def deb_path(dist: Path = DIST) -> Path:
    return dist / f"{NAME}_{version()}_{debian_arch()}.deb"


def tarball_path(dist: Path = DIST) -> Path:
    return dist / f"{NAME}-{version()}-linux-{platform.machine()}.tar.gz"
