"""`python main.py --data-dir DIR`: the wizard keeps its autosave, recent drafts and settings in DIR
(over the SANDBOX_KIT_DATA_DIR variable), and the commands accept the option too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_wizard_keeps_its_files_in_the_folder_given_over_the_variable(tmp_path):
    env = dict(os.environ, SANDBOX_KIT_STARTUP_PROBE="1", SANDBOX_KIT_DATA_DIR=str(tmp_path / "from-variable"))
    result = run("--data-dir", str(tmp_path / "chosen"), str(EXAMPLE), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("shown ")  # the draft's first page was painted
    assert json.loads((tmp_path / "chosen" / "recent.json").read_text()) == [str(EXAMPLE)]
    assert not (tmp_path / "from-variable").exists()


@pytest.mark.parametrize("args", [["--data-dir", "d", "x.json", "--lang", "de"], ["--lang=de", "x.json", "--data-dir=d"]])
def test_the_options_are_taken_out_wherever_they_stand_and_the_folder_made_absolute(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main.take_options(args) == (["x.json"], {"--data-dir": str(tmp_path / "d"), "--lang": "de"}, [])
    assert main.take_options(["x.json", "--lang"]) == (["x.json"], {}, ["--lang"])


def test_a_command_accepts_the_option(tmp_path):
    result = run("--data-dir", str(tmp_path), "classify", str(EXAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tier"] == "high_risk"


def test_help_explains_the_options_and_a_missing_value_is_one_error_line():
    assert "--data-dir DIR" in run("-h").stdout and "--lang CODE" in run("-h").stdout
    for option in ("--data-dir", "--lang"):
        result = run(option)
        assert result.returncode == 2
        [line] = result.stderr.splitlines()
        assert line.startswith("error:") and option in line
    result = run("--lang", "not a language", "-h")
    assert result.returncode == 2 and "--lang" in result.stderr
