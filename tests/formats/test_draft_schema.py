"""The published exchange format: the draft's JSON Schema kept in the repository is the model's,
every example and every kept test draft (once brought to the current format) fits it, the check can
fail, and `python main.py schema` lists and prints the schemas another tool reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.formats import schema as kept_schema
from app.storage.drafts import FORMAT_VERSION, load_draft
from tests.formats.schema_check import problems

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PASSPHRASES = {"protected.json": "format one passphrase"}
DRAFTS = sorted([*(ROOT / "resources" / "examples").glob("*.json"), *DATA.glob("drafts_*/*.json")])


@pytest.fixture(scope="module")
def draft_schema() -> dict:
    path = ROOT / "resources" / "schemas" / f"draft-{FORMAT_VERSION}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True)


def test_the_schemas_kept_are_the_models():
    assert kept_schema.main(["--check"]) == 0  # else: python -m app.formats.schema


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_draft_in_the_current_format_fits_the_schema(path, draft_schema):
    draft = json.loads(load_draft(path, PASSPHRASES.get(path.name)).to_json())
    assert draft["format_version"] == FORMAT_VERSION
    assert problems(draft, draft_schema) == []


def test_the_check_finds_a_draft_that_does_not_fit(draft_schema):
    draft = json.loads(load_draft(ROOT / "resources" / "examples" / "cv_screening.json").to_json())
    broken = json.loads(json.dumps(draft))
    broken["format_version"] = str(FORMAT_VERSION)
    broken["answers"] = ["not", "an", "object"]
    del broken["id"]
    found = problems(broken, draft_schema)
    assert any(problem.startswith("$.format_version") for problem in found)
    assert any(problem.startswith("$.answers") for problem in found)
    assert "$: id is missing" in found


def test_schema_lists_each_published_schema_with_the_file_that_keeps_it():
    listed = _run("schema")
    assert listed.returncode == 0, listed.stderr
    rows = dict(line.split(maxsplit=1) for line in listed.stdout.splitlines())
    assert sorted(rows) == ["crosswalk", "dossier", "draft", "feedback", "kit"]
    assert Path(rows["draft"]).name == f"draft-{FORMAT_VERSION}.schema.json"
    assert all(Path(file).is_file() for file in rows.values())


@pytest.mark.parametrize("name", ["draft", "dossier", "crosswalk", "kit"])
def test_schema_prints_the_file_kept(name):
    printed = _run("schema", name)
    assert printed.returncode == 0, printed.stderr
    rows = dict(line.split(maxsplit=1) for line in _run("schema").stdout.splitlines())
    assert printed.stdout == Path(rows[name]).read_text(encoding="utf-8")


def test_schema_written_to_a_file_and_a_folder_that_is_not_there(tmp_path):
    written = _run("schema", "draft", "-o", str(tmp_path / "draft.json"))
    assert written.returncode == 0, written.stderr
    assert json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))["$id"].endswith(
        f"draft-{FORMAT_VERSION}.schema.json")
    failed = _run("schema", "kit", "-o", str(tmp_path / "no such folder" / "kit.json"))
    assert failed.returncode != 0 and len(failed.stderr.strip().splitlines()) == 1
    assert "Traceback" not in failed.stderr


def test_an_unknown_schema_is_refused_in_one_line():
    refused = _run("schema", "register")
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
