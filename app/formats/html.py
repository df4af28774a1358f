"""The dossier as one accessible HTML page, written from the result document.

The same parts in the same order as the PDF (app/dossier/content.py): the cover's facts and the
result, the contents, the profile, the classification, the obligations by role, the results, the
open points and gaps, the annex of every answer and the declaration; the draft inside as data with
its fingerprint printed. Made for screen readers, which a PDF from reportlab (untagged) does not
serve: one h1, headings in order, landmarks, lists as lists, tables with captions and header cells,
the language stated, the result's certainty in words and not only in colour. No script, the style
inline: one file that opens anywhere.

Nothing here decides what the dossier says: every sentence is the catalogue's or the pack's, read
from the document, and every text passes through app/formats/markup.py, which escapes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.dossier.outline import APPLICATION_SECTIONS, CONTACT_QUESTION, PROFILE_SECTIONS, cover_rows
from app.dossier.texts import TEXT
from app.formats.embedded import FINGERPRINT_CLASS, FINGERPRINT_META, data_block
from app.formats.markup import Markup, element, joined, language_tag
from app.formats.style import CSS
from app.results.document import (Answer, Cited, DerivedPart, FindingPart, Headline, ObligationPart,
                                  ResultDocument, SectionAnswers)
from catalogue import table

HTML = table("formats.html")
NO_COLOUR = "#5f6368"  # as the PDF: an outcome the pack gives no colour, nothing assessed, a track set aside
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
MAIN_ID = "main"
CONTENTS_ID = "contents"


@dataclass
class Sub:
    """A part's subsection: a heading under the part's, in the contents too."""

    title: str
    body: list[Markup] = field(default_factory=list)


@dataclass
class Part:
    """A part of the dossier: a heading in the contents, and what is under it in order."""

    title: str
    body: list[Markup | Sub] = field(default_factory=list)


def page(document: ResultDocument, data: str, fingerprint: str) -> str:
    """The whole page for `document`, with the draft's JSON text `data` inside, whose SHA-256 is
    `fingerprint`."""
    parts = [profile(document), classification(document), obligations(document), results(document),
             open_points(document), annex(document), declaration(document, fingerprint)]
    system = document.system
    title = TEXT["pdf_title"].format(title=TEXT["title"], system=system) if system else TEXT["title"]
    head = element("head", element("meta", charset="utf-8"),
                   element("meta", name="viewport", content="width=device-width, initial-scale=1"),
                   element("meta", name=FINGERPRINT_META, content=fingerprint),
                   element("title", title), element("style", Markup(CSS)))
    body = element("body", element("a", HTML["skip"], href=f"#{MAIN_ID}", class_="skip"),
                   cover(document, fingerprint), contents(parts),
                   element("main", *[_part(part, number) for number, part in enumerate(parts, 1)], id=MAIN_ID),
                   data_block(data))
    return "<!DOCTYPE html>\n" + element("html", head, body, lang=language_tag()) + "\n"


def _part(part: Part, number: int) -> Markup:
    heading = f"part-{number}"
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
    for number, part in enumerate(parts, 1):
        subs = [piece for piece in part.body if isinstance(piece, Sub)]
        inner = element("ol", *[element("li", element("a", sub.title, href=f"#part-{number}-{index}"))
                                for index, sub in enumerate(subs, 1)]) if subs else None
        entries.append(element("li", element("a", part.title, href=f"#part-{number}"), inner))
    return element("nav", element("h2", TEXT["contents"], id=CONTENTS_ID), element("ol", *entries),
                   aria_labelledby=CONTENTS_ID)


def cover(document: ResultDocument, fingerprint: str) -> Markup:
    rows = [element("tr", element("th", label, scope="row"), element("td", value))
            for label, value in cover_rows(document)]
    facts = element("table", element("caption", HTML["cover_caption"]), element("tbody", *rows))
    tracks = [element("p", TEXT["track"].format(track=track.label, status=track.status)) for track in document.tracks]
    result = element("section", element("h2", TEXT["primary_tier"], id="result"), outcome(document.headline),
                     *tracks, aria_labelledby="result")
    return element("header", element("h1", TEXT["title"]), facts, result, *_fingerprint(fingerprint),
                   element("p", TEXT["disclaimer"], class_="small"))


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


def profile(document: ResultDocument) -> Part:
    return Part(TEXT["profile"], [_titled(section, with_unanswered=False) for section in document.sections
                                  if section.id.startswith(PROFILE_SECTIONS)])


def _titled(section: SectionAnswers, with_unanswered: bool) -> Sub | Markup:
    """A section's answers under its title; nothing (empty markup) when none is shown."""
    answers = _answers(section, with_unanswered)
    return Sub(section.title, [answers]) if answers else Markup()


def _answers(section: SectionAnswers, with_unanswered: bool) -> Markup | None:
    """The section's answers (and notes); with_unanswered: the questions asked and not answered too."""
    items: list[Markup] = []
    for answer in section.answers:
        if answer.given or answer.note or with_unanswered:
            items += [element("dt", answer.text), element("dd", _answer_value(answer))]
            if answer.note:
                items.append(element("dd", TEXT["your_note"].format(note=answer.note), class_="note"))
    return element("dl", *items) if items else None


def _answer_value(answer: Answer) -> str:
    return answer.value if answer.given else TEXT["unanswered"]


def _refs(part: Cited) -> Markup:
    return element("p", TEXT["refs"].format(refs=part.citations), class_="refs")


def classification(document: ResultDocument) -> Part:
    findings = element("ul", *[_finding(f) for f in document.findings]) if document.findings else None
    body: list[Markup | Sub] = [outcome(document.headline),
                                Sub(TEXT["findings"], [findings or element("p", TEXT["no_findings"])])]
    if document.excluded:
        body.append(Sub(TEXT["excluded"], [element("ul", *[_finding(f) for f in document.excluded])]))
    return Part(TEXT["classification"], body)


def _finding(finding: FindingPart) -> Markup:
    caveat = element("p", TEXT["caveat"].format(text=finding.caveat)) if finding.caveat else None
    return element("li", element("p", element("strong", finding.reason or finding.rule)), _refs(finding),
                   _because(finding.because), caveat)


def _because(because: tuple[Answer, ...]) -> Markup | None:
    """The answers behind a result, each with the applicant's note on it."""
    items = [element("li", TEXT["because"].format(answer=answer.value, question=answer.text),
                     element("p", TEXT["your_note"].format(note=answer.note), class_="note") if answer.note else None)
             for answer in because]
    return element("ul", *items, class_="because") if items else None


def obligations(document: ResultDocument) -> Part:
    """A table per role; the date of each duty, with where it comes from once below, not on every row."""
    roles = [role.name for role in document.roles]
    body: list[Markup | Sub] = [element("p", TEXT["roles"].format(roles=", ".join(roles)) if roles
                                        else TEXT["no_roles"])]
    if not document.obligations:
        return Part(TEXT["obligations"], body + [element("p", TEXT["no_obligations"])])
    sources: dict[str, int] = {}
    held = {role.id for role in document.roles}
    for role in sorted({r for o in document.obligations for r in o.roles} & held or {""}):
        duties = [o for o in document.obligations if not role or role in o.roles]
        if role:
            name = document.role_name(role)
            body.append(Sub(name, [_duty_table(HTML["role_caption"].format(role=name), duties, sources)]))
        else:
            body.append(_duty_table(HTML["all_caption"], duties, sources))
    notes = [element("li", TEXT["date_source"].format(number=n, source=source), id=f"date-{n}")
             for source, n in sources.items()]
    return Part(TEXT["obligations"], body + ([element("ul", *notes, class_="notes")] if notes else []))


def _duty_table(caption: str, duties: list[ObligationPart], sources: dict[str, int]) -> Markup:
    header = element("tr", *[element("th", label, scope="col")
                             for label in (HTML["obligation"], HTML["provisions"], HTML["applies"])])
    rows = [element("tr", element("th", o.text, scope="row"), element("td", o.citations), element("td", _when(o, sources)))
            for o in duties]
    return element("table", element("caption", caption), element("thead", header), element("tbody", *rows))


def _when(obligation: ObligationPart, sources: dict[str, int]) -> Markup:
    """"from DATE [n]" with [n] linked to the note that says what sets the date and whether it is verified."""
    if obligation.applies_from is None:
        return joined(TEXT["applies_now"])
    date = obligation.applies_from.isoformat()
    source = TEXT["applies_from"].format(date=date, set_by=obligation.set_by)
    source = source if obligation.verified else f"{source}; {TEXT['unverified'].format(source=obligation.source)}"
    number = sources.setdefault(source, len(sources) + 1)
    return element("a", TEXT["from_date"].format(date=date, number=number), href=f"#date-{number}")


def results(document: ResultDocument) -> Part:
    body: list[Markup | Sub] = [_derived(part) for part in document.derived]
    for group, duties in document.duty_groups().items():
        title = TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize())
        items = [element("li", element("p", element("strong", duty.text)), _refs(duty),
                         element("p", TEXT["duty_stated"].format(measure=duty.measure) if duty.stated
                                 else TEXT["duty_missing"]))
                 for duty in duties]
        body.append(Sub(title, [element("ul", *items)]))
    body += [_titled(section, with_unanswered=False) for section in document.sections
             if section.id.startswith(APPLICATION_SECTIONS)]
    return Part(TEXT["results"], body)


def _derived(part: DerivedPart) -> Sub:
    if part.kind == "checklist":
        sub = Sub(TEXT["checklist"].format(title=part.title, status=part.value_text))
        sub.body.append(_refs(part) if part.refs else Markup())
        items = [TEXT["not_met"].format(text=e.text) for e in part.unmet]
        items += [TEXT["open_item"].format(text=e.text) for e in part.open]
    else:
        sub = Sub(TEXT["verdict"].format(title=part.title, value=part.value_text))
        sub.body += [element("p", part.reason) if part.reason else Markup(),
                     element("ul", *[element("li", counted) for counted in part.counted]) if part.counted else Markup(),
                     _refs(part) if part.refs else Markup(), _because(part.because) or Markup()]
        items = []
    items += [TEXT["open_item"].format(text=q.text) for q in part.open_questions]
    if items:
        sub.body.append(element("ul", *[element("li", item) for item in items]))
    return sub


def open_points(document: ResultDocument) -> Part:
    missing = [TEXT["missing_item"].format(text=m.text, section=m.section_title) for m in document.completeness.missing]
    gaps = [element("li", gap.text, _refs(gap)) for gap in document.gaps]
    return Part(TEXT["open"], [Sub(TEXT["missing"], [_list(missing)]),
                               Sub(TEXT["open_points"], [_list([point.text for point in document.open_points])]),
                               Sub(TEXT["gaps"], [element("ul", *gaps) if gaps else element("p", TEXT["none"])])])


def _list(items: list[str]) -> Markup:
    return element("ul", *[element("li", item) for item in items]) if items else element("p", TEXT["none"])


def annex(document: ResultDocument) -> Part:
    body: list[Markup | Sub] = [element("p", TEXT["annex_scope"], class_="small")]
    return Part(TEXT["annex"], body + [_titled(section, with_unanswered=True) for section in document.sections])


def declaration(document: ResultDocument, fingerprint: str) -> Part:
    contact = document.answer(CONTACT_QUESTION)
    rows = [(TEXT["name"], contact.value if contact and contact.given else TEXT["not_given"]), (TEXT["role"], ""),
            (TEXT["date"], document.answered_on.isoformat()), (TEXT["signature"], "")]
    signed = element("table", element("caption", HTML["signed_caption"]),
                     element("tbody", *[element("tr", element("th", label, scope="row"),
                                                element("td", value, class_=None if value else "blank"))
                                        for label, value in rows]), class_="signature")
    return Part(TEXT["declaration"], [element("p", TEXT["declaration_text"]), signed, *_fingerprint(fingerprint)])
