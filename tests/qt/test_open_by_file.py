"""A file double-clicked (named on the command line) or sent by macOS's open event opens as what it
is: a draft in the wizard, an authority kit worn, a dossier in the reviewer's view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from app.commands.main import main as cli
from app.qt.launch import file_open_filter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


def test_a_draft_opens_in_the_wizard(make_window, prompter):
    window = make_window()
    assert window.open_file(EXAMPLE)
    assert window.stack.currentWidget() is window.wizard and window.session.path == EXAMPLE
    assert prompter.errors == []


def test_a_kit_is_worn(make_window, prompter):
    window = make_window()
    assert window.open_file(NORDLAND)
    assert window.session.kit is not None and window.session.kit.manifest.id == "nordland.ai_sandbox"
    assert window.stack.currentWidget() is window.start and prompter.errors == []


def test_a_dossier_is_reviewed(make_window, qtbot, tmp_path):
    dossier = tmp_path / "received.json"
    assert cli(["export", str(EXAMPLE), "-o", str(dossier)]) == 0
    window = make_window()
    window.open_reviewer()  # built first, so the test can wait for its review
    qtbot.mouseClick(window.reviewer.back_button, _left())
    with qtbot.waitSignal(window.reviewer.review_finished, timeout=60_000):
        assert window.open_file(dossier)
    assert window.stack.currentWidget() is window.reviewer and window.reviewer.path == dossier
    assert window.reviewer.model.rowCount() == 1
    window.reviewer.close_register()


def test_macos_open_events_are_handed_to_the_window_s_open_file(qapp):
    opened = []
    app = QApplication.instance()
    event_filter = file_open_filter(app, opened.append)
    app.installEventFilter(event_filter)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(EXAMPLE)))
    finally:
        app.removeEventFilter(event_filter)
    assert opened == [EXAMPLE]


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
