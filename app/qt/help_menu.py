"""The Help menu: the user guide (the README's sections on the wizard and the dossier, shipped
with the application), the glossary, what to prepare, and About (the application's version and the
date of the law its questions encode).

The guide is the README's own text, so the two cannot drift apart; a language that has no guide
of its own reads the English one (as with any untranslated text), the pseudo-language an accented
copy of it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from app.qt.texts import APP_TITLE, TEXT
from app.storage import paths
from catalogue import is_pseudo, pseudo

DISTRIBUTION = "sandbox-applicant-kit"
# The README's sections a user reads (the rest is for developers and translators).
GUIDE_SECTIONS = ("The wizard", "The dossier")
_IMAGE = re.compile(r"^!\[.*\]\(.*\)\s*$")
_MARKER = re.compile(r"^(\s*(?:#+|[-*]|\d+\.|\|)?\s*)(.*)$")


def project_root() -> Path:
    """Where README.md and pyproject.toml are: the source tree, or beside `resources/` in a build."""
    return paths.resources_dir().parent


def application_version() -> str:
    """The version installed (its metadata), else the one pyproject.toml declares; "" if neither."""
    # Imported here, for About only: importlib.metadata alone costs the start a few hundredths of a second.
    import importlib.metadata
    import tomllib

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        project = tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))
        return str(project["project"]["version"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return ""


def guide_markdown(readme: Path | None = None) -> str:
    """The user guide: the README's user sections, without their pictures (not shipped)."""
    try:
        text = (readme or project_root() / "README.md").read_text(encoding="utf-8")
    except OSError:
        return ""
    kept, keep = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            keep = line[3:].strip() in GUIDE_SECTIONS
        if keep and not _IMAGE.match(line):
            kept.append(_pseudo_line(line) if is_pseudo() else line)
    return "\n".join(kept).strip()


def _pseudo_line(line: str) -> str:
    """A Markdown line in the pseudo-language: its text accented, its markers (#, -, |) kept."""
    marker, rest = _MARKER.match(line).groups()
    return marker + pseudo(rest) if rest.strip() else line


class UserGuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(TEXT["guide_title"])
        self.setModal(False)
        self.page = QTextBrowser()
        self.page.setOpenExternalLinks(False)
        self.page.setAccessibleName(TEXT["guide_title"])
        markdown = guide_markdown()
        if markdown:
            self.page.setMarkdown(markdown)
        else:
            self.page.setPlainText(TEXT["guide_missing"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        em = self.fontMetrics().horizontalAdvance("0")
        self.resize(em * 90, em * 55)


def about_text(pack) -> str:
    from catalogue.formats import format_date

    version = application_version() or TEXT["version_unknown"]
    return TEXT["about_text"].format(app=str(APP_TITLE), version=version, pack=pack.title, pack_version=pack.version,
                                     law_date=format_date(pack.law_current_to))


def add_help_menu(window) -> dict[str, QAction]:
    """The Help menu of `window` (app/qt/main_window.py), with its actions by name."""
    actions = {
        "guide": _action(window, TEXT["help_guide"], lambda: _show_guide(window),
                         QKeySequence.StandardKey.HelpContents),
        "glossary": _action(window, TEXT["help_glossary"], lambda: _show_glossary(window)),
        "prepare": _action(window, TEXT["help_prepare"], window.show_prepare),
        "about": _action(window, TEXT["help_about"], lambda: _show_about(window)),
    }
    menu = window.menuBar().addMenu(TEXT["menu_help"])
    menu.addActions([actions["guide"], actions["glossary"], actions["prepare"]])
    menu.addSeparator()
    menu.addAction(actions["about"])
    return actions


def _action(window, text: str, handler, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(handler)
    window.addAction(action)
    return action


def _show_guide(window) -> None:
    dialog = window.findChild(UserGuideDialog) or UserGuideDialog(window)
    dialog.show()
    dialog.raise_()


def _show_glossary(window) -> None:
    from app.qt.reference_view import open_reference

    session = window.ensure_session()
    if session is not None:
        open_reference(window, session.pack, shelf=session.glossary_packs())  # each targeted law's


def _show_about(window) -> None:
    session = window.ensure_session()
    if session is not None:
        window.prompter.info(window, TEXT["about_title"], about_text(session.pack))
