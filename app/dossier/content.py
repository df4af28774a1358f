"""The dossier's pages, read from the result document, in the order an authority reads an application:
the cover, a one-page summary, the risks to people as a table, the project and the system, the
classification with the answers that decided it, the requirements and obligations with how far each
is, data protection and transparency, the sandbox plan on pages of its own, the open points and
gaps, the declaration, and every other answer in an annex.

No answer, reason or duty is printed twice: each part notes the answers it quotes (`Printed`), and
later parts and the annex leave them out. Nothing here decides anything about the law or words a
result: the document (app/results/document.py) holds every result, answer and citation in words.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, PageBreak, Spacer, Table, TableStyle

from app.dossier.flowables import (BADGE, BADGE_TEXT, BOLD, CELL, DUTY, FINDING, GAP_REFS, H2, HEAD, ITEM, LABEL,
                                   MAIN, NOTE, QUESTION, SMALL, TITLE, H1, Heading, long_text, plain)
from app.dossier.authority import Branding, Extras
from app.dossier.layout import Block, Contents
from app.dossier.texts import TEXT
from catalogue import ntr
from catalogue.formats import format_number
from risk_tiers.texts import LIST_SEPARATOR
from app.results.document import (Answer, Cited, DerivedPart, DutyPart, FindingPart, ObligationPart, ResultDocument,
                                  SectionAnswers, TablePart)

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

def cover_rows(document: ResultDocument, branding: Branding | None = None) -> list[tuple[str, str]]:
    """(label, value) of the cover's table: who applies, for which system, from which answers (and,
    with a kit, to which sandbox and authority, by which deadline)."""
    rows = [(TEXT["applicant"], document.applicant or TEXT["not_given"]),
            (TEXT["system"], document.system or TEXT["not_given"])]
    if branding is not None:
        sandbox = TEXT["sandbox_value"].format(sandbox=branding.sandbox, call=branding.call) if branding.call else branding.sandbox
        rows += [(TEXT["sandbox"], sandbox), (TEXT["authority"], branding.authority)]
        if branding.deadline is not None:
            deadline = branding.deadline.isoformat()
            rows.append((TEXT["deadline"], TEXT["deadline_passed"].format(date=deadline) if branding.closed else deadline))
    rows += [(TEXT["date"], document.answered_on.isoformat()),
             (TEXT["completeness"], _completeness(document)),
             (TEXT["pack"], TEXT["pack_value"].format(pack=document.pack_id, version=document.pack_version,
                                                      date=document.law_current_to.isoformat()))]
    if branding is not None:
        rows.append((TEXT["kit"], branding.kit))
    return rows


def _completeness(document: ResultDocument) -> str:
    found = document.completeness
    if found.complete:
        return TEXT["complete"].format(required=found.required)
    return TEXT["incomplete"].format(given=found.given, required=found.required, missing=len(found.missing),
                                     section=TEXT["missing"])


def _masthead(branding: Branding) -> list:
    """The authority's logo and name, and the sandbox's, at the top of the cover."""
    names = [plain(branding.authority, H2), plain(branding.sandbox)]
    if branding.logo_png is None:
        return names + [Spacer(1, 8 * mm)]
    logo = Image(io.BytesIO(branding.logo_png), width=18 * mm, height=18 * mm, kind="proportional")
    table = Table([[logo, names]], colWidths=[24 * mm, 141 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return [table, Spacer(1, 8 * mm)]


def cover(document: ResultDocument, fingerprint: str, branding: Branding | None = None) -> list:
    table = _table([[plain(k, SMALL), plain(v)] for k, v in cover_rows(document, branding)], [45 * mm, 120 * mm])
    top = [Spacer(1, 25 * mm)] if branding is None else [Spacer(1, 6 * mm), *_masthead(branding)]
    title = TEXT["title"] if branding is None else TEXT["kit_title"].format(sandbox=branding.sandbox)
    return [*top, plain(title, TITLE), table, Spacer(1, 12 * mm),
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
    counts = document.status_counts()
    if counts:
        words = LIST_SEPARATOR.join(TEXT["status_count"].format(count=n, status=status)
                                           for n, status in counts.values())
        story += [plain(TEXT["requirements_status"], LABEL), plain(words, ITEM)]
    story += [plain(TEXT["completeness"], LABEL), plain(_completeness(document), ITEM)]
    story += [plain(TEXT["still_open"], LABEL),
              plain(TEXT["open_count"].format(open=len(document.open_points), gaps=len(document.gaps)), ITEM)]
    return story + [PageBreak()]


def risks(document: ResultDocument, printed: Printed) -> list:
    """The risks to people and how they are limited, as the pack's tables of the part put them: a
    row for each kind of risk chosen. On the first pages, where a reviewer looks for them."""
    story: list = [Heading(TEXT["risks"], 0)]
    tables = [t for t in document.tables if t.part == "risks"]
    for table in tables:
        printed.update(table.questions)
        if len(tables) > 1:
            story.append(Heading(table.title, 1))
        story += [_answer_table(table)] if table.rows else [plain(TEXT["none"])]
        story += _notes([cell for row in table.rows for cell in row.cells if cell])
    for section in document.sections:
        if section.part == "risks":
            story += _titled(section.title, _answers(section, printed))
    return story


def _answer_table(table: TablePart) -> Table:
    head = [plain(table.label, HEAD)] + [plain(column, HEAD) for column in table.columns]
    rows = [[plain(row.label, HEAD)] + [plain(_answer_value(cell) if cell else "", CELL) for cell in row.cells]
            for row in table.rows]
    # The wider columns for the longer answers (a name is shorter than a plan), none too narrow for a word.
    lengths = [sum(len(row.cells[i].value) if row.cells[i] else 0 for row in table.rows) / len(table.rows)
               for i in range(len(table.columns))]
    weights = [max(length, 60) ** 0.5 for length in lengths]
    rest = 165 * mm - 32 * mm
    widths = [32 * mm] + [rest * weight / sum(weights) for weight in weights]
    grid = Table([head] + rows, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey),
                              ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.lightgrey)]))
    return grid


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
    their dates, each with how far the applicant's measure for it is, whether the sandbox tests it
    and the measure stated; then the duties no obligation shows, the same way."""
    roles = [role.name for role in document.roles]
    # The heading, the roles and the first requirement together, not the heading alone at a page's foot.
    story: list = [CondPageBreak(70 * mm), Heading(TEXT["obligations"], 0),
                   plain(TEXT["roles"].format(roles=", ".join(roles)) if roles else TEXT["no_roles"])]
    if not document.obligations:
        story.append(plain(TEXT["no_obligations"]))
    sources: dict[str, int] = {}
    for held, obligations in _by_roles(document).items():
        if held:
            story.append(Heading(", ".join(document.role_name(role) for role in held), 1))
        story.append(_obligations(obligations, sources, printed, document))
    notes = [plain(TEXT["date_source"].format(number=n, source=source), SMALL) for source, n in sources.items()]
    story += [Spacer(1, 2 * mm), Block(notes)] if notes else []
    for group, duties in document.duty_groups().items():
        story.append(Heading(TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize()), 1))
        for duty in duties:
            block = [plain(duty.text, DUTY), plain(_refs(duty), SMALL)]
            block += [plain(TEXT["status_line"].format(status=duty.status_text), ITEM)] if duty.status else []
            story.append(Block(block + _measure(duty, printed, document)))
    story += _tested(document, printed)
    for section in document.sections:
        if section.part == "requirements":
            story += _titled(section.title, _answers(section, printed))
    return story


def _obligations(obligations: list[ObligationPart], sources: dict[str, int], printed: Printed,
                 document: ResultDocument) -> Table:
    """The obligations as a table: the requirement and its provisions, from when it applies, and,
    where the applicant gives it, how far the measure is and whether the sandbox tests it, with the
    measure stated on a line of its own below."""
    if not any(o.duty for o in obligations):
        return _table([[[plain(o.text, CELL), plain(_refs(o), SMALL)], plain(_when(o, sources), SMALL)]
                       for o in obligations], [125 * mm, 40 * mm])
    rows = [[plain(TEXT[key], HEAD) for key in ("col_requirement", "col_from", "col_status", "col_sandbox")]]
    spans = []
    for obligation in obligations:
        duty = obligation.duty
        rows.append([[plain(obligation.text, CELL), plain(_refs(obligation), SMALL)],
                     plain(_when(obligation, sources), SMALL), plain(duty.status_text if duty else "\u2014", CELL),
                     plain(duty.tested_text if duty and duty.tested_text else "\u2014", CELL)])
        if duty:
            spans.append(len(rows))
            rows.append([_measure(duty, printed, document, CELL), "", "", ""])
    table = Table(rows, colWidths=[86 * mm, 26 * mm, 28 * mm, 25 * mm], repeatRows=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey)]
    style += [("SPAN", (0, row), (-1, row)) for row in spans]
    ruled = {row - 1 for row in spans}  # a requirement and its measure read as one: the rule goes under both
    style += [("LINEBELOW", (0, row), (-1, row), 0.3, colors.lightgrey)
              for row in range(1, len(rows)) if row not in ruled]
    style += [("TOPPADDING", (0, row), (-1, row), 0) for row in spans]
    table.setStyle(TableStyle(style))
    return table


def _measure(duty: DutyPart, printed: Printed, document: ResultDocument, style: ParagraphStyle = ITEM) -> list:
    """The measure the applicant states for a duty, and the notes on its answers (its status, its
    date, the measure), which are quoted here and nowhere else."""
    answers = printed.new(a for a in (document.answer(q) for q in duty.questions) if a)
    printed.add(duty.question)
    state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
    notes = [TEXT["your_note"].format(note=a.note) for a in answers if a.note]
    return [p for text in (state, *notes) for p in long_text(text, style)]


def _tested(document: ResultDocument, printed: Printed) -> list:
    """The notes on the answers that say which duties the sandbox tests (their answers are the
    column of the table above)."""
    questions = dict.fromkeys(d.tested_question for d in document.duties if d.tested_question)
    answers = printed.new(a for a in (document.answer(q) for q in questions) if a)
    return _notes(answers)


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


def documents(extras: Extras) -> list:
    """The annex of the documents attached inside the PDF: each with its name, size and SHA-256, and
    the documents the kit requires that are missing."""
    if not extras.enclosures and not extras.missing and extras.branding is None:
        return []
    story: list = [CondPageBreak(60 * mm), Heading(TEXT["documents"], 0)]
    if extras.enclosures:
        story.append(plain(TEXT["documents_intro"], SMALL))
        rows = [[plain(TEXT["document_columns"][key], SMALL) for key in ("document", "file", "size")]]
        for enclosure in extras.enclosures:
            rows.append([plain(enclosure.title),
                         [plain(enclosure.name), plain(TEXT["sha256"].format(hash=enclosure.sha256), SMALL)],
                         plain(ntr("dossier.bytes", enclosure.size, size=format_number(enclosure.size)), SMALL)])
        table = Table(rows, colWidths=[50 * mm, 85 * mm, 30 * mm], repeatRows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
        story.append(table)
    else:
        story.append(plain(TEXT["no_documents"]))
    if extras.missing:
        story.append(Heading(TEXT["documents_missing"], 1))
        story += [plain("\u2610 " + title, ITEM) for title in extras.missing]
    return story


def story(document: ResultDocument, fingerprint: str, extras: Extras = Extras()) -> list:
    printed = Printed()
    return (cover(document, fingerprint, extras.branding) + contents() + summary(document, printed)
            + risks(document, printed) + project(document, printed)
            + classification(document, printed) + requirements(document, printed)
            + data_protection(document, printed) + plan(document, printed) + open_points(document)
            + declaration(document, fingerprint) + annex(document, printed) + documents(extras))
