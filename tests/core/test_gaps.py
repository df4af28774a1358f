"""Gaps (what to do or provide before applying) come and go with the answers; duties found by the
classification say whether a measure is stated; a pack whose results name things that do not
exist does not load."""

import pytest
import yaml

from catalogue import tr
from forms.loader import PackError, load_pack
from risk_tiers.classify import classify
from tests.messages import in_pack_file
from tests.messages import pack_item as item

PLAN_DONE = {
    "plan.objectives": "Show that the triage model meets the accuracy requirement.",
    "plan.methodology": "Three stages, each ending in a review with the authority.",
    "plan.success_measures": "Sensitivity above 95% on the held-out clinic data.",
    "risks.kinds": ["health_safety"],
    "risks.health_safety.harm": "A missed urgent case delays treatment.",
    "risks.health_safety.affected": "Patients of the pilot clinics",
    "risks.health_safety.mitigation": "Every output is checked by a nurse.",
    "plan.suspension_triggers": "Any missed urgent case found in review.",
    "plan.exit_strategy": "Pilot ends, data deleted, clinics return to the old process.",
}


def _gaps(pack, answers):
    return {g.id for g in classify(pack, answers).gaps}


@pytest.mark.parametrize("question, gap", [
    ("plan.exit_strategy", "plan.no_exit_strategy"),
    ("plan.objectives", "plan.no_objectives"),
    ("plan.suspension_triggers", "plan.no_suspension_triggers"),
    ("risks.kinds", "plan.no_risks"),
    ("risks.health_safety.mitigation", "risks.health_safety.no_mitigation"),
])
def test_a_plan_gap_appears_while_its_answer_is_missing_and_goes_once_given(pack, question, gap):
    assert gap not in _gaps(pack, PLAN_DONE)
    without = {k: v for k, v in PLAN_DONE.items() if k != question}
    assert gap in _gaps(pack, without)


def test_every_gap_cites_a_provision_and_says_what_to_do(pack):
    for gap in classify(pack, {}).gaps:
        assert gap.text and gap.refs


def test_lawful_basis_gap_follows_each_stage_that_uses_personal_data(pack):
    answers = {"privacy.personal_data": "yes", "privacy.regime": "gdpr", "privacy.stages": ["training", "testing"],
               "privacy.basis_training": "consent"}
    assert "privacy.no_lawful_basis" in _gaps(pack, answers)
    assert "privacy.no_lawful_basis" in _gaps(pack, {**answers, "privacy.basis_testing": "undecided"})
    assert "privacy.no_lawful_basis" not in _gaps(pack, {**answers, "privacy.basis_testing": "contract"})


def test_dpia_gap_goes_once_the_dpia_is_done(pack):
    answers = {"privacy.personal_data": "yes", "privacy.regime": "gdpr", "privacy.art35_cases": ["public_monitoring"]}
    assert "privacy.dpia_missing" in _gaps(pack, answers)
    assert "privacy.dpia_missing" in _gaps(pack, {**answers, "privacy.dpia_done": "in_progress"})
    assert "privacy.dpia_missing" not in _gaps(pack, {**answers, "privacy.dpia_done": "done"})


def test_no_dpia_gap_when_a_dpia_is_only_recommended(pack):
    answers = {"privacy.personal_data": "yes", "privacy.regime": "gdpr", "privacy.art35_cases": ["none"],
               "privacy.dpia_criteria": ["innovative"], "privacy.dpia_done": "not_started"}
    assert "privacy.dpia_missing" not in _gaps(pack, answers)


def test_privacy_gaps_vanish_when_no_personal_data_is_used(pack):
    assert not {g for g in _gaps(pack, {"privacy.personal_data": "no"}) if g.startswith("privacy.")}


def test_real_world_testing_longer_than_six_months_is_a_gap_only_when_planned(pack):
    answers = {"plan.real_world": "yes", "plan.rwt_months": 9}
    assert "plan.rwt_too_long" in _gaps(pack, answers)
    assert "plan.rwt_too_long" not in _gaps(pack, {**answers, "plan.rwt_months": 6})
    assert "plan.rwt_too_long" not in _gaps(pack, {**answers, "plan.real_world": "no"})


def test_a_system_on_the_market_without_substantial_change_is_told_it_does_not_fit(pack):
    assert "applicant.not_eligible_stage" in _gaps(pack, {"applicant.stage": "on_market"})
    assert "applicant.not_eligible_stage" not in _gaps(pack, {"applicant.stage": "modification"})


@pytest.mark.parametrize("answers, value", [
    ({"applicant.eu_office": "yes", "applicant.staff": 40, "applicant.turnover_small": "yes"}, "priority_and_free"),
    ({"applicant.eu_office": "yes", "applicant.staff": 400, "applicant.turnover_small": "yes",
      "applicant.startup": "no"}, "standard"),
    ({"applicant.eu_office": "no", "applicant.staff": 40, "applicant.turnover_small": "yes"}, "standard"),
    ({"applicant.eu_office": "yes", "applicant.staff": 400, "applicant.turnover_small": "no",
      "applicant.startup": "yes"}, "priority_and_free"),
])
def test_sme_and_start_up_access(pack, answers, value):
    assert classify(pack, {"applicant.kind": "company", **answers}).verdict("sme_access").value == value


def test_a_public_body_has_standard_access_without_size_answers(pack):
    answers = {"applicant.kind": "public_body", "applicant.eu_office": "yes", "applicant.staff": 40,
               "applicant.turnover_small": "yes"}
    assert classify(pack, answers).verdict("sme_access").value == "standard"


# --- the engine on a small pack, so duties can be tested whatever the shipped rules say ---------

SMALL_PACK = {
    "id": "small", "version": "1.0", "title": "Small", "law_current_to": "2026-01-01",
    "roles_question": "role.roles",
    "tracks": [{"id": "tier", "label": "Tier", "default": "minimal",
                "outcomes": [{"id": "transparency", "label": "T", "summary": "T"}, {"id": "minimal", "label": "M", "summary": "M"}]}],
    "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "role.roles", "kind": "multi_choice", "text": "Roles?",
         "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]},
        {"id": "s.chatbot", "kind": "yes_no", "text": "Chatbot?"},
        {"id": "s.how", "kind": "long_text", "text": "How do you tell people?", "show_if": {"rule": "s.art50_1"}},
    ]}],
    "rules": [{"id": "s.art50_1", "tier": "transparency", "refs": ["aiact.art50.1"], "when": {"q": "s.chatbot", "is": "yes"}}],
    "measures": [{"id": "art50_1", "rule": "s.art50_1", "question": "s.how", "text": "Tell people they talk to an AI",
                  "refs": ["aiact.art50.1"]}],
    "gaps": [{"id": "s.no_measure", "text": "Say how", "refs": ["aiact.art50.1"],
              "when": {"all": [{"rule": "s.art50_1"}, {"q": "s.how", "answered": False}]}}],
}


def _small(tmp_path, **changes):
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump({**SMALL_PACK, **changes}), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_duty_found_says_whether_its_measure_is_stated(tmp_path):
    pack = _small(tmp_path)
    assert classify(pack, {"s.chatbot": "no", "s.how": "Banner"}).duties == ()
    open_duty = classify(pack, {"s.chatbot": "yes"})
    assert [(d.id, d.stated) for d in open_duty.duties] == [("art50_1", False)]
    assert [g.id for g in open_duty.gaps] == ["s.no_measure"]
    stated = classify(pack, {"s.chatbot": "yes", "s.how": "A banner above the chat."}, {"s.how": "Seen by the DPO"})
    assert [(d.stated, d.measure, d.note) for d in stated.duties] == [(True, "A banner above the chat.", "Seen by the DPO")]
    assert stated.gaps == ()


@pytest.mark.parametrize("changes, message", [
    ({"gaps": [{"id": "g", "text": "x", "refs": ["aiact.art999"], "when": {"q": "s.chatbot", "is": "yes"}}]},
     lambda: tr("packs.check.unknown_citation", item=item("gap", "g"), ref="aiact.art999")),
    ({"gaps": [{"id": "g", "text": "x", "refs": ["aiact.art50.1"], "when": {"q": "s.nothing", "is": "yes"}}]},
     lambda: tr("packs.check.unknown_question", item=item("gap", "g"), question="s.nothing")),
    ({"measures": [{"id": "m", "rule": "s.missing", "question": "s.how", "text": "x", "refs": ["aiact.art50.1"]}]},
     lambda: tr("packs.check.unknown_rule", item=item("measure", "m"), rule="s.missing")),
    ({"verdicts": [{"id": "v", "title": "V", "counts": "s.chatbot",
                    "outcomes": [{"value": "x", "when": {"q": "s.chatbot", "is": "yes"}, "reason": "r"}]}]},
     lambda: tr("packs.check.counts", item=item("verdict", "v"), key="counts", question="s.chatbot")),
    ({"checklists": [{"id": "c", "title": "C", "items": [
        {"id": "a", "text": "x", "refs": ["aiact.art59.1.a"], "met": {"q": "s.chatbot", "is": "maybe"}}]}]},
     lambda: tr("packs.check.not_an_option", item=item("checklist", "c"), value="maybe", question="s.chatbot")),
])
def test_a_pack_whose_results_name_unknown_things_does_not_load(tmp_path, changes, message):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, **changes)
    assert str(caught.value) == in_pack_file(tmp_path / "pack.yaml", message())


# --- the shipped transparency and oversight measures, on stand-in classification rules ----------
# application/measures.yaml names rules of the classification files (Art 50 duties, high-risk,
# the Art 6(3) derogation). Here those names are pointed at stand-in rules that one question
# fires, so the measures' own questions, duties and gaps are tested whatever the rules say.

STAND_INS = {"transparency.art50_1": "art50_1", "transparency.art50_2": "art50_2",
             "transparency.art50_3": "art50_3", "transparency.art50_4": "art50_4",
             "high_risk.requirements_apply": "high_risk", "derogation.applies": "derogated",
             "obligations.fria_owed": "fria_owed", "obligations.explanation_owed": "explanation_owed"}
# Each duty belongs to the provider or to the deployer; answered as both, every measure is asked.
BOTH = ["provider", "deployer"]


@pytest.fixture(scope="module")
def measures_pack(tmp_path_factory):
    import shutil

    from forms.loader import DEFAULT_PACK

    folder = tmp_path_factory.mktemp("pack") / "eu_ai_act"
    shutil.copytree(DEFAULT_PACK, folder)
    measures = (folder / "application" / "measures.yaml").read_text(encoding="utf-8")
    for rule, stand_in in STAND_INS.items():
        measures = measures.replace(f"rule: {rule}}}", f"rule: stand_in.{stand_in}}}")
        measures = measures.replace(f"rule: {rule},", f"rule: stand_in.{stand_in},")
    assert not [r for r in STAND_INS if r in measures], "every rule measures.yaml names has a stand-in"
    (folder / "application" / "measures.yaml").write_text(measures, encoding="utf-8")
    options = [{"id": s, "label": s} for s in STAND_INS.values()]
    stand_in = {
        "sections": [{"id": "stand_in", "title": "Stand-in", "questions": [
            {"id": "stand_in.found", "kind": "multi_choice", "text": "Found?", "options": options}]}],
        "rules": [{"id": f"stand_in.{s}", "tier": "fact", "when": {"q": "stand_in.found", "has": s}}
                  for s in STAND_INS.values()],
    }
    (folder / "stand_in.yaml").write_text(yaml.safe_dump(stand_in), encoding="utf-8")
    manifest = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    manifest["include"] = [i for i in manifest["include"] if i != "application/measures.yaml"]
    manifest["include"] += ["stand_in.yaml", "application/measures.yaml"]
    (folder / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return load_pack(folder)


def test_each_art50_duty_found_asks_how_it_is_met_and_says_whether_it_is(measures_pack):
    for duty in ("art50_1", "art50_2", "art50_3", "art50_4"):
        result = classify(measures_pack, {"stand_in.found": [duty], "role.roles": BOTH})
        assert [(d.id, d.group, d.stated) for d in result.duties] == [(duty, "transparency", False)]
        assert f"measures.{duty}_missing" in {g.id for g in result.gaps}
        stated = classify(measures_pack, {"stand_in.found": [duty], "role.roles": BOTH,
                                          f"measures.{duty}": "A notice at the start."})
        assert [d.stated for d in stated.duties] == [True]
        assert f"measures.{duty}_missing" not in {g.id for g in stated.gaps}


def test_no_duty_and_no_measure_gap_when_the_classification_finds_none(measures_pack):
    result = classify(measures_pack, {"stand_in.found": ["derogated"], "measures.oversight": "x"})
    assert result.duties == ()
    assert not {g.id for g in result.gaps if g.id.startswith("measures.") and g.id != "measures.art6_4_missing"}


HIGH_RISK = {"risk_management", "data_governance", "technical_documentation", "logging", "instructions", "oversight",
             "accuracy", "quality_management"}


def test_high_risk_asks_how_far_each_requirement_is_and_how_it_is_met(measures_pack):
    provider = {"stand_in.found": ["high_risk"], "role.roles": ["provider"]}
    result = classify(measures_pack, provider)
    assert {d.id for d in result.duties_of("high_risk")} == HIGH_RISK
    # Nothing answered: whether a requirement is started is not known, never read as in place.
    assert {d.status for d in result.duties_of("high_risk")} == {"unknown"}
    undecided = {g.id for g in result.gaps if g.status == "undecided"}
    assert {f"measures.{m}_not_started" for m in HIGH_RISK} <= undecided
    answered = {**provider, **{f"measures.{m}_status": "in_place" for m in HIGH_RISK},
                **{f"measures.{m}": "Described." for m in HIGH_RISK}}
    assert not [g for g in classify(measures_pack, answered).gaps if g.id.startswith("measures.")]
    done = classify(measures_pack, {**provider, "measures.oversight": "A nurse reviews each case."})
    assert "measures.no_oversight" not in {g.id for g in done.gaps}


PROVIDER_GAPS = {"measures.art50_1_missing", "measures.art50_2_missing", "measures.no_instructions",
                 "measures.no_oversight", "measures.no_logging"}
DEPLOYER_GAPS = {"measures.art50_3_missing", "measures.art50_4_missing"}


@pytest.mark.parametrize("roles, duties, gaps, not_gaps", [
    (["provider"], {"art50_1", "art50_2"} | HIGH_RISK, PROVIDER_GAPS, DEPLOYER_GAPS),
    (["deployer"], {"art50_3", "art50_4"}, DEPLOYER_GAPS, PROVIDER_GAPS),
])
def test_each_role_is_asked_only_how_it_meets_its_own_duties(measures_pack, roles, duties, gaps, not_gaps):
    found = ["art50_1", "art50_2", "art50_3", "art50_4", "high_risk"]
    # A deployer who rebrands, changes or repurposes a system may become its provider: say it does not.
    not_provider = {"role.rebrands": "no", "role.modifies": "no", "role.repurposes": "no"}
    result = classify(measures_pack, {"stand_in.found": found, "role.roles": roles, **not_provider})
    assert {d.id for d in result.duties} == duties
    found_gaps = {g.id for g in result.gaps}
    assert gaps <= found_gaps and not (not_gaps & found_gaps)


@pytest.mark.parametrize("owed, fria, gap", [
    (True, None, True),
    (True, "in_progress", True),
    (True, "done", False),
    (False, "not_started", False),
])
def test_fria_is_asked_of_deployers_that_must_do_one(measures_pack, owed, fria, gap):
    answers = {"stand_in.found": ["high_risk", "fria_owed"] if owed else ["high_risk"], "role.roles": ["deployer"]}
    if fria:
        answers["measures.fria"] = fria
    assert ("measures.fria_missing" in {g.id for g in classify(measures_pack, answers).gaps}) is gap


def test_art6_4_documentation_is_asked_only_when_derogated(measures_pack):
    derogated = {"stand_in.found": ["derogated"], "role.roles": ["provider"], "measures.art6_4_documented": "no"}
    assert "measures.art6_4_missing" in {g.id for g in classify(measures_pack, derogated).gaps}
    assert "measures.art6_4_missing" not in {
        g.id for g in classify(measures_pack, {**derogated, "measures.art6_4_documented": "yes"}).gaps}
    assert "measures.art6_4_missing" not in {
        g.id for g in classify(measures_pack, {**derogated, "stand_in.found": ["high_risk"]}).gaps}


def test_classify_json_carries_gaps_and_the_derived_results(pack, tmp_path, capsys):
    import json

    from app.commands.main import main
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Draft

    draft = Draft.new(pack)
    draft.answers = {"privacy.personal_data": Answer(value="yes"), "privacy.regime": Answer(value="gdpr"),
                     "privacy.art35_cases": Answer(value=["large_scale_sensitive"]),
                     "privacy.reuse": Answer(value="no")}
    save_draft(draft, tmp_path / "d.json")
    assert main(["classify", str(tmp_path / "d.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gaps = {g["id"]: g for g in data["gaps"]}
    assert gaps["privacy.dpia_missing"]["refs"] == ["gdpr.art35"]
    assert gaps["privacy.dpia_missing"]["labels"] == ["Art. 35 GDPR"]
    assert "plan.no_exit_strategy" in gaps
    assert data["dpia"]["value"] == "required"
    assert data["art59"]["status"] == "not_applicable"
    assert data["transparency_duties"] == []


def test_the_measures_are_asked_once_the_rules_they_name_exist(pack):
    from forms.loader import DEFAULT_PACK

    rules = {r.id for r in pack.rules}
    missing = sorted(r for r in STAND_INS if r not in rules)
    if missing:
        pytest.skip(f"the classification files do not define {missing} yet")
    manifest = yaml.safe_load((DEFAULT_PACK / "pack.yaml").read_text(encoding="utf-8"))
    assert "application/measures.yaml" in manifest["include"]
