"""Passphrase protection: a draft's bytes sealed with a key derived from a passphrase.

A protected draft is a small JSON envelope that says what it is (so the loader recognises it), how
the key was derived (scrypt, memory-hard, with its parameters and a random salt) and the cipher
(AES-256-GCM, with a random nonce), then the ciphertext. The envelope's header is bound to the
ciphertext as associated data, so changing any of it makes opening fail like a wrong passphrase.
Sealing and opening happen in memory: the plain text is never written anywhere by this module.

An envelope is read strictly: a file someone else made cannot make us allocate gigabytes or work
for minutes, since the key derivation's parameters are bounded before anything is derived. Nothing
here knows about drafts, the command line or the wizard; `cryptography` loads on first use.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import unicodedata
from typing import Any

from catalogue import table

FORMAT = "sandbox-applicant-kit/protected-draft"
ENVELOPE_VERSION = 1
KDF = "scrypt"
CIPHER = "aes-256-gcm"

# scrypt cost for new envelopes: 32 MiB of memory, about 0.1 s on a 2020 laptop core.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# What we accept when opening: enough room to raise the cost later, not enough to hurt.
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**17, 16, 4
MAX_SCRYPT_MEMORY = 128 * 2**20   # 128 * n * r bytes
MAX_SCRYPT_WORK = 2**21           # n * r * p; the default is 2**18
SALT_BYTES, NONCE_BYTES, KEY_BYTES, TAG_BYTES = 16, 12, 32, 16

TEXT = table("protect")  # `what` names the envelope's fields, as the file spells them


class ProtectionError(ValueError):
    """A protected draft that cannot be opened, or a passphrase that cannot be used. One line."""


class WrongPassphrase(ProtectionError):
    """The passphrase does not open the envelope, or the envelope was changed."""


def is_protected(data: Any) -> bool:
    """True when parsed JSON `data` is a protected-draft envelope (well formed or not)."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def seal(plain: bytes, passphrase: str) -> bytes:
    """The envelope (UTF-8 JSON) holding `plain` encrypted under `passphrase`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf, key = _sealing_key(passphrase)
    nonce = os.urandom(NONCE_BYTES)
    header = {
        "format": FORMAT,
        "version": ENVELOPE_VERSION,
        "kdf": kdf,
        "cipher": {"name": CIPHER, "nonce": _b64(nonce)},
    }
    ciphertext = AESGCM(key).encrypt(nonce, plain, _associated(header))
    envelope = dict(header, ciphertext=_b64(ciphertext))
    return (json.dumps(envelope, indent=1) + "\n").encode("ascii")


# Keys derived for sealing, by passphrase. The wizard seals on every autosave; deriving the key each
# time would cost a tenth of a second of the UI thread. One salt and key then serve a session's seals,
# each with its own random nonce, which AES-GCM allows for far more messages than a session writes.
# Holding the key in memory exposes nothing the passphrase held in memory does not.
_SEALING_KEYS: dict[str, tuple[dict, bytes]] = {}
MAX_SEALING_KEYS = 4


def _sealing_key(passphrase: str) -> tuple[dict, bytes]:
    if passphrase not in _SEALING_KEYS:
        kdf = {"name": KDF, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(os.urandom(SALT_BYTES))}
        if len(_SEALING_KEYS) >= MAX_SEALING_KEYS:
            _SEALING_KEYS.pop(next(iter(_SEALING_KEYS)))
        _SEALING_KEYS[passphrase] = (kdf, _derive(passphrase, kdf))
    return _SEALING_KEYS[passphrase]


def open_envelope(envelope: dict, passphrase: str) -> bytes:
    """The plain bytes inside a parsed envelope; ProtectionError, never garbage, when it cannot be."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, nonce, ciphertext = check_envelope(envelope)
    key = _derive(passphrase, header["kdf"])
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, _associated(header))
    except InvalidTag:
        raise WrongPassphrase(TEXT["wrong"]) from None


def check_envelope(envelope: Any) -> tuple[dict, bytes, bytes]:
    """(header, nonce, ciphertext) of a well-formed envelope whose costs are bounded, else ProtectionError."""
    if not is_protected(envelope):
        raise ProtectionError(TEXT["not_envelope"].format(what="format"))
    version = envelope.get("version")
    if not _is_int(version) or version < 1:
        raise ProtectionError(TEXT["not_envelope"].format(what="version"))
    if version > ENVELOPE_VERSION:
        raise ProtectionError(TEXT["newer"].format(version=version))
    _exact_keys(envelope, {"format", "version", "kdf", "cipher", "ciphertext"}, "fields")
    kdf, cipher = envelope["kdf"], envelope["cipher"]
    _exact_keys(kdf, {"name", "n", "r", "p", "salt"}, "kdf")
    _exact_keys(cipher, {"name", "nonce"}, "cipher")
    if kdf["name"] != KDF:
        raise ProtectionError(TEXT["unsupported"].format(what="kdf", name=str(kdf["name"])[:40]))
    if cipher["name"] != CIPHER:
        raise ProtectionError(TEXT["unsupported"].format(what="cipher", name=str(cipher["name"])[:40]))
    _check_scrypt_cost(kdf["n"], kdf["r"], kdf["p"])
    salt = _field_bytes(kdf["salt"], "salt")
    nonce = _field_bytes(envelope["cipher"]["nonce"], "nonce")
    ciphertext = _field_bytes(envelope["ciphertext"], "ciphertext")
    if not 8 <= len(salt) <= 64 or len(nonce) != NONCE_BYTES or len(ciphertext) < TAG_BYTES:
        raise ProtectionError(TEXT["not_envelope"].format(what="salt, nonce, ciphertext"))
    header = {key: envelope[key] for key in ("format", "version", "kdf", "cipher")}
    return header, nonce, ciphertext


def _check_scrypt_cost(n: Any, r: Any, p: Any) -> None:
    if not all(_is_int(value) for value in (n, r, p)):
        raise ProtectionError(TEXT["not_envelope"].format(what="kdf"))
    bounded = (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= MAX_SCRYPT_R and 1 <= p <= MAX_SCRYPT_P
               and 128 * n * r <= MAX_SCRYPT_MEMORY and n * r * p <= MAX_SCRYPT_WORK)
    if not bounded:
        # Shown as given, cut short: a hostile number could be thousands of digits long.
        raise ProtectionError(TEXT["too_costly"].format(n=str(n)[:12], r=str(r)[:12], p=str(p)[:12]))


def _derive(passphrase: str, kdf: dict) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not isinstance(passphrase, str) or not passphrase:
        raise ProtectionError(TEXT["empty"])
    # The same passphrase typed on another system may arrive in another Unicode form.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=_unb64(kdf["salt"]), length=KEY_BYTES, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(secret)


def _associated(header: dict) -> bytes:
    """The header in one canonical form, authenticated with the ciphertext."""
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _exact_keys(value: Any, keys: set[str], what: str) -> None:
    if not isinstance(value, dict) or set(value) != keys:
        raise ProtectionError(TEXT["not_envelope"].format(what=what))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _field_bytes(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise ProtectionError(TEXT["not_envelope"].format(what=what))
    try:
        return _unb64(value)
    except (binascii.Error, ValueError):
        raise ProtectionError(TEXT["not_envelope"].format(what=what)) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
