"""A draft that targets several jurisdictions as the wizard saves it: the example's answers, each
shared fact the composed questionnaire asks once answered under the fact's id (core.*) instead of
the EU pack's own question, which the wizard then does not ask; the draft's own `applicant` and
`system_name` fields empty, as the wizard leaves them (the names are the shared facts' answers)."""

from __future__ import annotations

from pathlib import Path

from app.results.composed import questionnaire_for
from app.storage.drafts import Draft, load_draft

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "credit_scoring.json"
TARGETED = ("eu_ai_act", "utah_ai_lab", "china_ai")


def as_the_wizard_saves(draft: Draft, pack, jurisdictions=TARGETED) -> Draft:
    """`draft` targeting `jurisdictions`, its answers to the questions that stand for a shared fact
    moved to the fact's id, as the composed questionnaire asks them."""
    targeting = Draft.model_validate({**draft.model_dump(), "jurisdictions": list(jurisdictions),
                                      "applicant": "", "system_name": ""})
    questionnaire = questionnaire_for(pack, targeting.jurisdictions)
    answers = dict(targeting.answers)
    for own, core in questionnaire.shared[pack.id].items():
        if own != core and own in answers:
            answers[core] = answers.pop(own)
    return targeting.model_copy(update={"answers": answers})


def several_draft(pack, jurisdictions=TARGETED) -> Draft:
    return as_the_wizard_saves(load_draft(EXAMPLE), pack, jurisdictions)
