"""Every sentence the dossier prints itself: the catalogue's `dossier.*` messages, in the language in use.

Questions, reasons, obligations and citations come from the pack's data, not from here.
"""

from catalogue import table

TEXT = table("dossier")

# Messages of errors (one line each).
ERRORS = table("dossier.error")

# Messages of errors in signing a dossier and checking its signature (one line each).
SIGN_ERRORS = table("sign.error")
