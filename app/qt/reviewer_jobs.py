"""The reviewer's slow work, in pool threads: reviewing a folder (rows given a batch at a time,
each batch kept in the register first) and reading one dossier in full for the detail view.

A job never touches a widget: it emits plain data, and itself with it, so the view can tell a
job it has since replaced from the current one. The register is opened in the first folder job
(a PostgreSQL server may take a while to answer) and handed to the view; when it cannot be used,
the job says why once and reviews on without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QObject, Signal

from app.qt.collector import PoolJob
from app.review.comments import take_replies, thread
from app.review.detail import DossierDetail, read_detail
from app.review.dossier_review import DossierReview
from app.review.folder import review_batches
from app.review.register import Register, RegisterError
from app.review.rows import rows_of
from app.review.shelf import PackShelf

BATCH_SECONDS = 0.2  # rows reach the table at least this often while a folder is read


class FolderSignals(QObject):
    register_opened = Signal(object, object)  # job, Register
    register_failed = Signal(object, str)     # job, the one-line reason
    rows = Signal(object, object, int, int)   # job, [ReviewRow], files done, files in all
    finished = Signal(object, int, int)       # job, files read now, files taken from the register
    failed = Signal(object, str)              # job, why the folder could not be reviewed


class FolderReviewJob(PoolJob):
    def __init__(self, path: Path, shelf: PackShelf, trust_roots: Sequence[bytes], register: Register | None,
                 register_url: str) -> None:
        super().__init__()
        self.path, self.shelf, self.trust_roots = path, shelf, tuple(trust_roots)
        self.register, self.register_url = register, register_url
        self.signals = FolderSignals()
        self.cancelled = False  # set by the view; the job stops at its next batch
        self.shown = 0          # rows given so far
        self.read = 0

    def work(self) -> None:
        try:
            register = self.register or self._open_register()
            try:
                self._review(register)
            except RegisterError as error:  # the register failed half-way: go on without it
                self.signals.register_failed.emit(self, str(error))
                self._review(None)
        except Exception as error:  # noqa: BLE001 - a folder that vanished, a disk error: said, not lost
            self.signals.failed.emit(self, str(error) or type(error).__name__)
            return
        self.signals.finished.emit(self, self.read, self.shown - self.read)

    def _open_register(self) -> Register | None:
        try:
            register = Register.open(self.register_url)
        except RegisterError as error:
            self.signals.register_failed.emit(self, str(error))
            return None
        self.signals.register_opened.emit(self, register)
        return register

    def _review(self, register: Register | None) -> None:
        """Review the folder, giving only the rows not given before (after a restart without the register)."""
        skip = self.shown
        for batch in review_batches(self.path, self.shelf, register, self.trust_roots, every=BATCH_SECONDS):
            if self.cancelled:
                return
            reviews = batch.reviews[skip:]
            skip = max(0, skip - len(batch.reviews))
            if not reviews and batch.total:
                continue
            self.read += batch.read if register is not None else len(reviews)
            fingerprints = [review.fingerprint for review in reviews if review.draft_id]
            dossiers = register.dossiers(fingerprints) if register is not None and fingerprints else {}
            self.shown += len(reviews)
            self.signals.rows.emit(self, rows_of(reviews, dossiers), batch.done, batch.total)


class DetailSignals(QObject):
    done = Signal(object, object, object)  # job, DossierDetail, RegisterPart | None
    register_failed = Signal(object, str)


class RegisterPart:
    """What the register keeps of a dossier beside its file: the review status's history, the
    comments with the replies later versions carried, and, for a version sent after feedback, the
    thread (app/review/comments.py: the answers changed since and the comments with replies)."""

    def __init__(self, history: list, comments: list, replies: dict | None = None, thread=None) -> None:
        self.history, self.comments, self.replies, self.thread = history, comments, replies or {}, thread

    @classmethod
    def read(cls, register: Register, detail: DossierDetail) -> "RegisterPart":
        """What the register keeps of the dossier in `detail`, after keeping the replies it carries."""
        fingerprint = detail.review.fingerprint
        take_replies(register, detail)
        return cls(register.review_history(fingerprint), register.comments(fingerprint),
                   register.replies(fingerprint), thread(register, detail))


class DetailJob(PoolJob):
    """Reads one dossier in full (app/review/detail.py) and what the register has of it."""

    def __init__(self, review: DossierReview, shelf: PackShelf, trust_roots: Sequence[bytes],
                 register: Register | None) -> None:
        super().__init__()
        self.review, self.shelf, self.trust_roots, self.register = review, shelf, tuple(trust_roots), register
        self.signals = DetailSignals()

    def work(self) -> None:
        try:
            detail = read_detail(Path(self.review.file), self.review, self.shelf, self.trust_roots)
        except Exception as error:  # noqa: BLE001 - what read_detail did not foresee is said, not lost
            detail = DossierDetail(self.review, problem=str(error) or type(error).__name__)
        kept = None
        if self.register is not None and self.review.draft_id:
            try:
                kept = RegisterPart.read(self.register, detail)
            except RegisterError as error:
                self.signals.register_failed.emit(self, str(error))
        self.signals.done.emit(self, detail, kept)
