"""Who applies, and for which system, as the draft's answers say.

The pack declares which questions ask for the two names (`applicant_name_question`,
`system_name_question`); the dossier's cover, its metadata and the file name the wizard suggests
read them here. A draft made before the pack asked for a name may still carry it in the draft's own
`applicant` / `system_name` fields: that is used only when the answer is missing.
"""

from __future__ import annotations

import re

from app.storage.drafts import Draft
from forms.schema import Pack

# Characters no file name may hold on one of the systems we run on, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
MAX_STEM = 100


def applicant_name(pack: Pack, draft: Draft) -> str:
    return _answer(draft, pack.applicant_name_question) or draft.applicant.strip()


def system_name(pack: Pack, draft: Draft) -> str:
    return _answer(draft, pack.system_name_question) or draft.system_name.strip()


def file_stem(name: str) -> str:
    """`name` made safe as a file name (without its extension); "" when nothing usable is left."""
    stem = " ".join(_UNSAFE.sub(" ", name).split())[:MAX_STEM]
    return stem.strip(" .")


def _answer(draft: Draft, question_id: str | None) -> str:
    answer = draft.answers.get(question_id) if question_id else None
    value = getattr(answer, "value", None)
    return value.strip() if isinstance(value, str) else ""
