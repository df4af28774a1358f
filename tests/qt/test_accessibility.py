"""For people using a keyboard or a screen reader: every control has a name, shortcuts work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit, QProgressBar

from app.qt.steps import REVIEW
from tests.qt.conftest import answer


def test_every_control_on_every_page_has_an_accessible_name(qtbot, window, pack):
    for step in [s.id for s in pack.sections] + [REVIEW]:
        window.wizard.go_to(step)
    controls = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QProgressBar)
    unnamed = [
        w for kind in controls for w in window.findChildren(kind)
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.parent() is not None
        and type(w).__name__ not in ("QScrollBar",)
    ]
    assert unnamed == []


def test_ctrl_o_opens_and_ctrl_n_starts_a_new_draft(qtbot, window, prompter, tmp_path):
    answer(qtbot, window, "system.offering", "model")
    prompter.save_answer = tmp_path / "first.json"
    window.save()
    prompter.open_answer = tmp_path / "first.json"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value("system.offering") is None and window.session.path is None
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value("system.offering") == "model"
    assert window.session.path == tmp_path / "first.json"
