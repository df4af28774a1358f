"""The dossier in other formats than the PDF: one accessible HTML page and the data as JSON, both
written from the result document (app/results/document.py), and the draft read back from either.
"""
