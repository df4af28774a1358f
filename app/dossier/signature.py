"""Checking a dossier's signature: who signed, when they say they did, whether the reviewer trusts
their certificate, and whether anything changed after signing. pyHanko validates; nothing goes over
the network (no revocation lookup), and the certificates trusted are only those the reviewer gives.

Trust comes from the reviewer's own certificates: the files in `trusted_certificates/` of the user
data folder (`*.pem`, `*.crt`, `*.cer`) and any given on the command line (`verify --trust FILE`).
A certificate that chains to none of them is never shown as valid, however well the signature's
arithmetic holds. The reviewer's view (the register) calls `check_signature` for each dossier.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.dossier.export import DossierError
from app.dossier.texts import ERRORS, SIGN_ERRORS
from app.storage.paths import data_dir

TRUSTED_FOLDER = "trusted_certificates"
CERTIFICATE_SUFFIXES = (".pem", ".crt", ".cer")
MAX_TRUSTED_FILE_BYTES = 1024 * 1024
UNSIGNED = "unsigned"  # what `signature_status` says of a dossier without a signature


class Trust(str, enum.Enum):
    """How far the reviewer can rely on who the certificate says signed."""

    TRUSTED = "trusted"                           # chains to a certificate the reviewer trusts
    NOT_CHECKED = "not_checked"                   # the signature is broken: who it names proves nothing
    SELF_SIGNED = "self_signed"                   # vouched for by nobody but itself: anyone can make one
    UNKNOWN_ISSUER = "unknown_issuer"             # issued by someone the reviewer does not trust (or not known)
    INVALID_CERTIFICATE = "invalid_certificate"   # chains to a trusted one, but is expired, revoked, misused…


class Integrity(str, enum.Enum):
    """Whether the dossier is as it was signed."""

    INTACT = "intact"                                # the signed bytes unchanged; anything later only adds signatures
    CHANGED_AFTER_SIGNING = "changed_after_signing"  # the file was updated after signing (pages, data, anything)
    BROKEN = "broken"                                # the signature does not match what it signed (see `reason`)


@dataclass(frozen=True)
class SignatureCheck:
    """What the check of a dossier's (first) signature found. Stable fields, for every view:

    - `signer`, `organisation`: the common name and organisation of the certificate's subject ("" when absent)
    - `signed_at`: the signing time the signer's computer wrote (aware datetime), or None; a claim,
      proven by nothing (no timestamp server is used)
    - `trust`: a Trust; `trust_reason`: a message id (`sign.reason.*`) saying why when the
      certificate is INVALID_CERTIFICATE, else None
    - `integrity`: an Integrity; `reason`: a message id (`sign.reason.*`) saying why when BROKEN
      or CHANGED_AFTER_SIGNING, else None
    - `signatures`: how many signatures the file holds (the check is of the first, the one made on the export)
    - `valid`: True only when trusted and intact; `status`: one word for a table column (see `signature_status`)
    """

    signer: str
    organisation: str
    signed_at: dt.datetime | None
    trust: Trust
    trust_reason: str | None
    integrity: Integrity
    reason: str | None
    signatures: int = 1

    @property
    def valid(self) -> bool:
        return self.trust is Trust.TRUSTED and self.integrity is Integrity.INTACT

    @property
    def status(self) -> str:
        """The integrity when the signature does not hold, else the trust: one of Integrity's or Trust's values."""
        return self.trust.value if self.integrity is Integrity.INTACT else self.integrity.value

    def as_dict(self) -> dict:
        """For JSON: the fields, enums as their values and the time in ISO 8601."""
        return {"signer": self.signer, "organisation": self.organisation,
                "signed_at": self.signed_at.isoformat() if self.signed_at else None, "signed_at_claimed": True,
                "trust": self.trust.value, "trust_reason": self.trust_reason, "integrity": self.integrity.value,
                "reason": self.reason, "signatures": self.signatures, "valid": self.valid}


def signature_status(check: SignatureCheck | None) -> str:
    """One word for a dossier's signature: "unsigned", or the check's `status`."""
    return UNSIGNED if check is None else check.status


def check_signature(path: Path, trust_roots: Sequence[bytes] = ()) -> SignatureCheck | None:
    """The check of the dossier's first signature, or None when it is not signed. `trust_roots`:
    the DER bytes of the certificates the reviewer trusts (`trusted_certificates` reads them).
    Raises DossierError (one line) for a file that is not a readable PDF."""
    path = Path(path)
    data = _read(path)
    signatures = _embedded_signatures(path, data)
    if not signatures:
        return None
    return _checked(signatures[0], data, list(trust_roots), len(signatures))


def trusted_certificates(extra: Iterable[Path] = (), folder: Path | None = None) -> tuple[bytes, ...]:
    """The DER bytes of the certificates the reviewer trusts: every certificate file in `folder`
    (by default `trusted_certificates/` of the data folder), then those of `extra`. Raises
    DossierError (one line) for a file that holds no certificate."""
    folder = data_dir() / TRUSTED_FOLDER if folder is None else Path(folder)
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in CERTIFICATE_SUFFIXES) if folder.is_dir() else []
    found: list[bytes] = []
    for file in [*files, *map(Path, extra)]:
        found += _certificates_in(file)
    return tuple(found)


def _certificates_in(path: Path) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        if path.stat().st_size > MAX_TRUSTED_FILE_BYTES:
            raise DossierError(SIGN_ERRORS["not_certificate"].format(path=path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise DossierError(SIGN_ERRORS["no_certificate"].format(path=path)) from None
    except OSError as error:
        raise DossierError(SIGN_ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None
    try:
        if b"-----BEGIN" in data:
            return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(data)]
        return [x509.load_der_x509_certificate(data).public_bytes(Encoding.DER)]
    except ValueError:
        raise DossierError(SIGN_ERRORS["not_certificate"].format(path=path)) from None


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=ERRORS["no_such_file"])) from None
    except OSError as error:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None
    if not data.startswith(b"%PDF-"):
        raise DossierError(ERRORS["not_pdf"].format(path=path))
    return data


def _embedded_signatures(path: Path, data: bytes) -> list:
    from pyhanko.pdf_utils.reader import PdfFileReader

    _quiet_pyhanko()
    try:
        return list(PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures)
    except Exception:  # a damaged or hostile file makes the parser raise anything: it is no PDF we can read
        raise DossierError(ERRORS["not_pdf"].format(path=path)) from None


def _checked(embedded, data: bytes, trust_roots: list[bytes], count: int) -> SignatureCheck:
    from asn1crypto import x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    # The roots are only those given (an empty list is no roots, not the system's); nothing is fetched.
    context = ValidationContext(trust_roots=[x509.Certificate.load(der) for der in trust_roots], allow_fetching=False)
    # A signing certificate may say "digital signature" or "non-repudiation" (pyHanko asks for the latter only).
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    try:
        status = validate_pdf_signature(embedded, context, key_usage_settings=usage)
    except Exception:  # whatever a hostile signature makes the parsers raise, it is a broken signature, not a crash
        return _unreadable(embedded, count)
    integrity = _integrity(status, embedded, data)
    trust = _trust(status, trust_roots) if integrity[0] is not Integrity.BROKEN else (Trust.NOT_CHECKED, None)
    return SignatureCheck(*_names(status.signing_cert), _aware(status.signer_reported_dt), *trust, *integrity,
                          signatures=count)


def _unreadable(embedded, count: int) -> SignatureCheck:
    """A signature pyHanko cannot even evaluate: broken, and vouching for nobody."""
    try:
        names = _names(embedded.signer_cert)
    except Exception:  # the certificate is as unreadable as the rest
        names = ("", "")
    return SignatureCheck(*names, None, Trust.NOT_CHECKED, None, Integrity.BROKEN, "sign.reason.unreadable", count)


def _names(certificate) -> tuple[str, str]:
    subject = certificate.subject.native
    return str(subject.get("common_name", "")), str(subject.get("organization_name", ""))


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.timezone.utc)


# Why a certificate that chains to a trusted one is still not relied on: pyHanko's AdES
# sub-indication, by name, to our message ids.
_TRUST_REASONS = {
    "OUT_OF_BOUNDS_NO_POE": "sign.reason.expired", "OUT_OF_BOUNDS_NOT_REVOKED": "sign.reason.expired",
    "EXPIRED": "sign.reason.expired", "NOT_YET_VALID": "sign.reason.not_yet_valid",
    "REVOKED_NO_POE": "sign.reason.revoked", "REVOKED_CA_NO_POE": "sign.reason.revoked",
    "CHAIN_CONSTRAINTS_FAILURE": "sign.reason.not_for_signing",
    "CRYPTO_CONSTRAINTS_FAILURE": "sign.reason.weak_algorithm",
    "CRYPTO_CONSTRAINTS_FAILURE_NO_POE": "sign.reason.weak_algorithm",
}


def _trust(status, trust_roots: list[bytes]) -> tuple[Trust, str | None]:
    if status.trusted:
        return Trust.TRUSTED, None
    certificate = status.signing_cert
    # asn1crypto says "maybe" when issuer and subject agree but the signature was not checked. A
    # self-signed certificate the reviewer trusts, yet out of its dates, is told as invalid instead.
    if certificate.self_signed != "no" and certificate.dump() not in trust_roots:
        return Trust.SELF_SIGNED, None
    problem = status.trust_problem_indic
    if problem is None or problem.name == "NO_CERTIFICATE_CHAIN_FOUND":
        return Trust.UNKNOWN_ISSUER, None
    return Trust.INVALID_CERTIFICATE, _TRUST_REASONS.get(problem.name, "sign.reason.certificate")


def _integrity(status, embedded, data: bytes) -> tuple[Integrity, str | None]:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if not status.intact:
        return Integrity.BROKEN, "sign.reason.digest"
    if not status.valid:
        return Integrity.BROKEN, "sign.reason.signature"
    coverage = status.coverage
    if coverage is SignatureCoverageLevel.ENTIRE_FILE:
        return Integrity.INTACT, None
    if coverage is not SignatureCoverageLevel.ENTIRE_REVISION:
        return Integrity.BROKEN, "sign.reason.coverage"
    if embedded.signed_revision == embedded.reader.xrefs.total_revisions - 1:
        # No later revision, yet the file runs on past the signed bytes: pyHanko finds no change
        # to compare, but these bytes were not signed. Line ends a transfer may add are let be.
        end = embedded.byte_range[2] + embedded.byte_range[3]
        return (Integrity.INTACT, None) if not data[end:].strip() else (Integrity.CHANGED_AFTER_SIGNING,
                                                                         "sign.reason.appended")
    level = status.modification_level
    # Only later signatures (a signature fills its form field) or validation data added.
    if status.docmdp_ok and level is not None and level <= ModificationLevel.FORM_FILLING:
        return Integrity.INTACT, None
    return Integrity.CHANGED_AFTER_SIGNING, "sign.reason.updated"


def _quiet_pyhanko() -> None:
    # pyHanko logs each failed check (an unknown issuer, a change found) with a traceback; the
    # outcome is in the check returned, and a log on standard error would break the one-line output.
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
