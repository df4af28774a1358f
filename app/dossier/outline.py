"""What the dossier says where, for every format that lays it out: the parts of an application in the
order an authority reads one, which answers, findings and derived results each part shows, the
cover's facts, the obligations by the roles they fall on, and whose name goes above the signature.

The PDF (content.py) and the HTML page (app/formats/html.py) lay out the same `Outline` part by part
in the order of `PARTS`, so both show the same things in the same places. No answer is printed
twice: each part quotes only the answers the parts before it have not (`Printed`), and the annex
holds the rest. No reportlab here: the HTML page imports this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.dossier.authority import Branding, Extras
from app.dossier.texts import TEXT
from app.results.crosswalk import Cell
from app.results.document import Answer, DerivedPart, DutyPart, FindingPart, ObligationPart, ResultDocument, TablePart
from app.results.since import SinceReview, ThreadComment, ThreadReply
from catalogue import table, tr
from catalogue.formats import format_date, language_name
from risk_tiers.texts import LIST_SEPARATOR

STATUSES = table("crosswalk.status")
RELATIONS = table("crosswalk.relation")

# The parts after the cover and the contents, in order, each with the key of its title in the
# dossier's texts. The documents come only with a kit or documents added (`has_documents`); the
# changes since the version a reviewer saw only when the draft keeps the reviewer's feedback; the
# jurisdictions only when the draft targets more than its own pack (`extras.targets`).
PARTS = {"since_review": "since_review", "summary": "summary", "risks": "risks", "project": "project", "classification": "classification",
         "requirements": "obligations", "data_protection": "results", "plan": "plan", "open": "open",
         "declaration": "declaration", "jurisdictions": "jurisdictions", "annex": "annex", "documents": "documents"}
# The question whose answer is the name above the signature line.
CONTACT_QUESTION = "applicant.contact_name"


class Printed(set):
    """The questions whose answers the parts have quoted so far."""

    def new(self, answers: Iterable[Answer]) -> tuple[Answer, ...]:
        """Those of `answers` not quoted yet; from now on they are."""
        fresh = tuple(a for a in answers if a.question not in self)
        self.update(a.question for a in fresh)
        return fresh


@dataclass(frozen=True)
class Group:
    """A section's answers that no part before quoted, under the section's title."""

    id: str
    title: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Grounds:
    """The answers behind a result that no part before quoted, and how many of them one did."""

    answers: tuple[Answer, ...]
    quoted: int

    @property
    def quoted_key(self) -> str | None:
        """The key of the line saying some answers are quoted above, or None when none is."""
        if not self.quoted:
            return None
        return "also_quoted" if self.answers else "quoted_above"


@dataclass(frozen=True)
class Grounded:
    """A finding or a derived result, with its grounds."""

    item: FindingPart | DerivedPart
    grounds: Grounds


Piece = Group | Grounded


@dataclass(frozen=True)
class Outline:
    """What each part shows, each answer once (see PARTS for the parts' order)."""

    summary: tuple[Answer, ...]
    # The risks to people: the pack's tables of the part (their answers are the cells), then the
    # sections that stand there.
    risks: tuple[TablePart | Group, ...]
    project: tuple[Piece, ...]
    decision_path: tuple[Answer, ...]
    findings: tuple[Grounded, ...]
    excluded: tuple[Grounded, ...]
    obligations: tuple[tuple[tuple[str, ...], tuple[ObligationPart, ...]], ...]
    # By duty id: the answers quoted with the measure stated for it (its status, date, measure),
    # those not quoted before; their notes go with the measure.
    measures: dict[str, tuple[Answer, ...]]
    # The answers saying which duties the sandbox tests (the tables' column), not quoted before.
    tested: tuple[Answer, ...]
    requirements: tuple[Group, ...]
    data_protection: tuple[Piece, ...]
    plan: tuple[Piece, ...]
    annex: tuple[Group, ...]


def outline(document: ResultDocument) -> Outline:
    """The dossier's content part by part. Worked out in the order the parts are read, so each part
    quotes only what the parts before it have not."""
    printed = Printed()
    summary = printed.new(document.summary)
    tables = tuple(t for t in document.tables if t.part == "risks")
    printed.update(question for table in tables for question in table.questions)
    risks = tables + _sections(document, ("risks",), printed)
    project = _sections(document, ("project",), printed) + _derived(document, ("project",), printed)
    path = printed.new(document.decision_path)
    findings = tuple(_grounded(f, printed) for f in document.findings)
    excluded = tuple(_grounded(f, printed) for f in document.excluded)
    by_roles = _by_roles(document)
    measures = {duty.id: _measure(duty, document, printed) for duty in _duties_shown(by_roles, document)}
    tested = dict.fromkeys(d.tested_question for d in document.duties if d.tested_question)
    tested_answers = printed.new(a for a in (document.answer(q) for q in tested) if a)
    requirements = _sections(document, ("requirements",), printed)
    data_protection = (tuple(_grounded(p, printed) for p in document.derived if p.part not in ("project", "plan"))
                       + _sections(document, ("data_protection", "transparency"), printed))
    plan = _sections(document, ("plan",), printed) + _derived(document, ("plan",), printed)
    annex = tuple(Group(s.id, s.title, fresh) for s in document.sections if (fresh := printed.new(s.answers)))
    return Outline(summary, risks, project, path, findings, excluded, by_roles, measures, tested_answers, requirements,
                   data_protection, plan, annex)


def _duties_shown(by_roles, document: ResultDocument) -> list[DutyPart]:
    """The duties in the order the requirements show them: with their obligations, then the rest by group."""
    duties = [o.duty for _, obligations in by_roles for o in obligations if o.duty]
    return duties + [duty for group in document.duty_groups().values() for duty in group]


def _measure(duty: DutyPart, document: ResultDocument, printed: Printed) -> tuple[Answer, ...]:
    """The answers quoted with a duty's measure (its status, date, the measure) not quoted before;
    the measure's question is quoted from now on."""
    answers = printed.new(a for a in (document.answer(q) for q in duty.questions) if a)
    printed.add(duty.question)
    return answers


def _sections(document: ResultDocument, parts: tuple[str, ...], printed: Printed) -> tuple[Group, ...]:
    """The sections standing in `parts`, each with its answers given (or noted) not quoted before;
    a question asked and not answered is left for the annex."""
    groups = (Group(s.id, s.title, printed.new(a for a in s.answers if a.given or a.note))
              for s in document.sections if s.part in parts)
    return tuple(group for group in groups if group.answers)


def _derived(document: ResultDocument, parts: tuple[str, ...], printed: Printed) -> tuple[Grounded, ...]:
    return tuple(_grounded(part, printed) for part in document.derived if part.part in parts)


def _grounded(item: FindingPart | DerivedPart, printed: Printed) -> Grounded:
    fresh = printed.new(item.because)
    return Grounded(item, Grounds(fresh, len(item.because) - len(fresh)))


def _by_roles(document: ResultDocument) -> tuple[tuple[tuple[str, ...], tuple[ObligationPart, ...]], ...]:
    """The obligations by the applicant's roles each falls on (each obligation once), groups in the
    order they first appear; the roles are ids, `document.role_name` names them."""
    held = [role.id for role in document.roles]
    groups: dict[tuple[str, ...], list[ObligationPart]] = {}
    for obligation in document.obligations:
        groups.setdefault(tuple(r for r in held if r in obligation.roles), []).append(obligation)
    return tuple((roles, tuple(duties)) for roles, duties in groups.items())


# --- words both layouts print the same -------------------------------------------------------

def shown_date(date, width: str = "long") -> str:
    """A date as the dossier's language writes it ("2. August 2026", "2 août 2026"); a table's
    narrow column takes the "medium" width ("02.08.2026", "2 août 2026")."""
    return format_date(date, width)


def has_documents(extras: Extras) -> bool:
    """Whether the dossier has the documents' part: with a kit, or with documents added."""
    return bool(extras.enclosures or extras.missing or extras.branding is not None)


def cover_title(branding: Branding | None) -> str:
    return TEXT["title"] if branding is None else TEXT["kit_title"].format(sandbox=branding.sandbox)


def cover_rows(document: ResultDocument, branding: Branding | None = None) -> list[tuple[str, str]]:
    """(label, value) of the cover's table: who applies, for which system, from which answers (and,
    with a kit, to which sandbox and authority, by which deadline)."""
    rows = [(TEXT["applicant"], document.applicant or TEXT["not_given"]),
            (TEXT["system"], document.system or TEXT["not_given"])]
    if branding is not None:
        sandbox = (TEXT["sandbox_value"].format(sandbox=branding.sandbox, call=branding.call) if branding.call
                   else branding.sandbox)
        rows += [(TEXT["sandbox"], sandbox), (TEXT["authority"], branding.authority)]
        if branding.deadline is not None:
            deadline = shown_date(branding.deadline)
            rows.append((TEXT["deadline"], TEXT["deadline_passed"].format(date=deadline) if branding.closed
                         else deadline))
    rows += [(TEXT["date"], shown_date(document.answered_on)),
             (TEXT["answers_language"], TEXT["answers_language_value"].format(
                 language=language_name(document.answers_language))),
             (TEXT["completeness"], completeness_text(document)),
             (TEXT["pack"], TEXT["pack_value"].format(pack=document.pack_id, version=document.pack_version,
                                                      date=shown_date(document.law_current_to)))]
    if branding is not None:
        rows.append((TEXT["kit"], branding.kit))
    return rows


def completeness_text(document: ResultDocument) -> str:
    found = document.completeness
    if found.complete:
        return TEXT["complete"].format(required=found.required)
    return TEXT["incomplete"].format(given=found.given, required=found.required, missing=len(found.missing),
                                     section=TEXT["missing"])


def applies_for(document: ResultDocument) -> str:
    """The summary's first line: who applies with which system."""
    return TEXT["applies_for"].format(applicant=document.applicant or TEXT["not_given"],
                                      system=document.system or TEXT["not_given"])


def open_count(document: ResultDocument) -> str:
    return TEXT["open_count"].format(open=len(document.open_points), gaps=len(document.gaps))


def status_counts_text(document: ResultDocument) -> str:
    """How many requirements stand at each status, in words ("" when none is asked)."""
    return LIST_SEPARATOR.join(TEXT["status_count"].format(count=n, status=status)
                               for n, status in document.status_counts().values())


def date_source(obligation: ObligationPart) -> str | None:
    """What sets the date an obligation applies from, and whether it is verified; None without a date."""
    if obligation.applies_from is None:
        return None
    source = TEXT["applies_from"].format(date=shown_date(obligation.applies_from), set_by=obligation.set_by)
    return source if obligation.verified else f"{source}; {TEXT['unverified'].format(source=obligation.source)}"


def duty_group_title(group: str) -> str:
    return TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize())


def declaration_text(document: ResultDocument) -> str:
    """What the applicant declares: the pack's words, else the catalogue's."""
    return document.declaration_text or TEXT["declaration_text"]


def signer_name(document: ResultDocument) -> str:
    """The name above the signature line: the contact person's, when given."""
    contact = document.answer(CONTACT_QUESTION)
    return contact.value if contact and contact.given else TEXT["not_given"]


def since_intro(since: SinceReview) -> str:
    """Which version the reviewer saw, when they wrote, and what they said of the application."""
    return TEXT["since_intro"].format(fingerprint=since.fingerprint, reviewer=since.reviewer or "-",
                                      date=shown_date(since.written.date()),
                                      status=tr(f"review.review_status.{since.status}"))


def changed_value(words: str) -> str:
    return words or TEXT["since_no_answer"]


def comment_heading(comment: ThreadComment) -> str:
    target = tr(f"feedback.target.{comment.kind}") + (f" “{comment.target}”" if comment.target else "")
    return TEXT["since_comment"].format(status=tr(f"feedback.comment_status.{comment.status}"),
                                        author=comment.author or "-", target=target)


def reply_text(reply: ThreadReply) -> str:
    return TEXT["since_reply"].format(author=reply.author or "-", date=shown_date(reply.at.date()), text=reply.text)


def jurisdiction_title(document: ResultDocument) -> str:
    """A jurisdiction's name as the dossier heads its result: the pack's title, id, version and law date."""
    return TEXT["jurisdiction_heading"].format(title=document.pack_title, id=document.pack_id,
                                               version=document.pack_version, date=shown_date(document.law_current_to))


def evidence_lines(cell: Cell) -> list[tuple[str, str]]:
    """What a crosswalk cell says, line by line, each with its kind for the page to style:
    "requirement", "citation", "status" or "small" (how it relates, what a partial counterpart
    leaves to show, what is missing)."""
    if cell.status == "none":
        return [("small", STATUSES["none"])]
    lines = [("requirement", cell.requirement), ("citation", cell.citation), ("status", STATUSES[cell.status])]
    lines += [("small", RELATIONS[cell.relation])] if cell.relation else []
    lines += [("small", cell.note)] if cell.note else []
    if cell.missing and cell.status != "covered":
        lines.append(("small", TEXT["evidence_missing"].format(missing=cell.missing)))
    return lines


def open_and_gaps(document: ResultDocument) -> str:
    return TEXT["open_and_gaps"].format(open=len(document.open_points), gaps=len(document.gaps))
