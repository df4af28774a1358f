"""The shared core (forms/shared_core.py): the facts several packs need, defined once; the packs
beside the EU pack ask them as they are, the EU pack links its own questions to them with
`same_as`, and a link that cannot take the shared answers fails at load naming pack and question."""

from __future__ import annotations

import pytest
import yaml

from forms.loader import PACKS_DIR, PackError, load_pack
from forms.shared_core import links, shared_questions, shared_section
from tests.messages import in_pack_file as at_file, is_message, pack_item as item

WORLD = ("china_ai", "colorado_admt", "utah_ai_lab", "texas_traiga", "nist_ai_rmf")
# The EU pack's questions that ask a shared fact in its own words.
EU_LINKS = {
    "applicant.organisation": "core.organisation", "applicant.system_name": "core.system_name",
    "system.purpose": "core.intended_purpose", "privacy.personal_data": "core.personal_data",
    "plan.conditions": "core.test_scope", "plan.duration_months": "core.duration_months",
    "plan.exit_strategy": "core.exit_reporting",
}


def test_the_shared_core_holds_the_facts_the_issue_names():
    assert set(shared_questions()) == {
        "core.organisation", "core.system_name", "core.description", "core.intended_purpose",
        "core.users_affected", "core.benefits", "core.risks", "core.mitigation_plan", "core.test_scope",
        "core.duration_months", "core.personal_data", "core.data_protection", "core.exit_reporting"}


@pytest.mark.parametrize("pack_id", WORLD)
def test_a_pack_that_asks_the_shared_core_asks_it_first_as_defined(pack_id):
    pack = load_pack(PACKS_DIR / pack_id, "en")
    assert pack.sections[0] == shared_section()
    assert links(pack) == {qid: qid for qid in shared_questions()}


def test_the_eu_pack_links_its_equivalent_questions():
    pack = load_pack(PACKS_DIR / "eu_ai_act", "en")
    assert links(pack) == EU_LINKS
    assert "core" not in {s.id for s in pack.sections}


SMALL = {
    "id": "small", "version": "1.0", "title": "Small", "law_current_to": "2026-01-01",
    "roles_question": "role.roles",
    "tracks": [{"id": "tier", "label": "Tier", "default": "minimal", "outcomes": [{"id": "minimal", "label": "M"}]}],
}


def _small(tmp_path, *questions, **manifest):
    role = {"id": "role.roles", "kind": "multi_choice", "text": "Role?",
            "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]}
    sections = [{"id": "s", "title": "S", "questions": [role, *questions]}]
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump({**SMALL, "sections": sections, **manifest}), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_small_pack_can_ask_the_shared_core_and_link_nothing_else(tmp_path):
    pack = _small(tmp_path, shared_core=True)
    assert [s.id for s in pack.sections] == ["s", "core"]
    assert set(links(pack)) == set(shared_questions())


def test_a_link_to_a_compatible_question_loads(tmp_path):
    pack = _small(tmp_path, {"id": "s.months", "kind": "number", "text": "How long?", "minimum": 0,
                             "same_as": "core.duration_months"},
                  {"id": "s.story", "kind": "long_text", "text": "Scope?", "same_as": "core.test_scope"})
    assert links(pack) == {"s.months": "core.duration_months", "s.story": "core.test_scope"}


@pytest.mark.parametrize(("question", "msg_id", "values"), [
    ({"id": "s.x", "kind": "long_text", "text": "X", "same_as": "core.nothing"},
     "packs.check.same_as_unknown", {"core": "core.nothing"}),
    ({"id": "s.x", "kind": "yes_no", "text": "X", "same_as": "core.duration_months"},
     "packs.check.same_as_kind", {"core": "core.duration_months"}),
    ({"id": "s.x", "kind": "number", "text": "X", "maximum": 12, "same_as": "core.duration_months"},
     "packs.check.same_as_limits", {"core": "core.duration_months"}),
    ({"id": "s.x", "kind": "short_text", "text": "X", "max_length": 100, "same_as": "core.description"},
     "packs.check.same_as_limits", {"core": "core.description"}),
])
def test_a_link_that_cannot_take_the_shared_answers_fails_naming_pack_and_question(tmp_path, question, msg_id,
                                                                                   values):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, question)
    message = str(caught.value)
    assert message.startswith(at_file(tmp_path / "pack.yaml", "")) and "\n" not in message
    assert is_message(message.removeprefix(at_file(tmp_path / "pack.yaml", "")), msg_id, pack="small",
                      item=item("question", "s.x"), **values)


def test_a_choice_linked_to_a_yes_no_fact_fails_and_two_links_to_one_fact_fail(tmp_path):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, {"id": "s.x", "kind": "single_choice", "text": "X", "same_as": "core.personal_data",
                          "options": [{"id": "yes", "label": "Y"}, {"id": "no", "label": "N"}]})
    assert "core.personal_data" in str(caught.value) and "s.x" in str(caught.value)
    with pytest.raises(PackError) as caught:
        _small(tmp_path, {"id": "s.x", "kind": "long_text", "text": "X", "same_as": "core.risks"},
               {"id": "s.y", "kind": "long_text", "text": "Y", "same_as": "core.risks"})
    assert is_message(str(caught.value).removeprefix(at_file(tmp_path / "pack.yaml", "")), "packs.check.same_as_twice",
                      pack="small", item=item("question", "s.y"), core="core.risks", other="s.x")


def test_shared_core_in_a_manifest_must_be_true_or_false(tmp_path):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, shared_core="yes")
    assert "shared_core" in str(caught.value)


def test_a_question_with_a_shared_facts_id_must_take_its_answers(tmp_path):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, {"id": "core.duration_months", "kind": "short_text", "text": "How long?"})
    assert is_message(str(caught.value).removeprefix(at_file(tmp_path / "pack.yaml", "")), "packs.check.same_as_kind",
                      pack="small", item=item("question", "core.duration_months"), core="core.duration_months")
    pack = _small(tmp_path, {"id": "core.duration_months", "kind": "number", "text": "How long?"})
    assert links(pack) == {"core.duration_months": "core.duration_months"}
