"""Where the application keeps its files, and where its bundled resources are.

One accessor for each, so tests (and a frozen build) can move them: the data directory follows
the `SANDBOX_KIT_DATA_DIR` environment variable when it is set (and the cache folder with it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "SandboxApplicantKit"
DATA_DIR_VARIABLE = "SANDBOX_KIT_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The user data directory (drafts, autosaves, backups, settings)."""
    chosen = override or os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir(override: str | os.PathLike | None = None) -> Path:
    """What can be built again and is kept to start faster (a validated pack, forms/cache.py): the
    user's cache folder, or `cache/` in the data directory when that is moved (tests, --data-dir)."""
    chosen = override or os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def drafts_dir(override: str | os.PathLike | None = None) -> Path:
    return data_dir(override) / "drafts"


def packs_dir(override: str | os.PathLike | None = None) -> Path:
    """Packs the user installed (an authority's variant, a newer pack): one folder each."""
    return data_dir(override) / "packs"


def kits_dir(override: str | os.PathLike | None = None) -> Path:
    """The authority kits the application has seen, a copy of each (app/kits/shelf.py)."""
    return data_dir(override) / "kits"


def resources_dir() -> Path:
    """The bundled `resources/` folder, also inside a frozen build."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))  # app/storage/ -> the root
    return base / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
