"""The workspace's table in Qt's model/view: a thin model over the index's rows (app/workspace/),
and a filter over it for the search as you type and the choices of client, result (any jurisdiction's,
for a draft that targets several), kit and status.

The words of each cell come from app/workspace/table.py, so the table on screen, its CSV export
and the command line say the same. Sorting uses the values behind the words (the time of a change,
the deadline's date, the share of required answers given).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QPixmap

from app.qt.texts import TEXT
from app.workspace.entry import Entry
from app.workspace.folder import Place
from app.workspace.summary import State
from app.workspace.table import shown, state_text, tier_lines
from catalogue import table

COLUMN_TEXT = table("workspace.column")  # the command line's headings too

# The columns on screen: the command line's; a file's state (protected, damaged) shows where its
# result would be. Who, what and how far first (with the reviewer's comments still open), then
# for which call and by when, then the rest.
COLUMNS = ("file", "client", "system", "tier", "could_be", "complete", "open_comments", "kit", "deadline", "protected",
           "modified", "place")
# Columns left out while no row has anything to show in them.
OPTIONAL = ("kit", "could_be", "open_comments", "deadline", "place")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class Status(str, Enum):
    """What the status filter keeps."""

    DRAFTS = "drafts"  # every draft at work (not archived, not a template)
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"
    PROTECTED = "protected"
    UNREADABLE = "unreadable"
    ARCHIVED = "archived"
    TEMPLATES = "templates"
    ALL = "all"


def keeps(status: Status, entry: Entry) -> bool:
    place, state, complete = entry.place, entry.state, entry.summary.complete
    return {
        Status.DRAFTS: place is Place.DRAFTS,
        Status.INCOMPLETE: place is Place.DRAFTS and complete is False,
        Status.COMPLETE: place is Place.DRAFTS and complete is True,
        Status.PROTECTED: entry.summary.protected,
        Status.UNREADABLE: state in (State.DAMAGED, State.UNUSABLE, State.KIT_UNSEEN),
        Status.ARCHIVED: place is Place.ARCHIVE,
        Status.TEMPLATES: place is Place.TEMPLATES,
        Status.ALL: True,
    }[status]


class WorkspaceTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._rows: dict[str, int] = {}
        self._swatches: dict[str, QPixmap] = {}

    # --- changing the rows ---
    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._rows = {entry.path: row for row, entry in enumerate(self.entries)}
        self.endResetModel()

    def merge(self, entries: list[Entry]) -> None:
        """Rows read just now: each replaces the row of its file, or is added (the first indexing
        fills the table as it goes)."""
        new = []
        for entry in entries:
            row = self._rows.get(entry.path)
            if row is None:
                new.append(entry)
                continue
            self.entries[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if new:
            start = len(self.entries)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for offset, entry in enumerate(new):
                self._rows[entry.path] = start + offset
            self.entries.extend(new)
            self.endInsertRows()

    def row_of(self, path: str) -> int | None:
        return self._rows.get(path)

    def empty_columns(self) -> list[int]:
        """The optional columns no row has anything in."""
        cells = [shown(entry) for entry in self.entries]
        return [COLUMNS.index(column) for column in OPTIONAL if not any(row[column] for row in cells)]

    # --- Qt's questions ---
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_TEXT[COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "tier" and entry.state is not State.READ:
                return state_text(entry)
            return shown(entry)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "tier" and entry.state is not State.READ:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            return _sort_key(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "tier" and entry.summary.colour:
            return self._swatch(entry.summary.colour)
        return None

    def _swatch(self, colour: str) -> QPixmap:
        if colour not in self._swatches:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(colour))
            self._swatches[colour] = pixmap
        return self._swatches[colour]


def _sort_key(entry: Entry, column: str):
    s = entry.summary
    if column == "modified":
        return entry.mtime_ns
    if column == "deadline":  # year-month-day sorts by date; the words shown do not
        return s.deadline
    if column == "complete":
        return -1.0 if s.complete is None else s.given / s.required if s.required else 1.0
    if column == "protected":
        return int(s.protected)
    if column == "open_comments":
        return -1 if s.open_comments is None else s.open_comments
    return shown(entry)[column].casefold()


def _tooltip(entry: Entry, column: str) -> str | None:
    s = entry.summary
    if column == "tier" and entry.state is not State.READ:
        return state_text(entry)
    if column == "tier" and len(s.jurisdictions) > 1:  # each jurisdiction's result, one a line
        return "\n".join(tier_lines(s))
    if column == "complete" and s.complete is not None:
        return TEXT["workspace_given"].format(given=s.given, required=s.required)
    if column == "file":
        return entry.path
    if column == "kit" and s.kit:  # a sandbox's name is long: whole here
        return s.kit_label or s.kit
    return None


class WorkspaceFilter(QSortFilterProxyModel):
    """Rows whose words hold every word searched for, of the client, result, kit and status chosen
    (None: any)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.words: list[str] = []
        self.client: str | None = None
        self.tier: str | None = None
        self.kit: str | None = None
        self.status = Status.DRAFTS

    def set_search(self, text: str) -> None:
        self.set_choice(words=text.casefold().split())

    def set_choice(self, **choices) -> None:
        # Qt 6.10 and later announce a change of filter before it is made; earlier ones only after.
        announced = hasattr(self, "beginFilterChange")
        if announced:
            self.beginFilterChange()
        for name, value in choices.items():
            setattr(self, name, value)
        if announced:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 - Qt override
        entry = self.sourceModel().entries[row]
        s = entry.summary
        if not keeps(self.status, entry):
            return False
        for chosen, value in ((self.client, s.client), (self.kit, s.kit_label or s.kit)):
            if chosen is not None and value != chosen:
                return False
        if self.tier is not None and self.tier not in s.tier_labels:  # any jurisdiction's result
            return False
        if not self.words:
            return True
        text = " ".join(shown(entry).values()).casefold()
        return all(word in text for word in self.words)

    def entries(self) -> list[Entry]:
        """The rows shown, in the order shown."""
        source = self.sourceModel()
        return [source.entries[self.mapToSource(self.index(row, 0)).row()] for row in range(self.rowCount())]
