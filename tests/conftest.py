"""Shared test set-up: headless Qt, a private data directory, and the shipped pack."""

import os

# Qt must know it is headless before anything imports it; without a display it would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data directory, never the real one."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("SANDBOX_KIT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def pack():
    from forms.loader import default_pack

    return default_pack()
