"""The wizard in the pseudo-language en-XA: every text of every page, menu, tooltip and accessible
name is accented, but for ids and what the applicant typed. Nothing the wizard writes escapes the
catalogue or the pack's texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import catalogue
from tests.pseudo_text import pack_ids, plain_english, typed_words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


@pytest.fixture
def pseudo_language():
    catalogue.set_language("en-XA")
    yield
    catalogue.set_language("en")


def widget_texts(window) -> list[str]:
    """Every text a person (or a screen reader) meets in the window, as plain text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        for getter in ("text", "placeholderText", "toolTip", "accessibleName", "accessibleDescription", "title"):
            value = getattr(widget, getter, None)
            if callable(value):
                value = value()
                texts.append(value if isinstance(value, str) else "")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                    value = model.data(model.index(row, 0), role)
                    texts.append(value if isinstance(value, str) else "")
    texts += [action.text() for action in window.findChildren(QAction)]
    texts += [menu.title() for menu in window.findChildren(QMenu)]
    return [re.sub(r"<[^>]*>", " ", text) for text in texts if text]


def test_every_page_of_the_wizard_is_in_the_language(pseudo_language, make_window, qtbot):
    from app.qt.steps import REVIEW

    window = make_window()
    start_texts = widget_texts(window)
    window.preload()
    assert window.open_path(EXAMPLE)
    pack = window.session.pack
    allowed = pack_ids(pack) | typed_words(EXAMPLE) | set(re.findall("[A-Za-z]+", EXAMPLE.stem))  # in the title
    seen = list(start_texts)
    for step in [s.id for s in pack.sections] + [REVIEW]:
        window.wizard.go_to(step)
        qtbot.wait(1)  # let the page lay itself out, as it is shown
        seen += widget_texts(window)
    assert len(seen) > 500
    assert {word for text in seen for word in plain_english(text, allowed)} == set()


def test_the_check_would_see_english_in_the_wizard(make_window):
    window = make_window()
    assert plain_english(" ".join(widget_texts(window)), set())


def test_what_to_prepare_the_glossary_the_guide_and_about_are_in_the_language(pseudo_language, make_window,
                                                                               prompter):
    from app.qt.help_menu import UserGuideDialog
    from app.qt.reference_view import ReferenceDialog

    window = make_window()
    window.preload()
    pack = window.session.pack
    allowed = pack_ids(pack)
    window.start.guide.examples_menu.aboutToShow.emit()
    seen = widget_texts(window)
    window.show_prepare()
    seen += widget_texts(window)
    window.help_actions["glossary"].trigger()
    glossary = window.findChild(ReferenceDialog)
    for link in ("term:dpia", "ref:gdpr.art35"):
        glossary.show_link(link)
        seen += widget_texts(glossary) + [glossary.page.toPlainText()]
    window.help_actions["guide"].trigger()
    seen.append(window.findChild(UserGuideDialog).page.toPlainText())
    window.help_actions["about"].trigger()
    seen += list(prompter.infos[-1])
    # The examples' names are what their applicants typed.
    typed = set().union(*(typed_words(path) for path in (ROOT / "resources" / "examples").glob("*.json")))
    words = {word for text in seen for word in plain_english(text, allowed | typed)}
    assert words == set()
