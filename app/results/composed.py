"""The questionnaire the wizard asks for a draft that targets several jurisdictions: one pack made of
the composed questionnaire (app/results/jurisdictions.py) — the shared facts once, then each
jurisdiction's own sections — so that the views built from a pack show it unchanged.

In a pack's own sections a condition may read a question that stands for a shared fact (the EU
pack's `privacy.personal_data`); the composed pack asks the fact instead, so such conditions read
the fact's id. Each jurisdiction's result is still worked out under its own pack (`assess`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from pydantic import BaseModel

from app.results.jurisdictions import JurisdictionResult, Questionnaire, compose
from app.storage.paths import packs_dir
from forms.conditions import AnswerTest
from forms.loader import load_pack
from forms.registry import discover, find
from forms.schema import Pack

if TYPE_CHECKING:
    from app.results.crosswalk import CrosswalkReport
    from app.results.document import ResultDocument
    from app.storage.drafts import Draft


def questionnaire_for(pack: Pack, jurisdictions: list[str] | tuple[str, ...]) -> Questionnaire | None:
    """The questionnaire of `pack` and the other jurisdictions named after it (those whose pack is
    not here are left out: opening such a draft says which is missing); None for `pack` alone."""
    if len(jurisdictions) < 2:
        return None
    found = discover(packs_dir())
    others = []
    for pack_id in jurisdictions[1:]:
        info = find(pack_id, "", found)
        if info is not None and pack_id != pack.id:
            others.append(load_pack(info.folder, packs=found))
    return compose([pack, *others]) if others else None


def asked_pack(pack: Pack, questionnaire: Questionnaire | None) -> Pack:
    """`pack` asking `questionnaire`'s sections (its own rules and results kept, the other packs'
    rules added for the conditions that read them); `pack` itself without a questionnaire."""
    if questionnaire is None:
        return pack
    relinked = {qid: core for found in questionnaire.shared.values() for qid, core in found.items() if qid != core}
    rules = {rule.id: rule for other in questionnaire.packs for rule in other.rules}
    rules.update({rule.id: rule for rule in pack.rules})
    return pack.model_copy(update={
        "sections": tuple(_relink(section, relinked) for section in questionnaire.all_sections()),
        "rules": tuple(_relink(rule, relinked) for rule in rules.values()),
    })


def glossary_pack(pack: Pack, questionnaire: Questionnaire | None, section_id: str) -> Pack:
    """The pack whose glossary the words of section `section_id` link to: a jurisdiction's own
    sections to its own pack's (a Colorado question's "deployer" is no AI Act deployer). The shared
    facts, asked once for every law, take the glossary of `pack`, the pack in use: its result leads
    the result panel and the dossier, and the core's words are the ones it would have asked itself."""
    if questionnaire is None:
        return pack
    owner = next((pack_id for pack_id, section in questionnaire.sections if section.id == section_id), None)
    return pack if owner is None or owner == pack.id else questionnaire.pack(owner)


def glossary_packs(pack: Pack, questionnaire: Questionnaire | None) -> tuple[Pack, ...]:
    """The packs whose glossaries Help > Glossary offers: `pack` first, then each other targeted
    jurisdiction's that has terms."""
    if questionnaire is None:
        return (pack,)
    return (pack, *(other for other in questionnaire.packs if other.id != pack.id and other.glossary))


def _relink(item: Any, relinked: Mapping[str, str]) -> Any:
    """`item` with every answer test on a linked question reading the shared fact instead."""
    if isinstance(item, AnswerTest):
        return item.model_copy(update={"q": relinked[item.q]}) if item.q in relinked else item
    if isinstance(item, BaseModel):
        changed = {name: _relink(value, relinked) for name, value in item.__dict__.items()}
        changed = {name: value for name, value in changed.items() if value is not item.__dict__[name]}
        return item.model_copy(update=changed) if changed else item
    if isinstance(item, tuple):
        found = tuple(_relink(value, relinked) for value in item)
        return item if all(a is b for a, b in zip(found, item)) else found
    if isinstance(item, list):
        return [_relink(value, relinked) for value in item]
    if isinstance(item, dict):
        return {key: _relink(value, relinked) for key, value in item.items()}
    return item


def primary_draft(draft: Draft, pack: Pack) -> Draft:
    """`draft` as its own `pack` reads it, for its result in the dossier and a reviewer's check: for
    a draft that targets several jurisdictions the wizard asks a shared fact once, under the fact's
    id, and each of the pack's questions that stands for it takes that answer (as the result panel
    reads it, app/qt/session.py); `draft` itself for its own pack alone."""
    return draft_for(questionnaire_for(pack, draft.jurisdictions), pack, draft)


def draft_for(questionnaire: Questionnaire | None, pack: Pack, draft: Draft) -> Draft:
    """`primary_draft` with the questionnaire already composed (for a caller that has it at hand:
    composing reads and loads the other packs); `draft` itself without one."""
    from app.results.jurisdictions import answers_for

    if questionnaire is None:
        return draft
    return draft.model_copy(update={"answers": answers_for(questionnaire, pack.id, draft.answers)})


def each_result(questionnaire: Questionnaire, draft: Draft, assessed: tuple[JurisdictionResult, ...] | None = None
                ) -> tuple[tuple[ResultDocument, ...], CrosswalkReport]:
    """Each jurisdiction's result document of `draft`'s answers (its own pack's first), and the
    evidence reuse among them, as the dossier's part of the jurisdictions shows them; `assessed`:
    `assess`'s results of those answers, when the caller has them already."""
    from app.results.crosswalk import crosswalk_report, documents_by_kind
    from app.results.document import result_document
    from app.results.jurisdictions import assess
    from forms.crosswalks import shipped_crosswalks

    documents = tuple(result_document(r.pack, draft_for(questionnaire, r.pack, draft), r.assessment)
                      for r in assessed or assess(questionnaire, draft.values(), draft.notes()))
    return documents, crosswalk_report(questionnaire, shipped_crosswalks(), draft.values(),
                                       documents_by_kind(draft.attachments))
