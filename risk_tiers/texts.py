"""The sentences the engine writes itself: the catalogue's `engine.*` messages, in the language in use.

Everything else a user reads (questions, reasons, obligations) comes from the pack's data. Each name
is looked up when it is used, so a change of language reaches results made after it.
"""

from catalogue import lazy, table

OPEN_QUESTION = table("engine.open_question")  # by status: unanswered, unsure; names {question}

UNVERIFIED_DATE = lazy("engine.unverified_date")  # {date} from {set_by}, not yet checked

BECAUSE = lazy("engine.because")  # {answer} to {question}

# Between the provisions or questions a headline lists (see risk_tiers/headline.py).
LIST_SEPARATOR = lazy("engine.list_separator")
QUOTED = lazy("engine.quoted")

# The model's status (GpaiStatus values), as every output words it.
GPAI_STATUS = table("engine.gpai_status")

# The model's status while a more severe one is still possible: {status} reached, {possible} not excluded.
GPAI_POSSIBLY = lazy("engine.gpai_possibly")

# The values of derived results (DPIA need, Art 59 eligibility, access ...), as the report and the
# dossier print them.
VERDICT_VALUES = table("engine.verdict_values")
CHECKLIST_STATUS = table("engine.checklist_status")

# A gap that an unanswered or unsure answer leaves undecided: {text} is the gap, {questions} the
# questions that settle it.
GAP_UNDECIDED = lazy("engine.gap_undecided")
