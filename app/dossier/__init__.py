"""The application dossier: a PDF built from the core's assessment, with the draft inside it.

No Qt here; reportlab is imported only when a dossier is built, so start-up stays fast.
"""
