"""The first page: start, open, or continue a draft, and restore unsaved work after a crash.

It needs neither the pack nor pydantic, so the window appears at once; the pack is read right after
it is shown, while the person reads this page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.qt.scroll_page import ScrollPage
from app.qt.style import muted, set_role
from app.qt.texts import TEXT


class StartPage(ScrollPage):
    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(str)
    kit_chosen = Signal(str)  # the path of a kit seen before
    restore_requested = Signal(int)  # the index of the unsaved work offered, newest first
    discard_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(TEXT["start_title"])
        self.body.setContentsMargins(40, 32, 40, 24)
        self.body.setSpacing(12)
        # A kit's welcome (app/qt/kit_views.py) goes here, in place of the title and introduction.
        self.kit_top = QVBoxLayout()
        self.body.addLayout(self.kit_top)
        self.welcome = None
        self.title = self.heading(TEXT["start_title"])
        self.intro = self.paragraph(TEXT["start_intro"])
        self.restore_box = self._restore_box()
        self.body.addWidget(self.restore_box)
        self.new_button = QPushButton(TEXT["start_new"])
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(TEXT["start_open"])
        self.open_button.clicked.connect(self.open_requested)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.opening = self.paragraph("")
        self.opening.hide()
        self.recent_title = self.heading(TEXT["start_recent"], "heading")
        self.recent_box = QVBoxLayout()
        self.body.addLayout(self.recent_box)
        self.kits_title = self.heading(TEXT["start_kits"], "heading")
        self.kits_box = QVBoxLayout()
        self.body.addLayout(self.kits_box)
        self.kits_title.hide()
        self.kit_notes = QVBoxLayout()
        self.body.addLayout(self.kit_notes)
        self.body.addStretch(1)
        muted(self.paragraph(TEXT["not_legal_advice"]), small=True)

    def _restore_box(self) -> QFrame:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        title = QLabel(TEXT["start_restore_title"])
        title.setWordWrap(True)
        set_role(title, "heading")
        self.restore_text = QLabel(TEXT["start_restore_text"])
        self.restore_text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.restore_text)
        self.restore_rows = QVBoxLayout()
        layout.addLayout(self.restore_rows)
        self.restore_buttons: list[QPushButton] = []
        self.discard_buttons: list[QPushButton] = []
        box.hide()
        return box

    def offer_restore(self, rows: list[str]) -> None:
        """One row per unsaved work left behind (newest first), each with its Restore and Discard."""
        _clear(self.restore_rows)
        self.restore_buttons, self.discard_buttons = [], []
        for index, text in enumerate(rows):
            label = QLabel(text)
            label.setWordWrap(True)
            restore, discard = QPushButton(TEXT["start_restore"]), QPushButton(TEXT["start_discard"])
            for button in (restore, discard):
                button.setAccessibleDescription(text)
            restore.clicked.connect(lambda _=False, i=index: self.restore_requested.emit(i))
            discard.clicked.connect(lambda _=False, i=index: self.discard_requested.emit(i))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(restore)
            row.addWidget(discard)
            self.restore_rows.addLayout(row)
            self.restore_buttons.append(restore)
            self.discard_buttons.append(discard)
        self.restore_box.setVisible(bool(rows))
        if rows:
            self.restore_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def restore_button(self) -> QPushButton | None:
        """Restore, for the newest unsaved work."""
        return self.restore_buttons[0] if self.restore_buttons else None

    @property
    def discard_button(self) -> QPushButton | None:
        return self.discard_buttons[0] if self.discard_buttons else None

    def show_recent(self, paths: list) -> None:
        _clear(self.recent_box)
        for path in paths:
            button = QPushButton(f"{path.stem}  \u2014  {path.parent}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left")
            button.setAccessibleName(str(path))
            button.clicked.connect(lambda _=False, p=str(path): self.recent_chosen.emit(p))
            self.recent_box.addWidget(button)
        self.recent_title.setVisible(bool(paths))

    def show_kit(self, welcome) -> None:
        """Wear a kit's welcome (a KitWelcome: its `top` above the buttons, its `notes` below the
        lists), or None for the application's own title and introduction."""
        if self.welcome is not None:
            for part in (self.welcome.top, self.welcome.notes):
                part.hide()
                part.deleteLater()
        self.welcome = welcome
        if welcome is not None:
            self.kit_top.addWidget(welcome.top)
            self.kit_notes.addWidget(welcome.notes)
        self.title.setVisible(welcome is None)
        self.intro.setVisible(welcome is None)
        self.new_button.setText(TEXT["start_new_kit" if welcome is not None else "start_new"])

    def show_kits(self, kits: list[tuple[str, str]]) -> None:
        """The kits seen before, as (label, path) to wear one again."""
        _clear(self.kits_box)
        for label, path in kits:
            button = QPushButton(label.replace("&", "&&"))  # an authority's "&" is no shortcut
            button.setFlat(True)
            button.setStyleSheet("text-align: left")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _=False, p=path: self.kit_chosen.emit(p))
            self.kits_box.addWidget(button)
        self.kits_title.setVisible(bool(kits))

    def show_opening(self, name: str | None) -> None:
        """While a draft named on the command line loads: say so, and take no other choice meanwhile."""
        self.opening.setText(TEXT["start_opening"].format(name=name) if name else "")
        self.opening.setVisible(bool(name))
        for button in [self.new_button, self.open_button, *self.restore_buttons, *self.discard_buttons,
                       *self.recent_buttons(), *self.kit_buttons()]:
            button.setEnabled(not name)

    def recent_buttons(self) -> list[QWidget]:
        return [self.recent_box.itemAt(i).widget() for i in range(self.recent_box.count())]

    def kit_buttons(self) -> list[QWidget]:
        return [self.kits_box.itemAt(i).widget() for i in range(self.kits_box.count())]


def _clear(layout) -> None:
    """Empty a layout, its nested rows included."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
        elif item.layout():
            _clear(item.layout())
