"""The crosswalk as data (forms/crosswalks.py) and the evidence reuse it gives
(app/results/crosswalk.py, `python main.py crosswalk`): every shipped file loads and fits its packs,
a broken one fails in one line naming its file, and an applicant with a complete EU file sees which
Utah, Texas, Colorado and NIST showings its answers already cover and which they do not. What each
file leaves unmapped is listed here, so that adding or dropping a row is a conscious act."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.commands.main import main
from app.results.crosswalk import crosswalk_report
from app.results.jurisdictions import compose
from app.storage.draft_store import save_draft
from app.storage.drafts import Draft, load_draft
from catalogue import tr
from forms.crosswalks import (EVIDENCE, RELATIONS, check_against, crosswalk_files, crosswalk_path, load_crosswalk,
                              shipped_crosswalks)
from forms.loader import PACKS_DIR, PackError, load_pack
from tests.formats.schema_check import problems
from tests.messages import is_message

ROOT = Path(__file__).resolve().parents[2]
COMPLETE_EU_FILE = ROOT / "resources" / "examples" / "credit_scoring.json"


def _packs(*ids):
    return [load_pack(PACKS_DIR / pack_id, "en") for pack_id in ids]


# For each shipped crosswalk, the evidence it leaves unmapped on purpose (its comment says why): adding
# a row, or dropping one, changes this list too.
UNMAPPED = {
    "eu_ai_act__china_ai.yaml": {"sandbox_plan", "exit_report", "human_oversight", "monitoring", "consumer_redress"},
    "eu_ai_act__colorado_admt.yaml": {"sandbox_plan", "exit_report", "risk_assessment", "data_governance",
                                      "data_protection", "real_world_testing", "monitoring"},
    "eu_ai_act__nist_ai_rmf.yaml": {"exit_report", "data_protection", "consumer_redress"},
    "eu_ai_act__texas_traiga.yaml": {"data_governance", "transparency", "consumer_redress"},
    "eu_ai_act__utah_ai_lab.yaml": {"data_governance", "transparency", "consumer_redress"},
}
# The evidence no shipped crosswalk maps at all.
MAPPED_NOWHERE: set[str] = set()


def test_each_shipped_crosswalk_loads_fits_its_packs_and_names_every_evidence():
    assert [path.name for path in crosswalk_files()] == sorted(UNMAPPED)
    for crosswalk in shipped_crosswalks():
        packs = {pack.id: pack for pack in _packs(*crosswalk.packs)}
        check_against(crosswalk_path(crosswalk), crosswalk, packs)
        assert {row.relation for row in crosswalk.rows} <= set(RELATIONS)
        assert all(row.note for row in crosswalk.rows if row.relation != "same")
    for evidence in EVIDENCE:
        assert tr(f"crosswalk.evidence.{evidence}")


def test_the_evidence_each_crosswalk_leaves_unmapped_is_a_deliberate_gap():
    mapped = {}
    for path in crosswalk_files():
        evidence = {row.evidence for row in load_crosswalk(path).rows}
        assert set(EVIDENCE) - evidence == UNMAPPED[path.name], path.name
        mapped[path.name] = evidence
    assert set(EVIDENCE) - set().union(*mapped.values()) == MAPPED_NOWHERE


def test_the_eu_requirement_of_a_piece_of_evidence_is_the_same_in_every_crosswalk():
    """The EU column shows one requirement per row, whichever crosswalk gives it: each file states it alike."""
    seen = {}
    for crosswalk in shipped_crosswalks("en"):
        for row in crosswalk.rows:
            side = row.sides["eu_ai_act"].model_dump()
            assert seen.setdefault(row.evidence, side) == side, row.evidence


def _cell(report, evidence, pack_id):
    row = next(row for row in report.rows if row.evidence == evidence)
    return next(cell for cell in row.cells if cell.jurisdiction == pack_id)


def test_a_complete_eu_file_shows_which_utah_and_texas_showings_it_covers():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "utah_ai_lab", "texas_traiga"))
    report = crosswalk_report(asked, shipped_crosswalks(), values)
    assert report.kind == "evidence_reuse" and [j.id for j in report.jurisdictions] == [
        "eu_ai_act", "utah_ai_lab", "texas_traiga"]
    assert [row.evidence for row in report.rows] == [e for e in EVIDENCE if e in {r.evidence for r in report.rows}]
    for evidence in ("sandbox_plan", "exit_report", "risk_assessment", "human_oversight", "monitoring"):
        assert _cell(report, evidence, "eu_ai_act").status == "covered"
        assert _cell(report, evidence, "eu_ai_act").relation is None
    # The EU exit strategy is the shared fact of reporting and exit: Utah's reporting terms are covered.
    assert _cell(report, "exit_report", "utah_ai_lab").status == "covered"
    assert _cell(report, "exit_report", "utah_ai_lab").relation == "supports"
    # Utah's own showings and Texas's application are not in an EU file.
    utah_risk = _cell(report, "risk_assessment", "utah_ai_lab")
    assert utah_risk.status == "missing" and utah_risk.relation == "partly" and utah_risk.missing
    assert utah_risk.refs == ["ut_13_72.s402.1.c"] and utah_risk.citation
    assert _cell(report, "sandbox_plan", "texas_traiga").status == "missing"
    assert _cell(report, "exit_report", "texas_traiga").status == "open"  # Texas's yes/no not answered yet


def test_a_draft_for_the_eu_utah_and_china_sees_content_marking_only_where_china_asks_it():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "utah_ai_lab", "china_ai"))
    report = crosswalk_report(asked, shipped_crosswalks(), {**values, "cn.explicit_labels": "yes"})
    marking = _cell(report, "transparency", "china_ai")
    assert marking.relation == "partly" and marking.status == "open" and marking.refs == ["cn_label.art4", "cn_label.art5"]
    assert _cell(report, "transparency", "utah_ai_lab").status == "none"
    assert _cell(report, "sandbox_plan", "china_ai").status == "none"


def test_the_answers_that_make_a_utah_showing_cover_it():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "utah_ai_lab"))
    more = {**values, "ut.benefits_outweigh": "yes", "core.benefits": "Faster loans.", "core.risks": "Wrong refusals."}
    report = crosswalk_report(asked, shipped_crosswalks(), more)
    assert _cell(report, "risk_assessment", "utah_ai_lab").status == "covered"
    assert _cell(report, "risk_assessment", "utah_ai_lab").missing == ""
    # Texas is not chosen: no crosswalk to it is used.
    assert {cell.jurisdiction for row in report.rows for cell in row.cells} == {"eu_ai_act", "utah_ai_lab"}


# A Colorado lender's answers (tests/core/cases/colorado_admt: lender_owes_the_adverse_outcome_explanation):
# documentation and notice ready, no explanation of adverse outcomes and no human review yet.
COLORADO_LENDER = {"co.roles": ["developer", "deployer"], "co.colorado": "yes", "co.domains": ["lending"],
                   "co.influence": "material", "co.documentation_ready": "yes", "co.notice_ready": "yes",
                   "co.explanation_ready": "no", "co.review_ready": "no", "co.records_ready": "yes"}
NIST_IN_PLACE = {"nist.roles": ["developer", "deployer"], "nist.policies": "yes", "nist.accountability": "yes",
                 "nist.training": "yes", "nist.third_party": "yes", "nist.context_documented": "yes",
                 "nist.limits": "yes", "nist.impacts": "yes", "nist.metrics": "yes", "nist.fairness": "yes",
                 "nist.tracking": "yes", "nist.feedback": "yes", "nist.prioritised": "yes", "nist.deactivate": "yes",
                 "nist.incidents": "yes", "nist.generative": "no"}


def _statuses(report, pack_id):
    return {row.evidence: cell.status for row in report.rows for cell in row.cells if cell.jurisdiction == pack_id}


def test_a_complete_eu_file_of_a_colorado_lender_shows_which_colorado_duties_it_covers():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "colorado_admt", "nist_ai_rmf"))
    report = crosswalk_report(asked, shipped_crosswalks(), values)
    colorado = _statuses(report, "colorado_admt")
    # Nothing of Colorado's is answered yet: each duty it maps is open, the rest have no counterpart.
    assert colorado == {"sandbox_plan": "none", "risk_assessment": "none", "data_governance": "none",
                        "technical_documentation": "open", "human_oversight": "open", "transparency": "open",
                        "real_world_testing": "none", "monitoring": "none", "consumer_redress": "open"}
    report = crosswalk_report(asked, shipped_crosswalks(), {**values, **COLORADO_LENDER})
    colorado = _statuses(report, "colorado_admt")
    assert {k for k, v in colorado.items() if v == "covered"} == {"technical_documentation", "transparency"}
    assert {k for k, v in colorado.items() if v == "missing"} == {"human_oversight", "consumer_redress"}
    redress = _cell(report, "consumer_redress", "colorado_admt")
    assert redress.relation == "partly" and redress.note and redress.missing
    assert redress.refs == ["co_crs.s6_1_1704.3", "co_sb26_189.consumer_rights"] and redress.citation
    # The EU file has meaningful human review of every decision (GDPR Art. 22) and, as the deployer
    # owing it, the explanation of decisions in place (AI Act Art. 86): its side is covered, while
    # Colorado's explanation of adverse outcomes is still missing.
    eu_redress = _cell(report, "consumer_redress", "eu_ai_act")
    assert eu_redress.status == "covered" and eu_redress.refs == ["gdpr.art22", "aiact.art86"]
    assert eu_redress.missing == ""
    # The Art. 86 explanation only planned leaves the EU side missing; unsure of it, or of whether the
    # decisions have significant effects, leaves it open (never read as no); not a deployer, not owed.
    def eu_side(**answers):
        return _cell(crosswalk_report(asked, shipped_crosswalks(), {**values, **COLORADO_LENDER, **answers}),
                     "consumer_redress", "eu_ai_act").status
    assert eu_side(**{"measures.explanation": "planned"}) == "missing"
    assert eu_side(**{"measures.explanation": "unsure"}) == "open"
    assert eu_side(**{"obligations.significant_decisions": "unsure", "measures.explanation": "not_started"}) == "open"
    assert eu_side(**{"obligations.significant_decisions": "no", "measures.explanation": "not_started"}) == "covered"
    assert eu_side(**{"role.roles": ["provider"], "measures.explanation": "not_started"}) == "covered"
    # The NIST framework asks no redress, and no crosswalk maps Colorado to NIST directly.
    assert _cell(report, "consumer_redress", "nist_ai_rmf").status == "none"
    # A duty not owed is met: a deployer alone owes no documentation, a developer alone no notice,
    # explanation or review, and no duty at all is owed for consumers outside Colorado.
    deployer = crosswalk_report(asked, shipped_crosswalks(), {**values, **COLORADO_LENDER, "co.roles": ["deployer"]})
    assert _statuses(deployer, "colorado_admt")["technical_documentation"] == "covered"
    developer = _statuses(crosswalk_report(asked, shipped_crosswalks(),
                                           {**values, **COLORADO_LENDER, "co.roles": ["developer"]}), "colorado_admt")
    assert {developer[k] for k in ("human_oversight", "transparency", "consumer_redress")} == {"covered"}
    elsewhere = crosswalk_report(asked, shipped_crosswalks(), {**values, **COLORADO_LENDER, "co.colorado": "no"})
    assert {v for v in _statuses(elsewhere, "colorado_admt").values()} == {"covered", "none"}


def test_the_nist_self_check_is_supported_by_the_eu_file_and_covered_by_its_own_practices():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "nist_ai_rmf"))
    report = crosswalk_report(asked, shipped_crosswalks(), values)
    assert {cell.relation for row in report.rows for cell in row.cells if cell.jurisdiction == "nist_ai_rmf"} == {
        "supports"}
    assert set(_statuses(report, "nist_ai_rmf").values()) == {"open"}
    report = crosswalk_report(asked, shipped_crosswalks(), {**values, **NIST_IN_PLACE, "nist.limits": "no"})
    nist = _statuses(report, "nist_ai_rmf")
    assert nist["technical_documentation"] == "missing"
    assert _cell(report, "technical_documentation", "nist_ai_rmf").refs == ["nist_rmf.map.2"]
    # The Generative AI Profile is not for a credit scorer: its practice is no gap of it.
    assert {k for k, v in nist.items() if v == "covered"} == {
        "sandbox_plan", "risk_assessment", "data_governance", "human_oversight", "transparency", "real_world_testing",
        "monitoring"}
    generative = crosswalk_report(asked, shipped_crosswalks(), {**values, **NIST_IN_PLACE, "nist.generative": "yes",
                                                                "nist.provenance": "no"})
    assert _cell(generative, "transparency", "nist_ai_rmf").status == "missing"


REAL_WORLD_TEST = {"plan.real_world": "yes", "plan.rwt_summary": "Live loans under EUR 5,000 for three months.",
                   "plan.rwt_deployers": "Our own credit officers.", "plan.rwt_plan_agreed": "yes",
                   "plan.rwt_eu_established": "yes", "plan.rwt_months": 3, "plan.rwt_consent": "yes",
                   "plan.rwt_vulnerable": "yes", "plan.rwt_oversight": "yes", "plan.rwt_reversible": "yes",
                   "plan.rwt_registration": "yes", "plan.rwt_incidents": "Reported the same day; switched off."}


def test_real_world_testing_is_a_row_for_each_law_that_tests_with_people():
    values = load_draft(COMPLETE_EU_FILE).values()
    asked = compose(_packs("eu_ai_act", "utah_ai_lab", "texas_traiga", "china_ai", "colorado_admt"))
    report = crosswalk_report(asked, shipped_crosswalks(), values)
    assert _cell(report, "real_world_testing", "eu_ai_act").status == "missing"  # no test outside a lab planned
    assert _cell(report, "real_world_testing", "colorado_admt").status == "none"
    assert {_cell(report, "real_world_testing", p).relation for p in ("utah_ai_lab", "texas_traiga")} == {"partly"}
    assert _cell(report, "real_world_testing", "china_ai").relation == "supports"
    assert _cell(report, "real_world_testing", "texas_traiga").refs == ["tx_bcc.s553_051"]
    more = {**values, **REAL_WORLD_TEST, "ut.limited": "yes", "core.test_scope": "Loans under EUR 5,000.",
            "core.users_affected": "Applicants for small loans.", "tx.apply": "yes", "tx.waived_laws": "None yet.",
            "cn.pilot_city": "none"}
    report = crosswalk_report(asked, shipped_crosswalks(), more)
    assert _cell(report, "real_world_testing", "eu_ai_act").status == "covered"
    assert _cell(report, "real_world_testing", "utah_ai_lab").status == "covered"
    assert _cell(report, "real_world_testing", "texas_traiga").status == "covered"
    china = _cell(report, "real_world_testing", "china_ai")
    assert china.status == "missing" and china.refs == ["cn_sh_ai.regulations", "cn_sz_ai.regulations"]
    # Consumer redress: only Colorado has a counterpart among these laws.
    assert {cell.jurisdiction for cell in next(r for r in report.rows if r.evidence == "consumer_redress").cells
            if cell.status != "none"} == {"eu_ai_act", "colorado_admt"}


def test_a_document_of_a_kind_the_crosswalk_names_covers_a_requirement(tmp_path):
    path = ROOT / "forms" / "crosswalk" / "eu_ai_act__utah_ai_lab.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rows"][0]["sides"]["utah_ai_lab"]["documents"] = ["test_plan"]
    (tmp_path / path.name).write_text(yaml.safe_dump(data), encoding="utf-8")
    crosswalk = load_crosswalk(tmp_path / path.name)
    asked = compose(_packs("eu_ai_act", "utah_ai_lab"))
    report = crosswalk_report(asked, (crosswalk,), {}, {"test_plan": ["plan.pdf"]})
    cell = _cell(report, "sandbox_plan", "utah_ai_lab")
    assert cell.status == "covered" and cell.documents == ["plan.pdf"]
    assert _cell(report, "sandbox_plan", "eu_ai_act").status == "missing"


def _broken(tmp_path, change, name="eu_ai_act__utah_ai_lab.yaml"):
    data = yaml.safe_load((ROOT / "forms" / "crosswalk" / "eu_ai_act__utah_ai_lab.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "msg_id"), [
    (lambda d: d["rows"][0].update(evidence="goodwill"), "crosswalk.error.evidence"),
    (lambda d: d["rows"].append(json.loads(json.dumps(d["rows"][0]))), "crosswalk.error.evidence_twice"),
    (lambda d: d["rows"][0]["sides"]["utah_ai_lab"].update(refs=["ut.nowhere"]), "crosswalk.error.citation"),
    (lambda d: d["rows"][0]["sides"].pop("utah_ai_lab"), "crosswalk.error.sides"),
])
def test_a_broken_crosswalk_fails_in_one_line_naming_its_file(tmp_path, change, msg_id):
    path = _broken(tmp_path, change)
    with pytest.raises(PackError) as caught:
        load_crosswalk(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    assert tr(msg_id, **_values(msg_id)).split("'")[0].split("„")[0] in message


def _values(msg_id):
    return {"crosswalk.error.evidence": {"evidence": "goodwill", "known": ""},
            "crosswalk.error.evidence_twice": {"evidence": "sandbox_plan"},
            "crosswalk.error.citation": {"evidence": "sandbox_plan", "pack": "utah_ai_lab", "ref": "ut.nowhere"},
            "crosswalk.error.sides": {"evidence": "sandbox_plan", "packs": ""}}[msg_id]


def test_a_crosswalk_is_named_by_its_packs_and_its_conditions_fit_them(tmp_path):
    with pytest.raises(PackError) as caught:
        load_crosswalk(_broken(tmp_path, lambda d: None, name="utah__eu.yaml"))
    assert is_message(str(caught.value), "packs.at_file", path=tmp_path / "utah__eu.yaml",
                      message=tr("crosswalk.error.file_name", name="eu_ai_act__utah_ai_lab.yaml"))
    path = _broken(tmp_path, lambda d: d["rows"][0]["sides"]["utah_ai_lab"].update(covered={"q": "ut.nothing",
                                                                                            "answered": True}))
    crosswalk = load_crosswalk(path)
    with pytest.raises(PackError) as caught:
        check_against(path, crosswalk, {pack.id: pack for pack in _packs("eu_ai_act", "utah_ai_lab")})
    assert "ut.nothing" in str(caught.value) and str(path) in str(caught.value)


def test_crosswalk_command_prints_evidence_reuse_and_its_json_fits_the_published_schema(capsys):
    assert main(["crosswalk", str(COMPLETE_EU_FILE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "resources" / "schemas" / "crosswalk-1.schema.json").read_text(encoding="utf-8"))
    assert problems(data, schema) == []
    assert data["kind"] == "evidence_reuse"
    assert [j["id"] for j in data["jurisdictions"]] == ["eu_ai_act", "china_ai", "colorado_admt", "nist_ai_rmf",
                                                      "texas_traiga", "utah_ai_lab"]
    assert main(["crosswalk", str(COMPLETE_EU_FILE), "--jurisdiction", "eu_ai_act", "--jurisdiction",
                 "utah_ai_lab"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == tr("crosswalk.heading", first=_packs("eu_ai_act")[0].title,
                          others=_packs("utah_ai_lab")[0].title)
    assert tr("crosswalk.evidence.sandbox_plan") in lines
    assert "recognition" not in " ".join(lines[1:]).lower()


def test_crosswalk_of_a_draft_targeting_the_eu_colorado_and_nist_fits_the_published_schema(tmp_path, capsys):
    draft = load_draft(COMPLETE_EU_FILE)
    answers = {**draft.model_dump()["answers"], **{k: {"value": v, "note": ""} for k, v in COLORADO_LENDER.items()}}
    path = tmp_path / "targeting.json"
    save_draft(Draft.model_validate({**draft.model_dump(), "answers": answers,
                                     "jurisdictions": ["eu_ai_act", "colorado_admt", "nist_ai_rmf"]}), path)
    assert main(["crosswalk", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "resources" / "schemas" / "crosswalk-1.schema.json").read_text(encoding="utf-8"))
    assert problems(data, schema) == []
    assert [j["id"] for j in data["jurisdictions"]] == ["eu_ai_act", "colorado_admt", "nist_ai_rmf"]
    rows = {row["evidence"]: {cell["jurisdiction"]: cell for cell in row["cells"]} for row in data["rows"]}
    assert rows["consumer_redress"]["colorado_admt"]["status"] == "missing"
    assert rows["technical_documentation"]["colorado_admt"]["status"] == "covered"
    assert rows["real_world_testing"]["colorado_admt"]["status"] == "none"
    assert main(["crosswalk", str(path)]) == 0
    assert tr("crosswalk.evidence.consumer_redress") in capsys.readouterr().out.splitlines()


def test_crosswalk_of_a_pack_no_crosswalk_maps_is_one_error_line(capsys):
    assert main(["crosswalk", str(COMPLETE_EU_FILE), "--jurisdiction", "eu_ai_act"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "eu_ai_act" in err[0]


@pytest.mark.parametrize("language", ["de", "fr"])
def test_every_crosswalk_text_is_translated_and_the_translation_is_what_a_reader_sees(language):
    from forms.crosswalks import texts, untranslated_texts

    assert untranslated_texts(language) == []
    english, translated = shipped_crosswalks("en"), shipped_crosswalks(language)
    for before, after in zip(english, translated):
        assert [row.evidence for row in before.rows] == [row.evidence for row in after.rows]
        assert [row.relation for row in before.rows] == [row.relation for row in after.rows]
        assert not set(texts(before)) & set(texts(after))


def test_crosswalk_between_two_packs_neither_of_them_the_drafts(capsys):
    argv = ["crosswalk", str(COMPLETE_EU_FILE), "--jurisdiction", "utah_ai_lab", "--jurisdiction", "texas_traiga",
            "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [j["id"] for j in data["jurisdictions"]] == ["utah_ai_lab", "texas_traiga"]
    assert data["rows"] == []  # no crosswalk maps Utah to Texas
