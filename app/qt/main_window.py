"""The main window: the start page, then the assessment; the File and Go menus; opening, saving,
autosave, restore after a crash, and the questions asked before work could be lost.

The pack, pydantic and the core load only after the start page is shown (see `preload`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app import paths
from app.qt import draft_files
from app.qt.prompter import Choice, Prompter
from app.qt.start_page import StartPage
from app.qt.texts import TEXT


class MainWindow(QMainWindow):
    first_shown = Signal()

    def __init__(self, prompter: Prompter | None = None, parent=None):
        super().__init__(parent)
        self.prompter = prompter or Prompter()
        self.settings = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.session = None
        self.wizard = None
        draft_files.set_aside_crashed_autosave()
        self.autosaver = draft_files.Autosaver(self)
        self.start = StartPage()
        self.start.new_requested.connect(self.new_draft)
        self.start.open_requested.connect(self.open_draft)
        self.start.recent_chosen.connect(lambda name: self.open_path(Path(name)))
        self.start.restore_requested.connect(self.restore_autosave)
        self.start.discard_requested.connect(self._discard_recovery)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self._was_shown = False
        self.start.viewport().installEventFilter(self)
        self.setCentralWidget(self.stack)
        self._make_menus()
        self._refresh_start()
        self._update_title()
        self.resize(1200, 780)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # --- building ---
    def _action(self, text: str, handler, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def _make_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(TEXT["new"], self.new_draft, keys.New)
        self.open_action = self._action(TEXT["open"], self.open_draft, keys.Open)
        self.save_action = self._action(TEXT["save"], self.save, keys.Save)
        self.save_as_action = self._action(TEXT["save_as"], self.save_as, "Ctrl+Shift+S")
        self.protect_action = self._action(TEXT["protect"], self.change_passphrase)
        self.quit_action = self._action(TEXT["quit"], self.close, "Ctrl+Q")
        self.restore_action = self._action(TEXT["start_restore"], self.restore_autosave)
        self.versions_action = self._action(TEXT["versions"], self.restore_version)
        self.back_action = self._action(TEXT["back"], lambda: self.wizard and self.wizard.back(), "Alt+Left")
        self.next_action = self._action(TEXT["next"], lambda: self.wizard and self.wizard.next(), "Alt+Right")
        self.review_action = self._action(TEXT["go_review"], self._go_review)
        file_menu = self.menuBar().addMenu(TEXT["menu_file"])
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(TEXT["recent"])
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.save_action, self.save_as_action, self.protect_action, self.restore_action,
                               self.versions_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menuBar().addMenu(TEXT["menu_go"])
        go_menu.addActions([self.back_action, self.next_action, self.review_action])
        self._enable_draft_actions(False)

    def _enable_draft_actions(self, enabled: bool) -> None:
        for action in (self.save_action, self.save_as_action, self.protect_action, self.versions_action,
                       self.back_action, self.next_action, self.review_action):
            action.setEnabled(enabled)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = draft_files.recent_drafts()
        if not recent:
            self.recent_menu.addAction(TEXT["recent_empty"]).setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(str(path)).triggered.connect(lambda _=False, p=path: self.open_path(p))

    def _refresh_start(self) -> None:
        pending = draft_files.pending_recovery()
        self.start.offer_restore(pending[0].strftime("%Y-%m-%d %H:%M") if pending else None)
        self.restore_action.setEnabled(pending is not None)
        self.start.show_recent(draft_files.recent_drafts())

    # --- the session, built on first need ---
    def preload(self) -> None:
        """Read the pack and build the pages while the start page is on screen."""
        from app.qt.fonts import load_bundled_fonts

        load_bundled_fonts()
        self.ensure_session()

    def ensure_session(self):
        """The session over the pack, built once; None (after saying why) if the pack is broken."""
        if self.session is None:
            from app.qt.session import Session
            from app.qt.wizard_view import WizardView
            from forms.loader import PackError, default_pack

            try:
                pack = default_pack()
            except PackError as error:
                self.prompter.error(self, TEXT["pack_error_title"], TEXT["pack_error"].format(reason=error))
                return None
            self.session = Session(pack, parent=self)
            self.session.dirty_changed.connect(self._update_title)
            self.session.path_changed.connect(self._update_title)
            self.autosaver.follow(self.session)
            self.autosaver.failed.connect(lambda reason: self.statusBar().showMessage(reason))
            self.wizard = WizardView(self.session, self.prompter)
            self.wizard.step_changed.connect(self._remember_step)
            self.stack.addWidget(self.wizard)
        return self.session

    def _show_wizard(self) -> None:
        self.stack.setCurrentWidget(self.wizard)
        self._enable_draft_actions(True)
        step = self.settings.value(f"last_section/{self._draft_key()}")
        self.wizard.go_to(step or self.session.pack.sections[0].id)
        self.wizard.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def _draft_key(self) -> str:
        import hashlib

        if self.session is None or self.session.path is None:
            return "new"
        return hashlib.sha1(str(self.session.path.resolve()).encode("utf-8")).hexdigest()[:16]

    def _remember_step(self, step_id: str) -> None:
        self.settings.setValue(f"last_section/{self._draft_key()}", step_id)

    def _go_review(self) -> None:
        from app.qt.steps import REVIEW

        self.wizard.go_to(REVIEW)

    # --- drafts ---
    def new_draft(self) -> None:
        if not self.may_discard():
            return
        from app.drafts import Draft

        session = self.ensure_session()
        if session is None:
            return
        self.settings.remove("last_section/new")
        session.passphrase = None
        session.replace(Draft.new(session.pack), None)
        self.autosaver.clear()
        self._show_wizard()

    def open_draft(self) -> None:
        if not self.may_discard():
            return
        folder = self.session.path.parent if self.session and self.session.path else paths.drafts_dir()
        path = self.prompter.open_path(self, folder)
        if path is not None:
            self.open_path(path, asked=True)

    def open_path(self, path: Path, asked: bool = False) -> bool:
        """Open a draft file. A file that cannot be read gets a dialog and is left as it is; True when
        the draft at `path` is open at the end (perhaps an earlier version of it, put back from there)."""
        from app.drafts import DraftError, WrongPassphrase, draft_problems

        path = Path(path).absolute()  # `python main.py draft.json` names it relative to the start folder
        if not asked and not self.may_discard():
            return False
        session = self.ensure_session()
        if session is None:
            return False
        try:
            opened = self._load_asking(path, path.name, wrong_raises=True)
            if opened is None:
                return False  # the person cancelled the passphrase
            draft, passphrase = opened
            errors, warnings = draft_problems(draft, session.pack)
            if errors:
                raise DraftError(f"{path}: {errors[0]}")
        except DraftError as error:
            # Cancelled after a wrong passphrase: the person has just been told. Only if versions are
            # kept is there more to say, since the file may have been damaged and a version may open.
            return self._say_cannot_open(path, error, only_with_versions=isinstance(error, WrongPassphrase))
        session.passphrase = passphrase
        session.replace(draft, path)
        self.autosaver.clear()
        draft_files.remember_recent(path)
        if warnings:
            self.statusBar().showMessage(TEXT["draft_warnings"].format(warnings="; ".join(warnings)))
        self._show_wizard()
        return True

    def _say_cannot_open(self, path: Path, error, only_with_versions: bool = False) -> bool:
        """The open failed: say why, and offer the versions kept from earlier saves when there are
        some (a draft damaged on disk is then one choice away from its last good version). True when
        one was put back and opened. With `only_with_versions`, nothing is said when none are kept."""
        from app.backups import list_backups

        text = TEXT["unreadable_text"].format(reason=error)
        backups = list_backups(path)
        if not backups:
            if not only_with_versions:
                self.prompter.error(self, TEXT["unreadable_title"], text)
            return False
        text += "\n\n" + TEXT["unreadable_versions"].format(count=len(backups), newest=backups[0].local_time())
        if self.prompter.error(self, TEXT["unreadable_title"], text, action=TEXT["versions_button"]):
            return self._put_back_version(path)
        return False

    def save(self) -> bool:
        if self.session is None:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        suggested = self.session.path or paths.drafts_dir() / f"{TEXT['untitled']}.json"
        path = self.prompter.save_path(self, suggested)
        if path is None:
            return False
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from app.drafts import DraftError, save_draft

        step = self.wizard.current_step
        try:
            save_draft(self.session.draft, path, passphrase=self.session.passphrase)
        except DraftError as error:
            self.prompter.error(self, TEXT["save_failed_title"], TEXT["save_failed_text"].format(reason=error))
            return False
        self.session.mark_saved(path)
        self.autosaver.clear()
        draft_files.remember_recent(path)
        self._remember_step(step)
        self.statusBar().showMessage(TEXT["saved"].format(path=path), 5000)
        return True

    def _load_asking(self, path: Path, name: str, wrong_raises: bool = False):
        """(draft, passphrase) read from `path`, asking for the passphrase of a protected one until it
        is right; None when the person cancels (with `wrong_raises`, WrongPassphrase when they cancel
        after a wrong one). Other problems raise DraftError; the file is never changed."""
        from app.drafts import PassphraseRequired, WrongPassphrase, load_draft

        passphrase, retry, wrong = None, False, None
        while True:
            try:
                return load_draft(path, passphrase), passphrase
            except WrongPassphrase as error:
                retry, wrong = True, error
            except PassphraseRequired:
                pass
            passphrase = self.prompter.ask_passphrase(self, name, retry)
            if passphrase is None:
                if wrong is not None and wrong_raises:
                    raise wrong
                return None
            if not passphrase:
                passphrase, retry = None, True  # an empty answer is a wrong one, not a reason to stop

    def change_passphrase(self) -> None:
        """Set, change or remove the passphrase: the saved file (and its backups) follow at once."""
        from app.drafts import DraftError, change_protection

        session = self.session
        if session is None:
            return
        new = self.prompter.ask_new_passphrase(self, protected=session.passphrase is not None)
        if new is None:
            return
        new = new or None
        if session.path is not None and session.path.exists():
            try:
                change_protection(session.path, session.passphrase, new)
            except DraftError as error:
                self.prompter.error(self, TEXT["protect_failed_title"], str(error))
                return
        session.passphrase = new
        self.autosaver.write_now()  # unsaved work already autosaved is rewritten the new way
        self.statusBar().showMessage(TEXT["protected_now" if new else "unprotected_now"], 5000)

    def restore_autosave(self) -> None:
        from app.drafts import DraftError

        pending = draft_files.pending_recovery()
        if pending is None or not self.may_discard():
            return
        session = self.ensure_session()
        if session is None:
            return
        try:
            opened = self._load_asking(draft_files.recovered_file(), TEXT["recovered_name"])
        except DraftError as error:
            self.prompter.error(self, TEXT["unreadable_title"], TEXT["unreadable_text"].format(reason=error))
            return
        if opened is None:
            return  # kept: it can be restored later with its passphrase
        draft, session.passphrase = opened
        session.replace(draft, pending[1], dirty=True)
        self.autosaver.write_now()  # the restored work is this session's autosave from now on
        draft_files.discard_recovery()
        self._refresh_start()
        self._show_wizard()

    def restore_version(self) -> None:
        """Put an earlier saved version of the open draft back (app/backups.py), then reopen it."""
        session = self.session
        if session is None or session.path is None:
            self.prompter.info(self, TEXT["versions_title"], TEXT["versions_unsaved"])
            return
        if not self.may_discard():  # first: saving now adds a version and may prune the one chosen
            return
        self._put_back_version(session.path)

    def _put_back_version(self, path: Path) -> bool:
        """Ask which kept version of the draft at `path` to put back, put it back and open it; True
        when that version is open."""
        from app.backups import list_backups, restore_backup
        from app.drafts import DraftError

        name = path.name
        backups = list_backups(path)
        if not backups:
            self.prompter.info(self, TEXT["versions_title"], TEXT["versions_none"].format(name=name))
            return False
        rows = [TEXT["versions_row"].format(saved=b.local_time(), size=b.size) for b in backups]
        index = self.prompter.choose_version(self, name, rows)
        if index is None:
            return False
        try:
            restore_backup(path, backups[index])
        except DraftError as error:
            self.prompter.error(self, TEXT["versions_failed_title"], str(error))
            return False
        # Said before opening: the file on disk is that version now, whatever the opening meets.
        self.statusBar().showMessage(TEXT["versions_restored"].format(saved=backups[index].local_time()), 5000)
        return self.open_path(path, asked=True)

    def _discard_recovery(self) -> None:
        draft_files.discard_recovery()
        self._refresh_start()

    def may_discard(self) -> bool:
        """True when no unsaved work would be lost (after asking, and saving if asked to)."""
        if self.session is None or not self.session.dirty:
            return True
        choice = self.prompter.ask_save_changes(self, self.session.display_name or TEXT["untitled"])
        if choice is Choice.SAVE:
            return self.save()
        # Discarding changes nothing yet: the work stays unsaved, and autosaved, until another draft
        # has really taken its place (an Open may still fail or be cancelled).
        return choice is Choice.DISCARD

    # --- window ---
    def current_page(self):
        """The page on screen: the start page, or the wizard's current section or review."""
        if self.stack.currentWidget() is self.start or self.wizard is None:
            return self.start
        return self.wizard.stack.currentWidget()

    def _update_title(self, *_ignored) -> None:
        name = (self.session.display_name if self.session else "") or TEXT["untitled"]
        self.setWindowTitle(TEXT["window_title"].format(name=name, dirty="[*]"))
        self.setWindowModified(bool(self.session and self.session.dirty))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.may_discard():
            event.ignore()
            return
        self.autosaver.clear()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        event.accept()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self.wizard is not None:
            self.wizard.refresh_palette()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint and watched is self.start.viewport() and not self._was_shown:
            # The start page is on screen: now the deferred work (pack, pages) may run.
            self._was_shown = True
            QTimer.singleShot(0, self.first_shown.emit)
        return False
