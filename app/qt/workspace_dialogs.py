"""The workspace's dialogs: what a copy of a draft keeps (for another client or system, or as a
template), and the bin. Opened window-modal without blocking (`open()`), so tests drive them as a
person would; they ask the workspace view to act and decide nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.qt.texts import TEXT
from catalogue.formats import format_moment
from app.workspace.actions import CopyOptions


@dataclass(frozen=True)
class CopyRequest:
    options: CopyOptions
    template: bool  # the copy goes among the templates


class CopyDialog(QDialog):
    """What a copy keeps: the client's and the system's names, the answers of each section, the notes."""

    chosen = Signal(object)  # CopyRequest

    def __init__(self, parent, title: str, client: str, system: str, sections: list[tuple[str, str]],
                 template: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.client = QLineEdit(client)
        self.system = QLineEdit(system)
        form.addRow(TEXT["workspace_copy_client"], self.client)
        form.addRow(TEXT["workspace_copy_system"], self.system)
        layout.addLayout(form)
        self.sections: dict[str, QCheckBox] = {}
        if sections:
            layout.addWidget(self._sections_box(sections))
        self.notes = QCheckBox(TEXT["workspace_copy_notes"])
        self.notes.setChecked(True)
        self.as_template = QCheckBox(TEXT["workspace_copy_template"])
        self.as_template.setChecked(template)
        layout.addWidget(self.notes)
        layout.addWidget(self.as_template)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _sections_box(self, sections: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(TEXT["workspace_copy_sections"])
        inner = QWidget()
        column = QVBoxLayout(inner)
        for section_id, title in sections:
            check = QCheckBox(title)
            check.setChecked(True)
            self.sections[section_id] = check
            column.addWidget(check)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setMinimumHeight(min(260, inner.sizeHint().height() + 8))
        QVBoxLayout(box).addWidget(scroll)
        return box

    def request(self) -> CopyRequest:
        cleared = frozenset(sid for sid, check in self.sections.items() if not check.isChecked())
        options = CopyOptions(client=self.client.text().strip() or None, system=self.system.text().strip() or None,
                              cleared=cleared, notes=self.notes.isChecked())
        return CopyRequest(options, self.as_template.isChecked())

    def _accept(self) -> None:
        self.accept()
        self.chosen.emit(self.request())


class BinDialog(QDialog):
    """The drafts in the bin, newest first, to restore one or empty the bin (asked first)."""

    restore_chosen = Signal(object)  # Binned
    empty_chosen = Signal()

    def __init__(self, parent, contents: list):
        super().__init__(parent)
        self.setWindowTitle(TEXT["workspace_bin_title"])
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(TEXT["workspace_bin_empty"])
        layout.addWidget(self.empty_label)
        self.list = QListWidget()
        self.list.setAccessibleName(TEXT["workspace_bin_title"])
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(TEXT["workspace_bin_restore"])
        self.empty_button = QPushButton(TEXT["workspace_bin_empty_button"])
        close = QPushButton(TEXT["workspace_close"])
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(self.empty_chosen)
        close.clicked.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self._restore())
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.show_contents(contents)

    def show_contents(self, contents: list) -> None:
        self.list.clear()
        for binned in contents:
            text = TEXT["workspace_bin_row"].format(name=binned.name, origin=binned.origin,
                                                    deleted=format_moment(binned.deleted))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, binned)
            self.list.addItem(item)
        if contents:
            self.list.setCurrentRow(0)
        self.empty_label.setVisible(not contents)
        self.restore_button.setEnabled(bool(contents))
        self.empty_button.setEnabled(bool(contents))

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restore_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
