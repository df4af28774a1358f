"""The dossier's cover names the applicant and the system from the answers the pack declares, and
says how complete the draft is; the missing answers are listed with the open points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.results.document import result_document
from app.dossier import content
from app.dossier.export import export_dossier
from app.dossier.texts import TEXT
from app.storage.drafts import Answer, Draft, load_draft
from forms.completeness import completeness
from forms.evaluation import Evaluation
from risk_tiers.classify import classify
from tests.dossier.sample import WHEN

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _rows(draft: Draft, pack) -> dict[str, str]:
    return dict(content.cover_rows(result_document(pack, draft, classify(pack, draft.values()))))


def _wizard_draft(pack, **answers) -> Draft:
    """A draft as the wizard makes it: the names only in the answers, none in the draft's own fields."""
    return Draft.new(pack, WHEN).model_copy(update={"answers": {qid: Answer(value=value)
                                                                for qid, value in answers.items()}})


def test_the_cover_names_applicant_and_system_from_the_declared_answers(pack):
    draft = _wizard_draft(pack, **{pack.applicant_name_question: "Acme Robotics SA",
                                   pack.system_name_question: "Sorter 3000"})
    rows = _rows(draft, pack)
    assert (rows[TEXT["applicant"]], rows[TEXT["system"]]) == ("Acme Robotics SA", "Sorter 3000")
    # the answers win over the fields a draft carried before the pack asked for the names
    older = draft.model_copy(update={"applicant": "Old name", "system_name": "Old system"})
    assert _rows(older, pack)[TEXT["system"]] == "Sorter 3000"


def test_a_draft_from_before_the_question_keeps_its_names_and_an_unnamed_one_says_so(pack):
    older = _wizard_draft(pack).model_copy(update={"applicant": "Old name", "system_name": "Old system"})
    assert (_rows(older, pack)[TEXT["applicant"]], _rows(older, pack)[TEXT["system"]]) == ("Old name", "Old system")
    unnamed = _rows(_wizard_draft(pack, **{pack.system_name_question: "   "}), pack)
    assert unnamed[TEXT["applicant"]] == unnamed[TEXT["system"]] == TEXT["not_given"]


def test_the_cover_states_how_many_required_answers_are_given(pack):
    complete = load_draft(EXAMPLE)
    found = completeness(Evaluation(pack, complete.values()))
    assert found.complete
    assert _rows(complete, pack)[TEXT["completeness"]] == TEXT["complete"].format(required=found.required)
    incomplete = complete.model_copy(deep=True)
    del incomplete.answers["plan.exit_report"]
    found = completeness(Evaluation(pack, incomplete.values()))
    assert (found.given, found.required - found.given) == (found.required - 1, 1)
    assert _rows(incomplete, pack)[TEXT["completeness"]] == TEXT["incomplete"].format(
        given=found.given, required=found.required, missing=1, section=TEXT["missing"])


@pytest.fixture(scope="module")
def wizard_dossier(tmp_path_factory, pack):
    """The CV-screening answers as the wizard saves them (no names outside the answers), with two
    required answers left out."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["applicant"] = data["system_name"] = ""
    for gone in ("plan.exit_report", "applicant.why_sandbox"):
        del data["answers"][gone]
    draft = Draft.model_validate(data)
    path = tmp_path_factory.mktemp("cover") / "dossier.pdf"
    export_dossier(draft, pack, path)
    return draft, PdfReader(str(path))


def test_a_wizard_made_dossier_names_its_applicant_and_system_on_the_cover_and_in_its_metadata(wizard_dossier, pack):
    draft, reader = wizard_dossier
    applicant = draft.answers[pack.applicant_name_question].value
    system = draft.answers[pack.system_name_question].value
    cover = _flat(reader.pages[0].extract_text())
    assert applicant in cover and system in cover
    assert reader.metadata.author == applicant and system in reader.metadata.title


def test_the_missing_answers_are_listed_with_the_open_points(wizard_dossier, pack):
    _, reader = wizard_dossier
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    start = text.rindex(TEXT["missing"])  # the heading itself, not its line in the contents
    end = text.index(TEXT["open_points"], start)
    questions = {q.id: q.text for s in pack.sections for q in s.questions}
    for gone in ("plan.exit_report", "applicant.why_sandbox"):
        assert start < text.index(_flat(questions[gone]), start) < end, gone
