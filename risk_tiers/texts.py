"""The sentences the engine writes itself, kept in one place so they can be translated later.

Everything else a user reads (questions, reasons, obligations) comes from the pack's data.
"""

OPEN_QUESTION = {
    "unanswered": "Not answered yet: \u201c{question}\u201d. The answer could change the result.",
    "unsure": "Answered \u201cunsure\u201d: \u201c{question}\u201d. Settling it could change the result.",
}

BECAUSE = "because you answered \u201c{answer}\u201d to \u201c{question}\u201d"

# Between the provisions or questions a headline lists (see risk_tiers/headline.py).
LIST_SEPARATOR = "; "
QUOTED = "\u201c{text}\u201d"

# A secondary track's outcome while a more severe one is still possible: {reached} is the outcome's
# label, {possibly} the pack's words for the one it could still be.
TRACK_POSSIBLY = "{reached} so far; {possibly}: settle the open points first"

# The values the engine gives any derived result; the pack words its own (`value_labels`).
VERDICT_VALUES = {"unknown": "not decided yet", "not_applicable": "does not apply"}
CHECKLIST_STATUS = {"met": "all conditions met", "not_met": "not all conditions met",
                    "unknown": "not decided yet", "not_applicable": "does not apply"}

# A gap that an unanswered or unsure answer leaves undecided: {text} is the gap, {questions} the
# questions that settle it.
GAP_UNDECIDED = "Possibly: {text} (settle first: {questions})"
# The same where the questions are a link away (the wizard's result panel).
GAP_UNDECIDED_SHORT = "Possibly: {text}"
