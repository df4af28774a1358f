"""One dossier reviewed: the fingerprint checked, the draft inside read, the result printed compared
with the answers classified again (with the pack version the draft records and with today's), and
every kind of bad file given a status of its own instead of an error."""

from __future__ import annotations

import json
import os

import pytest

from app.dossier import export
from app.dossier.result_record import ResultRecord
from app.review import dossier_review
from app.review.comparison import (HEADLINE, OPEN_POINTS, OUTCOME, PRINTED_RECOMPUTED, PRINTED_TODAY,
                                   RECOMPUTED_TODAY, Difference)
from app.review.dossier_review import DossierReview, Status, review_dossier
from app.review.shelf import PackShelf
from forms.loader import default_pack
from tests.dossier.certificates import PASSPHRASE, make_certificates
from tests.review import dossiers


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The dossiers every test starts from: an example of the shipped pack, and one of robot_law 2.1."""
    folder = tmp_path_factory.mktemp("made")
    cv = dossiers.export_example("cv_screening", folder / "cv.pdf")
    robot, _ = dossiers.export_robot(folder / "robot.pdf")
    return {"cv": cv, "robot": robot, "folder": folder}


def reviewed(path) -> DossierReview:
    return review_dossier(path, PackShelf.discover())


def test_a_good_dossier_is_ok_and_says_who_applies_for_what(made):
    review = reviewed(made["cv"])
    assert review.status is Status.OK and review.message == ""
    assert review.fingerprint_valid is True and review.signature == "unsigned"
    assert (review.applicant, review.system) == ("TalentLens B.V.", "TalentLens CV ranking")
    assert (review.pack_id, review.pack_version) == ("eu_ai_act", default_pack().version)
    assert review.printed == review.recomputed and review.recomputed.primary.outcome == "high_risk"
    assert review.today is None and review.differences == ()
    assert review.complete is True and review.required == review.given > 0


def test_a_dossier_whose_data_was_changed_says_so_and_still_shows_what_is_inside(made, tmp_path):
    changed = dossiers.with_changed_data(made["cv"], tmp_path / "changed.pdf", "TalentLens B.V.", "Evil B.V.")
    review = reviewed(changed)
    assert review.status is Status.CHANGED and review.fingerprint_valid is False
    assert review.applicant == "Evil B.V." and review.recomputed is not None
    assert "changed" in review.message and "\n" not in review.message


def test_a_dossier_without_its_fingerprint_says_so(made, tmp_path):
    review = reviewed(dossiers.with_metadata(made["cv"], tmp_path / "bare.pdf", SandboxKitFingerprint=None))
    assert review.status is Status.NO_FINGERPRINT and review.fingerprint_valid is False


def test_a_printed_result_that_its_answers_do_not_give_is_flagged(made, tmp_path):
    printed = ResultRecord.parse(dossiers.metadata(made["cv"])["/SandboxKitResult"]).to_json()
    printed["tracks"][0]["outcome"], printed["open_points"] = "minimal", 0
    forged = dossiers.with_metadata(made["cv"], tmp_path / "forged.pdf", SandboxKitResult=json.dumps(printed))
    review = reviewed(forged)
    assert review.status is Status.DIFFERS and review.fingerprint_valid is True
    assert Difference(PRINTED_RECOMPUTED, OUTCOME, "tier", "minimal", "high_risk") in review.differences
    assert Difference(PRINTED_RECOMPUTED, OPEN_POINTS, "", "0", "1") in review.differences


def test_an_older_dossier_is_compared_by_its_headline_and_says_its_result_is_not_machine_readable(made, tmp_path):
    older = dossiers.with_metadata(made["cv"], tmp_path / "older.pdf", SandboxKitResult=None)
    review = reviewed(older)
    assert review.status is Status.PRINTED_UNREADABLE and review.printed is None
    assert review.printed_headline == "High-risk" and review.differences == ()
    assert "not machine-readable" in review.message
    relabelled = dossiers.with_metadata(older, tmp_path / "relabelled.pdf",
                                        Subject="Self-assessment under the EU AI Act: Minimal risk")
    review = reviewed(relabelled)
    assert review.status is Status.DIFFERS
    assert review.differences == (Difference(PRINTED_RECOMPUTED, HEADLINE, "", "Minimal risk", "High-risk"),)


@pytest.mark.parametrize("make, status", [
    (lambda made, out: out.write_bytes(b"col1,col2\n1,2\n") and out, Status.NOT_PDF),
    (lambda made, out: dossiers.truncated(made["cv"], out), Status.DAMAGED),
    (lambda made, out: out.write_bytes(b"%PDF-1.4\n" + os.urandom(3000)) and out, Status.DAMAGED),
    (lambda made, out: dossiers.other_tool_pdf(out), Status.NO_DRAFT),
    (lambda made, out: dossiers.bomb(made["cv"], out), Status.INFLATES),
    (lambda made, out: dossiers.crafted(out, b"{not json"), Status.BAD_DRAFT),
    (lambda made, out: dossiers.crafted(out, "draft".encode("utf-16")), Status.BAD_DRAFT),
    (lambda made, out: dossiers.crafted(out, json.dumps({"format": "other"}).encode()), Status.BAD_DRAFT),
    (lambda made, out: dossiers.crafted(out, dossiers.draft_json(dossiers.EXAMPLES / "cv_screening.json",
                                                                 format_version=99)), Status.NEWER_FORMAT),
    (lambda made, out: dossiers.crafted(out, dossiers.draft_json(
        dossiers.EXAMPLES / "cv_screening.json", pack={"id": "no_such_pack", "version": "1.0", "hash": None})),
     Status.UNKNOWN_PACK),
    (lambda made, out: dossiers.crafted(out, dossiers.draft_json(
        dossiers.EXAMPLES / "cv_screening.json", kit={"id": "no_such_kit", "version": "1.0", "hash": None})),
     Status.KIT_MISSING),
], ids=["csv", "truncated", "garbage_after_header", "other_tool", "bomb", "not_json", "not_utf8", "not_a_draft",
        "newer_format", "unknown_pack", "unknown_kit"])
def test_each_kind_of_bad_file_gets_its_status_and_a_one_line_reason(made, tmp_path, make, status):
    review = reviewed(make(made, tmp_path / "file.pdf"))
    assert review.status is status
    assert review.message and "\n" not in review.message


def test_a_file_that_is_gone_or_far_too_large_is_a_row_too(made, tmp_path, monkeypatch):
    assert reviewed(tmp_path / "gone.pdf").status is Status.UNREADABLE
    monkeypatch.setattr(export, "MAX_DOSSIER_BYTES", 1000)
    assert reviewed(made["cv"]).status is Status.TOO_BIG


def test_a_pack_the_reviewer_lacks_is_named_and_the_draft_still_read(made):
    review = reviewed(made["robot"])
    assert review.status is Status.UNKNOWN_PACK and "robot_law" in review.message
    assert review.applicant == "Robo Works" and review.recomputed is None


def test_the_pack_version_recorded_is_used_and_today_s_compared(made, private_data_dir):
    dossiers.install_robot_law(private_data_dir / "packs", "2.1")
    alone = reviewed(made["robot"])
    assert alone.status is Status.OK and alone.today is None
    dossiers.install_robot_law(private_data_dir / "packs", "2.2", threshold=500)
    review = reviewed(made["robot"])
    assert review.status is Status.TODAY_DIFFERS
    assert review.recomputed.pack_version == "2.1" and review.today.pack_version == "2.2"
    assert review.recomputed.primary.outcome == "licence_needed" and review.today.primary.outcome == "free"
    assert {(d.between, d.kind, d.track, d.before, d.after) for d in review.differences} == {
        (RECOMPUTED_TODAY, OUTCOME, "licence", "licence_needed", "free"),
        (RECOMPUTED_TODAY, OUTCOME, "reporting", "quarterly", "no_reporting")}


def test_a_pack_version_no_longer_installed_is_compared_with_today_s_only(made, private_data_dir):
    dossiers.install_robot_law(private_data_dir / "packs", "2.2", threshold=500)
    review = reviewed(made["robot"])
    assert review.status is Status.VERSION_MISSING and "2.1" in review.message and "2.2" in review.message
    assert review.recomputed is None and review.today.primary.outcome == "free"
    assert Difference(PRINTED_TODAY, OUTCOME, "licence", "licence_needed", "free") in review.differences
    assert review.complete is True  # counted with today's pack


def test_a_newer_pack_version_than_any_installed_asks_for_an_update(made, private_data_dir, tmp_path):
    dossiers.install_robot_law(private_data_dir / "packs", "2.1")
    draft = json.loads(dossiers.attached(made["robot"]))
    draft["lock"]["pack"]["version"] = "3.0"
    review = reviewed(dossiers.crafted(tmp_path / "newer.pdf", json.dumps(draft).encode()))
    assert review.status is Status.NEWER_PACK and "3.0" in review.message


def test_a_pack_that_cannot_be_loaded_is_named(made, private_data_dir):
    folder = dossiers.install_robot_law(private_data_dir / "packs", "2.1")
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("tier: banned", "tier: no_such_outcome"))
    review = reviewed(made["robot"])
    assert review.status is Status.PACK_UNREADABLE and review.message and "\n" not in review.message


def test_a_classification_that_fails_stops_only_this_dossier(made, monkeypatch):
    def failing(*args, **kwargs):
        raise ValueError("the engine tripped")

    monkeypatch.setattr(dossier_review, "classify", failing)
    review = reviewed(made["cv"])
    assert review.status is Status.RECOMPUTE_FAILED and "the engine tripped" in review.message


def test_a_changed_dossier_stays_changed_whatever_else_is_wrong(made, tmp_path):
    changed = dossiers.with_changed_data(made["robot"], tmp_path / "changed.pdf", "Robo Works", "Other Works")
    review = reviewed(changed)  # robot_law is not installed either
    assert review.status is Status.CHANGED and review.applicant == "Other Works"


def test_a_review_reads_back_from_its_json_as_it_was(made, private_data_dir):
    dossiers.install_robot_law(private_data_dir / "packs", "2.1")
    dossiers.install_robot_law(private_data_dir / "packs", "2.2", threshold=500)
    review = reviewed(made["robot"])
    assert review.today is not None and review.differences
    assert DossierReview.from_json(json.loads(json.dumps(review.to_json()))) == review


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certificates"))


def test_a_signed_dossier_says_whether_its_signer_is_trusted(made, certificates, tmp_path):
    from app.dossier.signature import trusted_certificates
    from app.dossier.signing import sign_dossier

    signed, own = tmp_path / "signed.pdf", tmp_path / "own.pdf"
    sign_dossier(made["cv"], certificates.signer, PASSPHRASE, signed)
    sign_dossier(made["cv"], certificates.self_signed, PASSPHRASE, own)
    roots = trusted_certificates([certificates.ca_pem], folder=tmp_path / "none")
    trusted = review_dossier(signed, PackShelf.discover(), trust_roots=roots)
    assert (trusted.status, trusted.signature, trusted.fingerprint_valid) == (Status.OK, "trusted", True)
    assert review_dossier(signed, PackShelf.discover()).signature == "unknown_issuer"
    self_signed = review_dossier(own, PackShelf.discover(), trust_roots=roots)
    assert (self_signed.status, self_signed.signature) == (Status.OK, "self_signed")


def test_a_dossier_changed_after_signing_says_its_signature_does_not_hold(made, certificates, tmp_path):
    from app.dossier.signature import trusted_certificates
    from app.dossier.signing import sign_dossier

    signed = tmp_path / "signed.pdf"
    sign_dossier(made["cv"], certificates.signer, PASSPHRASE, signed)
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"%a later addition\n")
    review = review_dossier(appended, PackShelf.discover(),
                            trust_roots=trusted_certificates([certificates.ca_pem], folder=tmp_path / "none"))
    assert (review.status, review.signature) == (Status.SIGNATURE_BROKEN, "changed_after_signing")
    assert review.message and "\n" not in review.message and review.fingerprint_valid is True


def test_a_dossier_made_with_a_kit_is_classified_with_the_kit_and_names_the_documents_it_lacks(tmp_path):
    """A kit the reviewer's application has seen is composed over its pack: the dossier is read with
    the kit's questions, and the documents the kit requires that the applicant did not add are listed."""
    from pathlib import Path

    from app.kits.kit import load_kit
    from app.kits.shelf import remember
    from app.storage.drafts import Lock, load_draft

    root = Path(__file__).resolve().parents[2]
    kit = load_kit(root / "resources" / "kits" / "nordland.sandboxkit")
    draft = load_draft(root / "resources" / "examples" / "cv_screening.json")
    draft = draft.model_copy(update={"lock": Lock.of(kit.base, kit.made)})  # made with the kit
    out = tmp_path / "kit.pdf"
    export.export_dossier(draft, kit.pack, out, kit=kit)
    unseen = reviewed(out)
    assert unseen.status is Status.KIT_MISSING and unseen.kit_id == kit.manifest.id
    remember(kit)  # the reviewer opens the kit once: from then on dossiers of it are read with it
    review = reviewed(out)
    assert review.status is Status.OK, review.message
    assert (review.kit_id, review.kit_version) == (kit.manifest.id, kit.manifest.version)
    required = [a.id for a in kit.manifest.attachments if a.required]
    assert required and list(review.missing_attachments) == required
