"""Authority kits: the format (manifest, schema, example), `kit check`, `kit list` and `kit build`,
the global option --kit, and drafts that record their kit and reopen with it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands.main import main
from app.kits.build import build_kit
from app.kits.errors import KitError
from app.kits.kit import check_kit, load_kit
from app.kits.manifest import schema_json
from app.kits.shelf import remember, shelved
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, KitChange, load_draft
from app.session.draft_session import DraftSession
from tests.kits.kitmaker import MANIFEST, entries, write_kit

ROOT = Path(__file__).resolve().parents[2]
KITS = ROOT / "resources" / "kits"
NORDLAND = KITS / "nordland.sandboxkit"
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND_QUESTIONS = ["nordland.register_number", "nordland.sector", "nordland.other_authorities"]


@pytest.fixture(scope="module")
def nordland():
    return load_kit(NORDLAND)


# --- the format -----------------------------------------------------------------------------

def test_the_published_schema_is_the_manifests():
    assert (KITS / "kit.schema.json").read_text(encoding="utf-8") == schema_json()  # else: python3 dev.py kits


@pytest.mark.parametrize("source", sorted(p for p in (KITS / "src").iterdir() if (p / "kit.yaml").is_file()))
def test_each_shipped_kit_is_built_from_its_sources(source):
    assert (KITS / f"{source.name}.sandboxkit").read_bytes() == build_kit(source).data  # else: python3 dev.py kits


def test_the_example_kit_is_complete(nordland):
    manifest = nordland.manifest
    assert manifest.logo and nordland.logo[0] == "png"
    assert {"intro", "privacy", "submission"} <= set(nordland.texts) and all(nordland.texts.values())
    assert manifest.sandbox.deadline and manifest.sandbox.cohort
    assert [a.id for a in manifest.attachments if a.required] == ["technical_documentation", "test_plan"]
    assert [a.id for a in manifest.attachments if not a.required] == ["dpia"]
    base = {q.id for s in nordland.base.sections for q in s.questions}
    assert [q.id for s in nordland.pack.sections for q in s.questions if q.id not in base] == NORDLAND_QUESTIONS
    assert "nordland.no_sector" in {g.id for g in nordland.pack.gaps}


def test_a_kit_keeps_every_rule_and_result_of_its_pack(nordland):
    base, pack = nordland.base, nordland.pack
    for key in ("rules", "obligations", "dates", "verdicts", "checklists", "measures", "tracks"):
        assert getattr(pack, key) == getattr(base, key), key
    assert (pack.id, pack.version) == (base.id, base.version)


def test_the_kit_gives_its_texts_in_the_language_in_use():
    from catalogue import set_language

    try:
        set_language("de")
        german = load_kit(NORDLAND)
    finally:
        set_language("en")
    english = load_kit(NORDLAND)
    assert german.language == "de" and english.language == "en"
    assert german.manifest.authority.name != english.manifest.authority.name
    assert german.texts["intro"] != english.texts["intro"]
    assert german.texts["submission"] != english.texts["submission"]
    sector = {q.id: q for s in german.pack.sections for q in s.questions}["nordland.sector"]
    assert sector.text != {q.id: q for s in english.pack.sections for q in s.questions}["nordland.sector"].text
    assert german.manifest.attachments[0].title != english.manifest.attachments[0].title


def test_a_text_written_in_one_language_only_is_shown_in_every_language(tmp_path):
    manifest = MANIFEST.replace("languages: [en]", "languages: [en, de]") + "submission: submission.txt\n"
    kit = write_kit(tmp_path, entries(kit__yaml=manifest, submission__txt="Send it by email."))
    assert load_kit(kit, in_language="de").texts["submission"] == "Send it by email."


def test_in_the_pseudo_language_no_kit_text_reads_as_written():
    from catalogue import set_language

    try:
        set_language("en-XA")
        kit = load_kit(NORDLAND)
    finally:
        set_language("en")
    shown = [kit.manifest.authority.name, kit.manifest.sandbox.name, kit.manifest.attachments[0].title,
             *kit.texts.values(), next(s for s in kit.pack.sections if s.id == "nordland").title]
    assert all(text.startswith("[") for text in shown)


# --- kit check ------------------------------------------------------------------------------

def test_kit_check_passes_the_shipped_kits(capsys):
    assert main(["kit", "check", *map(str, sorted(KITS.glob("*.sandboxkit")))]) == 0
    assert capsys.readouterr().err == ""


def test_kit_check_json_says_what_the_kit_is(capsys):
    assert main(["kit", "check", str(NORDLAND), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"id", "version", "authority", "sandbox", "extends", "deadline"} <= set(data)
    assert (data["id"], data["deadline"], data["extends"]["id"], data["ok"]) == ("nordland.ai_sandbox", "2027-03-31", "eu_ai_act", True)
    assert data["questions"] == NORDLAND_QUESTIONS and data["problems"] == []
    assert data["hash"].startswith("sha256:")


def test_kit_check_names_each_problem_by_file_and_id(tmp_path, capsys):
    manifest = MANIFEST.replace("privacy: privacy.txt", "privacy: missing.txt").replace(
        "  - {id: extra, title: \"Anything else\"}", "  - {id: plan, title: \"Again\"}")
    path = write_kit(tmp_path, entries(kit__yaml=manifest))
    checked = check_kit(path)
    assert [p.msg_id for p in checked.problems] == ["kit.error.manifest"]
    assert "kit.yaml" in str(checked.problems[0]) and "'plan'" in str(checked.problems[0])
    path = write_kit(tmp_path, entries(kit__yaml=MANIFEST.replace("privacy: privacy.txt", "privacy: missing.txt")
                                       + "logo: logo.svg\n", intro__txt=b"\xff"))
    checked = check_kit(path)
    assert [p.msg_id for p in checked.problems] == ["kit.error.missing_file", "kit.error.missing_file", "kit.error.not_utf8"]
    assert "test.sandboxkit/kit.yaml" in str(checked.problems[0]) and "test.sandboxkit/intro.txt" in str(checked.problems[2])
    assert main(["kit", "check", str(path), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["id"] == "test.kit" and len(data["problems"]) == 3


def test_an_overlay_problem_names_the_file_inside_the_kit_and_the_item(tmp_path):
    overlay = entries()["overlay.yaml"].replace("q: test.sector, answered", "q: test.nowhere, answered")
    with pytest.raises(KitError) as refused:
        load_kit(write_kit(tmp_path, entries(overlay__yaml=overlay)))
    assert refused.value.msg_id == "kit.error.overlay"
    assert "test.sandboxkit/overlay.yaml" in str(refused.value) and "test.no_sector" in str(refused.value)


def test_a_kit_for_a_pack_not_installed_is_refused(tmp_path):
    with pytest.raises(KitError) as refused:
        load_kit(write_kit(tmp_path, entries(kit__yaml=MANIFEST.replace("id: eu_ai_act", "id: no_such_pack"))))
    assert refused.value.msg_id == "kit.error.no_base"


# --- kit build and kit list -----------------------------------------------------------------

def test_kit_build_makes_the_same_bytes_from_the_same_folder_and_checks_them(tmp_path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    for name, value in entries().items():
        (source / name).write_bytes(value if isinstance(value, bytes) else value.encode("utf-8"))
    (source / ".hidden").write_text("left out", encoding="utf-8")
    assert main(["kit", "build", str(source), "-o", str(tmp_path / "a.sandboxkit")]) == 0
    assert main(["kit", "build", str(source), "-o", str(tmp_path / "b.sandboxkit")]) == 0
    assert (tmp_path / "a.sandboxkit").read_bytes() == (tmp_path / "b.sandboxkit").read_bytes()
    assert ".hidden" not in load_kit(tmp_path / "a.sandboxkit").archive.entries
    (source / "intro.txt").unlink()
    capsys.readouterr()
    assert main(["kit", "build", str(source), "-o", str(tmp_path / "c.sandboxkit")]) == 2
    assert "intro.txt" in capsys.readouterr().err and not (tmp_path / "c.sandboxkit").exists()


def test_kits_used_are_kept_and_listed(tmp_path, capsys, private_data_dir):
    assert main(["kit", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["kit", "check", str(NORDLAND)]) == 0  # checking a kit is not using it
    assert shelved() == []
    assert main(["--kit", str(NORDLAND), "questions", "--json"]) == 0
    capsys.readouterr()
    assert main(["kit", "list", "--json"]) == 0
    [kept] = json.loads(capsys.readouterr().out)
    assert (kept["id"], kept["version"], kept["deadline"]) == ("nordland.ai_sandbox", "1.0.0", "2027-03-31")
    assert Path(kept["file"]).parent == private_data_dir / "kits"
    assert (Path(kept["file"]).stat().st_mode & 0o777) == 0o600


# --- --kit with the commands ----------------------------------------------------------------

def test_questions_with_a_kit_lists_its_questions_in_their_sections(capsys):
    assert main(["--kit", str(NORDLAND), "questions", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kit"]["id"] == "nordland.ai_sandbox" and data["kit"]["authority"]["name"]
    sections = {s["id"]: [q["id"] for q in s["questions"]] for s in data["sections"]}
    assert sections["applicant"][-1] == "nordland.register_number"
    assert sections["nordland"] == ["nordland.sector", "nordland.other_authorities"]


def _kit_draft(nordland, tmp_path, **answers) -> Path:
    draft = load_draft(EXAMPLE)
    draft = draft.model_copy(update={"lock": Draft.new(nordland.base, kit=nordland.made).lock})
    draft.answers.update({qid: Answer(value=value) for qid, value in answers.items()})
    path = tmp_path / "kit_draft.json"
    save_draft(draft, path)
    return path


def test_classify_and_validate_with_a_kit_read_its_questions_and_gaps(nordland, tmp_path, capsys):
    path = _kit_draft(nordland, tmp_path)
    assert main(["--kit", str(NORDLAND), "classify", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "nordland.no_sector" in {gap["id"] for gap in result["gaps"]}
    # A global option: it may stand after the command too (main.py takes it wherever it is).
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", str(path), "--json", "--kit", str(NORDLAND)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    missing = {m["question"] for m in json.loads(done.stdout)["missing"]}
    assert {"nordland.sector", "nordland.other_authorities"} <= missing
    assert "nordland.register_number" not in missing  # not required


def test_a_draft_records_its_kit_and_reopens_with_it_without_the_option(nordland, tmp_path, capsys):
    session = DraftSession(nordland.pack, kit=nordland)
    assert session.draft.lock.kit == nordland.made
    assert session.draft.lock.pack.hash == Draft.new(nordland.base).lock.pack.hash  # the pack as shipped
    path = _kit_draft(nordland, tmp_path, **{"nordland.sector": "health"})
    remember(nordland)
    assert main(["classify", str(path), "--json"]) == 0
    out = capsys.readouterr()
    assert out.err == "" and "nordland.no_sector" not in {g["id"] for g in json.loads(out.out)["gaps"]}


def test_a_draft_whose_kit_is_missing_opens_with_a_warning_and_keeps_its_answers(nordland, tmp_path, capsys):
    path = _kit_draft(nordland, tmp_path, **{"nordland.sector": "health"})
    assert main(["validate", str(path), "--json"]) == 0
    out = capsys.readouterr()
    assert out.err.startswith("warning: ") and "nordland.ai_sandbox" in out.err
    session = DraftSession(nordland.base)
    result = session.open(path)
    assert result.opened and result.kit_change is KitChange.MISSING
    assert session.draft.answers["nordland.sector"].value == "health"


def test_a_draft_whose_kit_changed_opens_with_a_warning(nordland, tmp_path, capsys):
    path = _kit_draft(nordland, tmp_path)
    changed = write_kit(tmp_path, {**{n: v for n, v in nordland.archive.entries.items()},
                                   "texts/intro.txt": b"Another welcome."}, name="changed.sandboxkit")
    assert main(["--kit", str(changed), "classify", str(path)]) == 0
    assert capsys.readouterr().err.startswith("warning: ")
    session = DraftSession(nordland.base, find_kit=lambda made: load_kit(changed))
    assert session.open(path).kit_change is KitChange.CHANGED and session.kit is not None


def test_a_session_opening_a_kit_draft_wears_the_kit_it_finds(nordland, tmp_path):
    path = _kit_draft(nordland, tmp_path)
    worn = []
    session = DraftSession(nordland.base, find_kit=lambda made: nordland if made == nordland.made else None)
    session.kit_changed.connect(worn.append)
    result = session.open(path)
    assert result.kit_change is KitChange.SAME and worn == [nordland] and session.pack is nordland.pack


def test_the_kit_option_without_a_file_says_what_it_needs():
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "questions", "--kit"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--kit" in done.stderr
