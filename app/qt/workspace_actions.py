"""The work on a workspace's drafts from its view: the buttons, the context menu, the dialogs they
open, and Undo. Each action is the workspace session's (app/workspace/workspace_session.py); here
it is asked for, a failure is told in a dialog (nothing changed), success in the status bar, and
the table is refreshed with the draft concerned selected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

from app.qt.collector import PoolJob
from app.qt.texts import TEXT
from catalogue import ntr
from app.qt.workspace_dialogs import BinDialog, CopyDialog, CopyRequest
from app.workspace.actions import Done
from app.workspace.entry import Entry
from app.workspace.files import WorkspaceError
from app.workspace.folder import Place, relative
from app.workspace.summary import State


class _JobSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class OverviewJob(PoolJob):
    """Writes the one-page overview in a pool thread; it never touches a widget."""

    def __init__(self, folder_name: str, found, entries: list[Entry], out_path: Path):
        super().__init__()
        self.folder_name, self.found, self.entries, self.out_path = folder_name, found, entries, out_path
        self.signals = _JobSignals()

    def work(self) -> None:
        try:
            from app.dossier.export import write_file
            from app.dossier.overview import overview_pdf

            write_file(self.out_path, overview_pdf(self.folder_name, self.found, self.entries, dt.date.today()))
        except Exception as error:  # noqa: BLE001 - any failure is told to the person, not lost
            self.signals.failed.emit(" ".join(str(error).split()) or type(error).__name__)
        else:
            self.signals.succeeded.emit(self.out_path)


class WorkspaceActions:
    def __init__(self, view):
        self.view = view
        self.session = view.session
        self.copy_dialog: CopyDialog | None = None
        self.bin_dialog: BinDialog | None = None
        self.job: OverviewJob | None = None
        self._select_after: str | None = None
        view.refreshed.connect(self._after_refresh)

    # --- buttons and menus ---
    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        make = self._button
        self.open_button = make("workspace_open", self.view.open_selected)
        self.template_button = make("workspace_from_template", None)
        self.template_menu = QMenu(self.template_button)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        self.duplicate_button = make("workspace_duplicate", self.duplicate)
        self.rename_button = make("workspace_rename", self.rename)
        self.move_button = make("workspace_move", self.move_to_client)
        self.archive_button = make("workspace_archive", self.toggle_archive)
        self.delete_button = make("workspace_delete", self.delete)
        self.bin_button = make("workspace_bin", self.open_bin)
        self.export_button = make("workspace_export", None)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(TEXT["workspace_export_csv"]).triggered.connect(self.export_csv)
        export_menu.addAction(TEXT["workspace_export_pdf"]).triggered.connect(self.export_overview)
        self.export_button.setMenu(export_menu)
        for button in (self.open_button, self.template_button, self.duplicate_button, self.rename_button,
                       self.move_button, self.archive_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.bin_button)
        row.addWidget(self.export_button)
        return row

    def _button(self, key: str, handler: Callable | None) -> QPushButton:
        button = QPushButton(TEXT[key])
        if handler is not None:
            button.clicked.connect(handler)
        return button

    def update_buttons(self) -> None:
        entry = self.view.selected()
        readable = entry is not None and entry.state is not State.DAMAGED
        for button in (self.open_button, self.rename_button, self.archive_button, self.delete_button):
            button.setEnabled(entry is not None)
        self.duplicate_button.setEnabled(readable)
        self.move_button.setEnabled(readable)
        self.archive_button.setText(TEXT["workspace_unarchive" if entry and entry.place is Place.ARCHIVE
                                         else "workspace_archive"])

    def context_menu(self, where) -> None:
        entry = self.view.selected()
        if entry is None:
            return
        self.menu = QMenu(self.view)
        self._menu_action("workspace_open", self.view.open_selected)
        if entry.state is State.PROTECTED:
            self._menu_action("workspace_unlock", self.unlock)
        self.menu.addSeparator()
        if entry.state is not State.DAMAGED:
            self._menu_action("workspace_duplicate", self.duplicate)
        self._menu_action("workspace_rename", self.rename)
        if entry.state is not State.DAMAGED:
            self._menu_action("workspace_move", self.move_to_client)
        self._menu_action("workspace_unarchive" if entry.place is Place.ARCHIVE else "workspace_archive",
                          self.toggle_archive)
        self._menu_action("workspace_unmake_template" if entry.place is Place.TEMPLATES else "workspace_make_template",
                          self.toggle_template)
        self.menu.addSeparator()
        self._menu_action("workspace_delete", self.delete)
        self.menu.popup(where)

    def _menu_action(self, key: str, handler: Callable) -> QAction:
        action = self.menu.addAction(TEXT[key])
        action.triggered.connect(handler)
        return action

    @staticmethod
    def make_template_text() -> str:
        return TEXT["workspace_make_template"]

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        templates = self.session.templates()
        if not templates:
            self.template_menu.addAction(TEXT["workspace_no_templates"]).setEnabled(False)
        for template in templates:
            self.template_menu.addAction(template.name.removesuffix(".json")).triggered.connect(
                lambda _=False, t=template: self.new_from_template(t))

    # --- the actions ---
    def duplicate(self) -> None:
        entry = self._unlocked_selection()
        if entry is not None:
            self._ask_copy(entry, TEXT["workspace_duplicate_title"], entry.summary.client, entry.summary.system,
                           open_after=False)

    def new_from_template(self, template: Entry) -> None:
        template = self._unlocked(template)
        if template is not None:
            self._ask_copy(template, TEXT["workspace_from_template_title"], "", "", open_after=True)

    def _ask_copy(self, entry: Entry, title: str, client: str, system: str, open_after: bool) -> None:
        self.copy_dialog = CopyDialog(self.view, title, client, system, self.session.sections(entry))
        self.copy_dialog.chosen.connect(lambda request: self._copy(entry, request, open_after))
        self.copy_dialog.open()

    def _copy(self, entry: Entry, request: CopyRequest, open_after: bool) -> None:
        # A name left as it was is not a new one: the copy keeps the answer, and its file name.
        options = replace(request.options,
                          client=None if request.options.client == entry.summary.client else request.options.client,
                          system=None if request.options.system == entry.summary.system else request.options.system)
        target = self.session.suggest_copy(entry, options.client, options.system, template=request.template)
        done = self._do(lambda: self.session.duplicate(entry, target, options, self.view.prompts))
        if done is not None and open_after:
            self.view.open_requested.emit(done.path)

    def rename(self) -> None:
        entry = self.view.selected()
        if entry is None:
            return
        name = self.view.prompter.ask_text(self.view, TEXT["workspace_rename_title"], TEXT["workspace_rename_text"],
                                           entry.name.removesuffix(".json"))
        if name is not None:
            self._do(lambda: self.session.rename(entry, name))

    def move_to_client(self) -> None:
        entry = self._unlocked_selection()
        if entry is None:
            return
        clients = sorted({e.summary.client for e in self.view.model.entries if e.summary.client}, key=str.casefold)
        client = self.view.prompter.choose_client(self.view, TEXT["workspace_move_title"],
                                                  TEXT["workspace_move_text"].format(name=entry.name), clients)
        if client and client.strip():
            self._do(lambda: self.session.move_to_client(entry, client, self.view.prompts))

    def toggle_archive(self) -> None:
        entry = self.view.selected()
        if entry is not None:
            action = self.session.unarchive if entry.place is Place.ARCHIVE else self.session.archive
            self._do(lambda: action(entry))

    def toggle_template(self) -> None:
        entry = self.view.selected()
        if entry is not None:
            action = self.session.unmake_template if entry.place is Place.TEMPLATES else self.session.make_template
            self._do(lambda: action(entry))

    def unlock(self) -> None:
        entry = self.view.selected()
        if entry is not None and self._unlocked(entry) is not None:
            self.view.show_entries(self.session.entries())

    def delete(self) -> None:
        entry = self.view.selected()
        if entry is not None:
            self._do(lambda: self.session.delete(entry))

    def undo(self) -> None:
        try:
            done, path = self.session.undo()
        except WorkspaceError as error:
            self.view.prompter.error(self.view, TEXT["workspace_failed_title"], str(error))
            self.view.history_changed.emit()
            return
        self._select_after = relative(self.session.folder, path) if path is not None else None
        self.view.message.emit(TEXT["workspace_undone"].format(name=done.name))
        self.view.history_changed.emit()
        self.view.refresh()
        self._update_bin()

    # --- the bin ---
    def open_bin(self) -> None:
        self.bin_dialog = BinDialog(self.view, self.session.bin_contents())
        self.bin_dialog.restore_chosen.connect(lambda binned: self._do(lambda: self.session.restore(binned)))
        self.bin_dialog.empty_chosen.connect(self.empty_bin)
        self.bin_dialog.open()

    def empty_bin(self) -> None:
        count = len(self.session.bin_contents())
        question = ntr("qt.workspace_empty_text", count)
        title, go = TEXT["workspace_empty_title"], TEXT["workspace_empty_go"]
        if not self.view.prompter.confirm(self.view, title, question, go):
            return
        try:
            gone = self.session.empty_bin(confirmed=True)
        except (WorkspaceError, OSError) as error:
            self.view.prompter.error(self.view, TEXT["workspace_failed_title"], str(error))
            return
        self.view.message.emit(ntr("qt.workspace_emptied", gone))
        self._update_bin()

    def _update_bin(self) -> None:
        if self.bin_dialog is not None:
            self.bin_dialog.show_contents(self.session.bin_contents())

    # --- exports ---
    def export_csv(self) -> None:
        from app.storage.drafts import DraftError, write_atomically
        from app.workspace.table import as_csv

        path = self.view.prompter.save_path(self.view, self._suggested("csv"), TEXT["workspace_csv_filter"])
        if path is None:
            return
        try:
            write_atomically(path, as_csv(self.view.filter.entries()).encode("utf-8"))
        except DraftError as error:
            self.view.prompter.error(self.view, TEXT["workspace_failed_title"], str(error))
            return
        self.view.message.emit(TEXT["workspace_exported"].format(path=path))

    def export_overview(self) -> None:
        from app.workspace.portfolio import portfolio

        path = self.view.prompter.save_path(self.view, self._suggested("pdf"), TEXT["workspace_pdf_filter"])
        if path is None:
            return
        found = portfolio(self.view.model.entries)
        self.job = OverviewJob(self.session.folder.name, found, self.view.filter.entries(), path)
        self.job.signals.succeeded.connect(
            lambda out: self.view.message.emit(TEXT["workspace_exported"].format(path=out)))
        self.job.signals.failed.connect(
            lambda reason: self.view.prompter.error(self.view, TEXT["workspace_failed_title"], reason))
        self.job.start()

    def _suggested(self, suffix: str) -> Path:
        return Path.home() / f"{TEXT['workspace_export_name'].format(name=self.session.folder.name)}.{suffix}"

    # --- helpers ---
    def _do(self, action: Callable[[], Done]) -> Done | None:
        """Do `action`; a failure is told, success said, and the table refreshed with its draft selected."""
        try:
            done = action()
        except WorkspaceError as error:
            self.view.prompter.error(self.view, TEXT["workspace_failed_title"], str(error))
            return None
        self._select_after = relative(self.session.folder, done.path) if done.path is not None else None
        self.view.message.emit(TEXT["workspace_done"][done.action.value].format(name=done.name))
        self.view.history_changed.emit()
        self.view.refresh()
        self._update_bin()
        return done

    def _after_refresh(self) -> None:
        # A refresh the watch started may end before the one that reads the new file: the draft
        # is selected by the first refresh that shows it.
        if self._select_after is not None and self.view.select(self._select_after):
            self._select_after = None

    def _unlocked_selection(self) -> Entry | None:
        entry = self.view.selected()
        return self._unlocked(entry) if entry is not None else None

    def _unlocked(self, entry: Entry) -> Entry | None:
        """The entry with its details: a protected one is unlocked first (its passphrase asked)."""
        if entry.state is not State.PROTECTED:
            return entry
        try:
            shown = self.session.unlock(entry, self.view.prompts)
        except WorkspaceError as error:
            self.view.prompter.error(self.view, TEXT["workspace_failed_title"], str(error))
            return None
        return shown if shown.state is State.READ else None
