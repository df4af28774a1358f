"""Packs that compose, and a core that knows no single law.

A made-up second law (tests/data/packs/robot_law) with tracks of its own classifies, lists and
exports with no engine change; an authority's overlay of the EU pack
(tests/data/packs/eu_authority_overlay) adds a section, a question and a gap and rewords items,
but cannot redefine or drop a rule of the pack it extends.
"""

import json
import shutil
from pathlib import Path

import pytest

from app.commands.main import main
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft
from catalogue import tr
from forms.kinds import TEXT_FIELDS
from forms.layer import OVERLAY_FIELDS
from forms.loader import DEFAULT_PACK, PackError, default_pack, load_pack
from forms.registry import discover, in_range
from risk_tiers.classify import classify
from risk_tiers.headline import headline
from tests.messages import pack_item as item

PACKS = Path(__file__).resolve().parents[1] / "data" / "packs"
ROBOT_LAW, OVERLAY = PACKS / "robot_law", PACKS / "eu_authority_overlay"
HEAVY_PUBLIC_ROBOT = {"who.roles": ["maker"], "who.robot": "yes", "robot.weapon": "no", "robot.public": "yes",
                      "robot.heavy": 80, "robot.insured": "yes"}


@pytest.fixture(scope="module")
def robot_law():
    return load_pack(ROBOT_LAW)


@pytest.fixture(scope="module")
def authority():
    return load_pack(OVERLAY)


def test_another_law_classifies_on_its_own_tracks(robot_law):
    result = classify(robot_law, HEAVY_PUBLIC_ROBOT)
    assert [(t.track, t.outcome) for t in result.tracks] == [("licence", "licence_needed"), ("reporting", "quarterly")]
    assert result.verdict("insurance").value == "insured"
    assert headline(robot_law, result)[0] == robot_law.tracks[0].outcome("licence_needed").label


def test_another_law_keeps_unsure_open_and_gates_by_its_own_outcomes(robot_law):
    unsure = classify(robot_law, {**HEAVY_PUBLIC_ROBOT, "robot.weapon": "unsure"})
    assert unsure.could_be == ("banned",) and "robot.weapon" in unsure.deciding
    gated = classify(robot_law, {**HEAVY_PUBLIC_ROBOT, "who.robot": "no"})
    assert [(t.outcome, t.could_be) for t in gated.tracks] == [("not_a_robot", ()), ("no_reporting", ())]
    assert not classify(robot_law, {}).assessed


def test_another_law_through_the_command_line(robot_law, tmp_path, capsys):
    draft = Draft.new(robot_law)
    draft.answers = {qid: Answer(value=value) for qid, value in HEAVY_PUBLIC_ROBOT.items()}
    save_draft(draft, tmp_path / "robot.json")
    assert main(["--pack", str(ROBOT_LAW), "classify", str(tmp_path / "robot.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["licence"], data["reporting"], data["could_be"]) == ("licence_needed", "quarterly", [])
    assert main(["--pack", str(ROBOT_LAW), "questions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed["sections"]] == ["who", "robot"]


def test_another_law_exports_a_dossier(robot_law, tmp_path):
    pytest.importorskip("reportlab")
    from pypdf import PdfReader

    from app.dossier.export import export_dossier

    draft = Draft.new(robot_law)
    draft.answers = {qid: Answer(value=value) for qid, value in HEAVY_PUBLIC_ROBOT.items()}
    export_dossier(draft, robot_law, tmp_path / "robot.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "robot.pdf").pages)
    assert robot_law.tracks[0].outcome("licence_needed").label in text
    assert robot_law.tracks[1].outcome("quarterly").label in text


def test_an_overlay_adds_and_rewords_but_keeps_every_rule_of_its_base(authority):
    base = default_pack()
    assert authority.id == "eu_ai_act_example_authority"
    assert {r.id: r for r in base.rules}.items() <= {r.id: r for r in authority.rules}.items()
    assert [s.id for s in authority.sections] == [s.id for s in base.sections] + ["authority"]
    applicant = next(s for s in authority.sections if s.id == "applicant")
    assert applicant.title == "About your organisation" and applicant.questions[-1].id == "authority.member_state"
    assert "authority.no_regulator" in {g.id for g in authority.gaps}
    assert authority.tracks[0].outcome("high_risk").label != base.tracks[0].outcome("high_risk").label
    assert authority.law_current_to == base.law_current_to


def test_an_overlay_gives_its_base_results_with_its_own_words(authority):
    from app.storage.drafts import load_draft

    answers = load_draft(Path("resources/examples/cv_screening.json")).values()
    base, ours = classify(default_pack(), answers), classify(authority, answers)
    assert ours.tracks == base.tracks and ours.findings == base.findings
    assert headline(authority, ours)[0] == authority.tracks[0].outcome("high_risk").label
    assert "authority.no_regulator" in {g.id for g in ours.gaps}


def _overlay_copy(tmp_path, edit):
    folder = tmp_path / "overlay"
    shutil.copytree(OVERLAY, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize("edit, message", [
    # Redefining a rule of the base (or dropping it) is not a way to change the law.
    (lambda t: t + "rules:\n  - {id: annex3.point4a, tier: minimal, when: {q: system.infers, is: 'no'}}\n",
     lambda path: tr("packs.error.in_base", path=path, item=item("rule", "annex3.point4a"), texts="texts")),
    (lambda t: t.replace("applicant: {title:", "applicant: {show_if:"),
     lambda path: tr("packs.error.not_a_text", path=path, key="texts.applicant.show_if",
                     allowed=tr("packs.separator").join(sorted(TEXT_FIELDS)))),
    (lambda t: t.replace("applicant: {title:", "applicant: {caveat:"),
     lambda path: tr("packs.error.no_such_text", path=path, key="texts.applicant.caveat", name="caveat")),
    (lambda t: t.replace("applicant: {title: \"About your organisation\"}", "applicant: About"),
     lambda path: tr("packs.error.text_not_mapping", path=path, key="texts.applicant")),
    (lambda t: t.replace("high_risk: {label:", "nowhere: {label:"),
     lambda path: tr("packs.error.texts_no_item", path=path, key="texts", id="nowhere")),
    (lambda t: t.replace("- section: applicant", "- section: nowhere"),
     lambda path: tr("packs.error.no_section", path=path, key="add_questions", section="nowhere")),
    (lambda t: t.replace("add_questions:\n", "add_questions: {}\nnot_added:\n"),
     lambda path: tr("packs.error.not_a_list", path=path, key="add_questions")),
    (lambda t: t.replace("{id: authority.member_state,", "{id: applicant.organisation,"),
     lambda path: tr("packs.error.in_pack", path=path, item=item("question", "applicant.organisation"))),
    (lambda t: t.replace("version: \">=1.0,<2\"", "version: \">=2\""),
     lambda path: tr("packs.error.base_missing", path=path, key="extends", id="eu_ai_act", version=">=2")),
    (lambda t: t.replace("version: \">=1.0,<2\"", "version: \"one\""),
     lambda path: tr("packs.error.version_range", path=path, key="extends.version", version="one",
                     example=">=1.0,<2")),
    (lambda t: t.replace(", version: \">=1.0,<2\"}", "}").replace("{id: eu_ai_act", "{id: no_such_pack"),
     lambda path: tr("packs.error.base_missing_any", path=path, key="extends", id="no_such_pack")),
    (lambda t: t + "tracks: []\n",
     lambda path: tr("packs.error.base_field", path=path, key="tracks",
                     allowed=tr("packs.separator").join(sorted(OVERLAY_FIELDS)))),
])
def test_an_overlay_that_would_change_the_law_or_names_nothing_is_refused(tmp_path, edit, message):
    folder = _overlay_copy(tmp_path, edit)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value) == message(folder / "pack.yaml")


def test_a_pack_that_does_not_extend_may_not_reword(tmp_path):
    folder = tmp_path / "robot"
    shutil.copytree(ROBOT_LAW, folder)
    with open(folder / "pack.yaml", "a", encoding="utf-8") as manifest:
        manifest.write("texts:\n  who: {title: Us}\n")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value) == tr("packs.error.only_extending", path=folder / "pack.yaml", extends="extends",
                                   add_questions="add_questions", texts="texts")


def test_packs_lists_the_shipped_pack_and_those_given_or_installed(tmp_path, capsys, private_data_dir):
    shutil.copytree(ROBOT_LAW, private_data_dir / "packs" / "robot_law")
    assert main(["--pack", str(OVERLAY), "packs", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["eu_ai_act"]["where"] == "shipped" and listed["eu_ai_act"]["law_current_to"] == "2026-12-02"
    assert listed["robot_law"]["where"] == "user" and listed["robot_law"]["version"] == "2.1"
    assert listed["eu_ai_act_example_authority"]["extends"] == "eu_ai_act"
    assert main(["packs"]) == 0
    assert f"eu_ai_act {default_pack().version}" in capsys.readouterr().out


def test_version_ranges(tmp_path):
    assert in_range("1.0.0", ">=1.0,<2") and in_range("1.4", "") and not in_range("2.0", ">=1.0,<2")
    assert in_range("2.1", "==2.1.0") and not in_range("1.9.9", ">1.9.9")
    assert {p.id for p in discover()} >= {"eu_ai_act"}
    assert DEFAULT_PACK.exists()
