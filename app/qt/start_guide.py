"""Getting ready, from the start page: how long the questions take, what to prepare, and the
example drafts to open and look at.

The start page shows before the pack is read (app/qt/start_page.py), so the estimate fills in once
it is; the examples are listed when their menu opens. The "what to prepare" page is built from
the pack's own list (its `prepare` items) when it is first shown.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.qt.scroll_page import ScrollPage
from app.qt.style import muted, set_role
from app.qt.texts import TEXT
from app.storage import paths
from catalogue import ntr


def example_drafts() -> list[tuple[str, Path]]:
    """(name, file) of each example draft shipped, named by its system where the file says it."""
    found = []
    for path in sorted(paths.resource("examples").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a damaged example is left out of the menu; it cannot be opened anyway
        name = data.get("system_name") if isinstance(data, dict) else None
        found.append((name if isinstance(name, str) and name.strip() else path.stem, path))
    return found


def estimate_text(estimate) -> str:
    return ntr("qt.start_estimate", estimate.minutes, minutes=estimate.minutes, questions=estimate.questions)


class StartGuide(QWidget):
    """The start page's row: the time estimate, "What to prepare" and "Open an example"."""

    prepare_requested = Signal()
    example_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.estimate.hide()
        self.prepare_button = QPushButton(TEXT["start_prepare"])
        self.prepare_button.clicked.connect(self.prepare_requested)
        self.examples_button = QToolButton()
        self.examples_button.setText(TEXT["start_examples"])
        self.examples_button.setAccessibleName(TEXT["start_examples"])
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = QMenu(self.examples_button)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.examples_button.setMenu(self.examples_menu)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.estimate)
        row = QHBoxLayout()
        row.addWidget(self.prepare_button)
        row.addWidget(self.examples_button)
        row.addStretch(1)
        column.addLayout(row)

    def show_estimate(self, estimate) -> None:
        """The pack's time estimate (forms/estimate.py), or nothing when it gives none."""
        if estimate is None:
            self.estimate.hide()
            return
        self.estimate.setText(estimate_text(estimate))
        self.estimate.show()

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        for name, path in example_drafts():
            action = self.examples_menu.addAction(name)
            action.triggered.connect(lambda _=False, p=str(path): self.example_chosen.emit(p))
        if self.examples_menu.isEmpty():
            self.examples_menu.addAction(TEXT["start_no_examples"]).setEnabled(False)

    def set_enabled(self, enabled: bool) -> None:
        for button in (self.prepare_button, self.examples_button):
            button.setEnabled(enabled)


class PreparePage(ScrollPage):
    """What to have at hand before starting, from the pack, with the time estimate."""

    back_requested = Signal()
    new_requested = Signal()

    def __init__(self, pack, estimate, parent=None):
        super().__init__(parent)
        self.setAccessibleName(TEXT["prepare_title"])
        self.body.setContentsMargins(40, 32, 40, 24)
        self.body.setSpacing(10)
        self.heading(TEXT["prepare_title"])
        self.paragraph(TEXT["prepare_intro"])
        if estimate is not None:
            muted(self.paragraph(estimate_text(estimate)))
        self.items: list[QLabel] = []
        for item in pack.prepare:
            title = QLabel(item.label)
            title.setWordWrap(True)
            set_role(title, "heading")
            self.body.addWidget(title)
            if item.help:
                self.items.append(self.paragraph(item.help))
        self.paragraph(TEXT["prepare_later"])
        self.back_button = QPushButton(TEXT["prepare_back"])
        self.back_button.clicked.connect(self.back_requested)
        self.new_button = QPushButton(TEXT["start_new"])
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.new_button)
        self.body.addLayout(row)
        self.body.addStretch(1)
