"""The sentences the engine writes itself, kept in one place so they can be translated later.

Everything else a user reads (questions, reasons, obligations) comes from the pack's data.
"""

OPEN_QUESTION = {
    "unanswered": "Not answered yet: \u201c{question}\u201d. The answer could change the result.",
    "unsure": "Answered \u201cunsure\u201d: \u201c{question}\u201d. Settling it could change the result.",
}

# Only for dates whose pack entry says they are not verified: checked against {source}, which is
# not the act's text in the Official Journal.
UNVERIFIED_DATE = (
    "The date {date} comes from {set_by}. It was checked against {source}, not against the act's "
    "text in the Official Journal: confirm it there before relying on it."
)

BECAUSE = "because you answered \u201c{answer}\u201d to \u201c{question}\u201d"

# Between the provisions a headline lists (see risk_tiers/headline.py).
LIST_SEPARATOR = "; "

# The model's status (GpaiStatus values), as every output words it.
GPAI_STATUS = {"none": "not a general-purpose AI model", "gpai": "general-purpose AI model",
               "gpai_systemic": "general-purpose AI model with systemic risk"}

# The values of derived results (DPIA need, Art 59 eligibility, access ...), as the report and the
# dossier print them.
VERDICT_VALUES = {"required": "required", "recommended": "recommended", "not_required": "not required",
                  "unknown": "not decided yet", "not_applicable": "does not apply",
                  "priority_and_free": "priority and free access", "standard": "standard access"}
CHECKLIST_STATUS = {"met": "all conditions met", "not_met": "not all conditions met",
                    "unknown": "not decided yet", "not_applicable": "does not apply"}
