"""The dossier's pages, read from the result document, in the order an authority reads an application:
the cover, a one-page summary, the project and the system, the classification with the answers that
decided it, the requirements and obligations, data protection and transparency, the sandbox plan on
pages of its own, the open points and gaps, the declaration, and every other answer in an annex.

No answer, reason or duty is printed twice: each part notes the answers it quotes (`Printed`), and
later parts and the annex leave them out. Nothing here decides anything about the law or words a
result: the document (app/results/document.py) holds every result, answer and citation in words.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table, TableStyle

from app.dossier.flowables import (BADGE, BADGE_TEXT, BOLD, DUTY, FINDING, GAP_REFS, H2, ITEM, LABEL, MAIN,
                                   NOTE, QUESTION, SMALL, TITLE, H1, Heading, long_text, plain)
from app.dossier.layout import Block, Contents
from app.dossier.texts import TEXT
from app.results.document import (Answer, Cited, DerivedPart, FindingPart, ObligationPart, ResultDocument,
                                  SectionAnswers)

# The question whose answer is the name above the signature line.
CONTACT_QUESTION = "applicant.contact_name"
NO_COLOUR = "#5f6368"  # grey: an outcome the pack gives no colour, nothing assessed, a track set aside


class Printed(set):
    """The questions whose answers the pages have quoted so far."""

    def new(self, answers) -> list[Answer]:
        """Those of `answers` not quoted yet; from now on they are."""
        fresh = [a for a in answers if a.question not in self]
        self.update(a.question for a in fresh)
        return fresh


def _refs(part: Cited) -> str:
    return TEXT["refs"].format(refs=part.citations)


def _answer_value(answer: Answer) -> str:
    return answer.value if answer.given else TEXT["unanswered"]


def _titled(title: str, body: list, level: int = 1) -> list:
    """A heading with its body, or nothing when there is nothing under it."""
    return [Heading(title, level)] + body if body else []


def _table(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
    return table


# --- the cover and the summary ---------------------------------------------------------------

def cover_rows(document: ResultDocument) -> list[tuple[str, str]]:
    """(label, value) of the cover's table: who applies, for which system, from which answers."""
    return [(TEXT["applicant"], document.applicant or TEXT["not_given"]),
            (TEXT["system"], document.system or TEXT["not_given"]),
            (TEXT["date"], document.answered_on.isoformat()),
            (TEXT["completeness"], _completeness(document)),
            (TEXT["pack"], TEXT["pack_value"].format(pack=document.pack_id, version=document.pack_version,
                                                     date=document.law_current_to.isoformat()))]


def _completeness(document: ResultDocument) -> str:
    found = document.completeness
    if found.complete:
        return TEXT["complete"].format(required=found.required)
    return TEXT["incomplete"].format(given=found.given, required=found.required, missing=len(found.missing),
                                     section=TEXT["missing"])


def cover(document: ResultDocument, fingerprint: str) -> list:
    table = _table([[plain(k, SMALL), plain(v)] for k, v in cover_rows(document)], [45 * mm, 120 * mm])
    return [Spacer(1, 25 * mm), plain(TEXT["title"], TITLE), table, Spacer(1, 12 * mm),
            plain(TEXT["primary_tier"], H2), badge(document), Spacer(1, 4 * mm), *_track_lines(document),
            Spacer(1, 10 * mm), plain(TEXT["fingerprint"], SMALL), plain(fingerprint, SMALL),
            Spacer(1, 6 * mm), plain(TEXT["disclaimer"], SMALL), PageBreak()]


def _track_lines(document: ResultDocument) -> list:
    return [plain(TEXT["track"].format(track=track.label, status=track.status)) for track in document.tracks]


def badge(document: ResultDocument) -> Table:
    # The headline in its colour: an undecided result is "possibly ..." in the colour of what it
    # could still be; a relieved one never reads as the outcome alone.
    headline = document.headline
    cells = [[plain(headline.title, BADGE)]] + ([[plain(headline.summary, BADGE_TEXT)]] if headline.summary else [])
    table = Table(cells, colWidths=[165 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(headline.colour or NO_COLOUR)),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (0, 0), 7),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 7)]))
    return table


def contents() -> list:
    styles = [ParagraphStyle("toc0", fontName=BOLD, fontSize=10, leading=14),
              ParagraphStyle("toc1", fontName=MAIN, fontSize=9, leading=11, leftIndent=14)]
    return [plain(TEXT["contents"], H1), Contents(styles), PageBreak()]


def summary(document: ResultDocument, printed: Printed) -> list:
    """One page: the result with its certainty, what the system and the sandbox are for, how
    complete the application is and what is still open."""
    who = TEXT["applies_for"].format(applicant=document.applicant or TEXT["not_given"],
                                     system=document.system or TEXT["not_given"])
    story: list = [Heading(TEXT["summary"], 0), plain(who, H2), badge(document), Spacer(1, 2 * mm),
                   *_track_lines(document)]
    for answer in printed.new(document.summary):
        story += [plain(answer.text, LABEL), *long_text(answer.value, ITEM)]
        story += long_text(TEXT["your_note"].format(note=answer.note), NOTE) if answer.note else []
    story += [plain(TEXT["completeness"], LABEL), plain(_completeness(document), ITEM)]
    story += [plain(TEXT["still_open"], LABEL),
              plain(TEXT["open_count"].format(open=len(document.open_points), gaps=len(document.gaps)), ITEM)]
    return story + [PageBreak()]


# --- the project, the classification, the requirements -------------------------------------

def project(document: ResultDocument, printed: Printed) -> list:
    story: list = [Heading(TEXT["project"], 0)]
    for section in document.sections:
        if section.part == "project":
            story += _titled(section.title, _answers(section, printed))
    for part in document.derived:
        if part.part == "project":
            story += _derived(part, printed)
    return story


def _answers(section: SectionAnswers, printed: Printed, with_unanswered: bool = False) -> list:
    """The section's answers (and notes) not quoted before; with_unanswered: the questions asked and
    not answered too."""
    story = []
    for answer in printed.new(a for a in section.answers if a.given or a.note or with_unanswered):
        block = [plain(answer.text, QUESTION), *long_text(_answer_value(answer), ITEM)]
        if answer.note:
            block += long_text(TEXT["your_note"].format(note=answer.note), NOTE)
        story += [Block(block[:3])] + block[3:]  # kept together: the question and its first lines
    return story


def classification(document: ResultDocument, printed: Printed) -> list:
    # The badge is on the summary: here the result in one line, then how it was reached.
    story: list = [Heading(TEXT["classification"], 0), plain(document.headline.label, FINDING),
                   Heading(TEXT["decision_path"], 1)]
    path = printed.new(document.decision_path)
    story += [plain(TEXT["path_step"].format(number=n, question=a.text, answer=a.value), ITEM)
              for n, a in enumerate(path, 1)] or [plain(TEXT["no_path"])]
    story += _notes(path)
    story.append(Heading(TEXT["findings"], 1))
    story += [_finding(f, printed) for f in document.findings] or [plain(TEXT["no_findings"])]
    if document.excluded:
        story += [Heading(TEXT["excluded"], 1)] + [_finding(f, printed) for f in document.excluded]
    return story


def _notes(answers: list[Answer]) -> list:
    return [p for a in answers if a.note for p in long_text(TEXT["note_on"].format(question=a.text, note=a.note), SMALL)]


def _finding(finding: FindingPart, printed: Printed) -> Block:
    block = [plain(finding.reason or finding.rule, FINDING), plain(_refs(finding), ITEM)]
    block += _because(finding.because, printed)
    if finding.caveat:
        block.append(plain(TEXT["caveat"].format(text=finding.caveat), ITEM))
    return Block(block + [Spacer(1, 2 * mm)])


def _because(because: tuple[Answer, ...], printed: Printed) -> list:
    """The answers behind a result not quoted before; a line saying so when some were."""
    fresh = printed.new(because)
    lines = [plain(TEXT["because"].format(answer=a.value, question=a.text), SMALL) for a in fresh]
    lines += _notes(fresh)
    if len(fresh) < len(because):
        lines.append(plain(TEXT["also_quoted" if fresh else "quoted_above"], SMALL))
    return lines


def requirements(document: ResultDocument, printed: Printed) -> list:
    """What applies, once each: the obligations grouped by the applicant's roles they fall on, with
    their dates; then each duty with the measure the applicant states for it."""
    roles = [role.name for role in document.roles]
    story: list = [Heading(TEXT["obligations"], 0),
                   plain(TEXT["roles"].format(roles=", ".join(roles)) if roles else TEXT["no_roles"])]
    if not document.obligations:
        story.append(plain(TEXT["no_obligations"]))
    sources: dict[str, int] = {}
    for held, duties in _by_roles(document).items():
        if held:
            story.append(Heading(", ".join(document.role_name(role) for role in held), 1))
        rows = [[plain("\u2610"), [plain(o.text), plain(_refs(o), SMALL)], plain(_when(o, sources), SMALL)]
                for o in duties]
        story.append(_table(rows, [7 * mm, 110 * mm, 48 * mm]))
    notes = [plain(TEXT["date_source"].format(number=n, source=source), SMALL) for source, n in sources.items()]
    story += [Spacer(1, 2 * mm), Block(notes)] if notes else []
    for group, duties in document.duty_groups().items():
        story.append(Heading(TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize()), 1))
        for duty in duties:
            printed.add(duty.question)  # the measure is the answer to that question
            state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
            story.append(Block([plain(duty.text, DUTY), plain(_refs(duty), SMALL), *long_text(state, ITEM)]))
    return story


def _by_roles(document: ResultDocument) -> dict[tuple[str, ...], list[ObligationPart]]:
    """The obligations by the applicant's roles each falls on (each obligation once)."""
    held = [role.id for role in document.roles]
    groups: dict[tuple[str, ...], list[ObligationPart]] = {}
    for obligation in document.obligations:
        groups.setdefault(tuple(r for r in held if r in obligation.roles), []).append(obligation)
    return groups


def _when(obligation: ObligationPart, sources: dict[str, int]) -> str:
    """"from DATE [n]", where note n says what sets the date and whether it is verified."""
    if obligation.applies_from is None:
        return TEXT["applies_now"]
    date = obligation.applies_from.isoformat()
    source = TEXT["applies_from"].format(date=date, set_by=obligation.set_by)
    source = source if obligation.verified else f"{source}; {TEXT['unverified'].format(source=obligation.source)}"
    number = sources.setdefault(source, len(sources) + 1)
    return TEXT["from_date"].format(date=date, number=number)


# --- data protection, transparency, the plan -------------------------------------------------

def data_protection(document: ResultDocument, printed: Printed) -> list:
    story: list = [Heading(TEXT["results"], 0)]
    for part in document.derived:
        if part.part not in ("project", "plan"):
            story += _derived(part, printed)
    for section in document.sections:
        if section.part in ("data_protection", "transparency"):
            story += _titled(section.title, _answers(section, printed))
    return story


def plan(document: ResultDocument, printed: Printed) -> list:
    story: list = [PageBreak(), Heading(TEXT["plan"], 0)]
    for section in document.sections:
        if section.part == "plan":
            story += _titled(section.title, _answers(section, printed))
    for part in document.derived:
        if part.part == "plan":
            story += _derived(part, printed)
    return story


def _derived(part: DerivedPart, printed: Printed) -> list:
    if part.kind == "checklist":
        story: list = [Heading(TEXT["checklist"].format(title=part.title, status=part.value_text), 1)]
        if part.refs:
            story.append(plain(_refs(part), SMALL))
        story += [plain(TEXT["not_met"].format(text=e.text), ITEM) for e in part.unmet]
        story += [plain(TEXT["open_item"].format(text=e.text), ITEM) for e in part.open]
    else:
        story = [Heading(TEXT["verdict"].format(title=part.title, value=part.value_text), 1)]
        if part.reason:
            story.append(plain(part.reason))
        story += [plain("\u2022 " + counted, ITEM) for counted in part.counted]
        if part.refs:
            story.append(plain(_refs(part), SMALL))
        story += _because(part.because, printed)
    return story + [plain(TEXT["open_item"].format(text=q.text), ITEM) for q in part.open_questions]


# --- what is open, the declaration, the annex ------------------------------------------------

def open_points(document: ResultDocument) -> list:
    story: list = [Heading(TEXT["open"], 0), Heading(TEXT["missing"], 1)]
    story += [plain("\u2610 " + TEXT["missing_item"].format(text=m.text, section=m.section_title), ITEM)
              for m in document.completeness.missing] or [plain(TEXT["none"])]
    story.append(Heading(TEXT["open_points"], 1))
    story += [plain("\u2022 " + point.text, ITEM) for point in document.open_points] or [plain(TEXT["none"])]
    story.append(Heading(TEXT["gaps"], 1))
    story += [Block([plain("\u2610 " + gap.text, ITEM), plain(_refs(gap), GAP_REFS)])
              for gap in document.gaps] or [plain(TEXT["none"])]
    return story


def declaration(document: ResultDocument, fingerprint: str) -> list:
    line = "_" * 48
    contact = document.answer(CONTACT_QUESTION)
    rows = [(TEXT["name"], contact.value if contact and contact.given else TEXT["not_given"]), (TEXT["role"], line),
            (TEXT["date"], document.answered_on.isoformat()), (TEXT["signature"], "")]
    table = Table([[plain(k, SMALL), plain(v)] for k, v in rows], colWidths=[35 * mm, 130 * mm],
                  rowHeights=[None, None, None, 18 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (1, 3), (1, 3), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    text = document.declaration_text or TEXT["declaration_text"]
    refs = [plain(_refs(document.declaration), SMALL)] if document.declaration.refs else []
    return [CondPageBreak(90 * mm), Heading(TEXT["declaration"], 0), *long_text(text), *refs, Spacer(1, 4 * mm),
            table, Spacer(1, 6 * mm), plain(TEXT["fingerprint"], SMALL), plain(fingerprint, SMALL)]


def annex(document: ResultDocument, printed: Printed) -> list:
    """Every answer not quoted in the pages before, and the questions asked and not answered."""
    story: list = [PageBreak(), Heading(TEXT["annex"], 0), plain(TEXT["annex_scope"], SMALL)]
    for section in document.sections:
        answers = _answers(section, printed, with_unanswered=True)
        story += [CondPageBreak(30 * mm)] + _titled(section.title, answers) if answers else []
    return story


def story(document: ResultDocument, fingerprint: str) -> list:
    printed = Printed()
    return (cover(document, fingerprint) + contents() + summary(document, printed) + project(document, printed)
            + classification(document, printed) + requirements(document, printed)
            + data_protection(document, printed) + plan(document, printed) + open_points(document)
            + declaration(document, fingerprint) + annex(document, printed))
