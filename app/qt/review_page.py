"""The last page: every answer by section with a link back to it, the result (for a draft that
targets several jurisdictions, each one's headline too), the open points,
and the dossier export as a PDF, an HTML page or JSON (run off the UI thread; the code of the
formats is imported only when it is used), a PDF signed with the applicant's certificate when they
choose (app/qt/certificate_choice.py)."""

from __future__ import annotations

import datetime as dt
import html
import importlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.kits.manifest import SOON, deadline_text
from app.qt.attachments_view import AttachmentsView
from app.qt.collector import PoolJob
from app.qt.comments_view import STATUS, TEXT as COMMENTS, CommentsView
from app.qt.dossier_language import DossierLanguageWidget
from app.qt.kit_views import plain_label
from app.results import names
from catalogue import tr
from catalogue.formats import format_date
from app.qt.scroll_page import ScrollPage
from app.qt.result_view import link_label, result_html
from app.qt.style import muted
from app.qt.texts import TEXT
from app.formats.choice import DEFAULT, FORMATS, HTML, JSON, PDF, SUFFIXES, named_format, target
from app.results.document import Answer, result_document
from app.storage.feedback import TargetKind
from forms.completeness import completeness

EXPORT_MODULE = "app.formats.files"


class _ExportSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class ExportJob(PoolJob):
    """Writes the dossier in a pool thread. It gets its own copy of the draft and never touches
    a widget; the page hears back through the signals."""

    def __init__(self, export, draft, pack, out_path: Path, kit=None):
        super().__init__()
        self.export, self.draft, self.pack, self.out_path, self.kit = export, draft, pack, out_path, kit
        self.signer: str | None = None  # whose signature the export adds, if any
        self.signals = _ExportSignals()

    def work(self) -> None:
        try:
            self.export(self.draft, self.pack, self.out_path, kit=self.kit)
        except Exception as error:  # noqa: BLE001 - any failure is reported to the user, not lost
            self.signals.failed.emit(str(error) or type(error).__name__)
        else:
            self.signals.succeeded.emit(self.out_path)


def find_exporter(chosen: str = DEFAULT):
    """The function writing a dossier in the format `chosen`, or None when this build has no dossier module."""
    try:
        module = importlib.import_module(EXPORT_MODULE)
    except ModuleNotFoundError as error:
        if error.name and (EXPORT_MODULE.startswith(error.name) or error.name.startswith("app.dossier")):
            return None
        raise
    return module.exporter(chosen)


def export_filters(offered: tuple[str, ...] = FORMATS) -> list[tuple[str, str]]:
    """The save dialog's file types, one for each format `offered` in its order: (text, extension) each."""
    patterns = {PDF: "*.pdf", HTML: "*.html *.htm", JSON: "*.json"}
    texts = {PDF: TEXT["export_filter"].format(pattern=patterns[PDF]),
             HTML: TEXT["export_filter_html"].format(pattern=patterns[HTML]),
             JSON: TEXT["export_filter_json"].format(pattern=patterns[JSON])}
    return [(texts[chosen], SUFFIXES[chosen]) for chosen in offered]


def _signed_export(certificate):
    """An export like `export_dossier` that writes the dossier signed with `certificate`."""
    from app.dossier.signing import export_signed

    def export(draft, pack, out_path: Path, kit=None) -> None:
        export_signed(draft, pack, out_path, certificate, kit=kit)

    return export


class ReviewPage(ScrollPage):
    edit_requested = Signal(str)
    export_finished = Signal(bool, str)

    def __init__(self, session, prompter, parent=None):
        super().__init__(parent)
        self.session = session
        self.prompter = prompter
        self.job = None
        self.certificate_folder: Path | None = None  # where the last certificate chosen was
        self.heading(TEXT["review_title"])
        muted(self.paragraph(TEXT["review_intro"]))
        # The export comes first: on a long review it would otherwise sit screens below.
        self.body.addLayout(self._export_row())
        self.content = QWidget()
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        self.setAccessibleName(TEXT["review_title"])
        session.attachments_changed.connect(self._on_parts_changed)
        session.feedback_changed.connect(self._on_parts_changed)  # the comments at findings and obligations

    def _export_row(self) -> QVBoxLayout:
        self.export_button = QPushButton(TEXT["export"])
        self.export_button.setAccessibleName(TEXT["export"])
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the export does not report steps
        self.progress.setAccessibleName(TEXT["export_running"])
        self.progress.setFormat(TEXT["export_running"])
        self.progress.hide()
        self.sign_box = QCheckBox(TEXT["sign_option"])
        self.sign_box.setToolTip(TEXT["sign_option_tip"])
        self.sign_box.setAccessibleName(TEXT["sign_option"])
        self.sign_box.setAccessibleDescription(TEXT["sign_option_tip"])
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        # After an export: open the PDF in the system's viewer (through the prompter, which tests replace).
        self.open_button = QPushButton(TEXT["export_open"][DEFAULT])
        self.open_button.clicked.connect(self._open_exported)
        self.open_button.hide()
        self.exported: Path | None = None
        self.language_box = DossierLanguageWidget()
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.language_box)
        row.addWidget(self.progress, 1)
        row.addWidget(self.export_status, 1)
        row.addWidget(self.open_button)
        # The signing choice on a line of its own: beside the button and the language it was cut
        # off where the page is narrow or the words long.
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addWidget(self.sign_box)
        return rows

    def refresh(self) -> None:
        """Rebuilt when the page is shown (not on every answer: nobody sees it meanwhile)."""
        self.language_box.fill(self.session.kit, self.session.draft.lock.language)
        old = self.content
        self.content = self._build()
        self.body.replaceWidget(old, self.content)
        self.content.show()
        old.hide()
        old.deleteLater()

    def _build(self) -> QWidget:
        session = self.session
        document = result_document(session.pack, session.draft, session.assessment, session.evaluation)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.deadline_label = self._deadline(layout)
        self.completeness = document.completeness
        self.completeness_label = link_label(self._completeness_text(), self._on_link)
        layout.addWidget(self.completeness_label)
        # The reviewer's comments still open, when the draft keeps feedback (app/qt/comments_view.py).
        self.open_comments = CommentsView(session, self.prompter)
        layout.addWidget(self.open_comments)
        self.attachments = AttachmentsView(session, self.prompter)
        layout.addWidget(self.attachments)
        missing = {m.question for m in document.completeness.missing}
        for section in document.sections:
            rows = [self._answer_row(answer, answer.question in missing) for answer in section.answers if answer.asked]
            if rows:
                layout.addWidget(link_label(f"<h3>{html.escape(section.title)}</h3>" + "".join(rows), self._on_link))
        # Several jurisdictions: each one's headline, as the result panel lists them (the session's one result of each).
        found = session.each_result()
        self.result_label = link_label(result_html(document, TEXT["obligations"], edit_links=True,
                                                   notes=self._comments_at, jurisdictions=found[0] if found else ()),
                                       self._on_link)
        layout.addWidget(self.result_label)
        return widget

    def _deadline(self, layout: QVBoxLayout) -> QLabel | None:
        """The kit's deadline with the days left; a late application says so."""
        kit = self.session.kit
        text = deadline_text(kit.manifest, dt.date.today()) if kit is not None else None
        if text is None:
            return None
        days = kit.manifest.days_left(dt.date.today())
        if days < 0:
            text = tr("kit.late", date=format_date(kit.manifest.sandbox.deadline), authority=kit.manifest.authority.name)
        label = plain_label(text, "warning" if days <= SOON else "heading")
        layout.addWidget(label)
        return label

    def _on_parts_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _answer_row(self, answer: Answer, missing: bool) -> str:
        if answer.given:
            shown = f"<b>{html.escape(answer.value)}</b>"
        else:
            shown = f"<i>{html.escape(TEXT['missing'] if missing else TEXT['no_answer'])}</i>"
        note = f"<br><i>{html.escape(TEXT['review_note'].format(note=answer.note))}</i>" if answer.note else ""
        return (f"<p>{html.escape(answer.text)}<br>{shown} "
                f'<a href="q:{answer.question}">{html.escape(TEXT["edit"])}</a>{note}</p>')

    def _comments_at(self, kind: str, target_id: str) -> str:
        """The reviewer's comments on a finding or obligation, each on a line under it (as HTML)."""
        feedback = self.session.draft.feedback
        found = feedback.at(TargetKind(kind), target_id) if feedback is not None else []
        return "".join(f"<br><i>{html.escape(COMMENTS['at_line'].format(author=c.author or '-', status=STATUS[c.status.value], text=c.text))}</i>"
                       for c in found)

    def _completeness_text(self) -> str:
        """n of m required answers given, and each missing one with a link to it."""
        found = self.completeness
        if found.complete:
            return f"<p><b>{html.escape(TEXT['review_complete'].format(required=found.required))}</b></p>"
        rows = [f"<p><b>{html.escape(TEXT['review_incomplete'].format(given=found.given, required=found.required))}</b></p><ul>"]
        for missing in found.missing:
            item = TEXT["review_missing"].format(question=missing.text, section=missing.section_title)
            rows.append(f'<li>{html.escape(item)} <a href="q:{missing.question}">{html.escape(TEXT["edit"])}</a></li>')
        return "".join(rows) + "</ul>"

    def _on_link(self, link: str) -> None:
        if link.startswith("q:"):
            self.edit_requested.emit(link[2:])

    # --- export ---
    def export(self) -> None:
        if find_exporter() is None:
            self.prompter.info(self, TEXT["export_unavailable_title"], TEXT["export_unavailable"])
            return
        found = completeness(self.session.evaluation)
        question = TEXT["export_incomplete"].format(missing=len(found.missing), required=found.required)
        if not found.complete and not self.prompter.confirm(self, TEXT["export_incomplete_title"], question,
                                                            TEXT["export_anyway"]):
            return
        certificate = None
        if self.sign_box.isChecked():  # the certificate and its passphrase first: the export then runs unattended
            certificate = self._certificate()
            if certificate is None:
                return
        # Only a PDF holds a signature: signing, the dialog offers no other type.
        offered = (PDF,) if certificate is not None else FORMATS
        answer = self.prompter.export_path(self, self.suggested_path(), export_filters(offered))
        if answer is None:
            return
        out_path, chosen = target(answer[0], offered[answer[1]])
        if certificate is None:
            self.start_export(find_exporter(chosen), out_path)
        elif chosen != PDF:  # a name typed with another format's extension
            refused = TEXT["sign_pdf_only"].format(path=out_path, option=TEXT["sign_option"])
            self.prompter.info(self, TEXT["sign_pdf_only_title"], refused)
        else:
            signer = certificate.common_name or certificate.path.name
            self.start_export(_signed_export(certificate), out_path, signer=signer)

    def _certificate(self):
        from app.qt.certificate_choice import choose_certificate

        folder = self.certificate_folder or (self.session.path.parent if self.session.path else Path.home())
        certificate = choose_certificate(self, self.prompter, folder)
        if certificate is not None:
            self.certificate_folder = certificate.path.parent
        return certificate

    def suggested_path(self) -> Path:
        """Where to offer to write the dossier: named after the system, beside the draft."""
        path = self.session.path
        pack, draft = self.session.own_pack, self.session.draft
        # Several jurisdictions: the name may be a shared fact's answer. The session's questionnaire:
        # composing again would read every pack.
        from app.results.composed import draft_for

        draft = draft_for(self.session.questionnaire, pack, draft)
        name = names.file_stem(names.system_name(pack, draft))
        stem = names.file_stem(TEXT["export_name"].format(name=name)) if name else ""
        stem = stem or (path.stem if path else TEXT["export_default_name"])
        return (path.parent if path else Path.home()) / f"{stem}.pdf"

    def start_export(self, export, out_path: Path, signer: str | None = None) -> None:
        """Run `export` in a pool thread, in the dossier language chosen; `signer`: whose signature it adds, if any."""
        export = self.language_box.wrapped(export, self.session.kit)
        # The pack in use (the kit's, when one is worn), not the questionnaire composed for several
        # jurisdictions: the export composes it again with each one's result.
        self.job = ExportJob(export, self.session.draft.model_copy(deep=True), self.session.own_pack, out_path,
                             self.session.kit)
        self.job.signer = signer
        self.job.signals.succeeded.connect(self._on_export_succeeded)
        self.job.signals.failed.connect(self._on_export_failed)
        self.export_button.setEnabled(False)
        self.export_status.clear()
        self.open_button.hide()
        self.progress.show()
        self.job.start(collect_first=True)  # the collector held while it runs: see app/qt/collector.py

    def _export_over(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.job = None

    def _on_export_succeeded(self, path) -> None:
        signer = self.job.signer if self.job else None
        self._export_over()
        # A signed dossier holds this computer's clock as its signing time: a claim, and it says so.
        if signer:
            done = TEXT["export_signed_done"].format(path=path, signer=signer)
        else:
            done = TEXT["export_done"].format(path=path)
        self.exported = Path(path)
        self.export_status.setText("\n".join([done, *self._logo_note(self.exported)]))
        # Says what opens: the PDF, the web page or the data.
        self.open_button.setText(TEXT["export_open"][named_format(self.exported) or DEFAULT])
        self.open_button.setAccessibleDescription(str(path))
        self.open_button.show()
        self.export_finished.emit(True, str(path))

    def _logo_note(self, path: Path) -> list[str]:
        """Why the PDF has the kit's SVG logo left out, if it has (as `export` says on the command line)."""
        if named_format(path) not in (None, PDF):
            return []
        from app.dossier.logo_note import logo_warning  # the SVG reader only: no reportlab

        left_out = logo_warning(self.session.kit)
        return [left_out.message] if left_out is not None else []

    def _open_exported(self) -> None:
        if self.exported is not None and not self.prompter.open_file(self.exported):
            self.prompter.error(self, TEXT["export_open_failed_title"],
                                TEXT["export_open_failed"].format(path=self.exported))

    def _on_export_failed(self, reason: str) -> None:
        self._export_over()
        self.prompter.error(self, TEXT["export_failed_title"], TEXT["export_failed"].format(reason=reason))
        self.export_finished.emit(False, reason)
