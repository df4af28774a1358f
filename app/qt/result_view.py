"""The live result: primary tier, model status, the findings with their reasons and citations, and
the open points. It only reads the session's assessment; a link on a finding or an open point asks
the window to go to the question behind it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from app.qt.scroll_page import ScrollPage
from app.qt.style import muted, set_role
from app.qt.texts import TEXT
from catalogue import ntr
from app.results.report import because_text, gap_text, open_point_text, refs_text, tier_label, track_lines
from risk_tiers.headline import headline, role_name
from risk_tiers.texts import CHECKLIST_STATUS


def link_label(rich_text: str, on_link) -> QLabel:
    """A wrapping label whose links are reachable with Tab and Enter as well as the mouse."""
    label = QLabel(rich_text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    label.linkActivated.connect(on_link)
    return label


def question_link(question_id: str | None) -> str:
    if not question_id:
        return ""
    return f' <a href="q:{html.escape(question_id)}">{html.escape(TEXT["go_to_question"])}</a>'


class ResultView(ScrollPage):
    question_chosen = Signal(str)
    rebuilt = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
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
        self.show_assessment(session.assessment)

    def show_assessment(self, assessment) -> None:
        pack = self.session.pack
        title, summary = headline(pack, assessment)
        self.tier.setText(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(self.summary.text()))
        self.tier.setAccessibleDescription(tier_label(pack, assessment))
        self.other_tracks.setText("\n".join(track_lines(pack, assessment)))
        self.other_tracks.setVisible(bool(self.other_tracks.text()))
        self.roles.setText(TEXT["roles"].format(roles=", ".join(role_name(pack, r) for r in assessment.roles)))
        self.roles.setVisible(bool(assessment.roles))
        self.provisional.setVisible(any(p.kind == "question" for p in assessment.open_points))
        # The findings change shape with every answer: rebuild that part (a few labels, well under 1 ms).
        old = self.content
        self.content = self._findings_widget(assessment)
        self.body.replaceWidget(old, self.content)
        self.content.show()
        old.hide()
        old.deleteLater()
        self.rebuilt.emit()

    def _findings_widget(self, assessment) -> QWidget:
        from PySide6.QtWidgets import QVBoxLayout

        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 8, 0, 0)
        applying = [f for f in assessment.findings if f.tier != "excluded"]
        excluded = [f for f in assessment.findings if f.tier == "excluded"]
        layout.addWidget(self._title(TEXT["findings"]))
        if not applying:
            layout.addWidget(self._text(TEXT["no_findings"]))
        shown: set[str] = set()  # answers already quoted in a card above
        for finding in applying:
            layout.addWidget(self._finding(finding, shown))
        if excluded:
            layout.addWidget(self._title(TEXT["excluded"]))
            for finding in excluded:
                layout.addWidget(self._finding(finding, shown))
        if assessment.obligations:
            layout.addWidget(self._text(ntr("qt.obligations_count", len(assessment.obligations))))
        self._add_application_results(layout, assessment)
        layout.addWidget(self._title(TEXT["open_points"]))
        if not assessment.open_points:
            layout.addWidget(self._text(TEXT["no_open_points"]))
        for point in assessment.open_points:
            layout.addWidget(link_label(html.escape(open_point_text(self.session.pack, point))
                                        + question_link(point.question), self._on_link))
        return widget

    def _add_application_results(self, layout, assessment) -> None:
        """Verdicts (such as whether a DPIA is needed), checklists, and what is still to do."""
        derived = [v for v in getattr(assessment, "verdicts", ()) if v.value != "not_applicable"]
        checks = [c for c in getattr(assessment, "checklists", ()) if c.status != "not_applicable"]
        if derived or checks:
            layout.addWidget(self._title(TEXT["derived"]))
        for verdict in derived:
            known = verdict.value != "unknown"
            text = verdict.reason if known else TEXT["undecided"]
            behind = (verdict.because[0].question if verdict.because else None) if known else \
                next(iter(verdict.open_questions), None)
            layout.addWidget(link_label(f"<b>{html.escape(verdict.title)}</b>: {html.escape(text)}"
                                        + question_link(behind), self._on_link))
        for checklist in checks:
            # The status in the same words as the report and the dossier (risk_tiers/texts.py).
            status = html.escape(CHECKLIST_STATUS[checklist.status])
            parts = [TEXT["checklist_unmet" if checklist.unmet else "checklist"].format(
                title=html.escape(checklist.title), status=status)]
            parts += [html.escape(entry.text) for entry in checklist.unmet]
            behind = next((q for entry in checklist.open for q in entry.questions), None)
            layout.addWidget(link_label("<br>".join(parts) + question_link(behind), self._on_link))
        unstated = [d for d in getattr(assessment, "duties", ()) if not d.stated]
        gaps = getattr(assessment, "gaps", ())
        if unstated or gaps:
            layout.addWidget(self._title(TEXT["to_do"]))
        for duty in unstated:
            text = TEXT["duty_unstated"].format(duty=duty.text)
            layout.addWidget(link_label(html.escape(text) + question_link(duty.question), self._on_link))
        for gap in gaps:
            behind = gap.because[0].question if gap.because else next(iter(gap.open_questions), None)
            text = gap_text(self.session.pack, gap, name_questions=False)  # the link goes to them
            layout.addWidget(link_label(html.escape(text) + question_link(behind), self._on_link))

    def _finding(self, finding, shown: set[str]) -> QWidget:
        pack = self.session.pack
        parts = [f"<b>{html.escape(refs_text(finding.refs))}</b>" if finding.refs else "",
                 html.escape(finding.reason)]
        head = "<br>".join(p for p in parts if p)
        # Each answer behind the finding on its own indented line, so the reason does not run on
        # into a wall of "because you answered ..." text.
        # Findings often rest on the same answers: quote each answer once, in the first card.
        lines = because_text(pack, finding)
        new_lines = [text for text in lines if text not in shown]
        if len(new_lines) < len(lines):
            new_lines.append(TEXT["also_answers"] if new_lines else TEXT["same_answers"])
        shown.update(lines)
        behind_lines = "".join(f'<p style="margin-top:3px; margin-bottom:0px; margin-left:10px">{html.escape(text)}</p>'
                               for text in new_lines)
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
