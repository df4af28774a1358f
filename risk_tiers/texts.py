"""The sentences the engine writes itself: the catalogue's `engine.*` messages, in the language in use.

Everything else a user reads (questions, reasons, obligations) comes from the pack's data. Each name
is looked up when it is used, so a change of language reaches results made after it.
"""

from catalogue import lazy, table

OPEN_QUESTION = table("engine.open_question")  # by status: unanswered, unsure; names {question}

BECAUSE = lazy("engine.because")  # {answer} to {question}

# Between the provisions or questions a headline lists (see risk_tiers/headline.py).
LIST_SEPARATOR = lazy("engine.list_separator")
QUOTED = lazy("engine.quoted")

# A secondary track's outcome while a more severe one is still possible: {reached} is the outcome's
# label, {possibly} the pack's words for the one it could still be.
TRACK_POSSIBLY = lazy("engine.track_possibly")

# The values the engine gives any derived result; the pack words its own (`value_labels`).
VERDICT_VALUES = table("engine.verdict_values")
CHECKLIST_STATUS = table("engine.checklist_status")

# A gap that an unanswered or unsure answer leaves undecided: {text} is the gap, {questions} the
# questions that settle it; the short form where the questions are a link away (the result panel).
GAP_UNDECIDED = lazy("engine.gap_undecided")
GAP_UNDECIDED_SHORT = lazy("engine.gap_undecided_short")

# A measure's status the applicant has not given, or answered unsure (never read as in place), and
# a planned one with its date: {status} in the pack's words, {date}.
STATUS_UNKNOWN = lazy("engine.status_unknown")
PLANNED_BY = lazy("engine.planned_by")
