"""Without PostgreSQL's programs the register's PostgreSQL tests are skipped saying why, and fail
in CI: they cannot silently stop proving anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ONE_TEST = "tests/review/test_register.py::test_opening_again_applies_nothing_twice"


@pytest.mark.parametrize("ci, status, outcome", [("", 0, "1 skipped"), ("1", 1, "1 error")])
def test_without_postgresql_the_tests_skip_locally_and_fail_in_ci(ci, status, outcome, tmp_path):
    env = {**os.environ, "SANDBOX_KIT_POSTGRES_BIN": str(tmp_path), "CI": ci}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rsf",
                           f"--basetemp={tmp_path / 'run'}", f"{ONE_TEST}[postgresql]"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == status and outcome in done.stdout, done.stdout
    assert "install Debian's 'postgresql' package" in done.stdout
