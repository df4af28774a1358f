"""Pack A (scope, banned practices, Annex I products, general-purpose models): what the golden
cases cannot state, such as numbers as they arrive in a JSON draft, dates, caveats and roles."""

import datetime as dt
import json

import pytest

from app.commands.main import main
from risk_tiers.classify import classify

AI_SYSTEM = {"system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
             "system.purpose": "Test system.", "scope.territory": ["established_eu"], "role.roles": ["provider"]}
MODEL = {"system.offering": "model", "system.purpose": "Language model.", "role.roles": ["provider"],
         "scope.territory": ["established_eu", "eu_market"], "applicant.stage": "on_market",
         "gpai.generality": "yes", "gpai.designated": "no", "gpai.high_impact": "no", "gpai.open_source": "no",
         "gpai.placed_before": "no"}


@pytest.mark.parametrize("compute, status", [("1e25", "gpai"), ("2e25", "gpai_systemic"),
                                              ("10000000000000000000000000", "gpai")])
def test_training_compute_written_as_a_json_number_is_compared_with_the_threshold(pack, compute, status):
    answers = json.loads("{" + f'"gpai.compute": {compute}' + "}")
    assert classify(pack, {**MODEL, **answers}).outcome("gpai") == status


def test_classify_reads_compute_in_exponent_notation_from_a_draft_file(pack, tmp_path, capsys):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Draft

    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value) for qid, value in {**MODEL, "gpai.compute": 2e25}.items()}
    path = tmp_path / "model.json"
    save_draft(draft, path)
    path.write_text(path.read_text(encoding="utf-8").replace("2e+25", "2e25"), encoding="utf-8")
    assert main(["classify", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gpai"] == "gpai_systemic"


@pytest.mark.parametrize("placed_before, date", [("no", dt.date(2025, 8, 2)), ("yes", dt.date(2027, 8, 2))])
def test_model_duties_apply_from_august_2025_or_2027_for_models_already_on_the_market(pack, placed_before, date):
    result = classify(pack, {**MODEL, "gpai.compute": 1e23, "gpai.placed_before": placed_before})
    duties = {o.id: o for o in result.obligations}
    assert duties["gpai.copyright_policy"].applies_from == date
    assert duties["gpai.training_summary"].applies_from == date


def test_product_manufacturer_of_a_high_risk_product_owes_the_providers_duties(pack):
    answers = {**AI_SYSTEM, "role.roles": ["product_manufacturer"], "products.legislation": ["machinery"],
               "products.safety_component": "safety_component", "products.third_party": "yes",
               "products.own_name": "yes"}
    assert "provider" in classify(pack, answers).roles
    answers["products.own_name"] = "no"
    assert "provider" not in classify(pack, answers).roles


def test_section_b_product_finding_warns_that_only_some_articles_apply(pack):
    answers = {**AI_SYSTEM, "products.legislation": ["rail"], "products.safety_component": "product",
               "products.third_party": "yes"}
    finding = {f.rule: f for f in classify(pack, answers).findings}["products.annex1_high_risk_b"]
    assert "Art. 2(2)" in finding.caveat


@pytest.mark.parametrize("objective", ["victims", "threat", "suspects"])
def test_allowed_remote_identification_carries_the_safeguards_as_a_caveat(pack, objective):
    answers = {**AI_SYSTEM, "prohibited.practices": ["remote_identification"], "prohibited.rbi.remote": "yes",
               "prohibited.rbi.real_time": "yes", "prohibited.rbi.public_space": "yes",
               "prohibited.rbi.law_enforcement": "yes", "prohibited.rbi.objective": objective}
    result = classify(pack, answers)
    found = {f.rule: f for f in result.findings if f.rule.startswith("prohibited.remote_identification")}
    # The exception is cited as considered and excluded; the conditions it comes with apply.
    assert found[f"prohibited.remote_identification.{objective}"].tier == "excluded"
    conditions = found.pop("prohibited.remote_identification.conditions")
    assert set(found) == {f"prohibited.remote_identification.{objective}"}
    assert "authorisation" in conditions.caveat and "impact assessment" in conditions.caveat
    assert {"aiact.art5.2", "aiact.art5.3"} <= set(conditions.refs) <= result.applying_refs()


def test_every_banned_practice_counts_for_prohibited_any(pack):
    """Art 2(12) and other packs read prohibited.any: a new ban left out of it would slip past them."""
    from forms.conditions import rules_named

    any_rule = {r.id: r for r in pack.rules}["prohibited.any"]
    banned = {r.id for r in pack.rules if r.tier == "prohibited"}
    assert banned and banned <= set(rules_named(any_rule.when))


def test_model_questions_are_asked_only_of_model_providers(pack):
    result = classify(pack, {**AI_SYSTEM, "gpai.generality": "yes", "gpai.compute": 5e25})
    assert result.outcome("gpai") == "none"
