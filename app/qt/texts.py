"""Every sentence the wizard writes itself: the catalogue's `qt.*` messages, in the language in use.

Questions, help, reasons and obligations come from the pack; the result sentences from
`app.results.report` and `risk_tiers.texts`. Templates use named fields, never sentences glued in code.
`TEXT["save"]` is looked up on each use, so a change of language reaches what is built after it.
"""

from catalogue import lazy, table

APP_TITLE = lazy("qt.app_title")

TEXT = table("qt")

# The step list's word for a section's status (done, incomplete, not_applicable).
STATUS_TEXT = table("qt.status")
