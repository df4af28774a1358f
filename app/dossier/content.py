"""The dossier's pages as platypus flowables, read from the draft, the pack and the assessment.

Nothing here decides anything about the law: every result comes from the core's Assessment.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.results import names
from app.dossier.layout import Block, Contents
from app.dossier.texts import TEXT
from app.dossier.typeset import BOLD, CJK, MAIN, chunks, markup, runs
from app.storage.drafts import Draft
from app.results.report import answer_text, counted_question, gap_text, open_point_text, refs_text, track_lines, value_text
from forms.completeness import Completeness, completeness as completeness_of
from forms.evaluation import Evaluation
from forms.schema import Pack
from risk_tiers import texts
from risk_tiers.assessment import Assessment
from risk_tiers.headline import headline, outcome_colour, role_name

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


def _refs(refs) -> str:
    return TEXT["refs"].format(refs=refs_text(refs))


class Reader:
    """Looks up questions and answers of one draft in its pack."""

    def __init__(self, draft: Draft, pack: Pack) -> None:
        self.draft, self.pack = draft, pack
        self.questions = {q.id: q for s in pack.sections for q in s.questions}
        self.evaluation = Evaluation(pack, draft.values())

    def relevant(self, qid: str) -> bool:
        """Answered, or asked of this applicant: not hidden by the answers given."""
        return qid in self.draft.answers or self.evaluation.is_visible(qid)

    def given(self, qid: str) -> str:
        value = getattr(self.draft.answers.get(qid), "value", None)
        return value if isinstance(value, str) and value.strip() else TEXT["not_given"]

    def answer(self, qid: str, value: Any) -> str:
        if value is None or value == [] or value == "":
            return TEXT["unanswered"]
        return answer_text(self.pack, qid, value)

    def text(self, qid: str) -> str:
        question = self.questions.get(qid)
        return question.text if question else qid

    @cached_property
    def completeness(self) -> Completeness:
        return completeness_of(self.evaluation)

    def section_title(self, section_id: str) -> str:
        return self.evaluation.index.sections[section_id].title


def cover_rows(reader: Reader, assessment: Assessment) -> list[tuple[str, str]]:
    """(label, value) of the cover's table: who applies, for which system, from which answers."""
    draft, pack, found = reader.draft, reader.pack, reader.completeness
    given = (TEXT["complete"].format(required=found.required) if found.complete else TEXT["incomplete"].format(
        given=found.given, required=found.required, missing=len(found.missing), section=TEXT["missing"]))
    return [(TEXT["applicant"], names.applicant_name(pack, draft) or TEXT["not_given"]),
            (TEXT["system"], names.system_name(pack, draft) or TEXT["not_given"]),
            (TEXT["date"], draft.modified.date().isoformat()),
            (TEXT["completeness"], given),
            (TEXT["pack"], TEXT["pack_value"].format(pack=pack.id, version=pack.version,
                                                     date=assessment.law_current_to.isoformat()))]


def cover(reader: Reader, assessment: Assessment, fingerprint: str) -> list:
    pack = reader.pack
    rows = cover_rows(reader, assessment)
    table = Table([[_p(k, SMALL), _p(v)] for k, v in rows], colWidths=[45 * mm, 120 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
    return [Spacer(1, 25 * mm), _p(TEXT["title"], TITLE), table, Spacer(1, 12 * mm),
            _p(TEXT["primary_tier"], H2), badge(pack, assessment), Spacer(1, 4 * mm),
            *[_p(line) for line in track_lines(pack, assessment)],
            Spacer(1, 10 * mm), _p(TEXT["fingerprint"], SMALL), _p(fingerprint, SMALL),
            Spacer(1, 6 * mm), _p(TEXT["disclaimer"], SMALL), PageBreak()]


def badge(pack: Pack, assessment: Assessment) -> Table:
    # The core's headline and colour: an undecided result is "possibly ..." in the colour of what
    # it could still be; a relieved one never reads as the outcome alone.
    title, summary = headline(pack, assessment)
    colour = outcome_colour(pack, assessment) or NO_COLOUR
    cells = [[_p(title, BADGE)]] + ([[_p(summary, BADGE_TEXT)]] if summary else [])
    table = Table(cells, colWidths=[165 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(colour)),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (0, 0), 7),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 7)]))
    return table


def contents() -> list:
    styles = [ParagraphStyle("toc0", fontName=BOLD, fontSize=10, leading=14),
              ParagraphStyle("toc1", fontName=MAIN, fontSize=9, leading=11, leftIndent=14)]
    return [_p(TEXT["contents"], H1), Contents(styles), PageBreak()]


def profile(reader: Reader) -> list:
    story: list = [Heading(TEXT["profile"], 0)]
    for section in reader.pack.sections:
        if not section.id.startswith(("applicant", "system")):
            continue
        story += _titled(section.title, _answers(reader, section, with_unanswered=False))
    return story


def _titled(title: str, body: list) -> list:
    """A heading with its body, or nothing when there is nothing under it."""
    return [Heading(title, 1)] + body if body else []


def _answers(reader: Reader, section, with_unanswered: bool) -> list:
    story = []
    for question in section.questions:
        answer = reader.draft.answers.get(question.id)
        if answer is None and not (with_unanswered and reader.relevant(question.id)):
            continue
        value = answer.value if answer else None
        block = [_p(question.text, QUESTION)]
        block += _long(reader.answer(question.id, value), ITEM)
        if answer and answer.note:
            block += _long(TEXT["your_note"].format(note=answer.note), NOTE)
        story += [Block(block[:3])] + block[3:]  # kept together: the question and its first lines
    return story


def classification(reader: Reader, assessment: Assessment) -> list:
    applying = [f for f in assessment.findings if f.tier != "excluded"]
    excluded = assessment.findings_of("excluded")
    story: list = [Heading(TEXT["classification"], 0), badge(reader.pack, assessment), Spacer(1, 3 * mm),
                   Heading(TEXT["findings"], 1)]
    story += [_finding(reader, f) for f in applying] or [_p(TEXT["no_findings"])]
    if excluded:
        story += [Heading(TEXT["excluded"], 1)] + [_finding(reader, f) for f in excluded]
    return story


def _finding(reader: Reader, finding) -> Block:
    block = [_p(finding.reason or finding.rule, FINDING),
             _p(_refs(finding.refs), ITEM)]
    block += _because(reader, finding.because)
    if finding.caveat:
        block.append(_p(TEXT["caveat"].format(text=finding.caveat), ITEM))
    return Block(block + [Spacer(1, 2 * mm)])


def _because(reader: Reader, because) -> list:
    lines = []
    for b in because:
        lines.append(_p(TEXT["because"].format(answer=reader.answer(b.question, b.answer), question=reader.text(b.question)), SMALL))
        if b.note:
            lines += _long(TEXT["your_note"].format(note=b.note), SMALL)
    return lines


def obligations(pack: Pack, assessment: Assessment) -> list:
    """A checklist per role; the date of each duty, with where it comes from once below, not on every row."""
    story: list = [Heading(TEXT["obligations"], 0),
                   _p(TEXT["roles"].format(roles=", ".join(role_name(pack, r) for r in assessment.roles)) if assessment.roles else TEXT["no_roles"])]
    if not assessment.obligations:
        return story + [_p(TEXT["no_obligations"])]
    sources: dict[str, int] = {}
    for role in sorted({r for o in assessment.obligations for r in o.roles} & set(assessment.roles) or {""}):
        duties = [o for o in assessment.obligations if not role or role in o.roles]
        if role:
            story.append(Heading(role_name(pack, role), 1))
        rows = [[_p("\u2610"), [_p(o.text), _p(_refs(o.refs), SMALL)], _p(_when(o, sources), SMALL)] for o in duties]
        table = Table(rows, colWidths=[7 * mm, 110 * mm, 48 * mm], repeatRows=0)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
        story.append(table)
    notes = [_p(TEXT["date_source"].format(number=n, source=source), SMALL) for source, n in sources.items()]
    return story + ([Spacer(1, 2 * mm), Block(notes)] if notes else [])


def _when(obligation, sources: dict[str, int]) -> str:
    """"from DATE [n]", where note n says what sets the date and whether it is verified."""
    if obligation.applies_from is None:
        return TEXT["applies_now"]
    date = obligation.applies_from.isoformat()
    source = TEXT["applies_from"].format(date=date, set_by=obligation.set_by)
    source = source if obligation.verified else f"{source}; {TEXT['unverified'].format(source=obligation.source)}"
    number = sources.setdefault(source, len(sources) + 1)
    return TEXT["from_date"].format(date=date, number=number)


def results(reader: Reader, assessment: Assessment) -> list:
    story: list = [Heading(TEXT["results"], 0)]
    for verdict in assessment.verdicts:
        value = value_text(reader.pack, verdict.value)
        story += [Heading(TEXT["verdict"].format(title=verdict.title, value=value), 1)]
        if verdict.reason:
            story.append(_p(verdict.reason))
        if verdict.counted:
            counted = counted_question(reader.pack, verdict)
            story += [_p("\u2022 " + reader.answer(counted, [c]), ITEM) for c in verdict.counted]
        if verdict.refs:
            story.append(_p(_refs(verdict.refs), SMALL))
        story += _because(reader, verdict.because)
        story += [_p(TEXT["open_item"].format(text=reader.text(q)), ITEM) for q in verdict.open_questions]
    for checklist in assessment.checklists:
        status = texts.CHECKLIST_STATUS[checklist.status]
        story += [Heading(TEXT["checklist"].format(title=checklist.title, status=status), 1)]
        if checklist.refs:
            story.append(_p(_refs(checklist.refs), SMALL))
        story += [_p(TEXT["not_met"].format(text=e.text), ITEM) for e in checklist.unmet]
        story += [_p(TEXT["open_item"].format(text=e.text), ITEM) for e in checklist.open]
        story += [_p(TEXT["open_item"].format(text=reader.text(q)), ITEM) for q in checklist.open_questions]
    for group in dict.fromkeys(d.group for d in assessment.duties):
        story.append(Heading(TEXT["duty_groups"].get(group, group.replace("_", " ").capitalize()), 1))
        for duty in assessment.duties_of(group):
            state = TEXT["duty_stated"].format(measure=duty.measure) if duty.stated else TEXT["duty_missing"]
            story.append(Block([_p(duty.text, DUTY),
                                       _p(_refs(duty.refs), SMALL), *_long(state, ITEM)]))
    for section in reader.pack.sections:  # the application sections, whatever the pack adds
        if section.id.startswith(("privacy", "plan", "measures", "transparency", "sandbox", "data")):
            story += _titled(section.title, _answers(reader, section, with_unanswered=False))
    return story


def open_points(reader: Reader, assessment: Assessment) -> list:
    pack = reader.pack
    story: list = [Heading(TEXT["open"], 0), Heading(TEXT["missing"], 1)]
    story += [_p("\u2610 " + TEXT["missing_item"].format(text=m.text, section=reader.section_title(m.section)), ITEM)
              for m in reader.completeness.missing] or [_p(TEXT["none"])]
    story.append(Heading(TEXT["open_points"], 1))
    story += [_p("\u2022 " + open_point_text(pack, p), ITEM) for p in assessment.open_points] or [_p(TEXT["none"])]
    story.append(Heading(TEXT["gaps"], 1))
    story += [Block([_p("\u2610 " + gap_text(pack, g), ITEM), _p(_refs(g.refs), GAP_REFS)])
              for g in assessment.gaps] or [_p(TEXT["none"])]
    return story


def annex(reader: Reader) -> list:
    story: list = [PageBreak(), Heading(TEXT["annex"], 0), _p(TEXT["annex_scope"], SMALL)]
    for section in reader.pack.sections:
        answers = _answers(reader, section, with_unanswered=True)
        story += [CondPageBreak(30 * mm)] + _titled(section.title, answers) if answers else []
    return story


def declaration(reader: Reader, fingerprint: str) -> list:
    line = "_" * 48
    rows = [(TEXT["name"], reader.given("applicant.contact_name")), (TEXT["role"], line),
            (TEXT["date"], reader.draft.modified.date().isoformat()), (TEXT["signature"], "")]
    table = Table([[_p(k, SMALL), _p(v)] for k, v in rows], colWidths=[35 * mm, 130 * mm],
                  rowHeights=[None, None, None, 18 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (1, 3), (1, 3), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [CondPageBreak(90 * mm), Heading(TEXT["declaration"], 0), _p(TEXT["declaration_text"]), Spacer(1, 4 * mm),
            table, Spacer(1, 6 * mm), _p(TEXT["fingerprint"], SMALL), _p(fingerprint, SMALL)]


def story(reader: Reader, assessment: Assessment, fingerprint: str) -> list:
    return (cover(reader, assessment, fingerprint) + contents() + profile(reader) + classification(reader, assessment)
            + obligations(reader.pack, assessment) + results(reader, assessment) + open_points(reader, assessment) + annex(reader)
            + declaration(reader, fingerprint))
