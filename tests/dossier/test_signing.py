"""Signed dossiers, with real PAdES signatures made by pyHanko and certificates made at test time:
who signed and whether the reviewer trusts them, whether anything changed after signing, the draft
still readable inside, and one clear line for every bad input.

One dossier is exported per module (as `main.py export` makes it) and signed once; each test signs
or changes its own copy.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands.main import main
from app.dossier.attachment import fingerprint
from app.dossier.export import DossierError, read_dossier
from app.dossier.signature import (UNSIGNED, Integrity, SignatureCheck, Trust, check_signature, signature_status,
                                   trusted_certificates)
from app.dossier.signing import (PassphraseNeeded, WrongPassphrase, load_certificate, sign_bytes, sign_dossier)
from catalogue import english_ids, tr
from tests.dossier.certificates import PASSPHRASE, make_certificates

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NO_FOLDER = Path("/nonexistent/trusted")  # trust only what a test names


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certificates"))


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dossier")
    path = folder / "cv_screening.pdf"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(EXAMPLE), "-o", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**_environment(), "SANDBOX_KIT_DATA_DIR": str(folder / "userdata")})
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def signed(dossier, certs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("signed") / "signed.pdf"
    sign_dossier(dossier, certs.signer, PASSPHRASE, path)
    return path


def _environment() -> dict:
    import os

    return dict(os.environ)


def _roots(*files: Path) -> tuple[bytes, ...]:
    return trusted_certificates(files, folder=NO_FOLDER)


def _copy(source: Path, target: Path, change=None) -> Path:
    data = source.read_bytes()
    target.write_bytes(change(data) if change else data)
    return target


# --- who signed, and whether the reviewer trusts them ---------------------------------------------

def test_a_signature_under_a_trusted_ca_is_trusted_intact_and_names_the_signer(signed, certs):
    check = check_signature(signed, _roots(certs.ca_pem))
    assert (check.signer, check.organisation) == ("Ada Applicant", "Acme AI")
    assert (check.trust, check.trust_reason) == (Trust.TRUSTED, None)
    assert (check.integrity, check.reason) == (Integrity.INTACT, None)
    assert check.valid and check.status == "trusted" and check.signatures == 1
    assert abs(check.signed_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=10)


def test_without_its_ca_among_the_trusted_the_issuer_is_unknown_and_never_valid(signed, certs):
    for roots in [(), _roots(certs.self_signed_pem)]:
        check = check_signature(signed, roots)
        assert (check.trust, check.integrity) == (Trust.UNKNOWN_ISSUER, Integrity.INTACT)
        assert not check.valid and check.status == "unknown_issuer"


def test_a_self_signed_certificate_is_shown_as_such_even_beside_a_trusted_ca(dossier, certs, tmp_path):
    path = tmp_path / "self.pdf"
    sign_dossier(dossier, certs.self_signed, PASSPHRASE, path)
    for roots in [(), _roots(certs.ca_pem)]:
        check = check_signature(path, roots)
        assert (check.signer, check.trust, check.integrity) == ("Self Made", Trust.SELF_SIGNED, Integrity.INTACT)
        assert not check.valid
    # ...and trusted only when the reviewer trusts that very certificate
    assert check_signature(path, _roots(certs.self_signed_pem)).trust is Trust.TRUSTED


def test_a_certificate_expired_when_checked_chains_to_the_ca_but_is_not_valid(dossier, certs, tmp_path):
    # Signed while it was valid (the clock of the signer set back); checked today, it has expired.
    old = load_certificate(certs.expired, PASSPHRASE, now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=60))
    signed = sign_bytes(dossier.read_bytes(), old, dossier)
    path = tmp_path / "old-signed.pdf"
    path.write_bytes(signed)
    check = check_signature(path, _roots(certs.ca_pem))
    assert (check.trust, check.trust_reason) == (Trust.INVALID_CERTIFICATE, "sign.reason.expired")
    assert check.integrity is Integrity.INTACT and not check.valid


def test_an_unsigned_dossier_has_no_signature_check(dossier):
    assert check_signature(dossier) is None
    assert signature_status(None) == UNSIGNED


# --- whether anything changed after signing -------------------------------------------------------

def test_one_byte_changed_inside_the_signed_range_breaks_the_signature(signed, certs, tmp_path):
    def flip(data: bytes) -> bytes:
        at = data.index(b"stream", len(data) // 4) + 40  # inside the bytes of a page's stream
        return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]

    check = check_signature(_copy(signed, tmp_path / "flipped.pdf", flip), _roots(certs.ca_pem))
    assert (check.integrity, check.reason) == (Integrity.BROKEN, "sign.reason.digest")
    assert check.trust is Trust.NOT_CHECKED and not check.valid and check.status == "broken"


def test_an_incremental_update_that_changes_a_page_is_found(signed, certs, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stamp = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 72 Td (ACCEPTED) Tj ET"))
    page["/Contents"] = generic.ArrayObject([page["/Contents"], stamp])
    writer.update_container(page)
    output = io.BytesIO()
    writer.write(output)
    path = tmp_path / "stamped.pdf"
    path.write_bytes(output.getvalue())
    check = check_signature(path, _roots(certs.ca_pem))
    assert (check.integrity, check.reason) == (Integrity.CHANGED_AFTER_SIGNING, "sign.reason.updated")
    assert check.trust is Trust.TRUSTED and not check.valid and check.status == "changed_after_signing"


def test_bytes_appended_after_the_signed_end_are_found_but_a_final_line_end_is_not(signed, certs, tmp_path):
    roots = _roots(certs.ca_pem)
    appended = check_signature(_copy(signed, tmp_path / "a.pdf", lambda d: d + b"%extra words\n"), roots)
    assert (appended.integrity, appended.reason) == (Integrity.CHANGED_AFTER_SIGNING, "sign.reason.appended")
    line_end = check_signature(_copy(signed, tmp_path / "b.pdf", lambda d: d + b"\r\n"), roots)
    assert line_end.valid


def test_a_second_signature_added_later_leaves_the_first_intact(signed, certs, tmp_path):
    twice = tmp_path / "twice.pdf"
    sign_dossier(signed, certs.self_signed, PASSPHRASE, twice)
    check = check_signature(twice, _roots(certs.ca_pem))
    assert (check.signer, check.signatures) == ("Ada Applicant", 2) and check.valid


# --- the dossier inside -------------------------------------------------------------------------

def test_the_signed_dossier_still_gives_its_draft_with_a_matching_fingerprint(dossier, signed, tmp_path):
    assert read_dossier(signed) == read_dossier(dossier)
    assert signed.read_bytes().startswith(dossier.read_bytes())  # an incremental update: nothing rewritten
    assert main(["import", str(signed), "-o", str(tmp_path / "draft.json")]) == 0
    assert (tmp_path / "draft.json").read_bytes() == read_dossier(dossier)


# --- bad input: one line each ----------------------------------------------------------------------

def test_a_wrong_or_missing_passphrase_is_told_apart(certs):
    with pytest.raises(WrongPassphrase) as wrong:
        load_certificate(certs.signer, "not it")
    assert str(wrong.value) == tr("sign.error.wrong_passphrase", path=certs.signer)
    with pytest.raises(PassphraseNeeded):
        load_certificate(certs.signer, None)
    assert load_certificate(certs.signer_open, None).common_name == "Ada Applicant"
    assert load_certificate(certs.signer_open, "").common_name == "Ada Applicant"


@pytest.mark.parametrize("which, message", [("junk", "sign.error.not_p12"), ("pdf", "sign.error.not_p12"),
                                            ("missing", "sign.error.no_certificate"), ("ca_only", "sign.error.no_key")])
def test_a_file_that_is_no_usable_certificate_gives_one_line(which, message, certs, dossier, tmp_path):
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"\x30\x82 not a certificate at all" * 10)
    path = {"junk": junk, "pdf": dossier, "missing": tmp_path / "none.p12", "ca_only": certs.ca_only}[which]
    with pytest.raises(DossierError) as error:
        load_certificate(path, PASSPHRASE if which != "ca_only" else None)
    assert str(error.value) == tr(message, path=path)


@pytest.mark.parametrize("which, message, field", [("expired", "sign.error.expired", "not_valid_after_utc"),
                                                   ("not_yet_valid", "sign.error.not_yet_valid", "not_valid_before_utc")])
def test_a_certificate_out_of_its_dates_is_refused_before_signing(which, message, field, certs, dossier, tmp_path):
    from cryptography.hazmat.primitives.serialization import pkcs12

    from catalogue.formats import format_date

    path, out = getattr(certs, which), tmp_path / "out.pdf"
    certificate = pkcs12.load_key_and_certificates(path.read_bytes(), PASSPHRASE.encode())[1]
    with pytest.raises(DossierError) as error:
        sign_dossier(dossier, path, PASSPHRASE, out)
    assert str(error.value) == tr(message, path=path, date=format_date(getattr(certificate, field)))
    assert not out.exists()


def test_only_a_dossier_of_this_application_is_signed(certs, tmp_path):
    from pypdf import PdfWriter

    other = tmp_path / "other.pdf"
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(other)
    text = tmp_path / "text.pdf"
    text.write_text("hello", encoding="utf-8")
    for path, message in [(other, "dossier.error.no_data"), (text, "dossier.error.not_pdf")]:
        with pytest.raises(DossierError) as error:
            sign_dossier(path, certs.signer, PASSPHRASE, tmp_path / "out.pdf")
        assert str(error.value) == tr(message, path=path)
    assert not (tmp_path / "out.pdf").exists()


def test_the_signed_copy_never_replaces_the_dossier(dossier, certs):
    before = dossier.read_bytes()
    with pytest.raises(DossierError) as error:
        sign_dossier(dossier, certs.signer, PASSPHRASE, dossier.parent / "." / dossier.name)
    assert str(error.value) == tr("sign.error.same_file", path=dossier)
    assert dossier.read_bytes() == before


def test_a_damaged_or_foreign_file_is_one_line_when_checked(signed, tmp_path):
    cut = _copy(signed, tmp_path / "cut.pdf", lambda d: d[: len(d) // 3])
    text = _copy(EXAMPLE, tmp_path / "draft.pdf")
    for path in (cut, text):
        with pytest.raises(DossierError) as error:
            check_signature(path)
        assert str(error.value) == tr("dossier.error.not_pdf", path=path)


def test_a_trusted_certificate_file_that_holds_none_is_one_line(certs, tmp_path):
    with pytest.raises(DossierError) as error:
        trusted_certificates([certs.signer], folder=NO_FOLDER)
    assert str(error.value) == tr("sign.error.not_certificate", path=certs.signer)


def test_the_trusted_folder_of_the_data_directory_is_read(certs, private_data_dir):
    folder = private_data_dir / "trusted_certificates"
    folder.mkdir(parents=True)
    (folder / "authority.crt").write_bytes(certs.ca_pem.read_bytes())
    (folder / "readme.txt").write_text("not read", encoding="utf-8")
    assert trusted_certificates() == _roots(certs.ca_pem)


# --- the command line -------------------------------------------------------------------------------

def _passphrase_file(tmp_path: Path, text: str = PASSPHRASE) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_sign_writes_beside_the_dossier_and_verify_reports_trusted(dossier, certs, tmp_path, capsys):
    copy = _copy(dossier, tmp_path / "mine.pdf")
    assert main(["sign", str(copy), "--certificate", str(certs.signer),
                 "--passphrase-file", str(_passphrase_file(tmp_path))]) == 0
    out = tmp_path / "mine-signed.pdf"
    assert capsys.readouterr().out.strip() == tr("sign.cli.signed", path=out, signer="Ada Applicant")
    assert copy.read_bytes() == dossier.read_bytes()
    assert main(["verify", str(out), "--trust", str(certs.ca_pem), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["fingerprint"]["valid"] and result["fingerprint"]["problem"] is None
    assert {k: result["signature"][k] for k in ("signer", "trust", "integrity", "valid", "signed_at_claimed")} == {
        "signer": "Ada Applicant", "trust": "trusted", "integrity": "intact", "valid": True, "signed_at_claimed": True}
    assert set(result["signature"]) == set(SignatureCheck.__dataclass_fields__) | {"valid", "signed_at_claimed"}


def test_verify_exits_3_when_not_trusted_or_changed_and_says_why(signed, dossier, certs, tmp_path, capsys):
    from app.commands.signing import signature_lines

    assert main(["verify", str(signed)]) == 3
    lines = capsys.readouterr().out.splitlines()
    printed = read_dossier(signed)
    check = check_signature(signed)
    assert lines == [tr("sign.cli.fingerprint_ok", fingerprint=fingerprint(printed)), *signature_lines(check)]
    assert tr("sign.trust.unknown_issuer") in lines and lines[-1] == tr("sign.cli.not_valid")
    assert main(["verify", str(dossier)]) == 0
    assert tr("sign.cli.unsigned") in capsys.readouterr().out.splitlines()
    changed = _copy(signed, tmp_path / "changed.pdf", lambda d: d + b"%more\n")
    assert main(["verify", str(changed), "--trust", str(certs.ca_pem)]) == 3
    assert tr("sign.integrity.changed_after_signing", reason=tr("sign.reason.appended")) in capsys.readouterr().out


def test_verify_uses_the_trusted_folder(signed, certs, private_data_dir, capsys):
    folder = private_data_dir / "trusted_certificates"
    folder.mkdir(parents=True)
    (folder / "ca.pem").write_bytes(certs.ca_pem.read_bytes())
    assert main(["verify", str(signed)]) == 0
    assert tr("sign.trust.trusted") in capsys.readouterr().out.splitlines()


def test_export_signs_in_one_step(certs, tmp_path, capsys):
    out = tmp_path / "signed.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--certificate", str(certs.signer_open)]) == 0
    assert capsys.readouterr().out.strip() == tr("dossier.cli.written_signed", path=out, signer="Ada Applicant")
    assert check_signature(out, _roots(certs.ca_pem)).valid
    assert read_dossier(out)


@pytest.mark.parametrize("args, chosen", [(["-o", "o.html"], "html"), (["--format", "json", "-o", "o.pdf"], "json")])
def test_a_certificate_with_another_format_than_pdf_is_one_line_before_anything_is_read(args, chosen, certs, tmp_path,
                                                                                      capsys):
    """Only a PDF holds a signature: HTML or JSON with --certificate is refused before the draft or
    the certificate is opened (its passphrase is not asked for), and nothing is written."""
    args = [str(tmp_path / a) if a.startswith("o.") else a for a in args]
    assert main(["export", str(EXAMPLE), *args, "--certificate", str(certs.signer)]) == 2
    captured = capsys.readouterr()
    refusal = tr("dossier.cli.certificate_pdf_only", format=chosen, pdf="pdf", option="--certificate")
    assert captured.err == f"error: {refusal}\n" and captured.out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case", ["wrong", "needed", "junk", "expired", "not_dossier", "export_needed"])
def test_every_failure_on_the_command_line_is_one_line_and_exit_2(case, dossier, certs, tmp_path, capsys):
    wrong = _passphrase_file(tmp_path, "not it")
    args = {
        "wrong": ["sign", str(dossier), "--certificate", str(certs.signer), "--passphrase-file", str(wrong),
                  "-o", str(tmp_path / "o.pdf")],
        "needed": ["sign", str(dossier), "--certificate", str(certs.signer), "-o", str(tmp_path / "o.pdf")],
        "junk": ["sign", str(dossier), "--certificate", str(EXAMPLE), "-o", str(tmp_path / "o.pdf")],
        "expired": ["sign", str(dossier), "--certificate", str(certs.expired), "--passphrase-file", str(wrong),
                    "-o", str(tmp_path / "o.pdf")],
        "not_dossier": ["sign", str(EXAMPLE), "--certificate", str(certs.signer_open), "-o", str(tmp_path / "o.pdf")],
        "export_needed": ["export", str(EXAMPLE), "-o", str(tmp_path / "o.pdf"), "--certificate", str(certs.signer)],
    }[case]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    assert not (tmp_path / "o.pdf").exists()


def test_every_reason_and_status_has_its_message():
    import re

    import app.dossier.signature as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    reasons = set(re.findall(r'"(sign\.reason\.\w+)"', source))
    assert reasons and reasons <= english_ids()
    assert {f"sign.trust.{t.value}" for t in Trust} <= english_ids()
    assert {f"sign.integrity.{i.value}" for i in Integrity} <= english_ids()


def test_verify_speaks_the_language_in_use(signed, certs, capsys):
    import catalogue
    from tests.pseudo_text import plain_english

    catalogue.set_language("en-XA")
    try:
        assert main(["verify", str(signed), "--trust", str(certs.ca_pem)]) == 0
        untrusted = main(["sign", str(signed), "--certificate", str(certs.signer)])
    finally:
        catalogue.set_language("en")
    captured = capsys.readouterr()
    assert untrusted == 2
    assert plain_english(captured.out + captured.err, {"Applicant", "Acme"}) == set()
