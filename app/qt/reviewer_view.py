"""The reviewer's view: received dossiers, one file or a whole folder, in a table that fills as
the files are reviewed in a pool thread (app/qt/reviewer_jobs.py), sorted by any column, searched
as one types and filtered by status, result and review status (app/qt/reviewer_filters.py); the
dossier chosen is shown in full beside it (app/qt/dossier_view.py), where the reviewer sets the
application's review status.

The reviews and review statuses are kept in the register the settings name (`--register URL`,
SANDBOX_KIT_REGISTER, the `[register]` setting, else the data folder's SQLite file). When it
cannot be reached the view says so once, in a line above the table, and reviews all the same.
A file that is no dossier is a row with its status, never a dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from app.qt.dossier_view import DossierView
from app.qt.reviewer_jobs import DetailJob, FolderReviewJob, RegisterPart
from app.qt.reviewer_filters import ReviewerFilterBar
from app.qt.reviewer_table import ReviewerFilter, ReviewerTableModel
from app.qt.style import muted, set_role
from app.review.location import reviewer_name
from app.review.register import Register, RegisterError
from app.review.rows import COLUMNS
from app.review.shelf import PackShelf
from app.review.wording import ResultWords
from catalogue import ntr, table

TEXT = table("qt.reviewer")
FEEDBACK = table("qt.reviewer.feedback")
LAST_PATH = "reviewer/last_path"
REVIEWER_NAME = "reviewer/name"  # who sets a review status; the account's name when not set
WIDEST_COLUMN = 28  # characters ("0" widths)


class ReviewerView(QWidget):
    closed = Signal()           # the reviewer goes back to where they came from
    review_finished = Signal()  # every file of the path chosen has its row
    detail_shown = Signal()     # the dossier chosen is shown in full
    feedback_saved = Signal(object)  # the path of the feedback file written

    def __init__(self, prompter, settings: QSettings, register_url: str | None = None, parent=None) -> None:
        super().__init__(parent)
        from app.review.location import register_url as configured

        self.prompter, self.settings = prompter, settings
        self.register_url = register_url or configured()
        self.register: Register | None = None
        self.register_problem = ""
        self.job: FolderReviewJob | None = None
        self.detail_job: DetailJob | None = None
        self.kept = None  # what the register keeps of the dossier shown
        self.path: Path | None = None
        self.shelf = PackShelf.discover()
        self.trust_roots, self.trust_problem = _trust_roots()
        words = ResultWords(self.shelf)
        self.model = ReviewerTableModel(words, self)
        self.rows = ReviewerFilter(self.model, self)
        self.dossier = DossierView(words)
        self.dossier.review_status_chosen.connect(self._on_review_status_chosen)
        self.dossier.comment_added.connect(self._on_comment_added)
        self.dossier.comment_status_chosen.connect(self._on_comment_status_chosen)
        self.dossier.feedback_save_requested.connect(self.save_feedback)
        self.setAccessibleName(TEXT["title"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self._title_row())
        muted(self._label(TEXT["intro"], layout))
        layout.addLayout(self._open_row())
        self.banner = self._label("", layout)
        set_role(self.banner, "warning")
        self.banner.hide()
        layout.addLayout(self._progress_row())
        self.filters = ReviewerFilterBar(self.model, self.rows)
        layout.addWidget(self.filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._table())
        self.splitter.addWidget(self.dossier)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self._split = False
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.search.setFocus)
        self._refresh_banner()

    # --- building ---
    def _label(self, text: str, layout) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    def _button(self, text: str, handler) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(handler)
        return button

    def _title_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(TEXT["title"])
        set_role(title, "page_title")
        row.addWidget(title, 1)
        self.back_button = self._button(TEXT["back"], self.closed)
        row.addWidget(self.back_button)
        return row

    def _open_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_file_button = self._button(TEXT["open_file"], self.choose_file)
        self.open_folder_button = self._button(TEXT["open_folder"], self.choose_folder)
        self.again_button = self._button(TEXT["again"], lambda: self.path and self.review(self.path))
        self.again_button.setEnabled(False)
        self.path_label = QLabel("")
        muted(self.path_label)
        for widget in (self.open_file_button, self.open_folder_button, self.again_button):
            row.addWidget(widget)
        row.addWidget(self.path_label, 1)
        return row

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(TEXT["progress"])
        self.progress.setFormat(TEXT["progress_format"])
        self.progress.hide()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        row.addWidget(self.progress, 1)
        row.addWidget(self.summary, 2)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName(TEXT["table"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("file"), Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_chosen)
        return self.table

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._split:  # the first time it has a width: the table a little wider than the dossier
            self._split = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 11 // 20, width * 9 // 20])

    def _fit_columns(self) -> None:
        """Columns as wide as their words, none wider than a long name (the rest shows in a tooltip)."""
        self.table.resizeColumnsToContents()
        widest = self.table.fontMetrics().horizontalAdvance("0") * WIDEST_COLUMN
        header = self.table.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > widest:
                header.resizeSection(column, widest)

    # --- choosing what to review ---
    def resume(self) -> None:
        """Opened again: the path reviewed last, from the register (quick for files unchanged)."""
        last = self.settings.value(LAST_PATH)
        if self.job is None and self.path is None and last and Path(str(last)).exists():
            self.review(Path(str(last)))

    def choose_file(self) -> None:
        path = self.prompter.open_dossier(self, self._folder())
        if path is not None:
            self.review(path)

    def choose_folder(self) -> None:
        path = self.prompter.open_dossier_folder(self, self._folder())
        if path is not None:
            self.review(path)

    def _folder(self) -> Path:
        if self.path is not None:
            return self.path if self.path.is_dir() else self.path.parent
        return Path.home()

    def review(self, path: Path) -> None:
        """Review the dossier at `path`, or every file under it, in a pool thread; rows come as they are made."""
        self.cancel()
        path = Path(path).absolute()
        self.path = path
        self.settings.setValue(LAST_PATH, str(path))
        self.path_label.setText(str(path))
        self.again_button.setEnabled(True)
        self.model.start(path if path.is_dir() else path.parent)
        self.dossier.show_message(TEXT["detail_empty"])
        self.summary.setText("")
        self.progress.setRange(0, 0)
        self.progress.show()
        job = FolderReviewJob(path, self.shelf, self.trust_roots, self.register, self.register_url)
        job.signals.register_opened.connect(self._on_register_opened)
        job.signals.register_failed.connect(self._on_register_failed)
        job.signals.rows.connect(self._on_rows)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.job = job
        self.filters.refresh_count()
        job.start()

    def cancel(self) -> None:
        """Stop the folder being reviewed (what was read so far is kept in the register)."""
        if self.job is not None:
            self.job.cancelled = True
            self.job = None
        self.progress.hide()

    @property
    def busy(self) -> bool:
        return self.job is not None

    # --- from the folder job ---
    def _on_register_opened(self, job, register: Register) -> None:
        if self.register is None:
            self.register, self.register_problem = register, ""
            self._refresh_banner()
        else:
            register.close()

    def _on_register_failed(self, job, message: str) -> None:
        if self.register is not None and job is self.job:
            self.register.close()
            self.register = None
        self._say_register_problem(message)

    def _say_register_problem(self, message: str) -> None:
        self.register_problem = message
        self._refresh_banner()

    def _refresh_banner(self) -> None:
        """One line per thing that does not work: the register, the certificates trusted."""
        lines = [TEXT["register_failed"].format(problem=self.register_problem)] if self.register_problem else []
        lines += [TEXT["trust_failed"].format(problem=self.trust_problem)] if self.trust_problem else []
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _on_rows(self, job, rows: list, done: int, total: int) -> None:
        if job is not self.job:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.model.add_rows(rows)
        if self.model.rowCount() == len(rows) and rows:
            self._fit_columns()
        self.filters.refresh()

    def _on_finished(self, job, read: int, remembered: int) -> None:
        if job is not self.job:
            return
        self.job = None
        self.progress.hide()
        count = self.model.rowCount()
        self.summary.setText(ntr("qt.reviewer.summary", count, read=read, remembered=remembered)
                             if count else TEXT["no_files"])
        self._fit_columns()
        if self.rows.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectionModel().setCurrentIndex(
                self.rows.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.review_finished.emit()

    def _on_failed(self, job, message: str) -> None:
        if job is not self.job:
            return
        self.job = None
        self.progress.hide()
        self.summary.setText(TEXT["folder_failed"].format(reason=message))
        self.review_finished.emit()

    # --- the dossier chosen ---
    def _on_row_chosen(self, current, _previous=None) -> None:
        row = self.rows.row_at(current)
        if row is None:
            return
        self.dossier.show_message(TEXT["detail_reading"].format(path=row.review.file))
        job = DetailJob(row.review, self.shelf, self.trust_roots, self.register)
        job.signals.done.connect(self._on_detail_read)
        job.signals.register_failed.connect(self._on_register_failed)
        self.detail_job = job
        job.start()

    def _on_detail_read(self, job, detail, kept) -> None:
        if job is not self.detail_job:
            return
        self.detail_job = None
        self.kept = kept
        self._show(detail)

    def _show(self, detail) -> None:
        from app.review.comments import thread

        kept = self.kept
        found = kept.thread if kept else thread(None, detail)  # without a register: the draft's own
        self.dossier.show_detail(detail, kept.history if kept else None, kept.comments if kept else None,
                                 self.register_problem, kept.replies if kept else None, found)
        self.detail_shown.emit()

    def _on_review_status_chosen(self, fingerprint: str, status: str, note: str) -> None:
        if self._in_register(lambda register: register.set_review_status(fingerprint, status, self._reviewer(), note)):
            self.model.set_review_status(fingerprint, status)
            self._show(self.dossier.detail)

    def _on_comment_added(self, fingerprint: str, kind: str, target_id: str, text: str) -> None:
        from app.review.comments import add_comment
        from app.storage.feedback import Target

        detail = self.dossier.detail
        if detail is not None and detail.review.fingerprint == fingerprint and self._in_register(
                lambda register: add_comment(register, detail, Target(kind=kind, id=target_id), text, self._reviewer())):
            self._show(detail)

    def _on_comment_status_chosen(self, comment_id: int, status: str) -> None:
        if self.dossier.detail is not None and self._in_register(
                lambda register: register.set_comment_status(comment_id, status)):
            self._show(self.dossier.detail)

    def _in_register(self, change) -> bool:
        """Make `change(register)`, then read again what the register keeps of the dossier shown;
        False (and the problem said above the table) when it cannot be made."""
        from app.storage.feedback import FeedbackError

        detail = self.dossier.detail
        if self.register is None or detail is None:
            return False
        try:
            change(self.register)
            self.kept = RegisterPart.read(self.register, detail)
        except RegisterError as error:
            self._say_register_problem(str(error))
            return False
        except FeedbackError as error:  # an empty comment, a target the dossier does not have
            self.prompter.error(self, FEEDBACK["not_added_title"], str(error))
            return False
        return True

    def save_feedback(self, fingerprint: str) -> Path | None:
        """Write the feedback file of the dossier shown, where the reviewer chooses: its comments
        and review status as the register keeps them, for the applicant to open in the wizard."""
        from app.review.comments import feedback_for
        from app.storage.drafts import DraftError, write_atomically
        from app.storage.feedback import FeedbackError

        detail = self.dossier.detail
        if self.register is None or detail is None or detail.review.fingerprint != fingerprint:
            return None
        folder = Path(detail.review.file).parent
        suggested = folder / FEEDBACK["file_name"].format(name=Path(detail.review.file).stem)
        path = self.prompter.save_path(self, suggested, FEEDBACK["file_filter"].format(pattern="*.json"),
                                       FEEDBACK["save_title"])
        if path is None:
            return None
        try:
            feedback = feedback_for(self.register, detail, self._reviewer())
            write_atomically(path, feedback.to_json().encode("utf-8"))
        except (RegisterError, FeedbackError, DraftError) as error:
            self.prompter.error(self, FEEDBACK["not_saved_title"], str(error))
            return None
        self.feedback_saved.emit(path)
        return path

    def _reviewer(self) -> str:
        # The name set in this window first: reviewer_name falls back to the same key of the same
        # settings file ([reviewer] name), which QSettings may not have written out yet.
        return reviewer_name(str(self.settings.value(REVIEWER_NAME) or ""))

    def close_register(self) -> None:
        """Stop the work under way and let go of the register (the window is closing)."""
        self.cancel()
        if self.register is not None:
            self.register.close()
            self.register = None


def _trust_roots() -> tuple[tuple[bytes, ...], str]:
    """The certificates the reviewer trusts (as `review` and `verify` trust them), and why none
    are when a file among them holds no certificate."""
    from app.dossier.export import DossierError
    from app.dossier.signature import trusted_certificates

    try:
        return trusted_certificates(), ""
    except DossierError as error:
        return (), str(error)
