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
