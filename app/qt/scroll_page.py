"""A page whose content scrolls, in a column narrow enough to read, so long text never pushes the
window's buttons off screen. Only Qt here: the start page uses it before the pack is loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.qt.style import set_role

# Text lines longer than this are hard to read; the page column stops growing here (in "0" widths).
READABLE_COLUMN = 80


class ScrollPage(QScrollArea):
    """A page whose content scrolls; subclasses fill `self.body`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setMaximumWidth(inner.fontMetrics().horizontalAdvance("0") * READABLE_COLUMN)
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.setWidget(inner)

    def heading(self, text: str, role: str = "page_title") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        set_role(label, role)
        self.body.addWidget(label)
        return label

    def paragraph(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label

    def reveal(self, widget: QWidget) -> None:
        self.ensureWidgetVisible(widget, 0, 40)
