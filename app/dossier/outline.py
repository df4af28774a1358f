"""The facts on the dossier's cover, which of the draft's answer sections each part of the dossier
shows, and whose name goes above the signature: the PDF (content.py) and the HTML page
(app/formats/html.py) lay out the same parts from the same answers, so both read these here. No
reportlab: the HTML page imports this.
"""

from __future__ import annotations

from app.dossier.texts import TEXT
from app.results.document import ResultDocument

# The profile (part 1): the sections that say who applies and what the system is.
PROFILE_SECTIONS = ("applicant", "system")
# With the derived results (part 4): the sections of the application itself, whatever the pack adds.
APPLICATION_SECTIONS = ("privacy", "plan", "measures", "transparency", "sandbox", "data")
# The question whose answer is the name above the signature line.
CONTACT_QUESTION = "applicant.contact_name"


def cover_rows(document: ResultDocument) -> list[tuple[str, str]]:
    """(label, value) of the cover's table: who applies, for which system, from which answers."""
    found = document.completeness
    given = (TEXT["complete"].format(required=found.required) if found.complete else TEXT["incomplete"].format(
        given=found.given, required=found.required, missing=len(found.missing), section=TEXT["missing"]))
    return [(TEXT["applicant"], document.applicant or TEXT["not_given"]),
            (TEXT["system"], document.system or TEXT["not_given"]),
            (TEXT["date"], document.answered_on.isoformat()),
            (TEXT["completeness"], given),
            (TEXT["pack"], TEXT["pack_value"].format(pack=document.pack_id, version=document.pack_version,
                                                     date=document.law_current_to.isoformat()))]
