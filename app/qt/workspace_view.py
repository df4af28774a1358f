"""A workspace on the start page: every draft of a folder in one table, with the portfolio at a
glance above it, search as you type, filters, and the work on the files.

The rows come from the workspace's index at once; a refresh runs in a worker thread
(app/qt/workspace_worker.py) when the workspace opens, when the folder changes (a watch on it) and
when the application comes back to the front, and the first indexing fills the table as it goes,
under a progress bar. What is done to the files is the workspace session's (app/workspace/); the
view asks for it, says what happened, and offers Undo through the window's Edit menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app.qt.style import muted, set_role
from app.qt.texts import TEXT
from app.qt.workspace_model import COLUMNS, ENTRY_ROLE, Status, WorkspaceFilter, WorkspaceTableModel
from app.qt.workspace_worker import RefreshThread
from app.workspace.entry import Entry
from app.workspace.folder import draft_folders
from app.workspace.portfolio import portfolio, summary_lines
from app.workspace.workspace_session import WorkspaceSession

REFRESH_DELAY_MS = 300  # changes in the folder come in bursts (a save is a write and a rename)
# Below this many files to read a refresh shows no progress bar: it is over before one could be read.
PROGRESS_FROM = 20
MAX_COLUMN_CHARACTERS = 26


class WorkspaceTable(QTableView):
    """The table; Enter or a double click opens the draft."""

    open_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class WorkspaceView(QWidget):
    open_requested = Signal(Path)
    change_folder_requested = Signal()
    history_changed = Signal()
    message = Signal(str)
    refreshed = Signal()

    def __init__(self, session: WorkspaceSession, prompter, prompts, parent=None):
        """`prompter` asks in dialogs (app/qt/prompter.py); `prompts` asks a protected draft's passphrase."""
        super().__init__(parent)
        self.session, self.prompter, self.prompts = session, prompter, prompts
        self.model = WorkspaceTableModel(self)
        self.filter = WorkspaceFilter(self)
        self.filter.setSourceModel(self.model)
        self.refresher = RefreshThread(self)
        self.refresher.progressed.connect(self._on_progress)
        self.refresher.finished.connect(self._on_refreshed)
        self.refresher.failed.connect(self._on_refresh_failed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.refresh_soon)
        self.watcher.fileChanged.connect(self.refresh_soon)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(REFRESH_DELAY_MS)
        self._soon.timeout.connect(self.refresh)
        self._sized = False
        self._build()
        QGuiApplication.instance().applicationStateChanged.connect(self._on_application_state)
        self.show_entries(self.session.entries())
        self.refresh()

    # --- building ---
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel(TEXT["workspace_title"].format(name=self.session.folder.name))
        set_role(self.title, "heading")
        self.folder_label = QLabel(str(self.session.folder))
        muted(self.folder_label, small=True)
        self.change_button = QPushButton(TEXT["workspace_change"])
        self.change_button.clicked.connect(self.change_folder_requested)
        head.addWidget(self.title)
        head.addWidget(self.folder_label, 1)
        head.addWidget(self.change_button)
        layout.addLayout(head)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addLayout(self._filter_row())
        from app.qt.workspace_actions import WorkspaceActions

        self.actions = WorkspaceActions(self)
        layout.addLayout(self.actions.button_row())
        self.progress = QProgressBar()
        self.progress.setAccessibleName(TEXT["workspace_indexing"])
        self.progress.setFormat(TEXT["workspace_progress"])
        self.progress.hide()
        layout.addWidget(self.progress)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.actions.update_buttons()

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(TEXT["workspace_search"])
        self.search.setAccessibleName(TEXT["workspace_search"])
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_search)
        row.addWidget(self.search, 2)
        self.client_choice = self._choice(TEXT["workspace_filter_client"], "client")
        self.tier_choice = self._choice(TEXT["workspace_filter_tier"], "tier")
        self.kit_choice = self._choice(TEXT["workspace_filter_kit"], "kit")
        self.status_choice = QComboBox()
        self.status_choice.setAccessibleName(TEXT["workspace_filter_status"])
        for status in Status:
            self.status_choice.addItem(TEXT["workspace_status"][status.value], status)
        self.status_choice.currentIndexChanged.connect(
            lambda: self.filter.set_choice(status=self.status_choice.currentData()))
        for choice in (self.client_choice, self.tier_choice, self.kit_choice, self.status_choice):
            row.addWidget(choice, 1)
        return row

    def _choice(self, everything: str, name: str) -> QComboBox:
        choice = QComboBox()
        choice.setAccessibleName(everything)
        choice.setProperty("everything", everything)
        choice.currentIndexChanged.connect(lambda: self.filter.set_choice(**{name: choice.currentData()}))
        return choice

    def _table(self) -> WorkspaceTable:
        table = WorkspaceTable()
        table.setModel(self.filter)
        table.setAccessibleName(TEXT["workspace_table"])
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMNS.index("modified"), Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setMinimumHeight(220)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda point: self.actions.context_menu(table.viewport().mapToGlobal(point)))
        table.open_requested.connect(self.open_selected)
        table.selectionModel().selectionChanged.connect(lambda *_: self.actions.update_buttons())
        return table

    # --- the rows ---
    def selected(self) -> Entry | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.filter.data(rows[0], ENTRY_ROLE)

    def select(self, path: str) -> bool:
        """Select the row of the file at `path` (relative), when it is shown."""
        row = self.model.row_of(path)
        if row is None:
            return False
        index = self.filter.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_requested.emit(self.session.path(entry))

    def show_entries(self, entries: list[Entry]) -> None:
        """All rows anew, the selection kept (by file), the choices and the summary brought up to them."""
        chosen = self.selected()
        self.model.set_entries(entries)
        self._size_columns()
        self._hide_empty_columns()
        self._fill_choices(entries)
        self.summary.setText("\n".join(summary_lines(portfolio(entries))))
        if chosen is not None:
            self.select(chosen.path)
        self.actions.update_buttons()

    def _size_columns(self) -> None:
        """Columns as wide as their content, within reason, once there are rows to measure."""
        if self._sized or not self.model.rowCount():
            return
        self._sized = True
        widest = self.table.fontMetrics().horizontalAdvance("0") * MAX_COLUMN_CHARACTERS
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 12, widest))

    def _hide_empty_columns(self) -> None:
        empty = self.model.empty_columns()
        widest = self.table.fontMetrics().horizontalAdvance("0") * MAX_COLUMN_CHARACTERS
        for column in range(len(COLUMNS)):
            was_hidden = self.table.isColumnHidden(column)
            self.table.setColumnHidden(column, column in empty)
            if was_hidden and column not in empty:  # shown again: as wide as what it shows now
                self.table.resizeColumnToContents(column)
                self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 12, widest))

    def _fill_choices(self, entries: list[Entry]) -> None:
        values = {"client": {e.summary.client for e in entries if e.summary.client},
                  "tier": {label for e in entries for label in e.summary.tier_labels if label},
                  "kit": {e.summary.kit_label or e.summary.kit for e in entries if e.summary.kit}}
        for choice, name in ((self.client_choice, "client"), (self.tier_choice, "tier"), (self.kit_choice, "kit")):
            current = choice.currentData()
            choice.blockSignals(True)
            choice.clear()
            choice.addItem(choice.property("everything"), None)
            for value in sorted(values[name], key=str.casefold):
                choice.addItem(value, value)
            kept = choice.findData(current) if current is not None else 0
            choice.setCurrentIndex(max(kept, 0))
            choice.blockSignals(False)
            if kept < 0:  # the value chosen is gone: show everything again
                self.filter.set_choice(**{name: None})

    # --- refreshing ---
    def refresh(self) -> None:
        self.refresher.start(self.session.index)

    def refresh_soon(self, *_ignored) -> None:
        self._soon.start()

    def _on_progress(self, done: int, total: int, entries: list) -> None:
        if total >= PROGRESS_FROM:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
        self.model.merge([self.session.shown(entry) for entry in entries])
        self._size_columns()

    def _on_refreshed(self, changes) -> None:
        self.progress.hide()
        self.session.follow_unlocked()
        self.show_entries(self.session.entries())
        self._watch()
        self.refreshed.emit()

    def _on_refresh_failed(self, reason: str) -> None:
        self.progress.hide()
        self.message.emit(TEXT["workspace_refresh_failed"].format(reason=reason))
        self.refreshed.emit()

    def _watch(self) -> None:
        folders = {str(path) for path in draft_folders(self.session.folder)}
        watched = set(self.watcher.directories())
        if watched - folders:
            self.watcher.removePaths(sorted(watched - folders))
        if folders - watched:
            self.watcher.addPaths(sorted(folders - watched))

    def _on_application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
            self.refresh_soon()

    def shut(self) -> None:
        """Stop watching and refreshing (before the view goes)."""
        self._soon.stop()
        try:
            QGuiApplication.instance().applicationStateChanged.disconnect(self._on_application_state)
        except (RuntimeError, TypeError):
            pass
        self.refresher.stop()
