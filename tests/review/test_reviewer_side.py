"""What the reviewer's view stands on, without Qt: a folder reviewed in batches that the register
keeps as they come, the register's rows of several dossiers at once, the table's rows (severity,
search, sorting), results in words, and one dossier read in full (answers, result, signature)."""

from __future__ import annotations

import json

import pytest

from app.review.detail import read_detail
from app.review.dossier_review import DossierReview, Status, review_dossier
from app.review.folder import review_batches, review_path
from app.review.register import Register
from app.review.rows import ReviewRow, Severity, matches, rows_of, severity, sort_value
from app.review.shelf import PackShelf
from app.review.wording import ResultWords
from tests.review import dossiers


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return dossiers.sample_dossiers(tmp_path_factory.mktemp("made"))


@pytest.fixture
def inbox(made, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    dossiers.copy(made["cv"], folder / "a good.pdf")
    dossiers.copy(made["chatbot"], folder / "b chatbot.pdf")
    dossiers.with_changed_data(made["cv"], folder / "c changed.pdf", "TalentLens B.V.", "Other B.V.")
    (folder / "d letter.txt").write_text("Dear reviewer,\n", encoding="utf-8")
    return folder


@pytest.fixture
def register(tmp_path):
    with Register.open(f"sqlite:///{tmp_path / 'register.sqlite3'}") as opened:
        yield opened


# --- a folder in batches ---

def test_a_folder_comes_in_batches_each_kept_in_the_register_before_it_is_given(inbox, register):
    shelf, given = PackShelf.discover(), []
    for batch in review_batches(inbox, shelf, register, every=0):
        given += batch.reviews
        assert (batch.done, batch.total) == (len(given), 4)
        assert {str(inbox / r.file) for r in given} <= set(register.known_files())  # kept before given
    assert [f.split("/")[-1] for f in (r.file for r in given)] == ["a good.pdf", "b chatbot.pdf", "c changed.pdf",
                                                                   "d letter.txt"]
    again = review_path(inbox, shelf, register)
    assert (again.read, again.remembered) == (0, 4)
    assert [r.status for r in again.reviews] == [r.status for r in given]


def test_without_a_pause_a_folder_is_one_batch_and_an_empty_one_says_so(inbox, tmp_path):
    batches = list(review_batches(inbox, PackShelf.discover()))
    assert [(len(b.reviews), b.read, b.done, b.total) for b in batches] == [(4, 4, 4, 4)]
    (tmp_path / "empty").mkdir()
    assert [(b.reviews, b.done, b.total) for b in review_batches(tmp_path / "empty", PackShelf.discover())] == \
        [([], 0, 0)]


def test_a_review_stopped_half_way_keeps_what_was_given_and_forgets_nothing(inbox, register):
    shelf = PackShelf.discover()
    review_path(inbox, shelf, register)
    (inbox / "d letter.txt").unlink()
    (inbox / "e new.pdf").write_bytes((inbox / "a good.pdf").read_bytes())
    batches = review_batches(inbox, shelf, register, every=0)
    first = next(batches)
    batches.close()  # the reviewer chose another folder
    assert first.reviews[0].status is Status.OK
    known = register.known_files()
    assert str(inbox / "d letter.txt") in known  # forgotten only when a look at the folder ends
    assert str(inbox / "e new.pdf") not in known


def test_the_register_gives_the_rows_of_several_dossiers_at_once(register_url, made, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    dossiers.copy(made["cv"], folder / "cv.pdf")
    dossiers.copy(made["chatbot"], folder / "chatbot.pdf")
    (folder / "letter.txt").write_text("hello", encoding="utf-8")
    with Register.open(register_url) as register:
        reviews = review_path(folder, PackShelf.discover(), register).reviews
        keys = [r.fingerprint for r in reviews if r.draft_id]
        register.set_review_status(keys[0], "in_review", "ana")
        found = register.dossiers(keys + ["f" * 64, keys[0]])
        assert set(found) == set(keys)
        assert found[keys[0]]["review_status"] == "in_review" and found[keys[1]]["review_status"] == "received"
        rows = rows_of(reviews, found)
    assert [(row.review_status, bool(row.received)) for row in rows] == \
        [("in_review", True), ("received", True), ("", False)]
    assert rows[2].fingerprint == "" and rows[0].fingerprint == keys[0]


# --- rows ---

def test_each_status_has_a_severity_and_sorts_most_serious_first():
    assert severity(Status.OK) is Severity.OK
    assert severity(Status.TODAY_DIFFERS) is Severity.NOTE and severity(Status.KIT_MISSING) is Severity.NOTE
    assert {severity(s) for s in (Status.NOT_PDF, Status.CHANGED, Status.DIFFERS, Status.SIGNATURE_BROKEN)} == \
        {Severity.PROBLEM}
    order = sorted(Status, key=lambda s: sort_value(ReviewRow(DossierReview("x", s)), "status"))
    assert order[0] is Status.UNREADABLE and order[-1] is Status.OK


def test_a_search_needs_every_word_in_some_cell_whatever_the_case():
    cells = ["TalentLens B.V.", "TalentLens CV ranking", "High-risk"]
    assert matches(cells, "") and matches(cells, "  ")
    assert matches(cells, "talentlens high") and matches(cells, "CV RANK")
    assert not matches(cells, "talentlens minimal")


def test_numbers_review_statuses_and_times_sort_as_such(made):
    review = review_dossier(made["cv"], PackShelf.discover())
    row = ReviewRow(review, "2026-10-01T12:00:00+00:00", "accepted")
    assert sort_value(row, "open_points") == review.current.open_points
    assert sort_value(ReviewRow(DossierReview("x", Status.NOT_PDF)), "open_points") == -1
    assert sort_value(row, "review_status") > sort_value(ReviewRow(review, "", "received"), "review_status")
    assert sort_value(row, "received") == "2026-10-01T12:00:00+00:00"
    assert sort_value(row, "applicant") is None  # by its words


def test_results_are_worded_by_the_pack_and_ranked_gravest_first(made):
    shelf = PackShelf.discover()
    words = ResultWords(shelf)
    cv, chatbot = (review_dossier(made[name], shelf) for name in ("cv", "chatbot"))
    track = shelf.today("eu_ai_act").pack.tracks[0]
    assert words.result(cv, cv.recomputed) == track.outcome("high_risk").label
    assert words.rank(cv, cv.recomputed) < words.rank(chatbot, chatbot.recomputed)
    assert words.rank(cv, None) == -1 and words.result(cv, None) == "" and words.could_be(cv, None) == ""


# --- one dossier in full ---

def test_a_dossier_is_read_in_full_with_the_pack_version_it_records(made):
    shelf = PackShelf.discover()
    review = review_dossier(made["cv"], shelf)
    detail = read_detail(made["cv"], review, shelf)
    assert detail.problem == "" and detail.signature is None and detail.signature_problem == ""
    document = detail.document
    assert (document.pack_id, document.pack_version) == (review.pack_id, review.pack_version)
    example = json.loads((dossiers.EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    noted = {qid: answer["note"] for qid, answer in example["answers"].items() if answer.get("note")}
    shown = {a.question: a.note for section in document.sections for a in section.answers if a.note}
    assert noted and shown == noted
    assert document.completeness.complete and detail.attachments == ()


def test_a_signed_dossier_is_read_with_its_signer_and_the_trust_given(made, tmp_path):
    from app.dossier.signature import Integrity, Trust, trusted_certificates

    shelf = PackShelf.discover()
    roots = trusted_certificates([made["ca"]], folder=tmp_path / "none")
    review = review_dossier(made["signed"], shelf, trust_roots=roots)
    check = read_detail(made["signed"], review, shelf, roots).signature
    assert (check.signer, check.organisation, check.trust, check.integrity) == ("Ada Applicant", "Acme AI",
                                                                               Trust.TRUSTED, Integrity.INTACT)
    assert check.signed_at is not None
    assert read_detail(made["signed"], review, shelf).signature.trust is Trust.UNKNOWN_ISSUER


def test_a_file_changed_since_its_review_is_not_shown_under_it(made, tmp_path):
    shelf = PackShelf.discover()
    path = dossiers.copy(made["cv"], tmp_path / "dossier.pdf")
    review = review_dossier(path, shelf)
    dossiers.copy(made["chatbot"], path)
    detail = read_detail(path, review, shelf)
    assert detail.document is None and "changed since it was reviewed" in detail.problem


def test_what_is_no_dossier_or_of_an_unknown_pack_says_why_and_raises_nothing(made, tmp_path):
    shelf = PackShelf.discover()
    letter = tmp_path / "letter.txt"
    letter.write_text("hello", encoding="utf-8")
    detail = read_detail(letter, review_dossier(letter, shelf), shelf)
    assert (detail.document, detail.problem, detail.signature) == (None, "", None)
    robot = review_dossier(made["robot"], shelf)
    detail = read_detail(made["robot"], robot, shelf)
    assert detail.document is None and detail.draft is not None and "robot_law" in detail.problem
    gone = read_detail(tmp_path / "gone.pdf", review_dossier(made["cv"], shelf), shelf)
    assert gone.document is None and gone.problem


def test_a_dossier_of_a_kit_shows_the_documents_added_by_the_kit_s_names_and_those_missing(tmp_path):
    from app.kits.kit import load_kit
    from app.kits.shelf import remember
    from app.dossier.export import export_dossier
    from app.storage.attachments import keep_file
    from app.storage.drafts import Lock, load_draft

    kit = load_kit(dossiers.ROOT / "resources" / "kits" / "nordland.sandboxkit")
    plan = tmp_path / "bias test plan.pdf"
    plan.write_bytes(b"%PDF-1.4 a plan")
    draft = load_draft(dossiers.EXAMPLES / "cv_screening.json")
    draft = draft.model_copy(update={"lock": Lock.of(kit.base, kit.made), "attachments": [keep_file(plan, "test_plan")]})
    out = tmp_path / "kit.pdf"
    export_dossier(draft, kit.pack, out, kit=kit)
    remember(kit)  # the reviewer has opened the kit once
    shelf = PackShelf.discover()
    review = review_dossier(out, shelf)
    detail = read_detail(out, review, shelf)
    assert detail.problem == "" and detail.document.pack_id == kit.pack.id
    names = {a.id: a.title for a in kit.manifest.attachments}
    assert [(a.name, a.kind, a.size) for a in detail.attachments] == [("bias test plan.pdf", names["test_plan"], 15)]
    assert detail.missing == (names["technical_documentation"],)
