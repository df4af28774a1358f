"""The dossier as data: every example's export fits the JSON Schema kept in the repository (and the
model it is generated from), the schema kept is the model's, the words are the result document's,
and the draft inside reads back with its fingerprint checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.dossier.attachment import fingerprint
from app.dossier.export import DossierError
from app.formats import schema as kept_schema
from app.formats.data import DossierData
from app.formats.files import export_json, read_draft_data
from app.results.document import result_document
from app.storage.drafts import load_draft
from risk_tiers.classify import classify
from tests.dossier.sample import full_draft
from tests.formats.schema_check import problems

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
SCHEMAS = ROOT / "resources" / "schemas"
KEPT_V1 = sorted((ROOT / "tests" / "data" / "dossiers_v1").glob("*.json"))


@pytest.fixture(scope="module")
def schema():
    return json.loads(kept_schema.schema_path().read_text(encoding="utf-8"))


def _export(pack, draft, tmp_path: Path) -> dict:
    export_json(draft, pack, tmp_path / "d.json")
    return json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))


def test_the_schema_kept_is_the_models():
    assert kept_schema.main(["--check"]) == 0  # else: python -m app.formats.schema


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_examples_export_fits_the_schema_and_the_model(example, pack, schema, tmp_path):
    found = _export(pack, load_draft(example), tmp_path)
    assert problems(found, schema) == []
    DossierData.model_validate(found)
    assert (found["format"], found["version"], found["language"]) == ("sandbox-kit-dossier", 2, "en")


def test_a_draft_with_every_question_answered_fits_too(pack, schema, tmp_path):
    assert problems(_export(pack, full_draft(pack), tmp_path), schema) == []


def test_the_check_finds_what_does_not_fit(pack, schema, tmp_path):
    """The validator can fail: a missing key, one too many, a wrong type, a value out of its enum."""
    found = _export(pack, full_draft(pack), tmp_path)
    broken = json.loads(json.dumps(found))
    del broken["result"]["headline"]
    broken["result"]["extra"] = 1
    broken["version"] = "1"
    broken["result"]["derived"][0]["kind"] = "opinion"
    broken["draft"]["answers"]["system.offering"]["note"] = 5
    document = {"name": "", "size": -1, "sha256": "0" * 64, "added": "2026-01-01T00:00:00"}
    broken["draft"]["attachments"] = [document] * 201
    listed = "\n".join(problems(broken, schema))
    for part in ("headline is missing", "extra is not allowed", "$.version", "'opinion'", "note: not of type",
                 "more than", "shorter than", "less than"):
        assert part in listed
    with pytest.raises(ValueError, match="does not know"):
        problems(found, {"type": "object", "minProperties": 1})


def test_the_words_are_the_result_documents(pack, tmp_path):
    draft = load_draft(ROOT / "resources" / "examples" / "cv_screening.json")
    found = _export(pack, draft, tmp_path)["result"]
    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    assert found["headline"]["title"] == document.headline.title
    assert found["headline"]["certainty"] == document.headline.certainty
    assert [f["rule"] for f in found["findings"]] == [f.rule for f in document.findings]
    assert [f["rule"] for f in found["excluded"]] == [f.rule for f in document.excluded]
    assert [o["id"] for o in found["obligations"]] == [o.id for o in document.obligations]
    assert [s["id"] for s in found["sections"]] == [s.id for s in document.sections]
    assert found["completeness"]["required"] == document.completeness.required
    assert found["applicant"] == document.applicant and found["system"] == document.system
    # Where each stands in an application, the summary, the decision path and the declaration, as printed.
    assert [s["part"] for s in found["sections"]] == [s.part for s in document.sections]
    assert [d["part"] for d in found["derived"]] == [d.part for d in document.derived]
    assert "plan" in [d["part"] for d in found["derived"]]
    assert [a["question"] for a in found["summary"]] == [a.question for a in document.summary] != []
    assert [a["question"] for a in found["decision_path"]] == [a.question for a in document.decision_path] != []
    assert found["declaration"]["text"] == pack.declaration != ""
    assert found["declaration"]["refs"] == list(pack.declaration_refs) != []


def test_the_draft_inside_round_trips_and_a_changed_one_is_refused(pack, tmp_path):
    draft = full_draft(pack)
    export_json(draft, pack, tmp_path / "d.json")
    data = draft.to_json().encode("utf-8")
    assert read_draft_data(tmp_path / "d.json") == data
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert found["fingerprint"] == fingerprint(data)
    found["draft"]["answers"]["system.offering"]["note"] = "changed"
    (tmp_path / "changed.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(DossierError, match="changed"):
        read_draft_data(tmp_path / "changed.json")
    del found["fingerprint"]
    (tmp_path / "none.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(DossierError, match="fingerprint"):
        read_draft_data(tmp_path / "none.json")


def test_export_and_import_through_the_command_line(tmp_path):
    source = ROOT / "resources" / "examples" / "customer_chatbot.json"
    done = subprocess.run([sys.executable, "main.py", "export", str(source), "-o", str(tmp_path / "d.json")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["format"] == "sandbox-kit-dossier"
    done = subprocess.run([sys.executable, "main.py", "import", str(tmp_path / "d.json")], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == load_draft(source).to_json()  # the draft as exported: in the current draft format


def test_the_dossier_is_version_2_and_its_schema_is_listed_beside_version_1_kept():
    listed = subprocess.run([sys.executable, "main.py", "schema"], cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    rows = dict(line.split(maxsplit=1) for line in listed.stdout.splitlines())
    assert Path(rows["dossier"]).name == "dossier-2.schema.json"
    written = json.loads(Path(rows["dossier"]).read_text(encoding="utf-8"))
    assert written["$id"].endswith("/dossier-2.schema.json") and written["properties"]["version"]["const"] == 2
    for field in ("jurisdictions", "crosswalk"):
        assert field in written["properties"]
    first = json.loads((SCHEMAS / "dossier-1.schema.json").read_text(encoding="utf-8"))
    assert first["$id"].endswith("/dossier-1.schema.json") and first["properties"]["version"]["const"] == 1


@pytest.mark.parametrize("path", KEPT_V1, ids=lambda p: p.stem)
def test_a_kept_version_1_dossier_still_reads(path, tmp_path):
    """Written by the application before version 2: it fits dossier-1's schema kept, not version 2's,
    and `import` (the draft inside, its fingerprint checked) reads it as before."""
    found = json.loads(path.read_text(encoding="utf-8"))
    assert found["version"] == 1
    first = json.loads((SCHEMAS / "dossier-1.schema.json").read_text(encoding="utf-8"))
    assert problems(found, first) == []
    assert any(p.startswith("$.version") for p in problems(found, json.loads(kept_schema.schema_path().read_text(
        encoding="utf-8"))))
    data = read_draft_data(path)
    assert fingerprint(data) == found["fingerprint"]
    done = subprocess.run([sys.executable, "main.py", "import", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == found["draft"]["id"]


def test_a_version_the_application_does_not_read_is_refused(pack, tmp_path):
    export_json(full_draft(pack), pack, tmp_path / "d.json")
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert read_draft_data(tmp_path / "d.json")
    for version in (0, 3, "2"):
        (tmp_path / "other.json").write_text(json.dumps({**found, "version": version}), encoding="utf-8")
        with pytest.raises(DossierError) as refused:
            read_draft_data(tmp_path / "other.json")
        assert str(version) in str(refused.value) and "{" not in str(refused.value)
