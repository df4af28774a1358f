"""The register's tests run on SQLite and on a real PostgreSQL server (tests/postgres_server.py),
started once for the session. Without PostgreSQL's programs the PostgreSQL half is skipped, saying
why; in CI (the CI variable set) it fails instead, so the register is never shipped untested on it."""

from __future__ import annotations

import os

import pytest

from tests import postgres_server


@pytest.fixture(scope="session")
def postgres():
    folder = postgres_server.binaries()
    if folder is None:
        reason = ("PostgreSQL's initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin): "
                  "install Debian's 'postgresql' package, as .ci/run does")
        if os.environ.get("CI"):
            pytest.fail(reason + "; in CI the register must be tested on PostgreSQL", pytrace=False)
        pytest.skip(reason)
    server = postgres_server.start(folder)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request, tmp_path):
    """A new, empty register: an SQLite file, or a fresh database on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()
