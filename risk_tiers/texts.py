"""The sentences the engine writes itself, kept in one place so they can be translated later.

Everything else a user reads (questions, reasons, obligations) comes from the pack's data.
"""

OPEN_QUESTION = {
    "unanswered": "Not answered yet: \u201c{question}\u201d. The answer could change the result.",
    "unsure": "Answered \u201cunsure\u201d: \u201c{question}\u201d. Settling it could change the result.",
}

UNVERIFIED_DATE = (
    "The date {date} comes from {set_by}, which is reported as adopted but has not been checked "
    "against the Official Journal. Confirm it before relying on it."
)

MODEL_ONLY = "No AI-system tier applies; the model's obligations are listed below."

BECAUSE = "because you answered \u201c{answer}\u201d to \u201c{question}\u201d"
