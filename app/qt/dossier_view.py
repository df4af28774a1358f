"""A received dossier shown read-only beside the reviewer's table: its status, the result printed
in it against the result its answers give (each difference flagged in words and with an icon),
the signature, the application's review status with its history, the comments the register
holds, and the application itself laid out like the wizard's review page (the applicant's
answers with their notes by section, then the result), from the one result document; for a draft
that targets several jurisdictions, each other one's result laid out alike, and the crosswalk.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.dossier.signature import Integrity, SignatureCheck, Trust
from app.qt.labels import heading_label, text_label
from app.qt.result_view import evidence_lines, link_label, result_html
from app.qt.reviewer_comments import CommentsPanel, ThreadPanel
from app.qt.reviewer_table import STATUS, review_status_text, severity_icon
from app.qt.scroll_page import ScrollPage
from app.qt.style import muted, set_role
from app.qt.texts import TEXT as WIZARD
from app.results.document import ResultDocument
from app.review.detail import DossierDetail
from app.review.dossier_review import DossierReview
from app.review.register import REVIEW_STATUSES
from app.review.rows import Severity, severity
from app.review.wording import ResultWords
from catalogue import ntr, table, tr
from catalogue.formats import format_datetime, format_number

TEXT = table("qt.reviewer")
SIGN = table("sign")


class DossierView(ScrollPage):
    """Shows one dossier at a time (`show_detail`); asks for a review status with `review_status_chosen`."""

    review_status_chosen = Signal(str, str, str)  # fingerprint, review status, note
    comment_added = Signal(str, str, str, str)     # fingerprint, target kind, target id, text
    comment_status_chosen = Signal(int, str)       # comment id, status
    feedback_save_requested = Signal(str)          # fingerprint

    def __init__(self, words: ResultWords, parent=None) -> None:
        super().__init__(parent)
        self.words = words
        self.detail: DossierDetail | None = None
        self._forget_controls()
        self.setAccessibleName(TEXT["detail_title"])
        self.content = QWidget()
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        self.show_message(TEXT["detail_empty"])

    # --- what is shown ---
    def _forget_controls(self) -> None:
        """The controls of the dossier shown: None while none is (or it has none)."""
        self.status_choice: QComboBox | None = None
        self.status_note: QLineEdit | None = None
        self.status_button: QPushButton | None = None
        self.comments_box: CommentsPanel | None = None  # the comments, to write and mark
        self.thread_box: ThreadPanel | None = None  # a version sent after feedback: its thread

    def show_message(self, text: str) -> None:
        """A line instead of a dossier: none chosen yet, or one being read."""
        self.detail = None
        self._forget_controls()
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        muted(text_label(text, layout))
        self._replace(widget)

    def show_detail(self, detail: DossierDetail, history: list | None, comments: list | None,
                    register_problem: str = "", replies: dict | None = None, thread=None) -> None:
        """`history`, `comments` and their `replies`: what the register keeps of it (None when it
        cannot say); `thread`: the answers changed since the version reviewed and its comments."""
        self.detail = detail
        self._forget_controls()
        review = detail.review
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        title = text_label(review.system or review.applicant or review.file, layout)
        set_role(title, "page_title")
        if review.applicant and review.system:
            text_label(TEXT["detail_applicant"].format(applicant=review.applicant), layout)
        _field(TEXT["detail_file"], review.file, layout)
        if review.fingerprint:
            _field(TEXT["detail_fingerprint"], review.fingerprint, layout)
        # The message names the file by its path, shown just above: its name is enough here.
        message = review.message.replace(review.file, Path(review.file).name)
        _flagged(layout, severity(review.status), STATUS[review.status.value], message)
        if review.draft_id:
            self._results(layout, review)
        self._signature(layout, detail)
        if review.draft_id:
            self._review_status(layout, review, history, register_problem)
            self._comments(layout, detail, comments, replies or {}, thread)
        self._application(layout, detail)
        self._replace(widget)

    def _replace(self, widget: QWidget) -> None:
        old = self.content
        self.content = widget
        self.body.replaceWidget(old, widget)
        widget.show()
        old.hide()
        old.deleteLater()
        self.verticalScrollBar().setValue(0)

    # --- the parts ---
    def _results(self, layout, review: DossierReview) -> None:
        heading_label(TEXT["results_title"], layout)
        words = self.words
        printed = words.result(review, review.printed) if review.printed else review.printed_headline
        text_label(TEXT["printed"].format(result=printed or TEXT["printed_none"]), layout)
        if review.recomputed is not None:
            text_label(TEXT["recomputed"].format(pack=review.pack_id, version=review.recomputed.pack_version,
                                                  result=words.result(review, review.recomputed)), layout)
        if review.today is not None:
            text_label(TEXT["today"].format(pack=review.pack_id, version=review.today.pack_version,
                                             result=words.result(review, review.today)), layout)
        for difference in review.differences:
            _flagged(layout, Severity.PROBLEM if difference.between != "recomputed_today" else Severity.NOTE,
                     TEXT["differs"], words.difference(review, difference))
        if not review.differences and review.current is not None:
            _flagged(layout, Severity.OK, TEXT["no_difference"], "")

    def _signature(self, layout, detail: DossierDetail) -> None:
        review, check = detail.review, detail.signature
        if review.signature in ("not_checked",):
            return
        heading_label(TEXT["signature_title"], layout)
        if detail.signature_problem or (check is None and review.signature != "unsigned"):
            _flagged(layout, Severity.PROBLEM, TEXT["signature_unreadable"], detail.signature_problem)
            return
        if check is None:
            _flagged(layout, Severity.NOTE, TEXT["unsigned"], "")
            return
        _flagged(layout, _signature_severity(check), TEXT["signature_valid" if check.valid else "signature_not_valid"],
                 "")
        signer = check.signer or TEXT["signer_unnamed"]
        if check.organisation:
            text_label(TEXT["signer_of"].format(signer=signer, organisation=check.organisation), layout)
        else:
            text_label(TEXT["signer"].format(signer=signer), layout)
        text_label(TEXT["signed_at"].format(when=format_datetime(check.signed_at)) if check.signed_at
                    else TEXT["signed_at_unknown"], layout)
        trust_reason = tr(check.trust_reason) if check.trust_reason else ""
        text_label(SIGN["trust"][check.trust.value].format(reason=trust_reason), layout)
        reason = tr(check.reason) if check.reason else ""
        text_label(SIGN["integrity"][check.integrity.value].format(reason=reason), layout)
        if check.signatures > 1:
            text_label(ntr("sign.cli.more_signatures", check.signatures - 1), layout)

    def _review_status(self, layout, review: DossierReview, history: list | None, register_problem: str) -> None:
        heading_label(TEXT["review_status_title"], layout)
        if history is None:
            muted(text_label(TEXT["review_status_unavailable"].format(reason=register_problem), layout))
            return
        row = QHBoxLayout()
        self.status_choice = QComboBox()
        self.status_choice.setAccessibleName(TEXT["review_status_title"])
        for status in REVIEW_STATUSES:
            self.status_choice.addItem(review_status_text(status), status)
        current = history[-1].status if history else REVIEW_STATUSES[0]
        self.status_choice.setCurrentIndex(REVIEW_STATUSES.index(current))
        self.status_note = QLineEdit()
        self.status_note.setPlaceholderText(TEXT["review_status_note"])
        self.status_note.setAccessibleName(TEXT["review_status_note"])
        self.status_button = QPushButton(TEXT["review_status_set"])
        self.status_button.clicked.connect(lambda: self.review_status_chosen.emit(
            review.fingerprint, self.status_choice.currentData(), self.status_note.text().strip()))
        row.addWidget(self.status_choice)
        row.addWidget(self.status_note, 1)
        row.addWidget(self.status_button)
        layout.addLayout(row)
        if not history:
            muted(text_label(TEXT["review_status_none"], layout))
        for change in reversed(history):  # newest first
            when = format_datetime(_moment(change.at))
            line = TEXT["review_status_change"].format(status=review_status_text(change.status), author=change.author,
                                                       when=when)
            text_label(line + ("\n" + TEXT["review_status_why"].format(note=change.note) if change.note else ""), layout)

    def _comments(self, layout, detail: DossierDetail, comments: list | None, replies: dict, found) -> None:
        """The thread of a version sent after feedback, then the comments the register holds on this
        one, to write and to mark (app/qt/reviewer_comments.py)."""
        if found is not None:
            self.thread_box = ThreadPanel(found)
            layout.addWidget(self.thread_box)
        self.comments_box = CommentsPanel(detail, comments, replies)
        self.comments_box.comment_added.connect(lambda kind, target, text: self.comment_added.emit(
            detail.review.fingerprint, kind, target, text))
        self.comments_box.comment_status_chosen.connect(self.comment_status_chosen)
        self.comments_box.save_requested.connect(lambda: self.feedback_save_requested.emit(detail.review.fingerprint))
        layout.addWidget(self.comments_box)

    def _application(self, layout, detail: DossierDetail) -> None:
        review, document = detail.review, detail.document
        if document is None:
            if detail.problem:
                heading_label(TEXT["application_title"], layout)
                _flagged(layout, Severity.PROBLEM, TEXT["application_unavailable"], detail.problem)
            return
        heading_label(TEXT["application_title"], layout)
        if review.kit_id:
            used = TEXT["classified_with_kit"].format(pack=review.pack_id, version=review.pack_version,
                                                      kit=review.kit_id, kit_version=review.kit_version)
        else:
            used = TEXT["classified_with"].format(pack=document.pack_title, version=document.pack_version)
        muted(text_label(used, layout))
        layout.addWidget(link_label(_completeness_html(document), _no_link))
        for section in document.sections:
            rows = [_answer_html(answer) for answer in section.answers if answer.asked]  # as the wizard's review
            if rows:
                layout.addWidget(link_label(f"<h3>{html.escape(section.title)}</h3>" + "".join(rows), _no_link))
        layout.addWidget(link_label(result_html(document, TEXT["obligations"], jurisdictions=detail.jurisdictions),
                                    _no_link))
        self._jurisdictions(layout, detail)
        self._attachments(layout, detail)

    def _jurisdictions(self, layout, detail: DossierDetail) -> None:
        """For a draft that targets several jurisdictions: each other one's result under the pack's
        title, laid out as the first's, then the evidence one can reuse for another."""
        if detail.jurisdictions_problem:
            _flagged(layout, Severity.NOTE, TEXT["jurisdictions_unavailable"], detail.jurisdictions_problem)
        for document in detail.jurisdictions[1:]:
            heading_label(document.pack_title, layout).setProperty("jurisdiction", document.pack_id)
            shown = link_label(result_html(document, TEXT["obligations"]), _no_link)
            shown.setProperty("jurisdiction", document.pack_id)
            layout.addWidget(shown)
        crosswalk = detail.crosswalk
        if crosswalk is None or not crosswalk.rows:
            return
        heading_label(WIZARD["evidence_reuse"], layout)
        for evidence, rich in evidence_lines(crosswalk, detail.jurisdictions):
            line = link_label(rich, _no_link)
            line.setProperty("evidence", evidence)
            layout.addWidget(line)

    def _attachments(self, layout, detail: DossierDetail) -> None:
        if not detail.attachments and not detail.missing:
            return
        heading_label(TEXT["attachments_title"], layout)
        for document in detail.attachments:
            size = format_number(document.size)
            if document.kind:
                line = TEXT["attachment_of"].format(kind=document.kind, name=document.name, size=size,
                                                    sha256=document.sha256)
            else:
                line = TEXT["attachment"].format(name=document.name, size=size, sha256=document.sha256)
            text_label(line, layout)
        for name in detail.missing:
            _flagged(layout, Severity.PROBLEM, TEXT["attachment_missing"].format(name=name), "")

    def text(self) -> str:
        """Everything shown, as plain text, the way a screen reader reads it (for tests)."""
        from PySide6.QtGui import QTextDocumentFragment

        def plain(widget: QWidget) -> str:
            if isinstance(widget, QLineEdit):
                return widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText
            return QTextDocumentFragment.fromHtml(widget.text()).toPlainText() if rich else widget.text()

        shown = [w for w in self.content.findChildren(QWidget) if isinstance(w, (QLabel, QLineEdit))
                 and w.isVisibleTo(self) and not (isinstance(w, QLineEdit) and not w.isReadOnly())]
        return "\n".join(text for text in map(plain, shown) if text)


# --- building blocks ---


def _field(name: str, value: str, layout) -> QLineEdit:
    """A long value that does not wrap (a path, a fingerprint): read-only, to scroll through and copy."""
    row = QHBoxLayout()
    label = QLabel(name)
    muted(label, small=True)
    field = QLineEdit(value)
    field.setReadOnly(True)
    field.setFrame(False)
    field.setAccessibleName(name)
    field.setCursorPosition(0)
    field.setStyleSheet("background: transparent")
    muted_font = label.font()
    field.setFont(muted_font)
    row.addWidget(label)
    row.addWidget(field, 1)
    layout.addLayout(row)
    return field



def _flagged(layout, level: Severity, words: str, detail: str) -> QWidget:
    """A line with the icon of its severity and its words in bold (so it never rests on colour),
    and the detail after them."""
    row = QWidget()
    row.setProperty("severity", level.value)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 2, 0, 2)
    icon = QLabel()
    size = icon.fontMetrics().height()
    icon.setPixmap(severity_icon(level).pixmap(size, size))
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    icon.setAccessibleName(TEXT[f"severity.{level.value}"])
    text = QLabel(f"<b>{html.escape(words)}</b>" + (f"<br>{html.escape(detail)}" if detail else ""))
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    line.addWidget(icon)
    line.addWidget(text, 1)
    layout.addWidget(row)
    return row


def _signature_severity(check: SignatureCheck) -> Severity:
    if check.integrity is not Integrity.INTACT:
        return Severity.PROBLEM
    return Severity.OK if check.trust is Trust.TRUSTED else Severity.NOTE


def _moment(text: str):
    import datetime as dt

    return dt.datetime.fromisoformat(text)


def _no_link(_link: str) -> None:
    """The application is read-only here: its labels hold no links."""


def _answer_html(answer) -> str:
    if answer.given:
        shown = f"<b>{html.escape(answer.value)}</b>"
    else:
        shown = f"<i>{html.escape(WIZARD['no_answer'])}</i>"
    note = f"<br><i>{html.escape(TEXT['applicant_note'].format(note=answer.note))}</i>" if answer.note else ""
    return f"<p>{html.escape(answer.text)}<br>{shown}{note}</p>"


def _completeness_html(document: ResultDocument) -> str:
    found = document.completeness
    if found.complete:
        return f"<p><b>{html.escape(WIZARD['review_complete'].format(required=found.required))}</b></p>"
    rows = [f"<p><b>{html.escape(WIZARD['review_incomplete'].format(given=found.given, required=found.required))}"
            "</b></p><ul>"]
    for missing in found.missing:
        item = WIZARD["review_missing"].format(question=missing.text, section=missing.section_title)
        rows.append(f"<li>{html.escape(item)}</li>")
    return "".join(rows) + "</ul>"
