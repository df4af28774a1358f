"""Signing a dossier: a PAdES signature (PAdES-B-B) added with pyHanko as an incremental update, so
the draft, the metadata and the fingerprint inside stay as they were and `read_dossier` still reads them.

The certificate and its private key come from a PKCS#12 file (.p12, .pfx). Nothing goes over the
network: no timestamp server, no revocation lookup. The signing time written is the clock of the
computer that signs, a claim of the signer that nothing proves (app/dossier/signature.py says so
when it shows it). pyHanko loads only when a dossier is signed.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from app.dossier.export import DossierError, build_dossier, read_dossier, write_file
from app.dossier.texts import SIGN_ERRORS
from app.storage.drafts import Draft
from forms.schema import Pack

MAX_CERTIFICATE_BYTES = 1024 * 1024  # a PKCS#12 file holds a key and a few certificates: a few kB


class PassphraseNeeded(DossierError):
    """The certificate file is protected and no passphrase was given."""


class WrongPassphrase(DossierError):
    """The passphrase given does not open the certificate file."""


@dataclass(frozen=True)
class SigningCertificate:
    """A certificate and its key, opened from a PKCS#12 file, ready to sign with."""

    path: Path
    common_name: str
    organisation: str
    signer: Any  # pyHanko's SimpleSigner: kept out of the type, so callers need not import pyHanko


def load_certificate(path: Path, passphrase: str | None = None,
                     now: dt.datetime | None = None) -> SigningCertificate:
    """The certificate and key in the PKCS#12 file at `path`; None or "" for a file without a
    passphrase. Raises PassphraseNeeded, WrongPassphrase or DossierError (one line each)."""
    path = Path(path)
    data = _read_certificate_file(path)
    if not _is_pkcs12(data):
        raise DossierError(SIGN_ERRORS["not_p12"].format(path=path))
    key, certificate, opened_with = _open_pkcs12(path, data, passphrase)
    if key is None or certificate is None:
        raise DossierError(SIGN_ERRORS["no_key"].format(path=path))
    _check_dates(path, certificate, now or dt.datetime.now(dt.timezone.utc))
    return _signing_certificate(path, data, opened_with, certificate)


def sign_dossier(in_path: Path, certificate_p12: Path, passphrase: str | None, out_path: Path) -> None:
    """Sign the dossier at `in_path` with the certificate in the PKCS#12 file `certificate_p12`
    (`passphrase`: None or "" for none); write the signed dossier to `out_path`, atomically and
    never over `in_path`. Raises DossierError (one line; PassphraseNeeded, WrongPassphrase)."""
    sign_file(in_path, load_certificate(certificate_p12, passphrase), out_path)


def sign_file(in_path: Path, certificate: SigningCertificate, out_path: Path) -> None:
    """`sign_dossier` with a certificate already opened (the passphrase asked first)."""
    in_path, out_path = Path(in_path), Path(out_path)
    if _same_file(in_path, out_path):
        raise DossierError(SIGN_ERRORS["same_file"].format(path=in_path))
    read_dossier(in_path)  # a dossier of this application, its fingerprint matching: or a one-line error
    try:
        pdf = in_path.read_bytes()
    except OSError as error:
        raise DossierError(SIGN_ERRORS["no_read"].format(path=in_path, reason=error.strerror or error)) from None
    write_file(out_path, sign_bytes(pdf, certificate, in_path))


def export_signed(draft: Draft, pack: Pack, out_path: Path, certificate: SigningCertificate,
                  progress: Callable[[float], None] | None = None, kit=None) -> None:
    """Build the dossier for `draft` and write it signed, in one step: no unsigned copy is left at
    `out_path`, even when signing fails. Raises DossierError (one line)."""
    report = progress or (lambda fraction: None)
    pdf = build_dossier(draft, pack, lambda fraction: report(fraction * 0.8), kit)
    signed = sign_bytes(pdf, certificate, Path(out_path))
    report(0.95)
    write_file(Path(out_path), signed)
    report(1.0)


def sign_bytes(pdf: bytes, certificate: SigningCertificate, path: Path) -> bytes:
    """`pdf` with a PAdES-B-B signature appended as an incremental update (`path` names it in errors)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

    output = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        # B-B: the CMS signature with the signer's certificate, no timestamp, no revocation data fetched.
        metadata = PdfSignatureMetadata(field_name=_free_field_name(writer), subfilter=SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", embed_validation_info=False, use_pades_lta=False)
        PdfSigner(metadata, signer=certificate.signer).sign_pdf(writer, output=output)
    except Exception as error:  # pyHanko's parser meets a PDF pypdf read: whatever it raises is one line
        raise DossierError(SIGN_ERRORS["not_signed"].format(path=path, reason=_first_line(error))) from None
    return output.getvalue()


def _free_field_name(writer) -> str:
    """A name for a new signature field: a dossier signed before keeps its signatures' fields."""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _, _ in enumerate_sig_fields(writer.prev)}
    return next(f"Signature{n}" for n in range(1, len(taken) + 2) if f"Signature{n}" not in taken)


def _read_certificate_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_CERTIFICATE_BYTES:
            raise DossierError(SIGN_ERRORS["not_p12"].format(path=path))
        return path.read_bytes()
    except FileNotFoundError:
        raise DossierError(SIGN_ERRORS["no_certificate"].format(path=path)) from None
    except OSError as error:
        raise DossierError(SIGN_ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None


def _is_pkcs12(data: bytes) -> bool:
    """The file's structure is PKCS#12's (whatever the passphrase): a wrong passphrase is then told
    apart from a file of another kind, which cryptography reports alike."""
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(data, strict=True)
        return pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except (ValueError, TypeError, KeyError, OverflowError):
        return False


def _open_pkcs12(path: Path, data: bytes, passphrase: str | None):
    from cryptography.hazmat.primitives.serialization import pkcs12

    # Without a passphrase a file may be unencrypted, or encrypted with an empty one: try both.
    tries = [passphrase.encode("utf-8")] if passphrase else [None, b""]
    for attempt in tries:
        try:
            key, certificate, _ = pkcs12.load_key_and_certificates(data, attempt)
            return key, certificate, attempt
        except ValueError:
            continue
        except (TypeError, OverflowError):  # an algorithm this cryptography does not support
            raise DossierError(SIGN_ERRORS["not_p12"].format(path=path)) from None
    if passphrase:
        raise WrongPassphrase(SIGN_ERRORS["wrong_passphrase"].format(path=path))
    raise PassphraseNeeded(SIGN_ERRORS["passphrase_needed"].format(path=path))


def _check_dates(path: Path, certificate, now: dt.datetime) -> None:
    from catalogue.formats import format_date

    # A signature made with a certificate out of its dates would never be trusted: refuse it now.
    if certificate.not_valid_after_utc < now:
        raise DossierError(SIGN_ERRORS["expired"].format(path=path, date=format_date(certificate.not_valid_after_utc)))
    if certificate.not_valid_before_utc > now:
        raise DossierError(SIGN_ERRORS["not_yet_valid"].format(path=path,
                                                               date=format_date(certificate.not_valid_before_utc)))


def _signing_certificate(path: Path, data: bytes, passphrase: bytes | None, certificate) -> SigningCertificate:
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers

    # From the bytes, not with pyHanko's own file loader: that one logs a traceback on failure.
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=passphrase)
    except (ValueError, TypeError) as error:
        raise DossierError(SIGN_ERRORS["unusable"].format(path=path, reason=_first_line(error))) from None

    def attribute(oid) -> str:
        found = certificate.subject.get_attributes_for_oid(oid)
        return str(found[0].value) if found else ""

    return SigningCertificate(path, attribute(NameOID.COMMON_NAME), attribute(NameOID.ORGANIZATION_NAME), signer)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (second.exists() and first.samefile(second))
    except OSError:
        return False


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
