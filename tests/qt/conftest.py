"""Qt test helpers: a window with a scripted prompter (no dialog ever blocks a test), and a way to
answer a question through its real widget, as a person would, and export from the review page."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.qt.prompter import Choice


class ScriptedPrompter:
    """Stands in for the dialogs; records what was asked and answers as the test scripted."""

    def __init__(self):
        self.save_choice = Choice.CANCEL
        self.open_answer: Path | None = None
        self.save_answer: Path | None = None
        self.item_answer: int | None = None
        self.asked: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.error_actions: list[str | None] = []  # the extra button each error offered, if any
        self.take_error_action = False
        self.infos: list[tuple[str, str]] = []
        self.version_choice: int | None = None
        self.versions_offered: list[str] = []
        self.recovery_choice: int | None = None
        self.recoveries_offered: list[str] = []
        self.confirm_answer = True  # "go on" to every confirmation, unless a test says otherwise
        self.confirms: list[tuple[str, str]] = []
        self.suggested: Path | None = None  # the path the last save dialog offered
        self.save_titles: list[str | None] = []  # what each save dialog said it writes
        self.opened_files: list[Path] = []  # files the application asked the system to open (none is)
        self.open_file_works = True
        self.text_answer: str | None = None  # a name typed (rename)
        self.client_answer: str | None = None  # a client chosen or typed (move to client)
        self.clients_offered: list[str] = []
        self.folder_answer: Path | None = None  # a folder chosen (the workspace)
        self.export_filter = 0  # the file type chosen in the export dialog, by its place in the list offered
        self.export_filters: list[tuple[str, str]] = []  # those the last export dialog offered
        self.kit_answer: Path | None = None
        self.attachment_answer: Path | None = None
        self.certificate_answer: Path | None = None  # the certificate file "chosen" to sign with
        self.certificate_folders: list[Path] = []  # the folder each certificate dialog opened in
        self.certificate_passphrases: list[str | None] = []  # typed in turn; None: cancel
        self.certificate_passphrases_asked: list[tuple[str, bool]] = []
        self.dossier_answer: Path | None = None  # the dossier, or folder of them, "chosen" to review
        self.feedback_answer: Path | None = None  # the reviewer's feedback file "chosen"
        self.reply_answer: str | None = None  # a reply typed to a reviewer's comment
        self.replies_asked: list[str] = []  # the comments a reply was asked to
        self.rows_answer: list[int] | None = [0]  # the jurisdictions ticked for a new draft: its own pack's
        self.rows_offered: list[str] = []

    def ask_save_changes(self, parent, name):
        self.asked.append(name)
        return self.save_choice

    def error(self, parent, title, text, action=None):
        self.errors.append((title, text))
        self.error_actions.append(action)
        return action is not None and self.take_error_action

    def info(self, parent, title, text):
        self.infos.append((title, text))

    def confirm(self, parent, title, text, action):
        self.confirms.append((title, text))
        return self.confirm_answer

    def open_path(self, parent, folder):
        return self.open_answer

    def open_kit_path(self, parent, folder):
        return self.kit_answer

    def open_attachment_path(self, parent, folder):
        return self.attachment_answer

    def choose_version(self, parent, name, rows):
        self.versions_offered = rows
        return self.version_choice

    def choose_recovery(self, parent, rows):
        self.recoveries_offered = rows
        return self.recovery_choice

    def export_path(self, parent, suggested, filters):
        self.suggested, self.export_filters = suggested, filters
        return (self.save_answer, self.export_filter) if self.save_answer else None

    def open_certificate(self, parent, folder):
        self.certificate_folders.append(folder)
        return self.certificate_answer

    def open_feedback_path(self, parent, folder):
        return self.feedback_answer

    def ask_reply(self, parent, comment):
        self.replies_asked.append(comment)
        return self.reply_answer

    def open_dossier(self, parent, folder):
        return self.dossier_answer

    def open_dossier_folder(self, parent, folder):
        return self.dossier_answer

    def ask_certificate_passphrase(self, parent, name, retry=False):
        self.certificate_passphrases_asked.append((name, retry))
        return self.certificate_passphrases.pop(0) if self.certificate_passphrases else None

    def save_path(self, parent, suggested, file_filter="", title=None):
        self.suggested = suggested
        self.save_titles.append(title)
        return self.save_answer

    def open_file(self, path):
        self.opened_files.append(path)
        return self.open_file_works

    def ask_text(self, parent, title, label, value=""):
        self.asked.append(value)
        return self.text_answer

    def choose_client(self, parent, title, label, clients):
        self.clients_offered = list(clients)
        return self.client_answer

    def choose_item(self, parent, title, label, rows, current=0):
        self.items_offered = (list(rows), current)
        return self.item_answer

    def choose_folder(self, parent, folder):
        return self.folder_answer

    def choose_rows(self, parent, title, label, rows, fixed=0):
        self.rows_offered = list(rows)
        return self.rows_answer


@pytest.fixture(scope="session", autouse=True)
def refcount_guard(qapp):
    """The same guard the application installs (see app/qt/refcount_guard.py), and the same theme
    (app/qt/theme.py), so the tests see the colours a person sees."""
    from app.qt.refcount_guard import install
    from app.qt.outlines import install_outlines
    from app.qt.theme import apply_theme

    install(qapp)
    install_outlines(qapp)
    apply_theme(qapp)


@pytest.fixture
def prompter():
    return ScriptedPrompter()


@pytest.fixture
def make_window(qtbot, prompter):
    """Makes main windows (a restart is a second window over the same data directory)."""
    from app.qt.main_window import MainWindow

    def make():
        window = MainWindow(prompter=prompter)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, qtbot):
    """A window with a new draft open at the first section."""
    window = make_window()
    qtbot.mouseClick(window.start.new_button, _left())
    assert window.wizard is not None and window.wizard.isVisible()
    return window


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def question_view(window, question_id):
    """Go to the question's section, as the step list would, and return its view."""
    window.wizard.go_to_question(question_id)
    section = window.session.evaluation.index.section_of[question_id]
    return window.wizard.page(section.id).views[question_id]


def answer(qtbot, window, question_id, value):
    """Answer through the real widgets: click options, type text."""
    from PySide6.QtCore import Qt

    view = question_view(window, question_id)
    assert view.isVisible(), f"{question_id} is hidden"
    widget = view.answer
    if hasattr(widget, "option_button"):
        chosen = value if isinstance(value, list) else [value]
        for option_id in chosen:
            button = widget.option_button(option_id)
            if not button.isChecked():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return
    widget.edit.clear()
    qtbot.keyClicks(widget.edit, str(value))


def export_from_review(qtbot, window, prompter, path: Path, timeout: int = 120_000) -> list:
    """Go to the review page, answer the save dialog with `path`, click Export and wait until the
    export is over (off the UI thread; a loaded machine is slow): the arguments of
    `export_finished`, whether it succeeded and the path written or the reason."""
    from app.qt.steps import REVIEW

    window.wizard.go_to(REVIEW)
    prompter.save_answer = path
    page = window.wizard.review
    with qtbot.waitSignal(page.export_finished, timeout=timeout) as finished:
        qtbot.mouseClick(page.export_button, _left())
    return finished.args
