"""The dossier as data: the result document and the draft in one JSON file,

    {"format": "sandbox-kit-dossier", "version": 2, "language": "en", "fingerprint": "…",
     "draft": {…}, "result": {…}, "kit": {…} | null, "documents": […], "missing_documents": […]}

and, for a draft that targets several jurisdictions, `jurisdictions` (each one's result, the
primary's first: `result` again) and `crosswalk` (the evidence one can reuse for another, as
`crosswalk --json` gives it); a draft of one jurisdiction has neither, as before.

for a program to read (a reviewer's register, another tool) rather than a person. `DossierData` is
its model: the export is written through it, and its JSON Schema, generated from it, is kept in
resources/schemas/dossier-2.schema.json (`python -m app.formats.schema` writes it again; a test
checks it is up to date).

Version 2 names `jurisdictions`, `crosswalk` and `result.since_review`, which version 1 gained as
optional fields after its schema was first published: a reader holding that earlier file refuses
them, so a dossier that may carry them says version 2. dossier-1.schema.json stays in the repository
as it is, for the files written then; a dossier of version 1 is read as before (`READS`). The words in `result` are in the language stated; ids and values are not
translated. The fingerprint is the SHA-256 of the draft as its file holds it, as on the PDF.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.dossier.authority import Extras
from app.dossier.outline import declaration_text
from app.formats.choice import JSON_DOSSIER_FORMAT
from app.results.crosswalk import CrosswalkReport
from app.results.document import (Answer, Completeness, DerivedPart, DutyPart, FindingPart, GapPart, Headline,
                                  ObligationPart, OpenPointPart, ResultDocument, Role, SectionAnswers, TablePart,
                                  TrackLine)
from app.results.since import SinceReview
from app.storage.drafts import Draft

FORMAT = JSON_DOSSIER_FORMAT
VERSION = 2
READS = (1, 2)  # the versions a dossier read back (`import`) may have
SCHEMA_ID = f"https://sandbox-kit.invalid/schemas/dossier-{VERSION}.schema.json"


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PackData(_Data):
    """The pack the result was worked out with, and how current its law is."""

    id: str
    version: str
    title: str
    law_current_to: dt.date
    law_note: str


class DeclarationData(_Data):
    """What the applicant declares above the signature, as the dossier prints it."""

    text: str = Field(description="The pack's declaration, else the application's own.")
    refs: tuple[str, ...] = Field(description="The provisions it rests on, by id.")
    citations: str = Field(description="The same provisions in words.")


class ResultData(_Data):
    """The result document (app/results/document.py) as data, part for part."""

    pack: PackData
    applicant: str
    system: str
    answered_on: dt.date
    primary_track: str
    headline: Headline
    summary: tuple[Answer, ...] = Field(description="The answers the pack puts in an application's summary, "
                                                    "those given, in its order.")
    decision_path: tuple[Answer, ...] = Field(description="The answers that decided the headline, each once, in "
                                                          "the order of the findings they ground.")
    provisional: bool = Field(description="An open question could still change the result.")
    tracks: tuple[TrackLine, ...]
    roles: tuple[Role, ...]
    findings: tuple[FindingPart, ...]
    excluded: tuple[FindingPart, ...]
    obligations: tuple[ObligationPart, ...]
    derived: tuple[DerivedPart, ...]
    duties: tuple[DutyPart, ...]
    open_points: tuple[OpenPointPart, ...]
    gaps: tuple[GapPart, ...]
    completeness: Completeness
    sections: tuple[SectionAnswers, ...]
    tables: tuple[TablePart, ...] = Field(description="The answers the pack shows as tables (the risks to people), "
                                                      "a row for each option chosen.")
    declaration: DeclarationData
    since_review: SinceReview | None = Field(None, description="With a reviewer's feedback kept in the draft: the "
                                                               "dossier reviewed, each answer changed since (the "
                                                               "words seen then and now) and the comments with the "
                                                               "replies.")


class KitData(_Data):
    """The authority's kit the application was made with, as the cover names it."""

    authority: str
    sandbox: str
    call: str
    kit: str = Field(description="The kit's id and version.")
    deadline: dt.date | None
    late: bool = Field(description="The deadline had passed when the dossier was made.")


class DocumentData(_Data):
    """A document sent with the application (not inside this file: the PDF dossier carries them)."""

    title: str = Field(description="What the kit calls it, or the words for another document.")
    name: str
    size: int
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class DossierData(_Data):
    format: Literal["sandbox-kit-dossier"]
    version: Literal[2]
    language: str = Field(description="The language of the result's words, as a BCP 47 tag.")
    fingerprint: str = Field(pattern="^[0-9a-f]{64}$", description="SHA-256 of the draft as its file holds it.")
    draft: Draft
    result: ResultData
    kit: KitData | None = None
    documents: tuple[DocumentData, ...] = ()
    missing_documents: tuple[str, ...] = Field((), description="The documents the kit requires that are not added.")
    jurisdictions: tuple[ResultData, ...] = Field((), description="With several jurisdictions targeted: the result "
                                                                 "under each, in the draft's order (the first is "
                                                                 "`result`'s pack); absent otherwise.")
    crosswalk: CrosswalkReport | None = Field(None, description="With several jurisdictions targeted: the evidence "
                                                                "one can reuse for another (evidence reuse, never "
                                                                "recognition); absent otherwise.")


def dossier_data(document: ResultDocument, draft: Draft, language: str, fingerprint: str,
                 extras: Extras = Extras()) -> DossierData:
    brand = extras.branding
    kit = (KitData(authority=brand.authority, sandbox=brand.sandbox, call=brand.call, kit=brand.kit,
                   deadline=brand.deadline, late=brand.closed) if brand is not None else None)
    documents = tuple(DocumentData(title=e.title, name=e.name, size=e.size, sha256=e.sha256) for e in extras.enclosures)
    targeted = extras.targets
    return DossierData(format=FORMAT, version=VERSION, language=language, fingerprint=fingerprint, draft=draft,
                       result=result_data(document), kit=kit, documents=documents,
                       missing_documents=extras.missing,
                       jurisdictions=tuple(result_data(d) for d in targeted.documents) if targeted else (),
                       crosswalk=targeted.crosswalk if targeted else None)


def dumped(found: DossierData) -> dict[str, Any]:
    """The JSON of `found`: the jurisdictions' fields only when several are targeted, so the dossier
    of a draft of one jurisdiction is as it was."""
    return found.model_dump(mode="json", exclude=set() if found.crosswalk else {"jurisdictions", "crosswalk"})


def result_data(document: ResultDocument) -> ResultData:
    pack = PackData(id=document.pack_id, version=document.pack_version, title=document.pack_title,
                    law_current_to=document.law_current_to, law_note=document.law_note)
    return ResultData(pack=pack, applicant=document.applicant, system=document.system,
                      answered_on=document.answered_on, primary_track=document.primary_track,
                      headline=document.headline, provisional=document.provisional, tracks=document.tracks,
                      roles=document.roles, findings=document.findings, excluded=document.excluded,
                      obligations=document.obligations, derived=document.derived, duties=document.duties,
                      open_points=document.open_points, gaps=document.gaps, completeness=document.completeness,
                      sections=document.sections, tables=document.tables, summary=document.summary, decision_path=document.decision_path,
                      declaration=DeclarationData(text=declaration_text(document), refs=document.declaration.refs,
                                                  citations=document.declaration.citations),
                      since_review=document.since_review)


# Two models share a name (an answer in the result, an answer in the draft): pydantic then names
# their definitions after their modules, which would change with a move. These names do not.
_DEFINITION_NAMES = {"app__results__document__Answer": "ResultAnswer", "app__storage__drafts__Answer": "DraftAnswer"}


def schema() -> dict[str, Any]:
    """The JSON Schema of a JSON dossier."""
    text = json.dumps(DossierData.model_json_schema())
    for generated, name in _DEFINITION_NAMES.items():
        text = text.replace(f'"{generated}"', f'"{name}"').replace(f'/$defs/{generated}"', f'/$defs/{name}"')
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **json.loads(text)}
