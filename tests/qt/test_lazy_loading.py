"""Heavy modules load only when first needed: not at start, not while answering, only on export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.qt.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
before_pack = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "forms", "risk_tiers"))
window.preload()
window.new_draft()
from app.qt.steps import REVIEW
window.session.set_answer("system.offering", "system")
for section in window.session.pack.sections:
    window.wizard.go_to(section.id)
window.wizard.go_to(REVIEW)
heavy = sorted(m for m in sys.modules if m.startswith(("reportlab", "app.dossier", "pypdf")))
print("before_pack", before_pack)
print("heavy", heavy)
"""


def test_the_start_page_needs_no_pack_and_answering_needs_no_pdf_code(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANDBOX_KIT_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["before_pack"] == "[]"
    assert lines["heavy"] == "[]"


OPEN_NAMED = """
import sys
from app.qt.launch import run_wizard
run_wizard([sys.argv[1]])
print("kits", "app.kits.kit" in sys.modules)
print("read_yaml", "yaml" in sys.modules)
"""


def test_a_second_start_takes_the_pack_as_kept_and_reads_no_yaml(tmp_path):
    """The first start validates the pack and keeps it in the cache folder; the next opens a named
    draft from what was kept: no YAML is parsed at all (forms/cache.py)."""
    draft = ROOT / "resources" / "examples" / "cv_screening.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANDBOX_KIT_DATA_DIR=str(tmp_path),
               SANDBOX_KIT_STARTUP_PROBE="1")
    seen = []
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", OPEN_NAMED, str(draft)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert "shown" in result.stdout  # the draft's question page was painted
        seen.append(result.stdout.splitlines()[-1])
        assert "kits False" in result.stdout  # a draft made without a kit needs none of the kits' code
        assert list((tmp_path / "cache").glob("pack-*.pickle"))
    assert seen == ["read_yaml True", "read_yaml False"]


def test_a_draft_named_at_start_shows_its_questions_first_and_its_result_right_after(qtbot, make_window, pack):
    """The result panel costs more to lay out than the question page beside it: at start-up it
    fills once the window has been painted, with the same result as ever."""
    window = make_window()
    assert window.open_at_start(ROOT / "resources" / "examples" / "cv_screening.json")
    result = window.wizard.result
    assert window.current_page() is window.wizard.page(pack.sections[0].id)
    assert not result.filled and result.tier.text() == ""
    qtbot.waitUntil(lambda: result.filled)
    assert result.tier.text() == pack.tracks[0].outcome("high_risk").label
    assert "aiact.annex3.4.a" in window.session.assessment.applying_refs()


def test_the_collector_waits_for_the_first_page_then_collects_and_sets_aside_what_starting_kept(qtbot, make_window):
    """app/qt/collection.py: paused at start, it resumes once the page on screen has been painted,
    after one full collection, with what survived frozen out of later ones."""
    import gc

    from PySide6.QtWidgets import QApplication

    from app.qt import collection

    window = make_window()
    frozen = gc.get_freeze_count()
    collection.pause()
    try:
        assert window.open_at_start(ROOT / "resources" / "examples" / "cv_screening.json")
        collection.resume_after_paint(QApplication.instance(), window)
        assert not gc.isenabled()  # nothing painted yet
        window.show()
        qtbot.waitUntil(gc.isenabled)
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()
