"""A dossier of a draft that targets several jurisdictions, as the wizard saves it (the shared facts
answered once, under their own ids): its result is the one the wizard showed (each question that
stands for a shared fact reading the fact's answer), a reviewer's check finds it unchanged, and the
review carries the result under each other jurisdiction, whose words the table shows."""

from __future__ import annotations


from app.dossier.export import export_dossier
from app.dossier.targets import targets
from app.results.composed import primary_draft
from app.results.document import result_document
from app.review.detail import read_detail
from app.review.dossier_review import DossierReview, Status, review_dossier
from app.review.shelf import PackShelf
from app.review.wording import ResultWords
from risk_tiers.classify import classify
from tests.review.several import TARGETED, several_draft


def test_the_own_result_reads_the_shared_facts_answers(pack):
    draft = several_draft(pack)
    assert "core.organisation" in draft.answers and "applicant.organisation" not in draft.answers
    own = primary_draft(draft, pack)
    assert own.answers["applicant.organisation"] == draft.answers["core.organisation"]
    document = result_document(pack, own, classify(pack, own.values()))
    assert document.completeness.complete == targets(draft, pack).documents[0].completeness.complete
    assert targets(draft, pack).documents[0].headline == document.headline


def test_a_reviewer_finds_the_dossier_unchanged_with_each_jurisdictions_result(pack, tmp_path):
    draft = several_draft(pack)
    export_dossier(draft, pack, tmp_path / "several.pdf")
    shelf = PackShelf.discover()
    review = review_dossier(tmp_path / "several.pdf", shelf)
    assert review.status is Status.OK, review.message
    assert [r.pack_id for r in review.jurisdictions] == list(TARGETED[1:])
    assert DossierReview.from_json(review.to_json()) == review  # as the register keeps it
    found = targets(draft, pack)
    words = ResultWords(shelf).jurisdictions(review)
    for shown, document in zip(words, found.documents[1:]):
        assert document.pack_short_title in shown and document.headline.title in shown
    detail = read_detail(tmp_path / "several.pdf", review, shelf)
    assert [d.pack_id for d in detail.jurisdictions] == list(TARGETED)
    assert [d.headline for d in detail.jurisdictions] == [d.headline for d in found.documents]
    assert detail.crosswalk == found.crosswalk and detail.crosswalk.rows
    assert detail.document.headline == found.documents[0].headline


def test_a_dossier_of_one_jurisdiction_has_none(pack, tmp_path):
    from app.storage.drafts import load_draft
    from tests.review.several import EXAMPLE

    export_dossier(load_draft(EXAMPLE), pack, tmp_path / "one.pdf")
    shelf = PackShelf.discover()
    review = review_dossier(tmp_path / "one.pdf", shelf)
    assert review.status is Status.OK and review.jurisdictions == ()
    detail = read_detail(tmp_path / "one.pdf", review, shelf)
    assert detail.jurisdictions == () and detail.crosswalk is None and not detail.jurisdictions_problem


def test_a_jurisdiction_whose_pack_is_not_here_is_said_in_one_line(pack):
    from app.review.detail import DossierDetail, _jurisdictions
    from app.storage.drafts import Draft

    draft = Draft.model_validate({**several_draft(pack, TARGETED[:2]).model_dump(),
                                  "jurisdictions": [TARGETED[0], "atlantis_ai"]})
    shelf = PackShelf.discover()
    detail = _jurisdictions(DossierDetail(DossierReview(file="d.pdf", status=Status.OK)), draft, shelf,
                            shelf.questionnaire(pack, draft.jurisdictions))
    assert detail.jurisdictions == () and detail.crosswalk is None
    assert "atlantis_ai" in detail.jurisdictions_problem and len(detail.jurisdictions_problem.splitlines()) == 1


def test_what_changed_since_a_review_is_of_the_answers_as_saved(pack, tmp_path):
    """The own result reads the shared facts under its questions; what changed since a review is
    still told of the draft's answers as the reviewer saw them: one answer changed, one change."""
    import datetime as dt
    import json

    from app.formats.files import export_json
    from app.storage.feedback import Feedback, Reviewed

    draft = several_draft(pack)
    seen = {**draft.values(), "core.organisation": "Kredito Old Name UAB"}
    reviewed = Reviewed(fingerprint="0" * 64, draft_id=draft.id, answers=seen)
    draft = draft.model_copy(update={"feedback": Feedback(dossier=reviewed, written=dt.datetime(2026, 11, 1))})
    export_json(draft, pack, tmp_path / "d.json")
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert [c["question"] for c in found["result"]["since_review"]["changes"]] == ["core.organisation"]
    assert found["result"]["applicant"] == draft.answers["core.organisation"].value


def test_the_review_command_gives_each_other_jurisdictions_result(pack, tmp_path, capsys):
    """`review`: the CSV's and JSON's `jurisdictions` name each other law's outcome by ids, and the
    table for people says each one's result in words on a line of its own."""
    import csv
    import json

    from app.commands.main import main

    (tmp_path / "in").mkdir()
    export_dossier(several_draft(pack), pack, tmp_path / "in" / "several.pdf")
    expected = [(d.pack_id, d.pack_version, d.primary.outcome)
                for d in (review_dossier(tmp_path / "in" / "several.pdf", PackShelf.discover()).jurisdictions)]
    assert [pack_id for pack_id, _, _ in expected] == list(TARGETED[1:])
    register = ["--register", f"sqlite:///{tmp_path / 'register.db'}"]
    assert main(["review", str(tmp_path / "in"), "--csv", str(tmp_path / "rows.csv"), *register]) == 0
    with open(tmp_path / "rows.csv", newline="", encoding="utf-8") as stream:
        row = next(csv.DictReader(stream))
    assert row["jurisdictions"].split() == [f"{pack_id}:{outcome}" for pack_id, _, outcome in expected]
    capsys.readouterr()
    assert main(["review", str(tmp_path / "in"), "--json", *register]) == 0
    found = json.loads(capsys.readouterr().out)[0]["details"]["jurisdictions"]
    assert [(j["pack"]["id"], j["pack"]["version"], j["tier"]) for j in found] == expected
    assert main(["review", str(tmp_path / "in"), *register]) == 0
    printed = capsys.readouterr().out
    review = review_dossier(tmp_path / "in" / "several.pdf", PackShelf.discover())
    for words in ResultWords(PackShelf.discover()).jurisdictions(review):
        assert words in printed


def test_the_review_names_the_applicant_and_system_by_the_shared_facts_answers(pack, tmp_path):
    """The wizard saves the organisation and the system's name only as shared facts' answers: the
    review, its register row and the feedback file name them by those answers."""
    from app.review.comments import feedback_for
    from app.review.folder import review_path
    from app.review.location import sqlite_url
    from app.review.register import Register

    draft = several_draft(pack)
    assert (draft.applicant, draft.system_name) == ("", "")  # as the wizard saves it
    export_dossier(draft, pack, tmp_path / "several.pdf")
    shelf = PackShelf.discover()
    with Register.open(sqlite_url(tmp_path / "register.db")) as register:
        review = review_path(tmp_path / "several.pdf", shelf, register).reviews[0]
        assert review.applicant == draft.answers["core.organisation"].value
        assert review.system == draft.answers["core.system_name"].value
        feedback = feedback_for(register, read_detail(tmp_path / "several.pdf", review, shelf), "Ana")
    assert (feedback.dossier.applicant, feedback.dossier.system) == (review.applicant, review.system)


def test_the_reviewer_counts_the_answers_the_own_pack_requires(pack, tmp_path):
    """The authority reviews the application to its own sandbox: the review counts the required
    questions of the draft's own pack (the shared facts' answers read under them), not those of the
    questionnaire composed for every jurisdiction the draft targets, which the wizard counts."""
    from app.results.composed import asked_pack, questionnaire_for
    from forms.evaluation import Evaluation

    def required(asking, answers) -> set[str]:
        evaluation = Evaluation(asking, answers)
        return {qid for qid in evaluation.visible_questions if evaluation.index.questions[qid].required}

    draft = several_draft(pack)
    export_dossier(draft, pack, tmp_path / "several.pdf")
    review = review_dossier(tmp_path / "several.pdf", PackShelf.discover())
    own = required(pack, primary_draft(draft, pack).values())
    composed = required(asked_pack(pack, questionnaire_for(pack, draft.jurisdictions)), draft.values())
    own_questions = {q.id for section in pack.sections for q in section.questions}
    assert own <= own_questions and composed - own_questions  # the composed one asks other laws' questions
    assert review.required == len(own) != len(composed)
    assert review.given == review.required - len(Evaluation(pack, primary_draft(draft, pack).values()).missing_required())


def test_a_jurisdiction_with_no_answers_reads_not_assessed_yet(pack):
    """As the wizard and the workspace say it: the other pack's own "not assessed" headline."""
    from app.dossier.result_record import ResultRecord
    from app.review.wording import TEXT

    shelf = PackShelf.discover()
    utah = shelf.today("utah_ai_lab").pack
    record = ResultRecord.of(classify(utah, {}))
    assert not record.assessed and utah.not_assessed_text is not None
    review = DossierReview(file="d.pdf", status=Status.OK, pack_id=pack.id, pack_version=pack.version,
                           jurisdictions=(record,))
    assert ResultWords(shelf).jurisdictions(review) == [TEXT["jurisdiction_result"].format(
        title=utah.short_title, result=utah.not_assessed_text.label)]
    own = ResultRecord.of(classify(pack, {}))
    assert ResultWords(shelf).result(review, own) == pack.not_assessed_text.label


def test_a_kept_review_is_made_again_when_another_targeted_pack_changes(pack, tmp_path):
    """The register keeps a review under the packs of every jurisdiction the draft targets, those
    given as `review --pack` too: a given Utah pack changed makes it again, nothing changed does not."""
    import shutil

    from app.review.folder import review_path
    from app.review.location import sqlite_url
    from app.review.register import Register
    from tests.review.several import ROOT

    (tmp_path / "in").mkdir()
    export_dossier(several_draft(pack), pack, tmp_path / "in" / "several.pdf")
    given = tmp_path / "packs" / "utah_ai_lab"
    shutil.copytree(ROOT / "forms" / "packs" / "utah_ai_lab", given)
    manifest = given / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('version: "1.0.0"', 'version: "9.0.0"', 1),
                        encoding="utf-8")

    def review_again():
        with Register.open(sqlite_url(tmp_path / "register.db")) as register:
            return review_path(tmp_path / "in", PackShelf.discover([given]), register)

    first = review_again()
    assert first.read == 1
    utah = next(r for r in first.reviews[0].jurisdictions if r.pack_id == "utah_ai_lab")
    assert utah.pack_version == "9.0.0"  # the pack given, not only those installed
    assert first.reviews[0].targeted == TARGETED
    again = review_again()
    assert (again.read, again.remembered) == (0, 1) and again.reviews[0] == first.reviews[0]
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('version: "9.0.0"', 'version: "9.0.1"', 1),
                        encoding="utf-8")
    changed = review_again()
    assert changed.read == 1
    assert next(r for r in changed.reviews[0].jurisdictions if r.pack_id == "utah_ai_lab").pack_version == "9.0.1"
