"""The reviewer's table: a Qt model over the rows of app/review/rows.py (one per file reviewed),
and the filter in front of it that searches, filters and sorts them.

The model only words what the rows hold: results in the words of each dossier's pack
(app/review/wording.py), statuses and signatures as the command line's table says them, each
status with an icon of its severity beside its words, never a colour alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QStyle

from app.review.rows import COLUMNS, ReviewRow, Severity, matches, sort_value
from app.review.wording import ResultWords
from catalogue import table
from catalogue.formats import format_datetime

TEXT = table("qt.reviewer")
CLI = table("review.cli")
STATUS = table("review.status")
REVIEW_STATUS = table("review.review_status")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the ReviewRow itself
_ICONS = {Severity.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
          Severity.NOTE: QStyle.StandardPixmap.SP_MessageBoxWarning,
          Severity.PROBLEM: QStyle.StandardPixmap.SP_MessageBoxCritical}


def severity_icon(severity: Severity):
    return QApplication.style().standardIcon(_ICONS[severity])


def review_status_text(status: str) -> str:
    return REVIEW_STATUS[status] if status else CLI["unknown"]


class ReviewerTableModel(QAbstractTableModel):
    def __init__(self, words: ResultWords, parent=None) -> None:
        super().__init__(parent)
        self.words = words
        self.rows: list[ReviewRow] = []
        self.root: Path | None = None  # file names are shown relative to the folder reviewed

    # --- the rows ---
    def start(self, root: Path | None) -> None:
        self.beginResetModel()
        self.rows, self.root = [], root
        self.endResetModel()

    def add_rows(self, rows: list[ReviewRow]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows += rows
            self.endInsertRows()

    def set_review_status(self, fingerprint: str, status: str) -> None:
        """Every row of that dossier (copies of one file share it) takes the new review status."""
        column = COLUMNS.index("review_status")
        for number, row in enumerate(self.rows):
            if row.fingerprint == fingerprint:
                self.rows[number] = ReviewRow(row.review, row.received, status)
                changed = self.index(number, column)
                self.dataChanged.emit(changed, changed)

    # --- Qt's model ---
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return TEXT[f"column.{COLUMNS[section]}"]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return severity_icon(row.severity)
        if role == SORT_ROLE:
            value = sort_value(row, column)
            return self.cell(row, column).casefold() if value is None else value
        if role == ROW_ROLE:
            return row
        return None

    # --- words ---
    def cell(self, row: ReviewRow, column: str) -> str:
        review, words, unknown = row.review, self.words, CLI["unknown"]
        if column == "file":
            return self._file_name(review.file)
        if column in ("applicant", "system"):
            return getattr(review, column)
        if column == "kit":
            return f"{review.kit_id} {review.kit_version}" if review.kit_id else ""
        if column == "tier":
            return words.result(review, review.printed) if review.printed else review.printed_headline
        if column == "recomputed_tier":
            return words.result(review, review.recomputed)
        if column == "could_be":
            return words.could_be(review, review.current)
        if column == "jurisdictions":
            return CLI["jurisdictions_separator"].join(words.jurisdictions(review))
        if column == "open_points":
            return str(review.current.open_points) if review.current else ""
        if column == "complete":
            return self._complete(row)
        if column == "fingerprint":
            return {True: CLI["fingerprint_valid"], False: CLI["fingerprint_invalid"], None: unknown}[review.fingerprint_valid]
        if column == "signature":
            return CLI[f"signature.{review.signature}"]
        if column == "status":
            return STATUS[review.status.value]
        if column == "received":
            return format_datetime(dt.datetime.fromisoformat(row.received)) if row.received else ""
        return review_status_text(row.review_status) if row.fingerprint else ""

    def _complete(self, row: ReviewRow) -> str:
        review = row.review
        if review.complete is None:
            return CLI["unknown"]
        if review.complete:
            return CLI["yes"]
        return TEXT["incomplete"].format(given=review.given, required=review.required)

    def _file_name(self, file: str) -> str:
        if self.root is not None:
            try:
                return str(Path(file).relative_to(self.root))
            except ValueError:
                pass
        return Path(file).name

    def _tooltip(self, row: ReviewRow, column: str) -> str | None:
        review = row.review
        if column == "file":
            return review.file
        if column == "status":
            return review.message or STATUS[review.status.value]
        if column == "fingerprint" and review.fingerprint:
            return review.fingerprint
        return self.cell(row, column) or None

    def texts(self, row: ReviewRow) -> list[str]:
        """What a search looks in: every cell as shown, the whole path and the fingerprint."""
        return [self.cell(row, column) for column in COLUMNS] + [row.review.file, row.review.fingerprint]

    def results(self, row: ReviewRow) -> set[str]:
        """The results a row has, in words: printed and recomputed, and under each other jurisdiction
        the draft targets by its pack's title (what the result filter offers)."""
        found = {self.cell(row, "tier"), self.cell(row, "recomputed_tier"), *self.words.jurisdictions(row.review)}
        return {words for words in found if words}


class ReviewerFilter(QSortFilterProxyModel):
    """Search as you type (every word, in any cell), a status, a result and a review status."""

    def __init__(self, model: ReviewerTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.search = ""
        self.status: str | None = None         # a Status value
        self.result: str | None = None         # a result in words, printed or recomputed
        self.review_status: str | None = None  # one of the register's review statuses

    def set_filters(self, search: str | None = None, **chosen) -> None:
        """Change the search and any of `status`, `result`, `review_status` (None: any)."""
        self.beginFilterChange()
        if search is not None:
            self.search = search
        for name, value in chosen.items():
            if name not in ("status", "result", "review_status"):
                raise TypeError(name)
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt override
        model: ReviewerTableModel = self.sourceModel()
        row = model.rows[source_row]
        if self.status is not None and row.review.status.value != self.status:
            return False
        if self.review_status is not None and row.review_status != self.review_status:
            return False
        if self.result is not None and self.result not in model.results(row):
            return False
        return matches(model.texts(row), self.search)

    def row_at(self, index) -> ReviewRow | None:
        return self.data(index, ROW_ROLE) if index.isValid() else None
