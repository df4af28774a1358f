"""The live result: primary tier, model status, the findings with their reasons and citations, and
the open points. It only reads the session's assessment; a link on a finding or an open point asks
the window to go to the question behind it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import QEvent, QTimer, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.qt.scroll_page import ScrollPage
from app.qt.style import muted, set_role
from app.qt.texts import TEXT
from catalogue import ntr, table
from risk_tiers.texts import BECAUSE

CROSSWALK_STATUS = table("crosswalk.status")

if TYPE_CHECKING:
    from app.results.crosswalk import CrosswalkReport
    from app.results.document import Answer, FindingPart, ResultDocument


def link_label(rich_text: str, on_link) -> QLabel:
    """A wrapping label whose links are reachable with Tab and Enter as well as the mouse."""
    label = QLabel(rich_text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    label.linkActivated.connect(on_link)
    return label


def headline_lines(documents: Sequence[ResultDocument]) -> list[tuple[str, str]]:
    """Each jurisdiction's pack id and its headline by the pack's title (the tier, or what it could
    still be), as the result panel, the review page and the reviewer's view list them."""
    return [(d.pack_id, TEXT["jurisdiction_headline"].format(title=d.pack_short_title, headline=d.headline.title))
            for d in documents]


def jurisdictions_html(documents: Sequence[ResultDocument]) -> str:
    """The list of each jurisdiction's headline under its heading ("" for one jurisdiction)."""
    if len(documents) < 2:
        return ""
    return (f"<h3>{html.escape(TEXT['jurisdictions_results'])}</h3>"
            + "".join(f"<p>{html.escape(line)}</p>" for _, line in headline_lines(documents)))


def evidence_lines(crosswalk: CrosswalkReport, documents: Sequence[ResultDocument]) -> list[tuple[str, str]]:
    """Each piece of evidence of the crosswalk and, as HTML, its name over the jurisdictions whose
    requirement it covers or supports and how (evidence reuse, never one law recognising another),
    as the result panel and the reviewer's view list them; each law by the short title of its
    result in `documents` (its full title where it has none there)."""
    titles = {j.id: j.title for j in crosswalk.jurisdictions} | {d.pack_id: d.pack_short_title for d in documents}
    lines = []
    for row in crosswalk.rows:
        cells = [TEXT["evidence_cell"].format(jurisdiction=titles[c.jurisdiction], status=CROSSWALK_STATUS[c.status])
                 for c in row.cells if c.status != "none"]
        lines.append((row.evidence, f"<b>{html.escape(row.label)}</b><br>" + "<br>".join(map(html.escape, cells))))
    return lines


def result_html(document: ResultDocument, obligations_title: str, edit_links: bool = False,
                notes: Callable[[str, str], str] | None = None,
                jurisdictions: Sequence[ResultDocument] = ()) -> str:
    """The result as the review page and the reviewer's view lay it out: the headline, each finding
    (applying and excluded) with its citations and reason, the obligations under `obligations_title`
    (the applicant's "What you must do", the reviewer's "What the applicant must do") and the open
    points; `edit_links`: each open point links to its question, as on the applicant's review page;
    `notes(kind, id)`: HTML to add under a finding or obligation (the reviewer's comments on it);
    `jurisdictions`: for a draft that targets several, each one's result (its own first), whose
    headlines are listed under the headline."""
    under = notes or (lambda kind, target_id: "")
    result = [f"<h3>{html.escape(TEXT['review_result'])}</h3>",
              f"<p><b>{html.escape(document.headline.label)}</b></p>", jurisdictions_html(jurisdictions)]
    for finding in document.findings + document.excluded:
        result.append(f"<p>{html.escape(finding.citations)}: {html.escape(finding.reason)}"
                      f"{under('finding', finding.rule)}</p>")
    if document.obligations:
        result.append(f"<h3>{html.escape(obligations_title)}</h3><ul>")
        result += [f"<li>{html.escape(o.text)} ({html.escape(o.citations)}){under('obligation', o.id)}</li>"
                   for o in document.obligations]
        result.append("</ul>")
    result.append(f"<h3>{html.escape(TEXT['open_points'])}</h3>")
    if not document.open_points:
        result.append(f"<p>{html.escape(TEXT['no_open_points'])}</p>")
    for point in document.open_points:
        link = (f' <a href="q:{point.question}">{html.escape(TEXT["edit"])}</a>'
                if edit_links and point.question else "")
        result.append(f"<p>{html.escape(point.text)}{link}</p>")
    return "".join(result)


def question_link(question_id: str | None) -> str:
    if not question_id:
        return ""
    return f' <a href="q:{html.escape(question_id)}">{html.escape(TEXT["go_to_question"])}</a>'


def because_line(answer: Answer) -> tuple[str, str]:
    """An answer behind a result as the panel quotes it, and the applicant's note on it."""
    note = TEXT["review_note"].format(note=answer.note) if answer.note else ""
    return BECAUSE.format(answer=answer.value, question=answer.text), note


class ResultView(ScrollPage):
    question_chosen = Signal(str)
    rebuilt = Signal()

    def __init__(self, session, parent=None, after_paint: bool = False):
        super().__init__(parent)
        self.session = session
        self.filled = False
        self.body.setContentsMargins(12, 12, 12, 12)
        self.setAccessibleName(TEXT["result_title"])
        muted(self.heading(TEXT["result_title"], "heading"))
        self.tier = self.heading("", "tier")
        self.summary = self.paragraph("")
        self.provisional = self.paragraph(TEXT["provisional"])
        muted(self.provisional, small=True)
        self.other_tracks = self.paragraph("")
        self.roles = self.paragraph("")
        self.content = QWidget()
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        session.assessment_changed.connect(self.show_assessment)
        if after_paint:
            # At start-up the question page beside it comes first: laying out the panel's hundred or
            # so wrapping labels takes longer than the page itself. It fills once the window is painted.
            self.provisional.hide()
            for watched in (self.viewport(), self.widget()):
                watched.installEventFilter(self)
        else:
            self.show_assessment(session.assessment)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.filled:
            for painted in (self.viewport(), self.widget()):
                painted.removeEventFilter(self)
            # Two turns of the event loop: the window is on screen, and what its paint queued runs first.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.fill))
        return False

    def fill(self) -> None:
        """Show the session's assessment now, if the panel is still waiting for its first."""
        if not self.filled:
            self.show_assessment(self.session.assessment)

    def show_assessment(self, assessment) -> None:
        self.filled = True
        document = self.session.result_document(assessment)
        self.tier.setText(document.headline.title)
        self.summary.setText(document.headline.summary)
        self.summary.setVisible(bool(self.summary.text()))
        self.tier.setAccessibleDescription(document.headline.label)
        self.other_tracks.setText("\n".join(TEXT["track"].format(track=t.label, status=t.status)
                                            for t in document.tracks))
        self.other_tracks.setVisible(bool(self.other_tracks.text()))
        self.roles.setText(TEXT["roles"].format(roles=", ".join(role.name for role in document.roles)))
        self.roles.setVisible(bool(document.roles))
        self.provisional.setVisible(document.provisional)
        # The findings change shape with every answer: rebuild that part (a few labels, well under 1 ms).
        old = self.content
        self.content = self._findings_widget(document)
        self.body.replaceWidget(old, self.content)
        self.content.show()
        old.hide()
        old.deleteLater()
        self.rebuilt.emit()

    def _findings_widget(self, document: ResultDocument) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self._title(TEXT["findings"]))
        if not document.findings:
            layout.addWidget(self._text(TEXT["no_findings"]))
        shown: set[tuple[str, str]] = set()  # answers already quoted in a card above
        for finding in document.findings:
            layout.addWidget(self._finding(finding, shown))
        if document.excluded:
            layout.addWidget(self._title(TEXT["excluded"]))
            for finding in document.excluded:
                layout.addWidget(self._finding(finding, shown))
        if document.obligations:
            layout.addWidget(self._text(ntr("qt.obligations_count", len(document.obligations))))
        self._add_application_results(layout, document)
        self._add_jurisdictions(layout)
        layout.addWidget(self._title(TEXT["open_points"]))
        if not document.open_points:
            layout.addWidget(self._text(TEXT["no_open_points"]))
        for point in document.open_points:
            layout.addWidget(link_label(html.escape(point.text) + question_link(point.question), self._on_link))
        return widget

    def _add_application_results(self, layout, document: ResultDocument) -> None:
        """Derived results (such as whether a DPIA is needed), checklists, and what is still to do."""
        derived = [d for d in document.derived if d.applies]
        if derived:
            layout.addWidget(self._title(TEXT["derived"]))
        for part in derived:
            if part.kind == "verdict":
                text = part.reason if part.decided else TEXT["undecided"]
                rich = f"<b>{html.escape(part.title)}</b>: {html.escape(text)}"
            else:
                rich = "<br>".join([TEXT["checklist_unmet" if part.unmet else "checklist"].format(
                    title=html.escape(part.title), status=html.escape(part.value_text))]
                    + [html.escape(entry.text) for entry in part.unmet])
            layout.addWidget(link_label(rich + question_link(part.question), self._on_link))
        unstated = [d for d in document.duties if d.measure_asked]
        if unstated or document.gaps:
            layout.addWidget(self._title(TEXT["to_do"]))
        for duty in unstated:
            text = TEXT["duty_unstated"].format(duty=duty.text)
            layout.addWidget(link_label(html.escape(text) + question_link(duty.question), self._on_link))
        for gap in document.gaps:  # in short: the link goes to the questions that settle it
            layout.addWidget(link_label(html.escape(gap.short_text) + question_link(gap.question), self._on_link))

    def _add_jurisdictions(self, layout) -> None:
        """For several jurisdictions: each one's headline, and the evidence each piece reuses
        (covered or missing under each law): evidence reuse, never one law recognising another."""
        found = self.session.each_result()
        if found is None:
            return
        documents, crosswalk = found
        layout.addWidget(self._title(TEXT["jurisdictions_results"]))
        for pack_id, text in headline_lines(documents):
            line = self._text(text)
            line.setProperty("jurisdiction", pack_id)
            layout.addWidget(line)
        if crosswalk.rows:
            layout.addWidget(self._title(TEXT["evidence_reuse"]))
        for evidence, rich in evidence_lines(crosswalk, documents):
            line = link_label(rich, self._on_link)
            line.setProperty("evidence", evidence)
            layout.addWidget(line)

    def _finding(self, finding: FindingPart, shown: set[tuple[str, str]]) -> QWidget:
        head = "<br>".join(part for part in (f"<b>{html.escape(finding.citations)}</b>" if finding.refs else "",
                                             html.escape(finding.reason)) if part)
        # Each answer behind the finding on its own indented line, so the reason does not run on
        # into a wall of "because you answered ..." text.
        # Findings often rest on the same answers: quote each answer once, in the first card.
        lines = [because_line(answer) for answer in finding.because]
        new_lines = [line for line in lines if line not in shown]
        if len(new_lines) < len(lines):
            new_lines.append((TEXT["also_answers"] if new_lines else TEXT["same_answers"], ""))
        shown.update(lines)
        behind_lines = "".join(f'<p style="margin-top:3px; margin-bottom:0px; margin-left:10px">{html.escape(text)}</p>'
                               + (f'<p style="margin-top:0px; margin-bottom:0px; margin-left:10px">{html.escape(note)}</p>'
                                  if note else "")
                               for text, note in new_lines)
        caveat = ""
        if finding.caveat:
            caveat = f'<p style="margin-top:3px; margin-bottom:0px"><i>{html.escape(TEXT["caveat"].format(caveat=finding.caveat))}</i></p>'
        behind = finding.because[0].question if finding.because else None
        text = f"<p style=\"margin-top:0px; margin-bottom:0px\">{head}</p>{behind_lines}{caveat}"
        label = link_label(text + question_link(behind), self._on_link)
        label.setProperty("rule", finding.rule)
        label.setFrameShape(QFrame.Shape.StyledPanel)
        label.setContentsMargins(6, 6, 6, 6)
        return label

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)  # never wider than the panel, even at 200% in a narrow window
        label.setContentsMargins(0, 8, 0, 0)
        set_role(label, "heading")
        return label

    def _text(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _on_link(self, link: str) -> None:
        if link.startswith("q:"):
            self.question_chosen.emit(link[2:])

    def text(self) -> str:
        """Everything the panel shows, as plain text, the way a screen reader reads it (for tests)."""
        from PySide6.QtGui import QTextDocumentFragment

        def plain(label: QLabel) -> str:
            rich = label.textFormat() == Qt.TextFormat.RichText
            return QTextDocumentFragment.fromHtml(label.text()).toPlainText() if rich else label.text()

        return "\n".join(plain(label) for label in self.widget().findChildren(QLabel) if label.isVisibleTo(self))
