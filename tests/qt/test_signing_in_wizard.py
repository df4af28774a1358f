"""Signing the dossier from the review page: the option, the certificate and its passphrase asked
through the prompter (asked again after a wrong one), a real signature in the file written, and a
certificate that cannot be used said in a dialog with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.dossier.export import read_dossier
from app.dossier.signature import Integrity, Trust, check_signature, trusted_certificates
from app.qt.steps import REVIEW
from catalogue import tr
from tests.dossier.certificates import PASSPHRASE, make_certificates

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certificates"))


@pytest.fixture
def review(window):
    assert window.open_path(EXAMPLE)
    window.wizard.go_to(REVIEW)
    return window.wizard.review


def test_the_export_signs_with_the_certificate_chosen_after_a_wrong_passphrase(qtbot, review, prompter, certs,
                                                                                tmp_path):
    prompter.certificate_answer = certs.signer
    prompter.certificate_passphrases = ["not it", PASSPHRASE]
    prompter.save_answer = out = tmp_path / "signed.pdf"
    review.sign_box.setChecked(True)
    with qtbot.waitSignal(review.export_finished, timeout=120_000) as finished:  # a loaded machine is slow
        qtbot.mouseClick(review.export_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True, str(out)], prompter.errors
    assert prompter.certificate_passphrases_asked == [("signer.p12", False), ("signer.p12", True)]
    check = check_signature(out, trusted_certificates([certs.ca_pem], folder=tmp_path / "none"))
    assert (check.signer, check.trust, check.integrity) == ("Ada Applicant", Trust.TRUSTED, Integrity.INTACT)
    assert read_dossier(out)  # the draft inside, its fingerprint matching
    assert review.export_status.text() == tr("qt.export_signed_done", path=out, signer="Ada Applicant")
    assert prompter.certificate_folders == [EXAMPLE.parent]
    # The next certificate dialog opens where the last certificate was.
    prompter.certificate_answer = None
    review.export()
    assert prompter.certificate_folders[-1] == certs.signer.parent


def test_cancelling_the_passphrase_exports_nothing(review, prompter, certs, tmp_path):
    prompter.certificate_answer = certs.signer
    prompter.certificate_passphrases = [None]
    prompter.save_answer = tmp_path / "signed.pdf"
    review.sign_box.setChecked(True)
    review.export()
    assert review.job is None and not (tmp_path / "signed.pdf").exists() and prompter.errors == []


def _refusal(which: str, path: Path) -> str:
    from cryptography.hazmat.primitives.serialization import pkcs12

    from catalogue.formats import format_date

    if which == "junk":
        return tr("sign.error.not_p12", path=path)
    expired = pkcs12.load_key_and_certificates(path.read_bytes(), PASSPHRASE.encode())[1].not_valid_after_utc
    return tr("sign.error.expired", path=path, date=format_date(expired))


@pytest.mark.parametrize("which", ["junk", "expired"])
def test_a_certificate_that_cannot_be_used_is_said_and_nothing_is_exported(which, review, prompter, certs, tmp_path):
    path = EXAMPLE if which == "junk" else certs.expired
    prompter.certificate_answer = path
    prompter.certificate_passphrases = [PASSPHRASE]
    prompter.save_answer = tmp_path / "signed.pdf"
    review.sign_box.setChecked(True)
    review.export()
    assert review.job is None and not (tmp_path / "signed.pdf").exists()
    assert prompter.errors == [(tr("qt.certificate_failed_title"), _refusal(which, path))]


def test_without_the_option_no_certificate_is_asked(qtbot, review, prompter, monkeypatch, tmp_path):
    from app.qt import review_page

    written = []
    monkeypatch.setattr(review_page, "find_exporter",
                        lambda *chosen: lambda draft, pack, out, **_options: written.append(out))
    prompter.save_answer = tmp_path / "plain.pdf"
    assert not review.sign_box.isChecked()
    with qtbot.waitSignal(review.export_finished, timeout=10_000):
        review.export()
    assert written == [tmp_path / "plain.pdf"] and prompter.certificate_folders == []


def test_signing_offers_only_the_pdf_and_refuses_a_name_of_another_format(review, prompter, certs, tmp_path):
    """Only a PDF holds a signature: the dialog offers the PDF type alone, and a name typed with
    another format's extension is said in a dialog, with nothing written."""
    prompter.certificate_answer = certs.signer
    prompter.certificate_passphrases = [PASSPHRASE]
    prompter.save_answer = tmp_path / "signed.html"
    review.sign_box.setChecked(True)
    review.export()
    assert [extension for _, extension in prompter.export_filters] == [".pdf"]
    assert review.job is None and not list(tmp_path.glob("signed*"))
    assert prompter.infos == [(tr("qt.sign_pdf_only_title"),
                               tr("qt.sign_pdf_only", path=tmp_path / "signed.html", option=tr("qt.sign_option")))]
