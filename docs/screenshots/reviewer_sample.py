"""A sample inbox of received dossiers for the pictures of the reviewer's view (render.py
--reviewer): the examples exported, one signed with a certificate from a test authority the
reviewer trusts and one self-signed, one whose printed result was forged, one whose data was
edited after export, and files that are no dossier; a few review statuses already set.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
PASSPHRASE = "sample passphrase"
SEVERAL = "Kredito credit score (several laws).pdf"


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(the authority's certificate to trust, a signer it issued, a self-signed signer), made now."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)

    def name(common: str, organisation: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])

    def issue(subject, key, issuer, issuer_key, ca):
        usage = x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                              data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                              encipher_only=False, decipher_only=False)
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=365))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .add_extension(usage, critical=True).sign(issuer_key, hashes.SHA256()))

    def p12(path, key, certificate, chain):
        protection = serialization.BestAvailableEncryption(PASSPHRASE.encode())
        path.write_bytes(pkcs12.serialize_key_and_certificates(b"sample", key, certificate, chain or None, protection))
        return path

    folder.mkdir(parents=True, exist_ok=True)
    ca_key, key, own_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca_name = name("Sample Trust Services CA", "Sample Trust Services")
    ca = issue(ca_name, ca_key, ca_name, ca_key, True)
    signer = issue(name("Sanne de Vries", "TalentLens B.V."), key, ca_name, ca_key, False)
    own_name = name("Aino Virtanen", "Helpdesk Oy")
    own = issue(own_name, own_key, own_name, own_key, True)
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return ca_pem, p12(folder / "signer.p12", key, signer, [ca]), p12(folder / "own.p12", own_key, own, [])


def make_inbox(folder: Path, data_dir: Path, jurisdictions=()) -> Path:
    """The inbox, and the test authority's certificate among those the reviewer trusts; with
    `jurisdictions`, a dossier of the credit-scoring example targeting them too."""
    from app.dossier.export import export_dossier
    from app.dossier.signing import sign_dossier
    from app.storage.drafts import load_draft
    from forms.loader import default_pack
    from tests.review import dossiers

    work = folder.parent / "work"
    work.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    pack = default_pack()
    made = {}
    for example in ("cv_screening", "credit_scoring", "customer_chatbot", "demand_forecaster"):
        made[example] = work / f"{example}.pdf"
        export_dossier(load_draft(EXAMPLES / f"{example}.json"), pack, made[example])
    ca, signer, own = _certificates(work / "certificates")
    sign_dossier(made["cv_screening"], signer, PASSPHRASE, folder / "TalentLens CV ranking.pdf")
    shutil.copyfile(made["credit_scoring"], folder / "Kredito credit score.pdf")
    sign_dossier(made["customer_chatbot"], own, PASSPHRASE, folder / "Helpdesk chatbot.pdf")
    shutil.copyfile(made["demand_forecaster"], folder / "Nordlager forecaster.pdf")
    printed = json.loads(dossiers.metadata(made["cv_screening"])["/SandboxKitResult"])
    printed["tracks"][0]["outcome"] = "minimal"
    dossiers.with_metadata(made["cv_screening"], folder / "TalentLens CV ranking (resent).pdf",
                           SandboxKitResult=json.dumps(printed))
    dossiers.with_changed_data(made["credit_scoring"], folder / "Kredito credit score (edited).pdf",
                               "Kredito", "Kredyto")
    if jurisdictions:
        from tests.review.several import as_the_wizard_saves

        several = as_the_wizard_saves(load_draft(EXAMPLES / "credit_scoring.json"), pack,
                                      [pack.id, *jurisdictions])
        export_dossier(several, pack, folder / SEVERAL)
    (folder / "cover letter.txt").write_text("Dear sandbox team,\n", encoding="utf-8")
    dossiers.other_tool_pdf(folder / "scanned form.pdf")
    trusted = data_dir / "trusted_certificates"
    trusted.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ca, trusted / "sample-ca.pem")
    _statuses(folder)
    return folder


def _statuses(folder: Path) -> None:
    """A few review statuses set, as a review team would have by now."""
    from app.dossier.signature import trusted_certificates
    from app.review.folder import review_path
    from app.review.location import register_url
    from app.review.register import Register
    from app.review.shelf import PackShelf

    with Register.open(register_url()) as register:
        reviews = {Path(r.file).name: r for r in review_path(folder, PackShelf.discover(), register,
                                                              trusted_certificates()).reviews}
        register.set_review_status(reviews["Kredito credit score.pdf"].fingerprint, "in_review", "Ana")
        register.set_review_status(reviews["Nordlager forecaster.pdf"].fingerprint, "accepted", "Ana",
                                   "fits the cohort")
        register.set_review_status(reviews["TalentLens CV ranking.pdf"].fingerprint, "in_review", "Ben")
        register.set_review_status(reviews["TalentLens CV ranking.pdf"].fingerprint, "needs_changes", "Ben",
                                   "the bias test plan is missing")


def render_reviewer(app, window, save, data_dir: Path, jurisdictions=()) -> None:
    """The reviewer's view on the sample inbox: a forged result chosen, then a signed dossier; with
    `jurisdictions`, the dossier targeting them, at its top and at the other jurisdictions' results."""
    import tempfile

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    inbox = make_inbox(Path(tempfile.mkdtemp()) / "Received", data_dir, jurisdictions)
    window.open_reviewer()
    view = window.reviewer
    view.review(inbox)
    _wait(app, lambda: not view.busy)
    if jurisdictions:
        _choose(app, view, SEVERAL)
        save("reviewer")  # reviewer-jurisdictions.png
        shown = view.dossier
        first = next(label for label in shown.content.findChildren(QLabel) if label.property("jurisdiction"))
        shown.verticalScrollBar().setValue(first.mapTo(shown.widget(), QPoint(0, 0)).y() - 40)
        from app.review.rows import COLUMNS  # the table at the column of the other jurisdictions' results

        view.table.scrollTo(view.rows.index(view.table.currentIndex().row(), COLUMNS.index("jurisdictions")))
        _wait(app, lambda: True)
        save("reviewer-results")
        return
    for name, picture in (("TalentLens CV ranking (resent).pdf", "reviewer"),
                          ("TalentLens CV ranking.pdf", "reviewer-signed")):
        _choose(app, view, name)
        save(picture)


def _choose(app, view, name: str) -> None:
    model = view.rows
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    shown = []
    view.detail_shown.connect(lambda: shown.append(True))
    view.table.setCurrentIndex(model.index(row, 0))
    _wait(app, lambda: bool(shown))


def _wait(app, done, seconds: float = 120) -> None:
    started = time.monotonic()
    while not done() and time.monotonic() - started < seconds:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
