"""The selectable, wrapping labels the read-only views of a dossier are built of (the dossier
shown to a reviewer and its comments): a line of text, and a section heading above a block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.qt.style import set_role


def text_label(text: str, layout=None, rich: bool = False) -> QLabel:
    """A wrapping label whose text can be selected and copied, added to the layout when one is
    given; plain text unless `rich` (for markup the caller built and escaped)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if layout is not None:
        layout.addWidget(label)
    return label


def heading_label(text: str, layout) -> QLabel:
    label = text_label(text, layout)
    label.setContentsMargins(0, 10, 0, 0)
    set_role(label, "heading")
    return label
