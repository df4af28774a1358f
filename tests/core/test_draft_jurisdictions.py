"""The jurisdictions a draft targets (draft format 5): the step from format 4 gives a draft its own
pack as its only jurisdiction, tested on the files kept from format 4 (tests/data/drafts_v4/); a
draft names its own pack first and each pack once; `classify` and `crosswalk` read them when no
--jurisdiction is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.main import main
from app.storage.draft_migrations import STEPS, MigrationError, migrate
from app.storage.draft_store import save_draft
from app.storage.drafts import FORMAT_VERSION, Draft, DraftError, load_draft
from forms.loader import PACKS_DIR, load_pack

ROOT = Path(__file__).resolve().parents[2]
V4 = ROOT / "tests" / "data" / "drafts_v4"
EXAMPLE = ROOT / "resources" / "examples" / "credit_scoring.json"
FROM = 4  # the format the step starts from


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(V4.glob("*.json")), ids=lambda path: path.stem)
def test_the_step_gives_a_draft_its_own_pack_as_its_only_jurisdiction(path, tmp_path):
    before = _json(path)
    assert STEPS[FROM](dict(before))["jurisdictions"] == [before["lock"]["pack"]["id"]]
    assert before["format_version"] == FROM  # the premise: a kept format-4 file
    after = migrate(before, FORMAT_VERSION)
    assert after["jurisdictions"] == [before["lock"]["pack"]["id"]]
    assert {key: after[key] for key in before if key != "format_version"} == \
        {key: value for key, value in before.items() if key != "format_version"}
    draft = load_draft(path)
    assert draft.jurisdictions == ["eu_ai_act"]
    save_draft(draft, tmp_path / path.name)
    saved = _json(tmp_path / path.name)
    assert saved["format_version"] == FORMAT_VERSION and saved["jurisdictions"] == ["eu_ai_act"]
    assert load_draft(tmp_path / path.name) == draft


def test_the_step_refuses_a_draft_without_a_lock_in_one_line():
    data = {key: value for key, value in _json(V4 / "cv_screening.json").items() if key != "lock"}
    with pytest.raises(MigrationError, match=f"from draft format {FROM} to format {FROM + 1}"):
        migrate(data, FORMAT_VERSION)


def test_a_new_draft_names_its_own_pack_first_and_each_other_once():
    pack = load_pack(PACKS_DIR / "eu_ai_act", "en")
    assert Draft.new(pack).jurisdictions == ["eu_ai_act"]
    draft = Draft.new(pack, others=["utah_ai_lab", "eu_ai_act", "china_ai", "utah_ai_lab"])
    assert draft.jurisdictions == ["eu_ai_act", "utah_ai_lab", "china_ai"]
    assert Draft.model_validate_json(draft.to_json()) == draft


@pytest.mark.parametrize("jurisdictions", [["eu_ai_act", "eu_ai_act"], [""],
                                           ["eu_ai_act", 7]])
def test_jurisdictions_with_a_repeat_or_no_pack_id_are_refused_in_one_line(jurisdictions, tmp_path):
    data = migrate(_json(EXAMPLE), FORMAT_VERSION)
    data["jurisdictions"] = jurisdictions
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def _targeting(tmp_path: Path, *others: str) -> Path:
    draft = load_draft(EXAMPLE)
    draft = Draft.model_validate({**draft.model_dump(), "jurisdictions": [draft.lock.pack.id, *others]})
    path = tmp_path / "targeting.json"
    save_draft(draft, path)
    return path


def test_classify_without_jurisdiction_gives_the_draft_s_jurisdictions(tmp_path, capsys):
    path = _targeting(tmp_path, "utah_ai_lab", "texas_traiga")
    assert main(["classify", str(path), "--json"]) == 0
    from_draft = json.loads(capsys.readouterr().out)
    assert [j["pack"]["id"] for j in from_draft["jurisdictions"]] == ["eu_ai_act", "utah_ai_lab", "texas_traiga"]
    assert main(["classify", str(EXAMPLE), "--json", "--jurisdiction", "eu_ai_act", "--jurisdiction",
                 "utah_ai_lab", "--jurisdiction", "texas_traiga"]) == 0
    assert json.loads(capsys.readouterr().out) == from_draft
    assert main(["classify", str(path), "--json", "--jurisdiction", "china_ai"]) == 0  # named: those
    assert [j["pack"]["id"] for j in json.loads(capsys.readouterr().out)["jurisdictions"]] == ["china_ai"]


def test_classify_of_a_draft_of_one_jurisdiction_is_as_before(tmp_path, capsys):
    assert main(["classify", str(EXAMPLE), "--json"]) == 0
    assert "jurisdictions" not in json.loads(capsys.readouterr().out)


def test_crosswalk_without_jurisdiction_compares_the_draft_s_jurisdictions(tmp_path, capsys):
    path = _targeting(tmp_path, "china_ai")
    assert main(["crosswalk", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [j["id"] for j in report["jurisdictions"]] == ["eu_ai_act", "china_ai"]
    assert main(["crosswalk", str(EXAMPLE), "--json"]) == 0  # its own pack only: each pack mapped to it
    assert len(json.loads(capsys.readouterr().out)["jurisdictions"]) > 2


def test_answers_to_another_jurisdiction_s_questions_are_checked_and_kept(tmp_path, capsys):
    draft = load_draft(_targeting(tmp_path, "utah_ai_lab"))
    answers = {**draft.model_dump()["answers"], "ut.limited": {"value": "yes", "note": ""}}
    path = tmp_path / "utah.json"
    save_draft(Draft.model_validate({**draft.model_dump(), "answers": answers}), path)
    assert main(["classify", str(path), "--json"]) == 0
    utah = json.loads(capsys.readouterr().out)["jurisdictions"][1]["result"]
    showings = utah["checklists"][0]
    assert "limits" not in {item["id"] for item in showings["open"] + showings["unmet"]}
    wrong = {**answers, "ut.limited": {"value": "perhaps", "note": ""}}
    save_draft(Draft.model_validate({**draft.model_dump(), "answers": wrong}), path)
    assert main(["classify", str(path), "--json"]) == 2  # checked as the Utah pack's question
    assert "ut.limited" in capsys.readouterr().err
    alone = tmp_path / "alone.json"  # the same answer in a draft of the EU pack alone is no question of it
    save_draft(Draft.model_validate({**draft.model_dump(), "answers": answers, "jurisdictions": ["eu_ai_act"]}), alone)
    assert main(["classify", str(alone), "--json"]) == 2


# --- choosing the jurisdictions in a draft session (what the wizard does, without a window) ---------

def test_a_session_starts_a_draft_for_the_jurisdictions_chosen_and_adds_one_later(pack, tmp_path):
    from app.session.draft_session import DraftSession

    session = DraftSession(pack)
    heard = []
    session.jurisdictions_changed.connect(heard.append)
    session.new(["utah_ai_lab"])
    assert session.draft.jurisdictions == ["eu_ai_act", "utah_ai_lab"] and not session.dirty
    session.add_jurisdiction("china_ai")
    session.add_jurisdiction("utah_ai_lab")  # chosen already: nothing changes
    assert session.draft.jurisdictions == ["eu_ai_act", "utah_ai_lab", "china_ai"] and session.dirty
    assert heard == [["eu_ai_act", "utah_ai_lab", "china_ai"]]
    session.set_answer("ut.limited", "yes")
    assert session.save(tmp_path / "chosen.json")
    reopened = DraftSession(pack)
    assert reopened.open(tmp_path / "chosen.json").opened
    assert reopened.draft.jurisdictions == ["eu_ai_act", "utah_ai_lab", "china_ai"]
    assert reopened.value("ut.limited") == "yes"


def test_the_packs_offered_are_each_shipped_jurisdiction_once_with_its_title_and_law_date():
    from app.session.targets import available_jurisdictions

    offered = available_jurisdictions()
    ids = [info.id for info in offered]
    assert len(ids) == len(set(ids))
    assert {"eu_ai_act", "china_ai", "colorado_admt", "utah_ai_lab", "texas_traiga", "nist_ai_rmf"} <= set(ids)
    assert all(info.title and info.law_current_to for info in offered)


def test_a_draft_whose_first_jurisdiction_is_not_its_own_pack_is_refused_naming_both(tmp_path, capsys):
    data = migrate(_json(EXAMPLE), FORMAT_VERSION)
    data["jurisdictions"] = ["utah_ai_lab", "eu_ai_act"]
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["classify", str(path)]) == 2
    err = capsys.readouterr().err
    assert "utah_ai_lab" in err and "eu_ai_act" in err
