"""Choosing the certificate to sign a dossier with, in the wizard: the PKCS#12 file, then its
passphrase when it has one (asked again after a wrong one, until the person cancels).

The questions go through the prompter (app/qt/prompter.py), so tests script them. pyHanko loads
here, when a person has chosen to sign, not before.
"""

from __future__ import annotations

from pathlib import Path

from app.qt.texts import TEXT


def choose_certificate(parent, prompter, folder: Path):
    """The certificate opened (app.dossier.signing.SigningCertificate), or None when the person
    cancels or the file cannot be used (then a dialog has said why)."""
    from app.dossier.export import DossierError
    from app.dossier.signing import PassphraseNeeded, WrongPassphrase, load_certificate

    path = prompter.open_certificate(parent, folder)
    if path is None:
        return None
    passphrase, retry = None, False
    while True:
        try:
            return load_certificate(path, passphrase)
        except (PassphraseNeeded, WrongPassphrase):
            retry = passphrase is not None  # one was given (an empty one too), and it did not open the file
        except DossierError as error:
            prompter.error(parent, TEXT["certificate_failed_title"], str(error))
            return None
        passphrase = prompter.ask_certificate_passphrase(parent, Path(path).name, retry)
        if passphrase is None:
            return None
