"""A kit's manifest (`kit.yaml` at the root of its archive): who hands the application out, for
which sandbox and call, with which pack, texts, logo, dates and attachments.

The model is strict (frozen, no unknown keys), so a typo fails when the kit is checked, naming the
field. `schema_json()` is the JSON Schema published in `resources/kits/kit.schema.json` for
authorities' editors and validators; a test keeps it equal to this model.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catalogue import ntr, tr
from forms.registry import is_range
from forms.schema import Colour, Id

MANIFEST = "kit.yaml"
FORMAT = 1
SCHEMA_ID = "https://sandbox-applicant-kit.example/kit.schema.json"

Name = Annotated[str, Field(min_length=1, max_length=200)]
Line = Annotated[str, Field(max_length=500)]
Version = Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?$", max_length=40)]
# A file inside the kit's archive: plain names in folders, never climbing out.
Entry = Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*(/[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*)*$",
                             max_length=200)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
Extension = Annotated[str, Field(pattern=r"^[a-z0-9]{1,10}$")]
# A text in the kit's languages: one file (in its first language) or a file per language.
TextFile = Entry | dict[Language, Entry]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Extends(Strict):
    """The pack the kit builds on, by id and a version range (">=1.0,<2"; empty: any version)."""

    id: Id
    version: str = Field("", max_length=100)

    @field_validator("version")
    @classmethod
    def _a_range(cls, value: str) -> str:
        if not is_range(value):
            raise ValueError(tr("kit.manifest.not_a_range", example=">=1.0,<2"))
        return value


class Authority(Strict):
    name: Name
    short_name: Line = ""
    website: Annotated[str, Field(pattern=r"^https://[^\s]+$", max_length=500)] | None = None


class Cohort(Strict):
    """When the sandbox's cohort runs."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _in_order(self) -> "Cohort":
        if self.end < self.start:
            raise ValueError(tr("kit.manifest.cohort_order"))
        return self


class Sandbox(Strict):
    name: Name
    call: Line = ""  # the call for applications, in a few words
    # The last day applications are accepted.
    deadline: dt.date | None = None
    cohort: Cohort | None = None


class Contact(Strict):
    name: Line = ""
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)] | None = None
    phone: Annotated[str, Field(pattern=r"^[0-9 +()./\-]{3,40}$")] | None = None
    address: Annotated[str, Field(max_length=1000)] = ""


class Colours(Strict):
    primary: Colour
    accent: Colour | None = None


class Attachment(Strict):
    """A document the authority asks for (or welcomes) with the application."""

    id: Id
    title: Name
    help: Annotated[str, Field(max_length=2000)] = ""
    required: bool = False
    # File name extensions accepted ("pdf"); none listed: any file.
    types: tuple[Extension, ...] = ()


class KitManifest(Strict):
    """The manifest of an authority kit: `kit.yaml` at the root of a `.sandboxkit` archive."""

    format: Literal[1] = Field(description="The manifest's format: 1.")
    id: Id = Field(description="The kit's id, dotted lower-case words: nordland.ai_sandbox.")
    version: Version = Field(description="The kit's version, 1.0 or 1.0.0; a changed kit gets a new one.")
    extends: Extends = Field(description="The pack the kit builds on: its id and a version range.")
    languages: tuple[Language, ...] = Field(
        min_length=1, max_length=40, description="The languages the kit is offered in; its texts are in the first.")
    authority: Authority
    sandbox: Sandbox
    contact: Contact = Contact()
    colours: Colours | None = Field(None, description="The authority's colours, as #rrggbb.")
    logo: Entry | None = Field(None, description="The authority's logo in the archive: a PNG or an SVG file.")
    intro: TextFile = Field(description="The introduction the wizard opens with: a UTF-8 text file, or one per language.")
    privacy: TextFile = Field(description="The privacy notice: a UTF-8 text file, or one per language.")
    submission: TextFile | None = Field(None, description="How and where to submit the application: a text file.")
    overlay: Entry | None = Field(None, description=(
        "A pack overlay in YAML, as a pack that extends another writes it but without id, version or extends: "
        "the sections, questions, gaps and dates the authority adds (include, add_questions, sections, gaps, "
        "dates, texts). It cannot change a rule, duty, date or result of the pack it extends."))
    attachments: tuple[Attachment, ...] = Field((), max_length=50, description="The documents asked for.")
    translations: dict[Language, Entry] = Field({}, description=(
        "For each language but the first, a YAML file: the overlay's texts as a pack's translations have them, "
        "and under `kit:` the manifest's own (authority, sandbox, contact, attachments by id)."))

    @model_validator(mode="after")
    def _consistent(self) -> "KitManifest":
        ids = [a.id for a in self.attachments]
        duplicate = next((i for i in ids if ids.count(i) > 1), None)
        if duplicate:
            raise ValueError(tr("kit.manifest.attachment_twice", id=duplicate))
        for name in ("intro", "privacy", "submission"):
            files = getattr(self, name)
            if isinstance(files, dict) and self.languages[0] not in files:
                raise ValueError(tr("kit.manifest.no_first_language", field=name, language=self.languages[0]))
        other = next((code for code in self.translations if code not in self.languages[1:]), None)
        if other:
            raise ValueError(tr("kit.manifest.translation_language", language=other))
        return self

    def days_left(self, today: dt.date) -> int | None:
        """Days until the deadline (0 on its day, negative after it); None without one."""
        deadline = self.sandbox.deadline
        return None if deadline is None else (deadline - today).days

    def entries(self) -> dict[str, str]:
        """Every file the manifest names: entry -> the field that names it."""
        named: dict[str, str] = {}
        for field in ("logo", "overlay", "intro", "privacy", "submission"):
            value = getattr(self, field)
            if isinstance(value, str):
                named[value] = field
            elif isinstance(value, dict):
                named.update({entry: f"{field}.{code}" for code, entry in value.items()})
        named.update({entry: f"translations.{code}" for code, entry in self.translations.items()})
        return named


# From this many days before the deadline on, it is shown as a warning.
SOON = 14


def deadline_text(manifest: KitManifest, today: dt.date) -> str | None:
    """The deadline with the days left ("... 119 days left"), on its day, or passed; None without one."""
    from catalogue.formats import format_date

    days = manifest.days_left(today)
    if days is None:
        return None
    date = format_date(manifest.sandbox.deadline)
    if days > 0:
        return ntr("kit.deadline.days", days, date=date)
    if days == 0:
        return tr("kit.deadline.today", date=date)
    return ntr("kit.deadline.passed", -days, date=date)


def cohort_text(manifest: KitManifest) -> str | None:
    from catalogue.formats import format_date

    cohort = manifest.sandbox.cohort
    return tr("kit.cohort", start=format_date(cohort.start), end=format_date(cohort.end)) if cohort else None


def summary_json(manifest: KitManifest) -> dict[str, Any]:
    """What the command line's JSON says of a kit (`kit check`, `kit list`, `questions` with --kit)."""
    sandbox = manifest.sandbox
    return {
        "id": manifest.id, "version": manifest.version,
        "authority": manifest.authority.model_dump(mode="json"),
        "sandbox": {"name": sandbox.name, "call": sandbox.call},
        "extends": manifest.extends.model_dump(mode="json"),
        "deadline": sandbox.deadline.isoformat() if sandbox.deadline else None,
        "cohort": sandbox.cohort.model_dump(mode="json") if sandbox.cohort else None,
        "languages": list(manifest.languages),
        "attachments": [a.model_dump(mode="json") for a in manifest.attachments],
    }


def schema() -> dict[str, Any]:
    data = KitManifest.model_json_schema()
    return {**data, "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Sandbox Applicant Kit: an authority kit's manifest (kit.yaml)"}


def schema_json() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
