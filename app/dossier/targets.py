"""The jurisdictions a draft targets, as every format of the dossier shows them: each one's result
document from the draft's one set of answers under its own pack (app/results/jurisdictions.py), and
the crosswalk among them (app/results/crosswalk.py): evidence reuse, never recognition.

Plain data, built in export.py; no reportlab here, so the HTML page and the JSON dossier read it too.
A draft that targets its own pack only has none: its dossier is as it always was.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.results.composed import each_result
from app.results.crosswalk import CrosswalkReport
from app.results.document import ResultDocument
from app.results.jurisdictions import CompositionError, Questionnaire, compose
from app.storage.drafts import Draft
from app.storage.paths import packs_dir
from catalogue import tr
from forms.loader import load_pack
from forms.registry import discover, find
from forms.schema import Pack


class TargetError(Exception):
    """A jurisdiction the draft targets whose pack is not here, or packs that cannot be asked together."""


@dataclass(frozen=True)
class Targets:
    # Each jurisdiction's result document, in the draft's order: the primary (its own pack) first.
    documents: tuple[ResultDocument, ...]
    crosswalk: CrosswalkReport


def targets(draft: Draft, pack: Pack) -> Targets | None:
    """The jurisdictions `draft` targets with their results, or None when it targets `pack` alone."""
    if len(draft.jurisdictions) < 2:
        return None
    packs = [pack, *_other_packs(draft.jurisdictions[1:])]
    try:
        asked = compose(packs)
    except CompositionError as error:
        raise TargetError(str(error)) from None
    return targets_of(draft, asked)


def targets_of(draft: Draft, asked: Questionnaire) -> Targets:
    """`targets` with the questionnaire already composed for `draft`'s jurisdictions (a reviewer's
    shelf composes it once for a dossier)."""
    return Targets(*each_result(asked, draft))


def _other_packs(pack_ids: list[str]) -> list[Pack]:
    found = discover(packs_dir())
    packs = []
    for pack_id in pack_ids:
        info = find(pack_id, "", found)
        if info is None:
            raise TargetError(tr("dossier.error.unknown_jurisdiction", id=pack_id))
        packs.append(load_pack(info.folder, packs=found))
    return packs
