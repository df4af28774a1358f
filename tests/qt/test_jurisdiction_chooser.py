"""File > New's jurisdiction chooser (the real dialog, closed by the test once it is up): each
row whole on the screen, the pack in use ticked for good, and the rows ticked given back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QListWidget

from app.qt.prompter import Prompter

# As long as the shipped packs' rows, within the test screen's width (800 pixels): the list's own
# width, before it fitted its rows, was about 250.
ROWS = ["EU AI Act: self-assessment for an AI regulatory sandbox (law as of December 2, 2026)",
        "Utah: AI Learning Laboratory (regulatory mitigation agreements) (law as of October 31, 2026)",
        "China: generative AI services (law as of October 31, 2026)"]


def test_the_chooser_shows_each_row_whole_and_keeps_the_pack_in_use(qtbot):
    seen = {}

    def look_and_tick() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        listed = dialog.findChild(QListWidget)
        seen["room"] = listed.viewport().width()
        seen["widest"] = listed.sizeHintForColumn(0)
        seen["tips"] = [listed.item(i).toolTip() for i in range(listed.count())]
        own = listed.item(0)
        seen["own"] = (own.checkState(), bool(own.flags() & Qt.ItemFlag.ItemIsUserCheckable),
                       bool(own.flags() & Qt.ItemFlag.ItemIsEnabled))
        listed.item(2).setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    QTimer.singleShot(0, look_and_tick)
    chosen = Prompter().choose_rows(None, "Jurisdictions", "Apply under these laws.", ROWS, fixed=1)
    assert chosen == [0, 2]
    assert seen["room"] >= seen["widest"] > 400  # no row cut off
    assert seen["tips"] == ROWS
    assert seen["own"] == (Qt.CheckState.Checked, False, True)  # ticked for good, and not greyed out
