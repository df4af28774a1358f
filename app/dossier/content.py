"""The dossier's pages as platypus flowables, read from the result document.

Nothing here decides anything about the law or words a result: the document (app/results/document.py)
holds every result, answer and citation in words, as the wizard and the command line show them.
"""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.dossier.layout import Block, Contents
from app.dossier.outline import APPLICATION_SECTIONS, CONTACT_QUESTION, PROFILE_SECTIONS, cover_rows
from app.dossier.texts import TEXT
from app.dossier.typeset import BOLD, CJK, MAIN, chunks, markup, runs
from app.results.document import (Answer, Cited, DerivedPart, FindingPart, ObligationPart, ResultDocument,
                                  SectionAnswers)

_SPACES = re.compile(" {2,}")
NO_COLOUR = "#5f6368"  # grey: an outcome the pack gives no colour, nothing assessed, a track set aside

BODY = ParagraphStyle("body", fontName=MAIN, fontSize=9.5, leading=13, spaceAfter=3)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444"))
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=10, spaceAfter=1)
H1 = ParagraphStyle("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=6, spaceAfter=8)
H2 = ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=25, spaceAfter=14)
QUESTION = ParagraphStyle("q", parent=BODY, fontName=BOLD, spaceBefore=5, spaceAfter=1)
NOTE = ParagraphStyle("n", parent=ITEM, textColor=colors.HexColor("#444444"))
FINDING = ParagraphStyle("f", parent=BODY, fontName=BOLD, spaceAfter=1)
DUTY = ParagraphStyle("d", parent=BODY, fontName=BOLD, spaceBefore=3)
GAP_REFS = ParagraphStyle("g", parent=SMALL, leftIndent=20)
BADGE = ParagraphStyle("badge", fontName=BOLD, fontSize=14, leading=18, textColor=colors.white)
BADGE_TEXT = ParagraphStyle("bs", parent=BODY, textColor=colors.white)


class Text(Paragraph):
    """A Paragraph that breaks its lines once per width: blocks, tables and the frame each
    ask again at the same width, and reportlab's Paragraph would break them again each time.
    (A split drops the lines, `blPara`: then they are broken again.)"""

    _wrapped: tuple | None = None

    def wrap(self, available_width, available_height):
        if self._wrapped is None or self._wrapped[0] != available_width or "blPara" not in self.__dict__:
            self._wrapped = (available_width, super().wrap(available_width, available_height))
        return self._wrapped[1]


_TEMPLATES: dict[int, tuple] = {}


def _plain(text: str, style: ParagraphStyle) -> Text:
    """A paragraph of plain `text`, printed literally, built straight from its runs: writing it as
    markup for reportlab's XML parser to read back cost more than breaking and drawing its lines."""
    held = _TEMPLATES.get(id(style))
    if held is None or held[0] is not style:
        held = _TEMPLATES[id(style)] = (style, Paragraph("x", style).frags[0])
    template, frags = held[1], []
    for piece, cjk in runs(text):
        if piece == "\n":
            frags.append(template.clone(text="", lineBreak=True))
        elif piece:
            # as reportlab's own cleaning does: runs of spaces are one space
            frags.append(template.clone(text=_SPACES.sub(" ", piece), fontName=CJK if cjk else template.fontName))
    if frags and not getattr(frags[0], "lineBreak", False):
        frags[0].text = frags[0].text.lstrip(" ")
    return Text(None, style, frags=frags or [template.clone(text="")])


class Heading(Text):
    """A heading that goes into the table of contents and the PDF outline."""

    def __init__(self, text: str, level: int) -> None:
        super().__init__(markup(text), H1 if level == 0 else H2)
        self.toc_text, self.level = text, level


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return _plain(text, style)


def _long(text: str, style: ParagraphStyle = BODY) -> list[Paragraph]:
    return [_plain(piece, style) for piece in chunks(text)]


def _refs(part: Cited) -> str:
    return TEXT["refs"].format(refs=part.citations)


def _answer_value(answer: Answer) -> str:
    return answer.value if answer.given else TEXT["unanswered"]


def cover(document: ResultDocument, fingerprint: str) -> list:
    rows = cover_rows(document)
    table = Table([[_p(k, SMALL), _p(v)] for k, v in rows], colWidths=[45 * mm, 120 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
    return [Spacer(1, 25 * mm), _p(TEXT["title"], TITLE), table, Spacer(1, 12 * mm),
            _p(TEXT["primary_tier"], H2), badge(document), Spacer(1, 4 * mm),
            *[_p(TEXT["track"].format(track=track.label, status=track.status)) for track in document.tracks],
            Spacer(1, 10 * mm), _p(TEXT["fingerprint"], SMALL), _p(fingerprint, SMALL),
            Spacer(1, 6 * mm), _p(TEXT["disclaimer"], SMALL), PageBreak()]


def badge(document: ResultDocument) -> Table:
    # The headline in its colour: an undecided result is "possibly ..." in the colour of what it
    # could still be; a relieved one never reads as the outcome alone.
    headline = document.headline
    cells = [[_p(headline.title, BADGE)]] + ([[_p(headline.summary, BADGE_TEXT)]] if headline.summary else [])
    table = Table(cells, colWidths=[165 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(headline.colour or NO_COLOUR)),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (0, 0), 7),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 7)]))
    return table


def contents() -> list:
    styles = [ParagraphStyle("toc0", fontName=BOLD, fontSize=10, leading=14),
              ParagraphStyle("toc1", fontName=MAIN, fontSize=9, leading=11, leftIndent=14)]
    return [_p(TEXT["contents"], H1), Contents(styles), PageBreak()]


def profile(document: ResultDocument) -> list:
    story: list = [Heading(TEXT["profile"], 0)]
    for section in document.sections:
        if section.id.startswith(PROFILE_SECTIONS):
            story += _titled(section.title, _answers(section, with_unanswered=False))
    return story


def _titled(title: str, body: list) -> list:
    """A heading with its body, or nothing when there is nothing under it."""
    return [Heading(title, 1)] + body if body else []


def _answers(section: SectionAnswers, with_unanswered: bool) -> list:
    """The section's answers (and notes); with_unanswered: the questions asked and not answered too."""
    story = []
    for answer in section.answers:
        if not (answer.given or answer.note or with_unanswered):
            continue
        block = [_p(answer.text, QUESTION)]
        block += _long(_answer_value(answer), ITEM)
        if answer.note:
            block += _long(TEXT["your_note"].format(note=answer.note), NOTE)
        story += [Block(block[:3])] + block[3:]  # kept together: the question and its first lines
    return story


def classification(document: ResultDocument) -> list:
    story: list = [Heading(TEXT["classification"], 0), badge(document), Spacer(1, 3 * mm),
                   Heading(TEXT["findings"], 1)]
    story += [_finding(f) for f in document.findings] or [_p(TEXT["no_findings"])]
    if document.excluded:
        story += [Heading(TEXT["excluded"], 1)] + [_finding(f) for f in document.excluded]
    return story


def _finding(finding: FindingPart) -> Block:
    block = [_p(finding.reason or finding.rule, FINDING), _p(_refs(finding), ITEM)]
    block += _because(finding.because)
    if finding.caveat:
        block.append(_p(TEXT["caveat"].format(text=finding.caveat), ITEM))
    return Block(block + [Spacer(1, 2 * mm)])


def _because(because: tuple[Answer, ...]) -> list:
    lines = []
    for answer in because:
        lines.append(_p(TEXT["because"].format(answer=answer.value, question=answer.text), SMALL))
        if answer.note:
            lines += _long(TEXT["your_note"].format(note=answer.note), SMALL)
    return lines


def obligations(document: ResultDocument) -> list:
    """A checklist per role; the date of each duty, with where it comes from once below, not on every row."""
    roles = [role.name for role in document.roles]
    story: list = [Heading(TEXT["obligations"], 0),
                   _p(TEXT["roles"].format(roles=", ".join(roles)) if roles else TEXT["no_roles"])]
    if not document.obligations:
        return story + [_p(TEXT["no_obligations"])]
    sources: dict[str, int] = {}
    held = {role.id for role in document.roles}
    for role in sorted({r for o in document.obligations for r in o.roles} & held or {""}):
        duties = [o for o in document.obligations if not role or role in o.roles]
        if role:
            story.append(Heading(document.role_name(role), 1))
        rows = [[_p("\u2610"), [_p(o.text), _p(_refs(o), SMALL)], _p(_when(o, sources), SMALL)] for o in duties]
        table = Table(rows, colWidths=[7 * mm, 110 * mm, 48 * mm], repeatRows=0)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
        story.append(table)
    notes = [_p(TEXT["date_source"].format(number=n, source=source), SMALL) for source, n in sources.items()]
    return story + ([Spacer(1, 2 * mm), Block(notes)] if notes else [])


def _when(obligation: ObligationPart, sources: dict[str, int]) -> str:
    """"from DATE [n]", where note n says what sets the date and whether it is verified."""
    if obligation.applies_from is None:
        return TEXT["applies_now"]
    date = obligation.applies_from.isoformat()
    source = TEXT["applies_from"].format(date=date, set_by=obligation.set_by)
    source = source if obligation.verified else f"{source}; {TEXT['unverified'].format(source=obligation.source)}"
    number = sources.setdefault(source, len(sources) + 1)
    return TEXT["from_date"].format(date=date, number=number)


def results(document: ResultDocument) -> list:
    story: list = [Heading(TEXT["results"], 0)]
    for part in document.derived:
        story += _derived(part)
    for group, duties in document.duty_groups().items():
        story.append(Heading(TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize()), 1))
        for duty in duties:
            state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
            story.append(Block([_p(duty.text, DUTY), _p(_refs(duty), SMALL), *_long(state, ITEM)]))
    for section in document.sections:
        if section.id.startswith(APPLICATION_SECTIONS):
            story += _titled(section.title, _answers(section, with_unanswered=False))
    return story


def _derived(part: DerivedPart) -> list:
    if part.kind == "checklist":
        story: list = [Heading(TEXT["checklist"].format(title=part.title, status=part.value_text), 1)]
        if part.refs:
            story.append(_p(_refs(part), SMALL))
        story += [_p(TEXT["not_met"].format(text=e.text), ITEM) for e in part.unmet]
        story += [_p(TEXT["open_item"].format(text=e.text), ITEM) for e in part.open]
    else:
        story = [Heading(TEXT["verdict"].format(title=part.title, value=part.value_text), 1)]
        if part.reason:
            story.append(_p(part.reason))
        story += [_p("\u2022 " + counted, ITEM) for counted in part.counted]
        if part.refs:
            story.append(_p(_refs(part), SMALL))
        story += _because(part.because)
    return story + [_p(TEXT["open_item"].format(text=q.text), ITEM) for q in part.open_questions]


def open_points(document: ResultDocument) -> list:
    story: list = [Heading(TEXT["open"], 0), Heading(TEXT["missing"], 1)]
    story += [_p("\u2610 " + TEXT["missing_item"].format(text=m.text, section=m.section_title), ITEM)
              for m in document.completeness.missing] or [_p(TEXT["none"])]
    story.append(Heading(TEXT["open_points"], 1))
    story += [_p("\u2022 " + point.text, ITEM) for point in document.open_points] or [_p(TEXT["none"])]
    story.append(Heading(TEXT["gaps"], 1))
    story += [Block([_p("\u2610 " + gap.text, ITEM), _p(_refs(gap), GAP_REFS)])
              for gap in document.gaps] or [_p(TEXT["none"])]
    return story


def annex(document: ResultDocument) -> list:
    story: list = [PageBreak(), Heading(TEXT["annex"], 0), _p(TEXT["annex_scope"], SMALL)]
    for section in document.sections:
        answers = _answers(section, with_unanswered=True)
        story += [CondPageBreak(30 * mm)] + _titled(section.title, answers) if answers else []
    return story


def declaration(document: ResultDocument, fingerprint: str) -> list:
    line = "_" * 48
    contact = document.answer(CONTACT_QUESTION)
    rows = [(TEXT["name"], contact.value if contact and contact.given else TEXT["not_given"]), (TEXT["role"], line),
            (TEXT["date"], document.answered_on.isoformat()), (TEXT["signature"], "")]
    table = Table([[_p(k, SMALL), _p(v)] for k, v in rows], colWidths=[35 * mm, 130 * mm],
                  rowHeights=[None, None, None, 18 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (1, 3), (1, 3), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [CondPageBreak(90 * mm), Heading(TEXT["declaration"], 0), _p(TEXT["declaration_text"]), Spacer(1, 4 * mm),
            table, Spacer(1, 6 * mm), _p(TEXT["fingerprint"], SMALL), _p(fingerprint, SMALL)]


def story(document: ResultDocument, fingerprint: str) -> list:
    return (cover(document, fingerprint) + contents() + profile(document) + classification(document)
            + obligations(document) + results(document) + open_points(document) + annex(document)
            + declaration(document, fingerprint))
