"""Certificates made at test time with `cryptography`: a test CA, a signer it issued, a self-signed
signer, an expired signer and one not valid yet, each written as a PKCS#12 file (the CA as PEM).

Elliptic-curve keys: made in milliseconds, so a module makes its own set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "correct horse"
NOW = dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class CertificateSet:
    folder: Path
    ca_pem: Path           # the test CA's certificate, to trust
    signer: Path           # issued by the CA; protected by PASSPHRASE
    signer_open: Path      # the same key and certificate, no passphrase
    self_signed: Path      # vouched for by itself; PASSPHRASE
    self_signed_pem: Path  # its certificate alone, to trust directly
    expired: Path          # issued by the CA, expired a month ago; PASSPHRASE
    not_yet_valid: Path    # issued by the CA, valid from next month; PASSPHRASE
    ca_only: Path          # a PKCS#12 file with the CA certificate and no key


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])


def _usage(ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def _certificate(subject: x509.Name, key, issuer: x509.Name, issuer_key, ca: bool = False,
                 start: dt.datetime = NOW - dt.timedelta(days=1),
                 end: dt.datetime = NOW + dt.timedelta(days=365)) -> x509.Certificate:
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(_usage(ca), critical=True)
            .sign(issuer_key, hashes.SHA256()))


def _p12(path: Path, key, certificate, chain, passphrase: str | None) -> Path:
    protection = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"test", key, certificate, chain or None, protection))
    return path


def _pem(path: Path, certificate: x509.Certificate) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def make_certificates(folder: Path) -> CertificateSet:
    folder.mkdir(parents=True, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Test Sandbox CA", "Test Authority")
    ca = _certificate(ca_name, ca_key, ca_name, ca_key, ca=True, end=NOW + dt.timedelta(days=3650))
    key = ec.generate_private_key(ec.SECP256R1())
    signer = _certificate(_name("Ada Applicant", "Acme AI"), key, ca_name, ca_key)
    own_key = ec.generate_private_key(ec.SECP256R1())
    own_name = _name("Self Made", "Nobody Ltd")
    own = _certificate(own_name, own_key, own_name, own_key, ca=True)
    old_key = ec.generate_private_key(ec.SECP256R1())
    old = _certificate(_name("Old Signer", "Acme AI"), old_key, ca_name, ca_key,
                       start=NOW - dt.timedelta(days=90), end=NOW - dt.timedelta(days=30))
    new_key = ec.generate_private_key(ec.SECP256R1())
    new = _certificate(_name("Early Signer", "Acme AI"), new_key, ca_name, ca_key,
                       start=NOW + dt.timedelta(days=30), end=NOW + dt.timedelta(days=90))
    ca_only = folder / "ca-only.p12"
    ca_only.write_bytes(pkcs12.serialize_key_and_certificates(None, None, None, [ca], serialization.NoEncryption()))
    return CertificateSet(
        folder=folder, ca_pem=_pem(folder / "ca.pem", ca),
        signer=_p12(folder / "signer.p12", key, signer, [ca], PASSPHRASE),
        signer_open=_p12(folder / "signer-open.p12", key, signer, [ca], None),
        self_signed=_p12(folder / "self.p12", own_key, own, [], PASSPHRASE),
        self_signed_pem=_pem(folder / "self.pem", own),
        expired=_p12(folder / "expired.p12", old_key, old, [ca], PASSPHRASE),
        not_yet_valid=_p12(folder / "early.p12", new_key, new, [ca], PASSPHRASE),
        ca_only=ca_only)
