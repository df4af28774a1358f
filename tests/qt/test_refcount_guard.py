"""The guard keeps a long session alive where PySide6 drops references to None and True."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Typing a long answer: hundreds of answer changes, each with many Qt calls.
SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from app.qt.refcount_guard import install
install(app)
from app.qt.main_window import MainWindow
window = MainWindow()
window.show()
window.preload()
window.new_draft()
section, question = next((s.id, q.id) for s in window.session.pack.sections for q in s.questions
                         if q.kind == "long_text" and window.session.evaluation.is_visible(q.id))
window.wizard.go_to(section)
edit = window.wizard.page(section).views[question].answer.edit
for _ in range(600):  # each keystroke worked out at once, as if typing paused after every one
    QTest.keyClicks(edit, "x")
    window.session.flush_typing()
print(len(window.session.value(question)))
window.session.drafts.dirty = False
window.close()
"""


def test_a_long_typed_answer_does_not_bring_the_application_down(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANDBOX_KIT_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "600"
