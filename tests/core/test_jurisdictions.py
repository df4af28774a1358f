"""Several jurisdictions in one computation (app/results/jurisdictions.py): one questionnaire in
which each shared fact is asked once, and each pack's own result of one set of answers, the same
as the pack alone gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.commands.main import main
from app.results.jurisdictions import CompositionError, answers_for, assess, compose, shared_answers
from app.storage.drafts import load_draft
from catalogue import tr
from catalogue.formats import format_date
from forms.loader import PACKS_DIR, load_pack
from forms.shared_core import shared_questions
from risk_tiers.classify import classify
from tests.core.test_shared_core import EU_LINKS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "credit_scoring.json"


def _packs(*ids):
    return [load_pack(PACKS_DIR / pack_id, "en") for pack_id in ids]


def test_eu_utah_and_china_are_one_questionnaire_without_repeated_questions():
    eu, utah, china = packs = _packs("eu_ai_act", "utah_ai_lab", "china_ai")
    asked = compose(packs)
    ids = asked.question_ids()
    assert len(ids) == len(set(ids))
    assert asked.core.id == "core" and [q.id for q in asked.core.questions] == list(shared_questions())
    assert ids[:len(shared_questions())] == list(shared_questions())
    assert not set(EU_LINKS) & set(ids)
    own = {pack.id: {q.id for s in pack.sections for q in s.questions} for pack in packs}
    assert set(ids) == (own["eu_ai_act"] - set(EU_LINKS)) | own["utah_ai_lab"] | own["china_ai"]
    assert [pack_id for pack_id, _ in asked.sections][:1] == ["eu_ai_act"]


def test_one_pack_alone_keeps_its_own_words_and_two_links_share_a_fact():
    (eu,) = _packs("eu_ai_act")
    alone = compose([eu])
    assert alone.core is None and alone.question_ids() == [q.id for s in eu.sections for q in s.questions]
    assert alone.shared == {"eu_ai_act": {}}


def test_each_jurisdiction_gets_the_result_the_pack_alone_gives():
    packs = _packs("eu_ai_act", "utah_ai_lab", "texas_traiga")
    draft = load_draft(EXAMPLE)
    asked = compose(packs)
    results = assess(asked, draft.values(), draft.notes())
    assert [r.pack.id for r in results] == ["eu_ai_act", "utah_ai_lab", "texas_traiga"]
    eu = results[0]
    assert eu.answers == draft.values() and eu.assessment == classify(packs[0], draft.values(), draft.notes())
    for result in results[1:]:
        assert result.assessment == classify(result.pack, result.answers)


def test_an_eu_file_carries_its_answers_to_the_facts_the_others_share():
    asked = compose(_packs("eu_ai_act", "utah_ai_lab"))
    values = load_draft(EXAMPLE).values()
    utah = answers_for(asked, "utah_ai_lab", values)
    for eu_question, fact in EU_LINKS.items():
        assert utah[fact] == values[eu_question]
    assert set(utah) == set(EU_LINKS.values())
    # The fact answered as such wins over the EU question's own answer, for both packs.
    answers = {**values, "core.organisation": "Another Ltd."}
    assert shared_answers(asked, answers)["core.organisation"] == "Another Ltd."
    assert answers_for(asked, "eu_ai_act", answers)["applicant.organisation"] == "Another Ltd."
    assert "core.organisation" not in answers_for(asked, "eu_ai_act", answers)


def test_packs_that_ask_one_id_each_in_their_own_way_cannot_be_composed(tmp_path):
    def small(name):
        folder = tmp_path / name
        folder.mkdir()
        manifest = {"id": name, "version": "1.0", "title": name, "law_current_to": "2026-01-01",
                    "roles_question": "role.roles",
                    "tracks": [{"id": "t", "label": "T", "default": "m", "outcomes": [{"id": "m", "label": "M"}]}],
                    "sections": [{"id": "s", "title": "S", "questions": [
                        {"id": "role.roles", "kind": "multi_choice", "text": "Role?",
                         "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}]}]}
        (folder / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
        return load_pack(folder, "en")

    one, two = small("one"), small("two")
    with pytest.raises(CompositionError) as caught:
        compose([one, two])
    assert str(caught.value) == tr("jurisdictions.same_question", question="role.roles", pack="two", other="one")
    with pytest.raises(CompositionError):
        compose([one, one])


def test_classify_names_several_jurisdictions_and_gives_each_its_result(capsys):
    assert main(["classify", str(EXAMPLE), "--json"]) == 0
    alone = json.loads(capsys.readouterr().out)
    argv = ["classify", str(EXAMPLE), "--jurisdiction", "eu_ai_act", "--jurisdiction", "utah_ai_lab",
            "--jurisdiction", "texas_traiga", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [j["pack"]["id"] for j in data["jurisdictions"]] == ["eu_ai_act", "utah_ai_lab", "texas_traiga"]
    assert data["jurisdictions"][0]["result"] == alone
    assert data["shared"] == list(shared_questions())
    utah = data["jurisdictions"][1]["result"]
    assert utah["agreement"] == "no_agreement" and utah["pack_id"] == "utah_ai_lab"
    assert main(argv[:-1]) == 0
    text = capsys.readouterr().out
    for pack in _packs("eu_ai_act", "utah_ai_lab", "texas_traiga"):
        assert tr("jurisdictions.heading", title=pack.title, id=pack.id, version=pack.version,
                  date=format_date(pack.law_current_to)) in text.splitlines()


def test_an_unknown_jurisdiction_is_one_error_line(capsys):
    assert main(["classify", str(EXAMPLE), "--jurisdiction", "atlantis"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "atlantis" in err[0] and "utah_ai_lab" in err[0]


def test_a_draft_of_one_pack_gives_its_shared_answers_to_another_chosen_alone(capsys):
    argv = ["classify", str(EXAMPLE), "--jurisdiction", "utah_ai_lab", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [j["pack"]["id"] for j in data["jurisdictions"]] == ["utah_ai_lab"]
    showings = data["jurisdictions"][0]["result"]["checklists"][0]
    # The EU test conditions and duration stand for Utah's scope and length: only its yes/no is open.
    assert "limits" not in {item["id"] for item in showings["unmet"]}
    assert next(item for item in showings["open"] if item["id"] == "limits")["questions"] == ["ut.limited"]


def test_all_six_shipped_packs_compose_into_one_questionnaire():
    packs = _packs("eu_ai_act", "china_ai", "colorado_admt", "utah_ai_lab", "texas_traiga", "nist_ai_rmf")
    ids = compose(packs).question_ids()
    assert len(ids) == len(set(ids))
    assert sum(qid.startswith("core.") for qid in ids) == len(shared_questions())
