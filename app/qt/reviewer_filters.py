"""The bar above the reviewer's table: search as one types, and filters by status, result (the
own pack's, or another jurisdiction's by its title) and review status, offering the statuses and
results the rows have; and how many rows are shown.
It only sets the table's filter (app/qt/reviewer_table.py), which does the searching."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.qt.reviewer_table import STATUS, ReviewerFilter, ReviewerTableModel, review_status_text, severity_icon
from app.review.dossier_review import Status
from app.review.register import REVIEW_STATUSES
from app.review.rows import severity
from catalogue import ntr, table

TEXT = table("qt.reviewer")


class ReviewerFilterBar(QWidget):
    def __init__(self, model: ReviewerTableModel, rows: ReviewerFilter, parent=None) -> None:
        super().__init__(parent)
        self.model, self.rows = model, rows
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(TEXT["search"])
        self.search.setAccessibleName(TEXT["search"])
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.status_filter = self._choice(TEXT["filter_status"])
        self.result_filter = self._choice(TEXT["filter_result"])
        self.review_status_filter = self._choice(TEXT["filter_review_status"])
        for status in REVIEW_STATUSES:
            self.review_status_filter.addItem(review_status_text(status), status)
        self.count = QLabel("")
        row.addWidget(self.search, 2)
        for combo in (self.status_filter, self.result_filter, self.review_status_filter):
            row.addWidget(combo, 1)
        row.addWidget(self.count)

    def _choice(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(everything)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _on_search_changed(self, text: str) -> None:
        self.rows.set_filters(search=text)
        self.refresh_count()

    def _on_filter_changed(self, _index: int = 0) -> None:
        self.rows.set_filters(status=self.status_filter.currentData(), result=self.result_filter.currentData(),
                              review_status=self.review_status_filter.currentData())
        self.refresh_count()

    def refresh(self) -> None:
        """The statuses and results the rows have, to filter by (the one chosen stays chosen), and the count."""
        statuses = {row.review.status for row in self.model.rows}
        _fill(self.status_filter, [(STATUS[s.value], s.value, severity_icon(severity(s)))
                                   for s in Status if s in statuses])
        results = sorted({words for row in self.model.rows for words in self.model.results(row)}, key=str.casefold)
        _fill(self.result_filter, [(words, words, None) for words in results])
        self.refresh_count()

    def refresh_count(self) -> None:
        self.count.setText(ntr("qt.reviewer.shown", self.model.rowCount(), shown=self.rows.rowCount()))


def _fill(combo: QComboBox, items: list[tuple[str, str, object]]) -> None:
    """Put `items` (words, value, icon) after the combo's first entry ("any"), keeping the value chosen."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for words, value, icon in items:
        if icon is None:
            combo.addItem(words, value)
        else:
            combo.addItem(icon, words, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if chosen is not None and index < 0:  # what was chosen is gone: show everything again
        combo.currentIndexChanged.emit(0)
