"""A draft file's summary: whom and what it is about, its result as the headline words it, how
complete it is; protected files show only that, damaged and unusable ones say what is wrong."""

from __future__ import annotations

import json

import pytest

from app.results.jurisdictions import assess, compose
from app.storage.drafts import load_draft
from app.workspace.summary import State, summarise
from catalogue import table
from tests.workspace.conftest import EXAMPLES, PASSPHRASE, several_draft, undecided_draft, write_draft


@pytest.mark.parametrize("example, client, system, tier", [
    ("cv_screening.json", "TalentLens B.V.", "TalentLens CV ranking", "high_risk"),
    ("credit_scoring.json", "Kredito Lending UAB", "Kredito consumer credit score", "high_risk"),
    ("customer_chatbot.json", "Helpdesk Oy", "Aino customer-service chatbot", "transparency"),
    ("demand_forecaster.json", "Nordlager Logistik GmbH", "StockSense demand forecaster", "minimal"),
])
def test_an_example_reads_with_its_names_result_and_completeness(packs, example, client, system, tier):
    summary = summarise((EXAMPLES / example).read_bytes(), example, packs)
    assert summary.state is State.READ and not summary.protected
    assert (summary.client, summary.system, summary.tier) == (client, system, tier)
    assert summary.tier_label and summary.could_be == () and summary.colour
    assert summary.required > 0 and summary.complete is True
    assert summary.kit == "" and summary.pack == "eu_ai_act" and summary.deadline == ""
    assert summary.draft_id == json.loads((EXAMPLES / example).read_text(encoding="utf-8"))["id"]
    (own,) = summary.jurisdictions  # its own pack's alone, the summary's result
    assert (own.pack, own.tier, own.tier_label, own.could_be) == ("eu_ai_act", tier, summary.tier_label, ())


@pytest.mark.parametrize("others", [("utah_ai_lab",), ("colorado_admt", "texas_traiga")])
def test_a_draft_for_several_jurisdictions_reads_each_ones_result_as_the_wizard_does(packs, tmp_path, others):
    path = several_draft(tmp_path / "several.json", *others)
    summary = summarise(path.read_bytes(), "several.json", packs)
    assert summary.state is State.READ
    assert [j.pack for j in summary.jurisdictions] == ["eu_ai_act", *others]
    draft = load_draft(path)
    chosen = [packs.for_lock(draft.lock), *(packs.for_id(pack_id) for pack_id in others)]
    expected = assess(compose(chosen), draft.values())
    assert [(j.tier, j.could_be) for j in summary.jurisdictions] == [
        (r.assessment.primary.outcome if r.assessment.assessed else "", r.assessment.could_be) for r in expected]
    assert [j.title for j in summary.jurisdictions] == [pack.short_title for pack in chosen]
    assert all(j.tier_label for j in summary.jurisdictions)
    first = summary.jurisdictions[0]  # the summary's own result stays its own pack's
    assert (summary.tier, summary.tier_label, summary.could_be, summary.colour) == \
        (first.tier, first.tier_label, first.could_be, first.colour)


def test_a_draft_for_several_jurisdictions_counts_and_names_as_the_wizard_asks(packs, tmp_path):
    from app.results.composed import asked_pack, questionnaire_for
    from app.storage.draft_store import save_draft
    from forms.completeness import completeness
    from forms.evaluation import Evaluation

    draft = load_draft(several_draft(tmp_path / "asked.json", "utah_ai_lab"))
    # The composed questionnaire asks the organisation and the system's name once, as shared facts.
    for own, shared in (("applicant.organisation", "core.organisation"), ("applicant.system_name", "core.system_name")):
        if own in draft.answers:
            draft.answers[shared] = draft.answers.pop(own)
    draft.applicant = draft.system_name = ""  # the names only in the answers, as in a draft made now
    save_draft(draft, tmp_path / "asked.json", keep_backup=False)
    summary = summarise((tmp_path / "asked.json").read_bytes(), "asked.json", packs)
    assert summary.state is State.READ
    assert (summary.client, summary.system) == ("TalentLens B.V.", "TalentLens CV ranking")
    pack = packs.for_lock(draft.lock)
    asked = asked_pack(pack, questionnaire_for(pack, draft.jurisdictions))
    found = completeness(Evaluation(asked, draft.values()))  # what the wizard counts
    assert (summary.required, summary.given) == (found.required, found.given)


def test_a_jurisdiction_whose_pack_is_not_here_says_so_and_hides_nothing(packs, tmp_path):
    path = several_draft(tmp_path / "gone.json", "no_such_pack")
    summary = summarise(path.read_bytes(), "gone.json", packs)
    assert summary.state is State.READ and summary.tier == "high_risk"
    own, gone = summary.jurisdictions
    assert (own.pack, own.tier) == ("eu_ai_act", "high_risk")
    assert (gone.pack, gone.tier, gone.could_be) == ("no_such_pack", "", ())
    assert gone.tier_label == table("workspace.problem")["jurisdiction_missing"]


def test_an_undecided_draft_reads_possibly_with_what_it_could_be(packs, tmp_path, pack):
    path = undecided_draft(tmp_path / "open.json")
    summary = summarise(path.read_bytes(), "open.json", packs)
    possible = pack.tracks[0].outcome(summary.could_be[0])
    assert possible is not None and possible.possibly
    assert summary.tier_label == possible.possibly  # "Possibly ...", never the settled lower tier
    assert summary.could_be_labels[0] == possible.label
    assert summary.complete is False and summary.given < summary.required
    assert summary.client == "Undecided Ltd"


def test_a_protected_draft_shows_only_that_without_its_passphrase(packs, tmp_path):
    path = write_draft(tmp_path / "secret.json", passphrase=PASSPHRASE)
    summary = summarise(path.read_bytes(), "secret.json", packs)
    assert summary.state is State.PROTECTED and summary.protected
    assert (summary.client, summary.system, summary.tier_label, summary.draft_id) == ("", "", "", "")
    assert summary.complete is None


def test_a_protected_draft_shows_its_details_with_its_passphrase(packs, tmp_path):
    path = write_draft(tmp_path / "secret.json", passphrase=PASSPHRASE)
    summary = summarise(path.read_bytes(), "secret.json", packs, PASSPHRASE)
    assert summary.state is State.READ and summary.protected and summary.client == "TalentLens B.V."
    wrong = summarise(path.read_bytes(), "secret.json", packs, "not it")
    assert wrong.state is State.PROTECTED and wrong.client == ""


@pytest.mark.parametrize("data", [
    b"{nope", b'{"format": "something else"}', b"\xff\xfe not text", b"[]",
    b'{"format": "sandbox-applicant-kit/protected-draft", "version": 1}',
])
def test_a_damaged_file_says_what_is_wrong_in_one_line(packs, data):
    summary = summarise(data, "bad.json", packs)
    assert summary.state is State.DAMAGED
    assert summary.problem and "\n" not in summary.problem and not summary.problem.startswith("bad.json")


def test_a_draft_no_installed_pack_reads_is_unusable_and_says_why(packs, tmp_path):
    data = json.loads((EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    data["lock"]["pack"]["id"] = "no_such_pack"
    summary = summarise(json.dumps(data).encode(), "x.json", packs)
    assert summary.state is State.UNUSABLE and "no_such_pack" in summary.problem
    assert summary.client == "TalentLens B.V."  # what the draft itself says is still shown


def test_a_draft_with_answers_its_pack_refuses_is_unusable(packs):
    data = json.loads((EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    data["answers"]["system.infers"] = {"value": 42, "note": ""}
    summary = summarise(json.dumps(data).encode(), "x.json", packs)
    assert summary.state is State.UNUSABLE and "system.infers" in summary.problem


def test_the_kit_comes_from_the_drafts_lock_and_one_never_seen_is_said(packs):
    data = json.loads((EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    data["lock"]["kit"] = {"id": "nl_sandbox", "version": "1.0", "hash": None}
    summary = summarise(json.dumps(data).encode(), "x.json", packs)
    assert summary.kit == "nl_sandbox" and summary.state is State.KIT_UNSEEN
    assert "nl_sandbox" in summary.kit_label and "nl_sandbox" in summary.problem and summary.client
