"""The crosswalk as data (forms/crosswalks.py) and the evidence reuse it gives
(app/results/crosswalk.py, `python main.py crosswalk`): every shipped file loads and fits its packs,
a broken one fails in one line naming its file, and an applicant with a complete EU file sees which
Utah and Texas showings its answers already cover and which they do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.commands.main import main
from app.results.crosswalk import crosswalk_report
from app.results.jurisdictions import compose
from app.storage.drafts import load_draft
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


def test_each_shipped_crosswalk_loads_fits_its_packs_and_names_every_evidence():
    assert [path.name for path in crosswalk_files()] == [
        "eu_ai_act__china_ai.yaml", "eu_ai_act__texas_traiga.yaml", "eu_ai_act__utah_ai_lab.yaml"]
    for crosswalk in shipped_crosswalks():
        packs = {pack.id: pack for pack in _packs(*crosswalk.packs)}
        check_against(crosswalk_path(crosswalk), crosswalk, packs)
        assert {row.relation for row in crosswalk.rows} <= set(RELATIONS)
        assert all(row.note for row in crosswalk.rows if row.relation != "same")
    for evidence in EVIDENCE:
        assert tr(f"crosswalk.evidence.{evidence}")


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
    assert [j["id"] for j in data["jurisdictions"]] == ["eu_ai_act", "china_ai", "texas_traiga", "utah_ai_lab"]
    assert main(["crosswalk", str(COMPLETE_EU_FILE), "--jurisdiction", "eu_ai_act", "--jurisdiction",
                 "utah_ai_lab"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == tr("crosswalk.heading", first=_packs("eu_ai_act")[0].title,
                          others=_packs("utah_ai_lab")[0].title)
    assert tr("crosswalk.evidence.sandbox_plan") in lines
    assert "recognition" not in " ".join(lines[1:]).lower()


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
