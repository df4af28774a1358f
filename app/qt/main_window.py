"""The main window: the start page, then the assessment; the File, Go and Help menus.

Opening, saving, autosave, passphrases, earlier versions, restore after a crash and the questions
asked before work could be lost are the draft session's flows (app/session/draft_session.py); the window
starts them from its menus and pages, asks their questions in dialogs (app/qt/dialog_prompts.py)
and shows the draft they leave open. The pack, pydantic and the core load only after the start page
is shown (see `preload`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app.storage import autosave_files, paths
from app.qt import draft_files
from app.qt.prompter import Prompter
from app.qt.start_page import StartPage
from app.qt.texts import TEXT


class MainWindow(QMainWindow):
    first_shown = Signal()

    def __init__(self, prompter: Prompter | None = None, parent=None, kit_path: Path | None = None):
        super().__init__(parent)
        self.prompter = prompter or Prompter()
        # The kit named on the command line: loaded with the pack, after the first paint.
        self.kit_path = kit_path
        self.settings = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.session = None
        self.wizard = None
        self._result_after_paint = False  # see open_at_start
        # Before this session autosaves anything: what is there was left by one that did not end cleanly.
        autosave_files.set_aside_crashed_autosaves()
        self.autosaver = draft_files.Autosaver(self)
        self.start = StartPage()
        self.start.new_requested.connect(self.choose_new_draft)
        self.start.open_requested.connect(self.open_draft)
        self.start.recent_chosen.connect(lambda name: self.open_path(Path(name)))
        self.start.restore_requested.connect(self._restore_offered)
        self.start.discard_requested.connect(self._discard_recovery)
        self.start.guide.prepare_requested.connect(self.show_prepare)
        self.start.guide.example_chosen.connect(lambda name: self.open_example(Path(name)))
        self.prepare_page = None
        self.start.workspace_requested.connect(self.choose_workspace)
        self.workspace_view = None
        self.start.kit_chosen.connect(lambda name: self.wear_kit_file(Path(name)))
        self.start.review_requested.connect(self.open_reviewer)
        self.reviewer = None  # the reviewer's view (app/qt/reviewer_view.py), built on first need
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.currentChanged.connect(lambda _index: self._update_undo())
        self._was_shown = False
        # The page's content spans the viewport, which then may get no paint of its own: watch both.
        self.start.viewport().installEventFilter(self)
        self.start.widget().installEventFilter(self)
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
        self.new_action = self._action(TEXT["new"], self.choose_new_draft, keys.New)
        self.open_action = self._action(TEXT["open"], self.open_draft, keys.Open)
        self.save_action = self._action(TEXT["save"], self.save, keys.Save)
        self.save_as_action = self._action(TEXT["save_as"], self.save_as, "Ctrl+Shift+S")
        self.protect_action = self._action(TEXT["protect"], self.change_passphrase)
        self.quit_action = self._action(TEXT["quit"], self.close, "Ctrl+Q")
        self.restore_action = self._action(TEXT["start_restore"], lambda: self.restore_autosave())
        self.versions_action = self._action(TEXT["versions"], self.restore_version)
        self.open_kit_action = self._action(TEXT["open_kit"], self.open_kit)
        self.kit_aside_action = self._action(TEXT["kit_aside"], lambda: self.wear_kit(None))
        self.add_jurisdiction_action = self._action(TEXT["add_jurisdiction"], self.add_jurisdiction)
        self.kit_aside_action.setEnabled(False)
        self.back_action = self._action(TEXT["back"], lambda: self.wizard and (self._to_wizard(), self.wizard.back()), "Alt+Left")
        self.next_action = self._action(TEXT["next"], lambda: self.wizard and (self._to_wizard(), self.wizard.next()), "Alt+Right")
        self.reviewer_action = self._action(TEXT["reviewer.menu"], self.open_reviewer)
        self.review_action = self._action(TEXT["go_review"], self._go_review)
        self.export_action = self._action(TEXT["export_menu"], self.export, "Ctrl+E")
        self.feedback_action = self._action(TEXT["feedback.menu"], lambda: self.open_feedback())
        self.next_missing_action = self._action(TEXT["next_missing"], self.next_missing, "F8")
        self.start_action = self._action(TEXT["go_start"], self.show_start, "Ctrl+Shift+H")
        self.undo_action = self._action(TEXT["workspace_undo_nothing"], self.undo, keys.Undo)
        self.language_action = self._action(TEXT["language_menu"], self.choose_language)
        file_menu = self.menuBar().addMenu(TEXT["menu_file"])
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(TEXT["recent"])
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.save_action, self.save_as_action, self.protect_action, self.restore_action,
                               self.versions_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.feedback_action])
        file_menu.addSeparator()
        file_menu.addActions([self.open_kit_action, self.kit_aside_action])
        file_menu.addSeparator()
        file_menu.addAction(self.reviewer_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(TEXT["menu_edit"])
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.add_jurisdiction_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.language_action)
        go_menu = self.menuBar().addMenu(TEXT["menu_go"])
        go_menu.addActions([self.back_action, self.next_action, self.next_missing_action, self.review_action,
                            self.start_action])
        from app.qt.help_menu import add_help_menu

        self.help_actions = add_help_menu(self)
        self._enable_draft_actions(False)
        self._update_undo()

    def _enable_draft_actions(self, enabled: bool) -> None:
        for action in (self.save_action, self.save_as_action, self.protect_action, self.versions_action,
                       self.back_action, self.next_action, self.review_action, self.export_action,
                       self.next_missing_action, self.feedback_action, self.add_jurisdiction_action):
            action.setEnabled(enabled)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = draft_files.recent_drafts()
        if not recent:
            self.recent_menu.addAction(TEXT["recent_empty"]).setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(str(path)).triggered.connect(lambda _=False, p=path: self.open_path(p))

    def _refresh_start(self) -> None:
        from app.qt.dialog_prompts import recovery_row

        self.recoveries = autosave_files.recoveries()
        self.start.offer_restore([recovery_row(recovery) for recovery in self.recoveries])
        self.restore_action.setEnabled(bool(self.recoveries))
        self.start.show_recent(draft_files.recent_drafts())

    # --- the session, built on first need ---
    def preload(self) -> None:
        """Read the pack and build the pages while the start page is on screen; then open the
        workspace chosen last time, if any."""
        from PySide6.QtWidgets import QApplication

        from app.qt.fonts import load_bundled_fonts
        from app.qt.outlines import install_outlines

        load_bundled_fonts()
        install_outlines(QApplication.instance())  # visible outlines of fields, boxes and buttons
        self.ensure_session()
        self._refresh_kits()
        remembered = self.settings.value("workspace/folder")
        if remembered and self.workspace_view is None and Path(str(remembered)).is_dir():
            self.open_workspace(Path(str(remembered)))

    def ensure_session(self):
        """The session over the pack and the wizard's view of it, built once; None (after saying
        why) if the pack is broken."""
        session = self._ensure_session()
        if session is not None and self.wizard is None:
            from app.qt.fonts import load_bundled_fonts

            load_bundled_fonts()
            self._build_wizard()
        return session

    def _ensure_session(self):
        """The session over the pack, without the view: a draft opened before the view is built is
        the first the view shows (no page is built, and nothing classified, for an empty one first)."""
        if self.session is None:
            from app.qt.dialog_prompts import DialogPrompts
            from app.qt.session import Session
            from forms.layer import PackError
            from forms.loader import default_pack

            try:
                pack = default_pack()
            except PackError as error:
                self.prompter.error(self, TEXT["pack_error_title"], TEXT["pack_error"].format(reason=error))
                return None
            kit = self._load_kit(self.kit_path) if self.kit_path is not None else None
            self.kit_path = None
            self.session = Session(pack, parent=self, prompts=DialogPrompts(self, self.prompter), kit=kit,
                                   find_kit=_kit_kept)
            self.session.dirty_changed.connect(self._update_title)
            self.session.path_changed.connect(self._update_title)
            self.session.drafts.saved.connect(self._on_saved)
            self.session.kit_changed.connect(self._on_kit_changed)
            self.session.jurisdictions_changed.connect(self._on_jurisdictions_changed)
            self.autosaver.follow(self.session)
            self._wear_branding()
            self._show_estimate()
        return self.session

    def _build_wizard(self) -> None:
        """The assessment's views, built from the pack in use (again when a kit changes it)."""
        from app.qt.wizard_view import WizardView

        old = self.wizard
        self.wizard = WizardView(self.session, self.prompter, result_after_paint=self._result_after_paint)
        self.wizard.step_changed.connect(self._remember_step)
        self.stack.addWidget(self.wizard)
        if old is not None:
            if self.stack.currentWidget() is old:
                self.stack.setCurrentWidget(self.wizard)
            self.stack.removeWidget(old)
            # Deleted now, not later: its pages listen to the session, and the next change (the new
            # draft that follows a kit) would reach them with a pack they were not built from.
            # Nothing of the old wizard is running: kits change from the menus and the start page.
            from shiboken6 import delete

            delete(old)

    # --- authority kits ---
    def _load_kit(self, path: Path):
        """The kit at `path`, kept among the kits seen; None (after saying why) when it is refused."""
        from app.kits.errors import KitError
        from app.kits.kit import load_kit
        from app.kits.shelf import remember
        from app.qt.fonts import load_bundled_fonts

        load_bundled_fonts()
        try:
            kit = load_kit(path)
            remember(kit)
        except KitError as error:
            self.prompter.error(self, TEXT["kit_error_title"], TEXT["kit_error"].format(reason=error))
            return None
        return kit

    def open_kit(self) -> None:
        path = self.prompter.open_kit_path(self, Path.home())
        if path is not None:
            self.wear_kit_file(path)

    def wear_kit_file(self, path: Path) -> bool:
        """Open the kit at `path` and wear it (its welcome on the start page, a new draft with it)."""
        if not self.may_discard() or self._ensure_session() is None:
            return False
        kit = self._load_kit(Path(path))
        if kit is None:
            return False
        self.wear_kit(kit, asked=True)
        return True

    def wear_kit(self, kit, asked: bool = False) -> None:
        """Wear `kit` (None: set it aside): the draft open is replaced by a new one made with it,
        after asking about unsaved work, and the start page shows the kit's welcome."""
        if (not asked and not self.may_discard()) or self._ensure_session() is None:
            return
        self.session.drafts.wear(kit)
        self.session.drafts.new()
        self.stack.setCurrentWidget(self.start)
        self._enable_draft_actions(False)
        self._refresh_kits()

    def _on_kit_changed(self, _kit) -> None:
        if self.wizard is not None:  # else built from the new pack when first needed
            self._build_wizard()
        self._wear_branding()
        self._show_estimate()

    def _on_jurisdictions_changed(self, _jurisdictions) -> None:
        if self.wizard is not None:  # the questionnaire asked changed: its pages are built again
            step = self.wizard.current_step
            self._build_wizard()
            if step:
                self.wizard.go_to(step)
        self._show_estimate()

    def _show_estimate(self) -> None:
        """The start page's time estimate, from the pack in use (a kit's questions count too)."""
        from forms.estimate import time_estimate

        self.start.guide.show_estimate(time_estimate(self.session.pack))

    def _wear_branding(self) -> None:
        """The start page, the window's title and icon in the kit's colours and words, or the application's own."""
        import datetime as dt

        from PySide6.QtGui import QIcon

        kit = self.session.kit if self.session is not None else None
        icon = None
        if kit is not None:  # the kits' views (and their code) load only when a kit is worn
            from app.qt.kit_views import KitWelcome, window_icon

            self.start.show_kit(KitWelcome(kit, dt.date.today()))
            icon = window_icon(kit)
        else:
            self.start.show_kit(None)
        self.setWindowIcon(icon or QIcon(str(paths.resource("icons", "app.svg"))))
        self.kit_aside_action.setEnabled(kit is not None)
        self._update_title()

    def _refresh_kits(self) -> None:
        from app.kits.shelf import shelved

        worn = self.session.kit.made.hash if self.session is not None and self.session.kit else None
        self.start.show_kits([(TEXT["kit_row"].format(authority=k.manifest.authority.name, sandbox=k.manifest.sandbox.name,
                                                      version=k.manifest.version), str(k.path))
                              for k in shelved() if k.hash != worn])
        if self.workspace_view is not None:  # a kit seen just now reads the drafts made with it
            self.workspace_view.refresh_soon()

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

        self._to_wizard()
        self.wizard.go_to(REVIEW)

    def export(self) -> None:
        """Export the dossier of the draft open from the review page, where its progress and result
        show (from the start page too, the draft staying open behind it)."""
        if self.wizard is not None and self.export_action.isEnabled():
            self.session.flush_typing()
            self._go_review()
            self.wizard.review.export()

    def choose_language(self) -> None:
        """Edit > Language...: kept in the settings, applied at the next start (app/qt/language_choice.py)."""
        from app.qt.language_choice import choose_language

        choose_language(self, self.prompter, self.settings)

    def open_feedback(self, path: Path | None = None) -> bool:
        """Take a reviewer's feedback file into the draft open, then show the review page, where
        the comments still open are listed (each also shows at its question)."""
        if self.wizard is None or self.session is None or not self.feedback_action.isEnabled():
            return False
        if path is None:
            folder = self.session.path.parent if self.session.path else paths.drafts_dir()
            path = self.prompter.open_feedback_path(self, folder)
            if path is None:
                return False
        from app.storage.feedback import FeedbackError

        try:
            feedback = self.session.drafts.take_feedback(Path(path))
        except FeedbackError as error:
            self.prompter.error(self, TEXT["feedback.error_title"], str(error))
            return False
        self._go_review()
        from catalogue import ntr

        self.statusBar().showMessage(ntr("qt.feedback.taken", len(feedback.open_comments())))
        return True

    def next_missing(self) -> None:
        if self.wizard is None or not self.next_missing_action.isEnabled():
            return
        self._to_wizard()
        if self.wizard.go_to_next_missing() is None:
            self.statusBar().showMessage(TEXT["no_missing"])

    def show_prepare(self) -> None:
        """The "what to prepare" page, from the pack's list, reached from the start page."""
        session = self.ensure_session()
        if session is None:
            return
        if self.prepare_page is None:
            from app.qt.start_guide import PreparePage
            from forms.estimate import time_estimate

            self.prepare_page = PreparePage(session.pack, time_estimate(session.pack))
            self.prepare_page.back_requested.connect(lambda: self.stack.setCurrentWidget(self._before_prepare))
            self.prepare_page.new_requested.connect(self.choose_new_draft)
            self.stack.addWidget(self.prepare_page)
        if self.stack.currentWidget() is not self.prepare_page:
            self._before_prepare = self.stack.currentWidget()  # Back returns there (start page or draft)
        self.stack.setCurrentWidget(self.prepare_page)
        self.prepare_page.back_button.setFocus()

    def open_example(self, path: Path) -> bool:
        """Open an example draft as a new, unsaved draft: saving asks where, never over the example."""
        if not self.may_discard():
            return False
        session = self.ensure_session()
        if session is None or not session.drafts.open_copy(path).opened:
            return False
        self.settings.remove("last_section/new")
        self._show_wizard()
        return True

    def _to_wizard(self) -> None:
        """Back to the draft open, from the start page."""
        if self.wizard is not None and self.stack.currentWidget() is not self.wizard:
            self.stack.setCurrentWidget(self.wizard)

    def show_start(self) -> None:
        """The start page (and its workspace), the draft staying open behind it."""
        self.stack.setCurrentWidget(self.start)
        if self.workspace_view is not None:
            self.workspace_view.refresh_soon()

    # --- the workspace ---
    def choose_workspace(self) -> None:
        remembered = self.settings.value("workspace/folder")
        folder = self.prompter.choose_folder(self, Path(str(remembered)) if remembered else Path.home())
        if folder is not None:
            self.open_workspace(folder)

    def open_workspace(self, folder: Path) -> None:
        """Show the workspace `folder` on the start page, and remember it for the next start."""
        from app.qt.dialog_prompts import DialogPrompts
        from app.qt.workspace_view import WorkspaceView
        from app.workspace.packs import Packs
        from app.workspace.workspace_session import WorkspaceSession

        if self.workspace_view is not None:
            self.workspace_view.shut()
        # The pack as installed, never a kit's: the workspace reads each draft with its own kit.
        loaded = [self.session.drafts.base] if self.session is not None else []
        session = WorkspaceSession(Path(folder), Packs(loaded=loaded))
        view = WorkspaceView(session, self.prompter, DialogPrompts(self, self.prompter))
        view.open_requested.connect(lambda path: self.open_path(Path(path)))
        view.change_folder_requested.connect(self.choose_workspace)
        view.history_changed.connect(self._update_undo)
        view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.workspace_view = view
        self.start.show_workspace(view)
        self.settings.setValue("workspace/folder", str(session.folder))
        self._update_undo()

    def undo(self) -> None:
        if self.workspace_view is not None and self.stack.currentWidget() is self.start:
            self.workspace_view.actions.undo()

    def _update_undo(self) -> None:
        last = self.workspace_view.session.history.last if self.workspace_view is not None else None
        on_start = self.stack.currentWidget() is self.start
        self.undo_action.setEnabled(last is not None and on_start)
        self.undo_action.setText(TEXT["workspace_undo"][last.action.value].format(name=last.name) if last
                                 else TEXT["workspace_undo_nothing"])
    # --- the reviewer's side ---
    def open_reviewer(self) -> None:
        """Show the reviewer's view in place of the page on screen, which its Back button brings
        back, with the dossiers reviewed last."""
        self._show_reviewer()
        self.reviewer.resume()

    def review_dossier(self, path: Path) -> None:
        """Show the reviewer's view reviewing the dossier (or folder of them) at `path`."""
        self._show_reviewer()
        self.reviewer.review(Path(path))

    def _show_reviewer(self) -> None:
        from app.qt.reviewer_view import ReviewerView

        if self.reviewer is None:
            self.reviewer = ReviewerView(self.prompter, self.settings)
            self.reviewer.closed.connect(self._close_reviewer)
            self.stack.addWidget(self.reviewer)
        if self.stack.currentWidget() is not self.reviewer:
            self._before_reviewer = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.reviewer)
        self._enable_draft_actions(False)

    def _close_reviewer(self) -> None:
        self.stack.setCurrentWidget(self._before_reviewer)
        self._enable_draft_actions(self._before_reviewer is self.wizard)

    # --- drafts: the session's flows ---
    def choose_new_draft(self) -> None:
        """A new draft for the jurisdictions the person ticks (the pack in use always among them)."""
        if not self.may_discard():
            return
        session = self.ensure_session()
        if session is None:
            return
        others = self._choose_jurisdictions(session)
        if others is not None:
            self.new_draft(others, asked=True)

    def new_draft(self, others: list[str] | tuple[str, ...] = (), asked: bool = False) -> None:
        """A new draft for the pack in use and the jurisdictions of the packs named in `others`;
        `asked`: the person has let go of unsaved work already."""
        if not asked and not self.may_discard():
            return
        session = self.ensure_session()
        if session is None:
            return
        self.settings.remove("last_section/new")
        session.drafts.new(others)
        self._show_wizard()

    def _choose_jurisdictions(self, session) -> list[str] | None:
        """The other jurisdictions a new draft targets, ticked beside the pack in use (always
        asked); None when the person cancels. Without other packs nothing is asked."""
        from app.session.targets import available_jurisdictions

        own = session.own_pack.id
        others = [info for info in available_jurisdictions() if info.id != own]
        if not others:
            return []
        rows = [_jurisdiction_row(session.own_pack.title, session.own_pack.law_current_to)]
        rows += [_jurisdiction_row(info.title, info.law_current_to) for info in others]
        chosen = self.prompter.choose_rows(self, TEXT["jurisdictions_title"], TEXT["jurisdictions_label"], rows, fixed=1)
        return None if chosen is None else [others[i - 1].id for i in chosen if i > 0]

    def add_jurisdiction(self) -> None:
        """Target one more jurisdiction with the draft open: its questions join the wizard's."""
        from app.session.targets import available_jurisdictions

        session = self.ensure_session()
        if session is None:
            return
        targeted = set(session.draft.jurisdictions) | {session.own_pack.id}
        others = [info for info in available_jurisdictions() if info.id not in targeted]
        if not others:
            self.prompter.info(self, TEXT["jurisdictions_title"], TEXT["all_jurisdictions"])
            return
        rows = [_jurisdiction_row(info.title, info.law_current_to) for info in others]
        chosen = self.prompter.choose_item(self, TEXT["jurisdictions_title"], TEXT["add_jurisdiction_label"], rows)
        if chosen is not None:
            session.drafts.add_jurisdiction(others[chosen].id)

    def open_draft(self) -> None:
        if not self.may_discard():
            return
        folder = self.session.path.parent if self.session and self.session.path else paths.drafts_dir()
        path = self.prompter.open_path(self, folder)
        if path is not None:
            self.open_path(path, asked=True)

    def open_file(self, path: Path) -> bool:
        """Open what the file at `path` is, as a double-click asks (app/formats/opening.py tells): a
        draft, an authority kit to wear, or a dossier to review. True when it was opened."""
        from app.formats.opening import Opened, kind_of

        kind = kind_of(Path(path))
        if kind is Opened.KIT:
            return self.wear_kit_file(Path(path).absolute())
        if kind is Opened.DOSSIER:
            self.review_dossier(Path(path))
            return True
        return self.open_path(path)

    def open_path(self, path: Path, asked: bool = False) -> bool:
        """Open a draft file. A file that cannot be read gets a dialog and is left as it is; True when
        the draft at `path` is open at the end (perhaps an earlier version of it, put back from there)."""
        path = Path(path).absolute()  # `python main.py draft.json` names it relative to the start folder
        if not asked and not self.may_discard():
            return False
        session = self._ensure_session()
        return session is not None and self._show_opened(session.drafts.open(path))

    def open_at_start(self, path: Path) -> bool:
        """Open the file named on the command line (as `open_file`). A draft's question page is painted
        first and the result panel filled right after: the panel costs more to lay out than the page."""
        self._result_after_paint = True
        try:
            return self.open_file(path)
        finally:
            self._result_after_paint = False

    def _show_opened(self, result) -> bool:
        if not result.opened:
            return False
        from app.storage.drafts import KitChange, PackChange

        draft_files.remember_recent(result.path)
        self.ensure_session()  # the view, built now for the draft opened
        warnings = list(result.warnings)
        if result.pack_change is PackChange.CONTENT:
            made = self.session.draft.lock.pack
            warnings.insert(0, TEXT["pack_changed"].format(pack=made.id, version=made.version))
        recorded = result.kit_recorded
        kit_warning = {KitChange.MISSING: "kit_missing", KitChange.CHANGED: "kit_changed",
                       KitChange.OTHER: "kit_other"}.get(result.kit_change)
        if kit_warning and recorded is not None:
            warnings.insert(0, TEXT[kit_warning].format(kit=recorded.id, version=recorded.version))
        if warnings:
            self.statusBar().showMessage(TEXT["draft_warnings"].format(warnings="; ".join(warnings)))
        self._show_wizard()
        return True

    def save(self) -> bool:
        return self._flushed() and self.session.drafts.save()

    def save_as(self) -> bool:
        return self._flushed() and self.session.drafts.save_as()

    def _flushed(self) -> bool:
        """True when a session is open; what was just typed is told to the views first (the draft
        holds every keystroke already)."""
        if self.session is None:
            return False
        self.session.flush_typing()
        return True

    def _on_saved(self, path: Path) -> None:
        draft_files.remember_recent(path)
        if self.wizard is not None:
            self._remember_step(self.wizard.current_step)

    def change_passphrase(self) -> None:
        """Set, change or remove the passphrase: the saved file (and its backups) follow at once."""
        if self.session is not None:
            self.session.drafts.change_passphrase()

    def restore_autosave(self, recovery=None) -> None:
        """Restore unsaved work a crash left (which one is asked when there are several)."""
        if not self.recoveries:
            return
        session = self.ensure_session()
        if session is not None and session.drafts.restore_recovery(recovery):
            self._refresh_start()
            self._show_wizard()

    def _restore_offered(self, index: int) -> None:
        self.restore_autosave(self.recoveries[index])

    def restore_version(self) -> None:
        """Put an earlier saved version of the open draft back (app/storage/backups.py), then reopen it."""
        if self.session is not None:
            self._show_opened(self.session.drafts.restore_version())

    def _discard_recovery(self, index: int) -> None:
        autosave_files.discard_recovery(self.recoveries[index])
        self._refresh_start()

    def may_discard(self) -> bool:
        """True when no unsaved work would be lost (after asking, and saving if asked to)."""
        return self.session is None or self.session.drafts.may_discard()

    # --- window ---
    def current_page(self):
        """The page on screen: the start page (or what to prepare), or the wizard's current section
        or review."""
        if self.stack.currentWidget() is not self.wizard or self.wizard is None:
            return self.stack.currentWidget()
        return self.wizard.stack.currentWidget()

    def _update_title(self, *_ignored) -> None:
        name = (self.session.display_name if self.session else "") or TEXT["untitled"]
        kit = self.session.kit if self.session is not None else None
        if kit is None:
            self.setWindowTitle(TEXT["window_title"].format(name=name, dirty="[*]"))
        else:
            self.setWindowTitle(TEXT["window_title_kit"].format(name=name, dirty="[*]", sandbox=kit.manifest.sandbox.name,
                                                                authority=kit.manifest.authority.name))
        self.setWindowModified(bool(self.session and self.session.dirty))

    def stop_work(self) -> None:
        """Ask the work under way in the pool to stop (a folder under review stops at its next
        batch; an export finishes writing) and wait for it: called when the event loop has ended,
        before Python tears down the objects that work reports to."""
        if self.reviewer is not None:
            self.reviewer.cancel()
        QThreadPool.globalInstance().waitForDone()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._flushed()
        if not self.may_discard():
            event.ignore()
            return
        self.autosaver.timer.stop()
        if self.workspace_view is not None:
            self.workspace_view.shut()
        if self.reviewer is not None:
            self.reviewer.close_register()
        if self.session is not None:
            self.session.drafts.end()
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

        if event.type() == QEvent.Type.Paint and watched in (self.start.viewport(), self.start.widget()) \
                and not self._was_shown:
            # The start page is on screen: now the deferred work (pack, pages) may run.
            self._was_shown = True
            QTimer.singleShot(0, self.first_shown.emit)
        return False


def _kit_kept(made):
    """The kit kept for what a draft records (app/kits/shelf.py), loaded; None if there is none.
    Imported here: the kits' code loads only for a draft made with a kit (start-up time)."""
    from app.kits.shelf import kit_finder

    return kit_finder()(made)


def _jurisdiction_row(title: str, law_date) -> str:
    from catalogue.formats import format_date

    return TEXT["jurisdiction_row"].format(title=title, date=format_date(law_date))
