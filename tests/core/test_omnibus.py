"""The law as of the pack's date, with the Digital Omnibus on AI (docs/law/omnibus.md): every date
names what it was checked against, the text that calls a date unchecked appears only for dates that
are, and the bans the Omnibus adds are never decided by an unsure answer read as "no". The golden
cases (cases/omnibus.yaml) state the classification itself."""

import shutil

import pytest

from app.results import report, wording
from app.results.document import result_document
from app.storage.drafts import Draft
from app.dossier import content as dossier
from app.dossier.texts import TEXT as DOSSIER_TEXT
from catalogue import tr
from forms.conditions import Truth
from forms.evaluation import Evaluation
from forms.loader import DEFAULT_PACK, PackError, load_pack
from risk_tiers.classify import classify
from tests.messages import in_pack_file, pack_item

NUDIFY_APP = {
    "system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
    "system.purpose": "Undresses uploaded photos.", "scope.territory": ["established_eu"],
    "role.roles": ["provider"], "prohibited.practices": ["intimate_content"],
    "prohibited.omnibus.material": ["intimate"], "prohibited.omnibus.consent": "no",
    "prohibited.omnibus.minor_edits": "no", "prohibited.omnibus.intended": "yes",
}
UNFILTERED_GENERATOR = {
    **NUDIFY_APP, "prohibited.omnibus.material": ["intimate", "child_abuse"],
    "prohibited.omnibus.national_law": "no", "prohibited.omnibus.intended": "no",
    "prohibited.omnibus.reproducible": "yes", "prohibited.intimate.safeguards": "no",
    "prohibited.omnibus.corrects_misuse": "no",
}
ABUSING_USER = {**UNFILTERED_GENERATOR, "role.roles": ["deployer"], "role.rebrands": "no", "role.modifies": "no",
                "role.repurposes": "no", "prohibited.omnibus.used_for": "yes"}
GENERATOR_ON_THE_MARKET = {
    "applicant.stage": "on_market", "system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
    "system.purpose": "Makes images.", "scope.territory": ["established_eu"], "role.roles": ["provider"],
    "prohibited.practices": ["none"], "annex3.areas": ["none"], "transparency.generates": ["image"],
    "transparency.assistive_only": "no", "transparency.crime_law": "no", "transparency.placed_before": "yes",
}
BANS = ("prohibited.intimate_images", "prohibited.child_abuse_material")


def test_every_date_names_the_source_it_was_checked_against(pack):
    assert pack.dates and all(date.source.strip() for date in pack.dates)


def test_an_unverified_date_without_a_source_does_not_load(tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    dates = folder / "classification" / "dates.yaml"
    text = dates.read_text(encoding="utf-8")
    start = text.index("  - id: annex3_high_risk")
    source = text.index("    source:", start)
    dates.write_text(text[:source] + text[text.index("\n", source) + 1:], encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value) == in_pack_file(dates.resolve(), tr(
        "packs.check.date_source", item=pack_item("date", "annex3_high_risk"), source="source"))


def test_the_bans_apply_on_the_day_the_law_is_current_to(pack):
    """A ban encoded as applying must already apply on the pack's date: its duties' dates are not later."""
    dates = {d.id: d.date for d in pack.dates}
    banned = [o for o in pack.obligations if o.id.startswith("prohibited.")]
    assert banned
    for obligation in banned:
        for date_id in [c.date for c in obligation.dates] + [obligation.date]:
            assert date_id is None or dates[date_id] <= pack.law_current_to, obligation.id


@pytest.mark.parametrize("answers", [NUDIFY_APP, UNFILTERED_GENERATOR, ABUSING_USER],
                         ids=["intended", "unsafeguarded", "user"])
def test_no_single_unsure_answer_settles_a_ban_as_not_applying(pack, answers):
    fired = [rule for rule in BANS if Evaluation(pack, answers).rule(rule) is Truth.TRUE]
    assert fired
    for qid, value in answers.items():
        if value not in ("yes", "no"):
            continue
        evaluation = Evaluation(pack, {**answers, qid: "unsure"})
        for rule in fired:
            assert evaluation.rule(rule) is not Truth.FALSE, f"{qid} unsure settled {rule} as not applying"


def test_an_unverified_dates_open_point_quotes_its_source(pack):
    dates = {d.id: d for d in pack.dates}
    points = [p for p in classify(pack, NUDIFY_APP).open_points if p.kind == "law"]
    assert [p.date for p in points] == ["art5_omnibus"]
    assert dates["art5_omnibus"].source in wording.open_point_text(pack, points[0])


@pytest.mark.parametrize("placed_before, verified", [("yes", False), ("no", True)])
def test_the_report_calls_a_date_unchecked_only_when_it_is(pack, placed_before, verified):
    assessment = classify(pack, {**GENERATOR_ON_THE_MARKET, "transparency.placed_before": placed_before})
    [duty] = [o for o in assessment.obligations if o.id == "transparency.mark_outputs"]
    assert duty.verified is verified
    [part] = [o for o in result_document(pack, Draft.new(pack), assessment).obligations if o.id == duty.id]
    line = "\n".join(report.obligation_lines(part))
    assert (report.TEXT["unverified"] in line) is not verified
    law_points = [p for p in assessment.open_points if p.kind == "law"]
    assert bool(law_points) is not verified


@pytest.mark.parametrize("placed_before, verified", [("yes", False), ("no", True)])
def test_the_dossier_calls_a_date_unchecked_only_when_it_is(pack, placed_before, verified):
    assessment = classify(pack, {**GENERATOR_ON_THE_MARKET, "transparency.placed_before": placed_before})
    [duty] = [o for o in assessment.obligations if o.id == "transparency.mark_outputs"]
    sources: dict[str, int] = {}
    dossier._when(duty, sources)
    [note] = sources
    unchecked = DOSSIER_TEXT["unverified"].format(source=duty.source)
    assert (unchecked in note) is not verified
