"""The step list: a thin Qt model over the pack's sections and the session's section statuses,
with the review as the last step. A section left with required answers missing is marked by an
icon of its own shape (not by colour alone) and says how many in its text for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from app.qt.session import SectionStatus
from app.qt.style import warning_colour
from app.qt.texts import STATUS_TEXT, TEXT
from catalogue import ntr
from catalogue.hyphenation import soft_hyphenated

REVIEW = "__review__"


class StepListModel(QAbstractListModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.section_ids = [s.id for s in session.pack.sections]
        # Sections the person has left (or seen on the review): their missing answers are marked.
        self.left: set[str] = set()
        self._icons: dict[SectionStatus, QIcon] = {}
        # Each row's status, worked out once per change: the view asks data() many times per row.
        self._statuses: dict[int, SectionStatus | None] = {}
        session.answers_changed.connect(self._on_answers_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.section_ids) + 1

    def step_id(self, row: int) -> str:
        return self.section_ids[row] if row < len(self.section_ids) else REVIEW

    def row_of(self, step_id: str) -> int:
        return len(self.section_ids) if step_id == REVIEW else self.section_ids.index(step_id)

    def status(self, row: int) -> SectionStatus | None:
        if row not in self._statuses:
            step = self.step_id(row)
            status = None if step == REVIEW else self.session.section_status(step)
            if status is SectionStatus.INCOMPLETE and step in self.left:
                status = SectionStatus.MISSING
            self._statuses[row] = status
        return self._statuses[row]

    def mark_left(self, step_ids) -> None:
        """Sections the person has left: from now on their missing answers show."""
        new = {s for s in step_ids if s != REVIEW} - self.left
        if new:
            self.left |= new
            self._on_answers_changed("")

    def status_text(self, row: int) -> str:
        status = self.status(row)
        if status is None:
            return ""
        if status is SectionStatus.MISSING:
            count = self.session.missing_in(self.step_id(row))
            return ntr("qt.step_missing", count)
        return STATUS_TEXT[status.value]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        step = self.step_id(index.row())
        title = TEXT["review"] if step == REVIEW else self.session.evaluation.index.sections[step].title
        status = self.status(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            # Long compounds ("Konformitätsbewertung") break at their parts, with a hyphen, in a
            # narrow column; screen readers get the title as written (AccessibleTextRole).
            return soft_hyphenated(title)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(status)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and status:
            return self.status_text(index.row())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return TEXT["step_accessible"].format(title=title, status=self.status_text(index.row())) if status \
                else title
        if role == Qt.ItemDataRole.ForegroundRole and status is SectionStatus.NOT_APPLICABLE:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _on_answers_changed(self, _question_id: str) -> None:
        self._statuses.clear()
        self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def palette_changed(self) -> None:
        self._icons.clear()
        self._on_answers_changed("")

    def _icon(self, status: SectionStatus | None) -> QIcon:
        if status not in self._icons:
            self._icons[status] = _status_icon(status)
        return self._icons[status]


def _status_icon(status: SectionStatus | None) -> QIcon:
    """Drawn from the palette so it suits light and dark themes: a tick, an open ring, an
    exclamation mark in a ring (answers missing), a dash."""
    palette = QApplication.palette()
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = {SectionStatus.DONE: palette.color(QPalette.ColorRole.Highlight),
              SectionStatus.INCOMPLETE: palette.color(QPalette.ColorRole.Text),
              SectionStatus.MISSING: warning_colour(palette),
              SectionStatus.NOT_APPLICABLE: palette.color(QPalette.ColorRole.PlaceholderText),
              None: palette.color(QPalette.ColorRole.Text)}[status]
    painter.setPen(QPen(colour, 3))
    if status is None:  # the review: a page with lines of text
        for y in (9, 16, 23):
            painter.drawLine(QPointF(7, y), QPointF(25, y))
    elif status is SectionStatus.DONE:
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(3, 3, 26, 26))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.HighlightedText), 3.5))
        painter.drawPolyline([QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)])
    elif status is SectionStatus.INCOMPLETE:
        painter.drawEllipse(QRectF(4, 4, 24, 24))
    elif status is SectionStatus.MISSING:
        painter.drawEllipse(QRectF(4, 4, 24, 24))
        pen = QPen(colour, 3.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(16, 9), QPointF(16, 18))
        painter.drawPoint(QPointF(16, 23))
    else:
        painter.drawLine(QPointF(9, 16), QPointF(23, 16))
    painter.end()
    return QIcon(pixmap)
