"""The dossier as one accessible HTML page, written from the result document.

The PDF's parts in the PDF's order, each showing what it shows there: both lay out the dossier's
outline (app/dossier/outline.py), so the cover's facts and the result, the contents, the summary,
the risks to people, the project, the classification with its decision path, the requirements with
how far each is, data protection, the
sandbox plan with its checklist, the open points, the pack's declaration and the annex hold the same
things, each answer once; with an authority's kit, its names on the cover and the documents' part
(listed with their SHA-256: a page cannot carry them inside as the PDF does). Made for screen
readers, which a PDF from reportlab (untagged) does not serve: one h1, headings in order, landmarks,
lists as lists, tables with captions and header cells, the language stated, the result's certainty
in words and not only in colour. No script, the style inline: one file that opens anywhere; the
draft inside as data with its fingerprint printed.

Nothing here decides what the dossier says: every sentence is the catalogue's or the pack's, read
from the document, and every text passes through app/formats/markup.py, which escapes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.dossier.authority import Branding, Extras
from app.dossier.outline import (PARTS, Grounded, Grounds, Group, Outline, Piece, applies_for, changed_value,
                                 comment_heading, completeness_text, cover_rows, cover_title, date_source,
                                 declaration_text, duty_group_title, evidence_lines, has_documents, jurisdiction_title,
                                 open_and_gaps, open_count, outline, reply_text, shown_date, signer_name, since_intro,
                                 status_counts_text)
from app.dossier.targets import Targets
from app.dossier.texts import TEXT
from app.formats.embedded import FINGERPRINT_CLASS, FINGERPRINT_META, data_block
from app.formats.markup import Markup, element, joined, language_tag
from app.formats.style import CSS
from app.results.crosswalk import Cell, CrosswalkReport
from app.results.document import (Answer, Cited, DerivedPart, DutyPart, Headline, ObligationPart, ResultDocument,
                                  TablePart)
from catalogue import ntr, table
from catalogue.formats import format_number

HTML = table("formats.html")
NO_COLOUR = "#5f6368"  # as the PDF: an outcome the pack gives no colour, nothing assessed, a track set aside
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
MAIN_ID = "main"
CONTENTS_ID = "contents"


@dataclass
class Sub:
    """A part's subsection: a heading under the part's, in the contents too (the PDF's level 1)."""

    title: str
    body: list[Markup] = field(default_factory=list)


@dataclass
class Part:
    """A part of the dossier (one of outline.PARTS): a heading in the contents, and what is under it."""

    id: str
    body: list[Markup | Sub] = field(default_factory=list)

    @property
    def title(self) -> str:
        return TEXT[PARTS[self.id]]


def page(document: ResultDocument, data: str, fingerprint: str, extras: Extras = Extras()) -> str:
    """The whole page for `document`, with the draft's JSON text `data` inside, whose SHA-256 is
    `fingerprint`; `extras`: the kit's names and the documents added, if any."""
    found = outline(document)
    built = {"since_review": since_review(document), "summary": summary(document, found), "risks": risks(found),
             "project": Part("project", _pieces(found.project)),
             "classification": classification(document, found), "requirements": requirements(document, found),
             "data_protection": Part("data_protection", _pieces(found.data_protection)),
             "plan": Part("plan", _pieces(found.plan)), "open": open_points(document),
             "declaration": declaration(document, fingerprint),
             "jurisdictions": jurisdictions(extras.targets) if extras.targets else None, "annex": annex(found),
             "documents": documents(extras) if has_documents(extras) else None}
    parts = [built[part] for part in PARTS if built[part] is not None]
    system, heading = document.system, cover_title(extras.branding)
    title = TEXT["pdf_title"].format(title=heading, system=system) if system else heading
    head = element("head", element("meta", charset="utf-8"),
                   element("meta", name="viewport", content="width=device-width, initial-scale=1"),
                   element("meta", name=FINGERPRINT_META, content=fingerprint),
                   element("title", title), element("style", Markup(CSS)))
    body = element("body", element("a", HTML["skip"], href=f"#{MAIN_ID}", class_="skip"),
                   cover(document, fingerprint, extras.branding), contents(parts),
                   element("main", *[_part(part) for part in parts], id=MAIN_ID), data_block(data))
    return "<!DOCTYPE html>\n" + element("html", head, body, lang=language_tag()) + "\n"


def _part(part: Part) -> Markup:
    heading = f"part-{part.id}"
    pieces: list[Markup] = [element("h2", part.title, id=heading)]
    subsections = 0
    for piece in part.body:
        if isinstance(piece, Sub):
            subsections += 1
            sub_id = f"{heading}-{subsections}"
            pieces.append(element("section", element("h3", piece.title, id=sub_id), *piece.body,
                                  aria_labelledby=sub_id))
        else:
            pieces.append(piece)
    return element("section", *pieces, aria_labelledby=heading)


def contents(parts: list[Part]) -> Markup:
    """The contents, as the PDF's: each part and its subsections, linked."""
    entries = []
    for part in parts:
        subs = [piece for piece in part.body if isinstance(piece, Sub)]
        inner = element("ol", *[element("li", element("a", sub.title, href=f"#part-{part.id}-{index}"))
                                for index, sub in enumerate(subs, 1)]) if subs else None
        entries.append(element("li", element("a", part.title, href=f"#part-{part.id}"), inner))
    return element("nav", element("h2", TEXT["contents"], id=CONTENTS_ID), element("ol", *entries),
                   aria_labelledby=CONTENTS_ID)


# --- the cover and the summary ---------------------------------------------------------------

def cover(document: ResultDocument, fingerprint: str, branding: Branding | None = None) -> Markup:
    facts = _row_table(HTML["cover_caption"], cover_rows(document, branding))
    result = element("section", element("h2", TEXT["primary_tier"], id="result"), outcome(document.headline),
                     *_track_lines(document), aria_labelledby="result")
    # With a kit, the authority's and the sandbox's names above the title, as on the PDF's cover (its
    # logo is not shown: the page loads nothing and holds no image).
    masthead = (element("p", element("strong", branding.authority), "\n", branding.sandbox, class_="masthead")
                if branding is not None else None)
    return element("header", masthead, element("h1", cover_title(branding)), facts, result,
                   *_fingerprint(fingerprint), element("p", TEXT["disclaimer"], class_="small"))


def _row_table(caption: str, rows: list[tuple[str, str]], **attributes: str) -> Markup:
    """A table of (label, value) rows, each label the header of its row; an empty value is a blank to fill in."""
    cells = [element("tr", element("th", label, scope="row"), element("td", value, class_=None if value else "blank"))
             for label, value in rows]
    return element("table", element("caption", caption), element("tbody", *cells), **attributes)


def _track_lines(document: ResultDocument) -> list[Markup]:
    return [element("p", TEXT["track"].format(track=track.label, status=track.status)) for track in document.tracks]


def outcome(headline: Headline) -> Markup:
    """The headline: its colour as a bar beside it, its certainty said in words."""
    colour = headline.colour if headline.colour and _COLOUR.fullmatch(headline.colour) else NO_COLOUR
    return element("div", element("p", element("strong", headline.title), class_="outcome-title"),
                   element("p", headline.summary) if headline.summary else None,
                   element("p", _certainty(headline), class_="certainty"),
                   class_="outcome", style=f"border-left-color: {colour}")


def _certainty(headline: Headline) -> str:
    if headline.certainty == "settled":
        return HTML["settled"]
    if headline.certainty == "possibly":
        return HTML["possibly"]
    return HTML["not_assessed"]


def _fingerprint(fingerprint: str) -> list[Markup]:
    return [element("p", TEXT["fingerprint"], class_="small"), element("p", fingerprint, class_=FINGERPRINT_CLASS)]


def since_review(document: ResultDocument) -> Part | None:
    """The answers changed since the version the reviewer saw (the value they saw, the value now),
    then their comments with the applicant's replies; None without their feedback."""
    since = document.since_review
    if since is None:
        return None
    head = [element("p", since_intro(since), class_="small")]
    head += [element("p", TEXT["since_status_note"].format(note=since.status_note))] if since.status_note else []
    changes = [element("dl", *[item for change in since.changes for item in (
        element("dt", change.text), element("dd", TEXT["since_before"].format(value=changed_value(change.before))),
        element("dd", element("strong", TEXT["since_after"].format(value=changed_value(change.after)))))])]
    comments = [element("div", element("p", element("strong", comment_heading(comment))), element("p", comment.text),
                        *[element("p", reply_text(reply), class_="refs") for reply in comment.replies])
                for comment in since.comments]
    return Part("since_review", [*head,
                                 Sub(TEXT["since_answers"], changes if since.changes else [element("p", TEXT["since_no_changes"])]),
                                 Sub(TEXT["since_comments"], comments or [element("p", TEXT["none"])])])


def summary(document: ResultDocument, found: Outline) -> Part:
    """The result with its certainty, what the system and the sandbox are for, how complete the
    application is and what is still open."""
    items: list[Markup] = []
    for answer in found.summary:
        items += _answer(answer)
    counts = status_counts_text(document)
    items += [element("dt", TEXT["requirements_status"]), element("dd", counts)] if counts else []
    items += [element("dt", TEXT["completeness"]), element("dd", completeness_text(document)),
              element("dt", TEXT["still_open"]), element("dd", open_count(document))]
    return Part("summary", [element("p", element("strong", applies_for(document))), outcome(document.headline),
                            *_track_lines(document), element("dl", *items)])


def risks(found: Outline) -> Part:
    """The risks to people as the pack's tables put them, a row for each kind chosen; then the
    sections of the part."""
    tables = [piece for piece in found.risks if isinstance(piece, TablePart)]
    body: list[Markup | Sub] = []
    for answers in tables:
        shown = [_answer_table(answers) if answers.rows else element("p", TEXT["none"]),
                 *_notes(tuple(cell for row in answers.rows for cell in row.cells if cell))]
        body += [Sub(answers.title, shown)] if len(tables) > 1 else shown
    return Part("risks", body + _pieces(tuple(piece for piece in found.risks if isinstance(piece, Group))))


def _answer_table(table: TablePart) -> Markup:
    head = element("tr", *[element("th", text, scope="col") for text in (table.label, *table.columns)])
    rows = [element("tr", element("th", row.label, scope="row"),
                    *[element("td", _value(cell) if cell else "") for cell in row.cells]) for row in table.rows]
    return element("table", element("caption", table.title), element("thead", head), element("tbody", *rows))


def _notes(answers: tuple[Answer, ...]) -> list[Markup]:
    """The applicant's notes on answers shown without them (in a table, a path), each naming its question."""
    return [element("p", TEXT["note_on"].format(question=a.text, note=a.note), class_="note")
            for a in answers if a.note]


# --- answers, results and the answers behind them ------------------------------------------

def _pieces(pieces: tuple[Piece, ...]) -> list[Markup | Sub]:
    """Sections' answers under their titles and derived results, in the outline's order."""
    return [_group(piece) if isinstance(piece, Group) else _derived(piece) for piece in pieces]


def _group(group: Group) -> Sub:
    return Sub(group.title, [element("dl", *[item for answer in group.answers for item in _answer(answer)])])


def _value(answer: Answer) -> str:
    return answer.value if answer.given else TEXT["unanswered"]


def _answer(answer: Answer) -> list[Markup]:
    """The question, the answer (or that none is given) and the applicant's note on it."""
    value = _value(answer)
    note = element("dd", TEXT["your_note"].format(note=answer.note), class_="note") if answer.note else None
    return [element("dt", answer.text), element("dd", value)] + ([note] if note else [])


def _refs(part: Cited) -> Markup:
    return element("p", TEXT["refs"].format(refs=part.citations), class_="refs")


def _grounds(grounds: Grounds) -> list[Markup]:
    """The answers behind a result not quoted before, each with its note; a line saying so when some were."""
    items = [element("li", TEXT["because"].format(answer=a.value, question=a.text),
                     element("p", TEXT["your_note"].format(note=a.note), class_="note") if a.note else None)
             for a in grounds.answers]
    found = [element("ul", *items, class_="because")] if items else []
    return found + ([element("p", TEXT[grounds.quoted_key], class_="small")] if grounds.quoted_key else [])


def _derived(grounded: Grounded) -> Sub:
    part: DerivedPart = grounded.item
    if part.kind == "checklist":
        sub = Sub(TEXT["checklist"].format(title=part.title, status=part.value_text))
        sub.body.append(_refs(part) if part.refs else Markup())
        items = [TEXT["not_met"].format(text=e.text) for e in part.unmet]
        items += [TEXT["open_item"].format(text=e.text) for e in part.open]
    else:
        sub = Sub(TEXT["verdict"].format(title=part.title, value=part.value_text))
        sub.body += [element("p", part.reason) if part.reason else Markup(),
                     element("ul", *[element("li", counted) for counted in part.counted]) if part.counted else Markup(),
                     _refs(part) if part.refs else Markup(), *_grounds(grounded.grounds)]
        items = []
    items += [TEXT["open_item"].format(text=q.text) for q in part.open_questions]
    if items:
        sub.body.append(element("ul", *[element("li", item) for item in items]))
    return sub


# --- the classification and the requirements -----------------------------------------------

def classification(document: ResultDocument, found: Outline) -> Part:
    """The result in one line (the summary shows it in full), the answers that decided it, the findings."""
    steps = [element("li", TEXT["path_step"].format(number=n, question=a.text, answer=a.value))
             for n, a in enumerate(found.decision_path, 1)]
    notes = _notes(found.decision_path)
    path = [element("ol", *steps, class_="path")] if steps else [element("p", TEXT["no_path"])]
    findings = element("ul", *[_finding(f) for f in found.findings]) if found.findings else None
    body: list[Markup | Sub] = [element("p", element("strong", document.headline.label)),
                                Sub(TEXT["decision_path"], path + notes),
                                Sub(TEXT["findings"], [findings or element("p", TEXT["no_findings"])])]
    if found.excluded:
        body.append(Sub(TEXT["excluded"], [element("ul", *[_finding(f) for f in found.excluded])]))
    return Part("classification", body)


def _finding(grounded: Grounded) -> Markup:
    finding = grounded.item
    caveat = element("p", TEXT["caveat"].format(text=finding.caveat)) if finding.caveat else None
    return element("li", element("p", element("strong", finding.reason or finding.rule)), _refs(finding),
                   *_grounds(grounded.grounds), caveat)


def requirements(document: ResultDocument, found: Outline) -> Part:
    """The obligations once each, in a table for the roles they fall on: the date of each (with where
    it comes from once below, not on every row), how far the applicant's measure is, whether the
    sandbox tests it and the measure stated; then the duties no obligation shows, the same way."""
    roles = [role.name for role in document.roles]
    body: list[Markup | Sub] = [element("p", TEXT["roles"].format(roles=", ".join(roles)) if roles
                                        else TEXT["no_roles"])]
    if not document.obligations:
        body.append(element("p", TEXT["no_obligations"]))
    sources: dict[str, int] = {}
    for held, duties in found.obligations:
        if held:
            names = ", ".join(document.role_name(role) for role in held)
            body.append(Sub(names, [_duty_table(HTML["role_caption"].format(role=names), duties, sources, found)]))
        else:
            body.append(_duty_table(HTML["all_caption"], duties, sources, found))
    notes = [element("li", TEXT["date_source"].format(number=n, source=source), id=f"date-{n}")
             for source, n in sources.items()]
    body += [element("ul", *notes, class_="notes")] if notes else []
    for group, duties in document.duty_groups().items():
        items = [element("li", element("p", element("strong", duty.text)), _refs(duty),
                         element("p", TEXT["status_line"].format(status=duty.status_text)) if duty.status else None,
                         *_measure(duty, found))
                 for duty in duties]
        body.append(Sub(duty_group_title(group), [element("ul", *items)]))
    return Part("requirements", body + _notes(found.tested) + _pieces(found.requirements))


def _duty_table(caption: str, obligations: tuple[ObligationPart, ...], sources: dict[str, int],
                found: Outline) -> Markup:
    """The obligations, and where the applicant gives it for one, how far its measure is, whether the
    sandbox tests it and the measure stated (as the PDF's table, the measure in a column of its own)."""
    if not any(o.duty for o in obligations):
        labels = (HTML["obligation"], HTML["provisions"], HTML["applies"])
        rows = [element("tr", element("th", o.text, scope="row"), element("td", o.citations),
                        element("td", _when(o, sources))) for o in obligations]
    else:
        labels = (TEXT["col_requirement"], HTML["provisions"], TEXT["col_from"], TEXT["col_status"],
                  TEXT["col_sandbox"], HTML["measure"])
        rows = [element("tr", element("th", o.text, scope="row"), element("td", o.citations),
                        element("td", _when(o, sources)), element("td", o.duty.status_text if o.duty else "\u2014"),
                        element("td", o.duty.tested_text if o.duty and o.duty.tested_text else "\u2014"),
                        element("td", *_measure(o.duty, found)) if o.duty else element("td", "\u2014"))
                for o in obligations]
    header = element("tr", *[element("th", label, scope="col") for label in labels])
    return element("table", element("caption", caption), element("thead", header), element("tbody", *rows))


def _measure(duty: DutyPart, found: Outline) -> list[Markup]:
    """The measure stated for a duty, and the notes on its answers (its status, date, the measure)."""
    state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
    notes = [element("p", TEXT["your_note"].format(note=a.note), class_="note") for a in found.measures[duty.id]
             if a.note]
    return [element("p", state), *notes]


def _when(obligation: ObligationPart, sources: dict[str, int]) -> Markup:
    """"from DATE [n]" with [n] linked to the note that says what sets the date and whether it is verified."""
    source = date_source(obligation)
    if source is None:
        return joined(TEXT["applies_now"])
    number = sources.setdefault(source, len(sources) + 1)
    return element("a", TEXT["from_date"].format(date=shown_date(obligation.applies_from, "medium"), number=number),
                   href=f"#date-{number}")


# --- what is open, the declaration, the annex ------------------------------------------------

def open_points(document: ResultDocument) -> Part:
    missing = [TEXT["missing_item"].format(text=m.text, section=m.section_title) for m in document.completeness.missing]
    gaps = [element("li", gap.text, _refs(gap)) for gap in document.gaps]
    return Part("open", [Sub(TEXT["missing"], [_list(missing)]),
                         Sub(TEXT["open_points"], [_list([point.text for point in document.open_points])]),
                         Sub(TEXT["gaps"], [element("ul", *gaps) if gaps else element("p", TEXT["none"])])])


def _list(items: list[str]) -> Markup:
    return element("ul", *[element("li", item) for item in items]) if items else element("p", TEXT["none"])


def declaration(document: ResultDocument, fingerprint: str) -> Part:
    """The pack's declaration and the provisions it rests on, with the lines to sign on."""
    rows = [(TEXT["name"], signer_name(document)), (TEXT["role"], ""), (TEXT["date"], shown_date(document.answered_on)),
            (TEXT["signature"], "")]
    refs = [_refs(document.declaration)] if document.declaration.refs else []
    return Part("declaration", [element("p", declaration_text(document)), *refs,
                                _row_table(HTML["signed_caption"], rows, class_="signature"),
                                *_fingerprint(fingerprint)])


def jurisdictions(targeted: Targets) -> Part:
    """Each jurisdiction's result side by side, each other one's findings, obligations, open points
    and gaps, and the evidence one can reuse for another (as the PDF's part)."""
    head = element("tr", *[element("th", TEXT[key], scope="col")
                           for key in ("col_jurisdiction", "col_result", "col_open")])
    rows = [element("tr", element("th", jurisdiction_title(d), scope="row"), element("td", outcome(d.headline)),
                    element("td", open_and_gaps(d))) for d in targeted.documents]
    body: list[Markup | Sub] = [element("p", TEXT["jurisdictions_intro"], class_="small"),
                                Sub(TEXT["jurisdiction_results"],
                                    [element("table", element("caption", TEXT["jurisdiction_results"]),
                                             element("thead", head), element("tbody", *rows))])]
    body += [_jurisdiction(document) for document in targeted.documents[1:]]
    return Part("jurisdictions", body + [_evidence_reuse(targeted.crosswalk, {d.pack_id: d.pack_short_title for d in targeted.documents})])


def _jurisdiction(document: ResultDocument) -> Sub:
    findings = [element("li", element("strong", f.reason or f.rule), _refs(f)) for f in document.findings]
    obligations = [element("li", o.text, _refs(o)) for o in document.obligations]
    gaps = [element("li", gap.text, _refs(gap)) for gap in document.gaps]
    return Sub(jurisdiction_title(document), [
        outcome(document.headline), *_track_lines(document),
        element("h4", TEXT["findings"]), element("ul", *findings) if findings else element("p", TEXT["no_findings"]),
        element("h4", TEXT["jurisdiction_obligations"]),
        element("ul", *obligations) if obligations else element("p", TEXT["no_obligations"]),
        element("h4", TEXT["open_points"]), _list([point.text for point in document.open_points]),
        element("h4", TEXT["gaps"]), element("ul", *gaps) if gaps else element("p", TEXT["none"])])


def _evidence_reuse(report: CrosswalkReport, short_titles: dict[str, str]) -> Sub:
    intro = element("p", TEXT["evidence_reuse_intro"], class_="small")
    if not report.rows:
        return Sub(TEXT["evidence_reuse"], [intro, element("p", TEXT["no_evidence"])])
    head = element("tr", element("th", TEXT["col_evidence"], scope="col"),
                   *[element("th", short_titles[j.id], scope="col") for j in report.jurisdictions])
    rows = [element("tr", element("th", row.label, scope="row"), *[element("td", *_evidence_cell(c)) for c in row.cells])
            for row in report.rows]
    return Sub(TEXT["evidence_reuse"], [intro, element("table", element("caption", TEXT["evidence_reuse"]),
                                                       element("thead", head), element("tbody", *rows))])


def _evidence_cell(cell: Cell) -> list[Markup]:
    classes = {"citation": "refs", "small": "small"}
    return [element("p", element("strong", text) if kind == "status" else text, class_=classes.get(kind))
            for kind, text in evidence_lines(cell)]


def annex(found: Outline) -> Part:
    """Every answer the parts before did not quote, and the questions asked and not answered."""
    return Part("annex", [element("p", TEXT["annex_scope"], class_="small"), *[_group(g) for g in found.annex]])


def documents(extras: Extras) -> Part:
    """The documents sent with the application, each with its size and SHA-256 (not inside the page,
    which says so), and those the kit requires that are missing."""
    body: list[Markup | Sub] = []
    if extras.enclosures:
        columns = element("tr", *[element("th", TEXT["document_columns"][key], scope="col")
                                  for key in ("document", "file", "size")])
        rows = [element("tr", element("th", e.title, scope="row"),
                        element("td", e.name, element("p", TEXT["sha256"].format(hash=e.sha256), class_="refs")),
                        element("td", ntr("dossier.bytes", e.size, size=format_number(e.size))))
                for e in extras.enclosures]
        body += [element("p", HTML["documents_intro"], class_="small"),
                 element("table", element("caption", HTML["documents_caption"]), element("thead", columns),
                         element("tbody", *rows))]
    else:
        body.append(element("p", TEXT["no_documents"]))
    if extras.missing:
        body.append(Sub(TEXT["documents_missing"], [_list(list(extras.missing))]))
    return Part("documents", body)
