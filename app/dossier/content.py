"""The dossier's pages, read from the result document, in the order an authority reads an application:
the cover, a one-page summary, the risks to people as a table, the project and the system, the
classification with the answers that decided it, the requirements and obligations with how far each
is, data protection and transparency, the sandbox plan on pages of its own, the open points and
gaps, the declaration, every other answer in an annex, and with a kit or documents added, the annex
of the documents attached.

Which part shows what, and in which order, is the outline's (outline.py), which the HTML page lays
out too: no answer, reason or duty is printed twice. Nothing here decides anything about the law or
words a result: the document (app/results/document.py) holds every result, answer and citation in
words; this lays them out on pages.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table, TableStyle

from app.dossier.flowables import (BADGE, BADGE_TEXT, BOLD, CELL, DUTY, FINDING, GAP_REFS, H2, HEAD, ITEM, LABEL,
                                   MAIN, NOTE, QUESTION, SMALL, TITLE, H1, Heading, long_text, plain)
from app.dossier.authority import Branding, Extras
from app.dossier.layout import Block, Contents
from app.dossier.logo import logo_flowable
from app.dossier.outline import (PARTS, Grounded, Grounds, Group, Outline, Piece, applies_for, changed_value,
                                 comment_heading, completeness_text, cover_rows, cover_title, date_source,
                                 declaration_text, duty_group_title, evidence_lines, has_documents, jurisdiction_title,
                                 open_and_gaps, open_count, outline, reply_text, shown_date, signer_name, since_intro,
                                 status_counts_text)
from app.dossier.texts import TEXT
from app.results.crosswalk import Cell, CrosswalkReport
from app.results.document import Answer, Cited, DerivedPart, DutyPart, ObligationPart, ResultDocument, TablePart
from catalogue import ntr
from catalogue.formats import format_number

NO_COLOUR = "#5f6368"  # grey: an outcome the pack gives no colour, nothing assessed, a track set aside


def _refs(part: Cited) -> str:
    return TEXT["refs"].format(refs=part.citations)


def _answer_value(answer: Answer) -> str:
    return answer.value if answer.given else TEXT["unanswered"]


def _table(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
    return table


# --- the cover and the summary ---------------------------------------------------------------

def _masthead(branding: Branding) -> list:
    """The authority's logo and name, and the sandbox's, at the top of the cover."""
    names = [plain(branding.authority, H2), plain(branding.sandbox)]
    logo = logo_flowable(branding, 18 * mm)
    if logo is None:
        return names + [Spacer(1, 8 * mm)]
    table = Table([[logo, names]], colWidths=[24 * mm, 141 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return [table, Spacer(1, 8 * mm)]


def cover(document: ResultDocument, fingerprint: str, branding: Branding | None = None) -> list:
    table = _table([[plain(k, SMALL), plain(v)] for k, v in cover_rows(document, branding)], [45 * mm, 120 * mm])
    top = [Spacer(1, 25 * mm)] if branding is None else [Spacer(1, 6 * mm), *_masthead(branding)]
    return [*top, plain(cover_title(branding), TITLE), table, Spacer(1, 12 * mm),
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


def since_review(document: ResultDocument) -> list:
    """The answers changed since the version the reviewer saw, each with the value they saw and the
    value now, then their comments with the applicant's replies; nothing without their feedback."""
    since = document.since_review
    if since is None:
        return []
    story: list = [Heading(TEXT[PARTS["since_review"]], 0), plain(since_intro(since), SMALL)]
    if since.status_note:
        story.append(plain(TEXT["since_status_note"].format(note=since.status_note), ITEM))
    story.append(Heading(TEXT["since_answers"], 1))
    for change in since.changes:
        story += [plain(change.text, LABEL),
                  *long_text(TEXT["since_before"].format(value=changed_value(change.before)), NOTE),
                  *long_text(TEXT["since_after"].format(value=changed_value(change.after)), ITEM)]
    story += [] if since.changes else [plain(TEXT["since_no_changes"])]
    story.append(Heading(TEXT["since_comments"], 1))
    for comment in since.comments:
        story += [plain(comment_heading(comment), LABEL), *long_text(comment.text, ITEM)]
        story += [p for reply in comment.replies for p in long_text(reply_text(reply), NOTE)]
    story += [] if since.comments else [plain(TEXT["none"])]
    return story + [PageBreak()]


def summary(document: ResultDocument, found: Outline) -> list:
    """One page: the result with its certainty, what the system and the sandbox are for, how
    complete the application is and what is still open."""
    story: list = [Heading(TEXT[PARTS["summary"]], 0), plain(applies_for(document), H2), badge(document),
                   Spacer(1, 2 * mm), *_track_lines(document)]
    for answer in found.summary:
        story += [plain(answer.text, LABEL), *long_text(answer.value, ITEM)]
        story += long_text(TEXT["your_note"].format(note=answer.note), NOTE) if answer.note else []
    counts = status_counts_text(document)
    story += [plain(TEXT["requirements_status"], LABEL), plain(counts, ITEM)] if counts else []
    story += [plain(TEXT["completeness"], LABEL), plain(completeness_text(document), ITEM)]
    story += [plain(TEXT["still_open"], LABEL), plain(open_count(document), ITEM)]
    return story + [PageBreak()]


def risks(document: ResultDocument, found: Outline) -> list:
    """The risks to people and how they are limited, as the pack's tables of the part put them: a
    row for each kind of risk chosen. On the first pages, where a reviewer looks for them."""
    story: list = [Heading(TEXT[PARTS["risks"]], 0)]
    tables = [piece for piece in found.risks if isinstance(piece, TablePart)]
    for table in tables:
        if len(tables) > 1:
            story.append(Heading(table.title, 1))
        story += [_answer_table(table)] if table.rows else [plain(TEXT["none"])]
        story += _notes(tuple(cell for row in table.rows for cell in row.cells if cell))
    return story + _pieces(tuple(piece for piece in found.risks if isinstance(piece, Group)))


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

def _pieces(pieces: tuple[Piece, ...]) -> list:
    """Sections' answers under their titles and derived results, in the outline's order."""
    story: list = []
    for piece in pieces:
        story += _group(piece) if isinstance(piece, Group) else _derived(piece)
    return story


def _group(group: Group) -> list:
    """A section's title and its answers (and notes)."""
    story: list = [Heading(group.title, 1)]
    for answer in group.answers:
        block = [plain(answer.text, QUESTION), *long_text(_answer_value(answer), ITEM)]
        if answer.note:
            block += long_text(TEXT["your_note"].format(note=answer.note), NOTE)
        story += [Block(block[:3])] + block[3:]  # kept together: the question and its first lines
    return story


def project(document: ResultDocument, found: Outline) -> list:
    return [Heading(TEXT[PARTS["project"]], 0), *_pieces(found.project)]


def classification(document: ResultDocument, found: Outline) -> list:
    # The badge is on the summary: here the result in one line, then how it was reached.
    story: list = [Heading(TEXT[PARTS["classification"]], 0), plain(document.headline.label, FINDING),
                   Heading(TEXT["decision_path"], 1)]
    story += [plain(TEXT["path_step"].format(number=n, question=a.text, answer=a.value), ITEM)
              for n, a in enumerate(found.decision_path, 1)] or [plain(TEXT["no_path"])]
    story += _notes(found.decision_path)
    story.append(Heading(TEXT["findings"], 1))
    story += [_finding(f) for f in found.findings] or [plain(TEXT["no_findings"])]
    if found.excluded:
        story += [Heading(TEXT["excluded"], 1)] + [_finding(f) for f in found.excluded]
    return story


def _notes(answers: tuple[Answer, ...]) -> list:
    return [p for a in answers if a.note for p in long_text(TEXT["note_on"].format(question=a.text, note=a.note), SMALL)]


def _finding(grounded: Grounded) -> Block:
    finding = grounded.item
    block = [plain(finding.reason or finding.rule, FINDING), plain(_refs(finding), ITEM)]
    block += _because(grounded.grounds)
    if finding.caveat:
        block.append(plain(TEXT["caveat"].format(text=finding.caveat), ITEM))
    return Block(block + [Spacer(1, 2 * mm)])


def _because(grounds: Grounds) -> list:
    """The answers behind a result not quoted before; a line saying so when some were."""
    lines = [plain(TEXT["because"].format(answer=a.value, question=a.text), SMALL) for a in grounds.answers]
    lines += _notes(grounds.answers)
    if grounds.quoted_key:
        lines.append(plain(TEXT[grounds.quoted_key], SMALL))
    return lines


def requirements(document: ResultDocument, found: Outline) -> list:
    """What applies, once each: the obligations grouped by the applicant's roles they fall on, with
    their dates, each with how far the applicant's measure for it is, whether the sandbox tests it
    and the measure stated; then the duties no obligation shows, the same way."""
    roles = [role.name for role in document.roles]
    # The heading, the roles and the first requirement together, not the heading alone at a page's foot.
    story: list = [CondPageBreak(70 * mm), Heading(TEXT[PARTS["requirements"]], 0),
                   plain(TEXT["roles"].format(roles=", ".join(roles)) if roles else TEXT["no_roles"])]
    if not document.obligations:
        story.append(plain(TEXT["no_obligations"]))
    sources: dict[str, int] = {}
    for held, obligations in found.obligations:
        if held:
            story.append(Heading(", ".join(document.role_name(role) for role in held), 1))
        story.append(_obligations(obligations, sources, found))
    notes = [plain(TEXT["date_source"].format(number=n, source=source), SMALL) for source, n in sources.items()]
    story += [Spacer(1, 2 * mm), Block(notes)] if notes else []
    for group, duties in document.duty_groups().items():
        story.append(Heading(duty_group_title(group), 1))
        for duty in duties:
            block = [plain(duty.text, DUTY), plain(_refs(duty), SMALL)]
            block += [plain(TEXT["status_line"].format(status=duty.status_text), ITEM)] if duty.status else []
            story.append(Block(block + _measure(duty, found)))
    return story + _notes(found.tested) + _pieces(found.requirements)


def _obligations(obligations: tuple[ObligationPart, ...], sources: dict[str, int], found: Outline) -> Table:
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
            rows.append([_measure(duty, found, CELL), "", "", ""])
    table = Table(rows, colWidths=[86 * mm, 26 * mm, 28 * mm, 25 * mm], repeatRows=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey)]
    style += [("SPAN", (0, row), (-1, row)) for row in spans]
    ruled = {row - 1 for row in spans}  # a requirement and its measure read as one: the rule goes under both
    style += [("LINEBELOW", (0, row), (-1, row), 0.3, colors.lightgrey)
              for row in range(1, len(rows)) if row not in ruled]
    style += [("TOPPADDING", (0, row), (-1, row), 0) for row in spans]
    table.setStyle(TableStyle(style))
    return table


def _measure(duty: DutyPart, found: Outline, style: ParagraphStyle = ITEM) -> list:
    """The measure the applicant states for a duty, and the notes on its answers (its status, its
    date, the measure), which are quoted here and nowhere else."""
    state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
    notes = [TEXT["your_note"].format(note=a.note) for a in found.measures[duty.id] if a.note]
    return [p for text in (state, *notes) for p in long_text(text, style)]


def _when(obligation: ObligationPart, sources: dict[str, int]) -> str:
    """"from DATE [n]", where note n says what sets the date and whether it is verified."""
    source = date_source(obligation)
    if source is None:
        return TEXT["applies_now"]
    number = sources.setdefault(source, len(sources) + 1)
    return TEXT["from_date"].format(date=shown_date(obligation.applies_from, "medium"), number=number)


# --- data protection, transparency, the plan -------------------------------------------------

def data_protection(document: ResultDocument, found: Outline) -> list:
    return [Heading(TEXT[PARTS["data_protection"]], 0), *_pieces(found.data_protection)]


def plan(document: ResultDocument, found: Outline) -> list:
    return [PageBreak(), Heading(TEXT[PARTS["plan"]], 0), *_pieces(found.plan)]


def _derived(grounded: Grounded) -> list:
    part: DerivedPart = grounded.item
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
        story += _because(grounded.grounds)
    return story + [plain(TEXT["open_item"].format(text=q.text), ITEM) for q in part.open_questions]


# --- what is open, the declaration, the annex ------------------------------------------------

def open_points(document: ResultDocument, found: Outline) -> list:
    story: list = [Heading(TEXT[PARTS["open"]], 0), Heading(TEXT["missing"], 1)]
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
    rows = [(TEXT["name"], signer_name(document)), (TEXT["role"], line),
            (TEXT["date"], shown_date(document.answered_on)), (TEXT["signature"], "")]
    table = Table([[plain(k, SMALL), plain(v)] for k, v in rows], colWidths=[35 * mm, 130 * mm],
                  rowHeights=[None, None, None, 18 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (1, 3), (1, 3), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    refs = [plain(_refs(document.declaration), SMALL)] if document.declaration.refs else []
    return [CondPageBreak(90 * mm), Heading(TEXT[PARTS["declaration"]], 0), *long_text(declaration_text(document)),
            *refs, Spacer(1, 4 * mm), table, Spacer(1, 6 * mm), plain(TEXT["fingerprint"], SMALL),
            plain(fingerprint, SMALL)]


# --- the jurisdictions targeted -----------------------------------------------------------------

def jurisdictions(extras: Extras) -> list:
    """With more than the draft's own pack targeted: each jurisdiction's result side by side, each
    other one's findings, obligations, open points and gaps, and the evidence one can reuse for another."""
    targeted = extras.targets
    if targeted is None:
        return []
    story: list = [PageBreak(), Heading(TEXT[PARTS["jurisdictions"]], 0), plain(TEXT["jurisdictions_intro"], SMALL),
                   Heading(TEXT["jurisdiction_results"], 1)]
    rows = [[plain(TEXT[key], HEAD) for key in ("col_jurisdiction", "col_result", "col_open")]]
    rows += [[plain(jurisdiction_title(d), CELL), plain(d.headline.title, BADGE_TEXT), plain(open_and_gaps(d), CELL)]
             for d in targeted.documents]
    grid = _table(rows, [62 * mm, 68 * mm, 35 * mm])
    grid.setStyle(TableStyle([("BACKGROUND", (1, row), (1, row), colors.HexColor(d.headline.colour or NO_COLOUR))
                              for row, d in enumerate(targeted.documents, 1)]))
    story.append(grid)
    for document in targeted.documents[1:]:
        story += _jurisdiction(document)
    return story + _evidence_reuse(targeted.crosswalk, {d.pack_id: d.pack_short_title for d in targeted.documents})


def _jurisdiction(document: ResultDocument) -> list:
    story: list = [CondPageBreak(60 * mm), Heading(jurisdiction_title(document), 1), badge(document),
                   Spacer(1, 2 * mm), *_track_lines(document), plain(TEXT["findings"], LABEL)]
    story += [Block([plain(f.reason or f.rule, FINDING), plain(_refs(f), ITEM)]) for f in document.findings] \
        or [plain(TEXT["no_findings"])]
    story.append(plain(TEXT["jurisdiction_obligations"], LABEL))
    story += [Block([plain(o.text, ITEM), plain(_refs(o), SMALL)]) for o in document.obligations] \
        or [plain(TEXT["no_obligations"])]
    story.append(plain(TEXT["open_points"], LABEL))
    story += [plain("\u2022 " + point.text, ITEM) for point in document.open_points] or [plain(TEXT["none"])]
    story.append(plain(TEXT["gaps"], LABEL))
    return story + ([Block([plain("\u2610 " + gap.text, ITEM), plain(_refs(gap), GAP_REFS)]) for gap in document.gaps]
                    or [plain(TEXT["none"])])


def _evidence_reuse(report: CrosswalkReport, short_titles: dict[str, str]) -> list:
    """The crosswalk as a table: a row per piece of evidence, a column per jurisdiction (by its short title)."""
    # The heading with the table's first rows, which are tall, not alone at a page's foot.
    story: list = [CondPageBreak(120 * mm), Heading(TEXT["evidence_reuse"], 1), plain(TEXT["evidence_reuse_intro"], SMALL)]
    if not report.rows:
        return story + [plain(TEXT["no_evidence"])]
    head = [plain(TEXT["col_evidence"], HEAD)] + [plain(short_titles[j.id], HEAD) for j in report.jurisdictions]
    rows = [[plain(row.label, CELL)] + [_evidence_cell(cell) for cell in row.cells] for row in report.rows]
    rest = (165 * mm - 32 * mm) / len(report.jurisdictions)
    grid = Table([head] + rows, colWidths=[32 * mm] + [rest] * len(report.jurisdictions), repeatRows=1)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey),
                              ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.lightgrey)]))
    return story + [grid]


def _evidence_cell(cell: Cell) -> list:
    styles = {"requirement": CELL, "citation": SMALL, "status": HEAD, "small": SMALL}
    return [plain(text, styles[kind]) for kind, text in evidence_lines(cell)]


def annex(document: ResultDocument, found: Outline) -> list:
    """Every answer not quoted in the pages before, and the questions asked and not answered."""
    story: list = [PageBreak(), Heading(TEXT[PARTS["annex"]], 0), plain(TEXT["annex_scope"], SMALL)]
    for group in found.annex:
        story += [CondPageBreak(30 * mm), *_group(group)]
    return story


def documents(extras: Extras) -> list:
    """The annex of the documents attached inside the PDF: each with its name, size and SHA-256, and
    the documents the kit requires that are missing."""
    if not has_documents(extras):
        return []
    story: list = [CondPageBreak(60 * mm), Heading(TEXT[PARTS["documents"]], 0)]
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
    found = outline(document)
    parts = {"since_review": since_review(document), "summary": summary(document, found), "risks": risks(document, found), "project": project(document, found),
             "classification": classification(document, found), "requirements": requirements(document, found),
             "data_protection": data_protection(document, found), "plan": plan(document, found),
             "open": open_points(document, found), "declaration": declaration(document, fingerprint),
             "jurisdictions": jurisdictions(extras), "annex": annex(document, found), "documents": documents(extras)}
    return (cover(document, fingerprint, extras.branding) + contents()
            + [flowable for part in PARTS for flowable in parts[part]])
