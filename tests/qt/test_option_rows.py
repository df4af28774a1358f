"""An option whose label wraps is as tall as its text, wherever it is shown: no blank line under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.qt.answer_widgets import _ChoiceRow
from tests.qt.conftest import answer


def test_a_wrapping_option_is_no_taller_than_its_text(qtbot, window, pack):
    # Answer the first sections, so that later questions (built hidden, shown later) appear too.
    answer(qtbot, window, "system.offering", "system")
    answer(qtbot, window, "system.infers", "yes")
    answer(qtbot, window, "system.autonomy", "yes")
    rows = []
    for section in pack.sections:
        window.wizard.go_to(section.id)
        page = window.wizard.page(section.id)
        visible = [row for row in page.findChildren(_ChoiceRow) if row.isVisible()]
        if visible:
            # Laid out: no longer Qt's default 640x480 and not yet-unsized (0) either.
            qtbot.waitUntil(lambda v=visible: all(0 < r.height() and r.width() < 640 for r in v))
            rows += visible
    assert len(rows) >= 3, "the pack has options with long labels on the first pages"
    for row in rows:
        label = row.findChildren(QLabel)[0]
        needed = max(row.button.sizeHint().height(), label.heightForWidth(label.width()))
        assert label.hasHeightForWidth() and 0 < row.height() <= needed, label.text()
