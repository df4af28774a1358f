"""Evidence reuse between jurisdictions: for the jurisdictions chosen and a draft's answers, one row
per piece of evidence the crosswalks map (forms/crosswalks.py), one cell per jurisdiction: its
counterpart requirement with its citation, how it relates to the first jurisdiction's, whether the
answers (or a document added) already cover it, and what is missing. Never "recognition": one
law's decision is not taken for another's; only the evidence is reused.

The report is a model (`CrosswalkReport`), so `crosswalk --json` and its published JSON Schema
(`crosswalk-1`) come from one place.
"""

from __future__ import annotations

from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict

from app.results.jurisdictions import Questionnaire, answers_for
from catalogue import table
from forms.citations import label
from forms.conditions import Truth
from forms.crosswalks import EVIDENCE, Crosswalk, Row, Side, crosswalks_for
from forms.evaluation import Evaluation

FORMAT = "sandbox-applicant-kit/crosswalk"
VERSION = 1
EVIDENCE_NAMES = table("crosswalk.evidence")
Status = Literal["covered", "missing", "open", "none"]
_STATUS = {Truth.TRUE: "covered", Truth.FALSE: "missing", Truth.UNKNOWN: "open"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Jurisdiction(_Model):
    id: str
    version: str
    title: str
    law_current_to: str


class Cell(_Model):
    """One jurisdiction's counterpart of a piece of evidence; status "none" when no crosswalk
    chosen maps it (then the other fields are empty)."""

    jurisdiction: str
    requirement: str
    refs: list[str]
    citation: str
    # How this requirement relates to the first jurisdiction's, as the crosswalk states it from its
    # first pack to its second; None for the first jurisdiction and where there is no counterpart.
    relation: Literal["same", "partly", "supports"] | None
    note: str
    status: Status
    # What the applicant still has to show, where the status is not "covered".
    missing: str
    # The documents added to the draft (their file names) that cover it.
    documents: list[str]


class EvidenceRow(_Model):
    evidence: str
    label: str
    cells: list[Cell]


class CrosswalkReport(_Model):
    format: Literal["sandbox-applicant-kit/crosswalk"] = FORMAT
    format_version: Literal[1] = VERSION
    # What this is: evidence one application can reuse for another, never a recognition of one
    # jurisdiction's decision by another.
    kind: Literal["evidence_reuse"] = "evidence_reuse"
    jurisdictions: list[Jurisdiction]
    rows: list[EvidenceRow]


def crosswalk_report(questionnaire: Questionnaire, crosswalks: tuple[Crosswalk, ...], answers: Mapping,
                     attached: Mapping[str, list[str]] | None = None,
                     shown: list[str] | None = None) -> CrosswalkReport:
    """The evidence reuse among `questionnaire`'s packs (those of `shown` when given, in its order),
    the first pack's requirement leading each row. `attached`: document kind -> the names of the
    documents of that kind added to the draft."""
    packs = tuple(questionnaire.pack(pack_id) for pack_id in shown) if shown else questionnaire.packs
    chosen = crosswalks_for([pack.id for pack in packs], crosswalks)
    evaluations = {pack.id: Evaluation(pack, answers_for(questionnaire, pack.id, answers)) for pack in packs}
    rows = []
    for evidence in EVIDENCE:
        cells = [_cell(pack.id, index, packs[0].id, evidence, chosen, evaluations[pack.id], attached or {})
                 for index, pack in enumerate(packs)]
        if any(cell.status != "none" for cell in cells):
            rows.append(EvidenceRow(evidence=evidence, label=EVIDENCE_NAMES[evidence], cells=cells))
    heads = [Jurisdiction(id=p.id, version=p.version, title=p.title, law_current_to=p.law_current_to.isoformat())
             for p in packs]
    return CrosswalkReport(jurisdictions=heads, rows=rows)


def documents_by_kind(attachments) -> dict[str, list[str]]:
    """The `attached` that `crosswalk_report` reads: the names of a draft's added documents
    (app/storage/drafts.py `attachments`), by their kind."""
    attached: dict[str, list[str]] = {}
    for document in attachments:
        attached.setdefault(document.kind, []).append(document.name)
    return attached


def _cell(pack_id: str, index: int, first: str, evidence: str, chosen: list[Crosswalk], evaluation: Evaluation,
          attached: Mapping[str, list[str]]) -> Cell:
    found = _mapping(pack_id, index, first, evidence, chosen)
    if found is None:
        return Cell(jurisdiction=pack_id, requirement="", refs=[], citation="", relation=None, note="",
                    status="none", missing="", documents=[])
    row, side = found
    documents = [name for kind in side.documents for name in attached.get(kind, [])]
    status = "covered" if documents else _STATUS[evaluation.truth(side.covered)]
    return Cell(jurisdiction=pack_id, requirement=side.requirement, refs=list(side.refs),
                citation="; ".join(label(ref) for ref in side.refs), relation=row.relation if index else None,
                note=row.note if index else "", status=status, missing="" if status == "covered" else side.missing,
                documents=documents)


def _mapping(pack_id: str, index: int, first: str, evidence: str,
             chosen: list[Crosswalk]) -> tuple[Row, Side] | None:
    """The row and side for `pack_id`: with the first jurisdiction where it is another, else from
    any crosswalk chosen that maps the evidence for it."""
    for crosswalk in chosen:
        if pack_id not in crosswalk.packs or (index and first not in crosswalk.packs):
            continue
        row = crosswalk.row(evidence)
        if row is not None:
            return row, row.sides[pack_id]
    return None
