"""The review page's export: run off the UI thread, reported back, and honest when unavailable."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.qt import review_page
from app.qt.steps import REVIEW
from tests.qt.conftest import answer


def test_export_runs_off_the_ui_thread_and_reports_success(qtbot, window, prompter, tmp_path, monkeypatch):
    seen = {}

    def export_dossier(draft, pack, out_path):
        seen["thread"] = threading.current_thread()
        seen["offering"] = draft.answers["system.offering"].value
        out_path.write_bytes(b"%PDF-1.4 test")

    monkeypatch.setattr(review_page, "find_exporter", lambda: export_dossier)
    answer(qtbot, window, "system.offering", "model")
    window.wizard.go_to(REVIEW)
    prompter.save_answer = tmp_path / "dossier.pdf"
    page = window.wizard.review
    with qtbot.waitSignal(page.export_finished, timeout=10000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] is True
    assert seen["thread"] is not threading.main_thread() and seen["offering"] == "model"
    assert (tmp_path / "dossier.pdf").exists()
    assert page.export_button.isEnabled() and not page.progress.isVisible()
    assert str(tmp_path / "dossier.pdf") in page.export_status.text()


def test_a_failed_export_says_why(qtbot, window, prompter, tmp_path, monkeypatch):
    def export_dossier(draft, pack, out_path):
        raise OSError("the disk is full")

    monkeypatch.setattr(review_page, "find_exporter", lambda: export_dossier)
    window.wizard.go_to(REVIEW)
    prompter.save_answer = tmp_path / "dossier.pdf"
    with qtbot.waitSignal(window.wizard.review.export_finished, timeout=10000):
        window.wizard.review.export()
    assert "the disk is full" in prompter.errors[-1][1]


def test_without_the_dossier_module_the_button_says_export_is_unavailable(qtbot, window, prompter, monkeypatch):
    monkeypatch.setattr(review_page, "find_exporter", lambda: None)
    window.wizard.go_to(REVIEW)
    qtbot.mouseClick(window.wizard.review.export_button, Qt.MouseButton.LeftButton)
    assert prompter.infos and "not available" in prompter.infos[-1][0]


def test_the_export_button_writes_a_real_dossier_with_the_draft_inside(qtbot, window, prompter, tmp_path):
    import json

    from pypdf import PdfReader

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"
    assert window.open_path(example)
    window.wizard.go_to(REVIEW)
    prompter.save_answer = tmp_path / "dossier.pdf"
    page = window.wizard.review
    with qtbot.waitSignal(page.export_finished, timeout=120_000) as finished:  # a loaded machine is slow
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True, str(tmp_path / "dossier.pdf")], prompter.errors
    reader = PdfReader(tmp_path / "dossier.pdf")
    assert len(reader.pages) > 3
    assert "TalentLens" in reader.pages[0].extract_text()
    attached = [json.loads(data) for datas in reader.attachments.values() for data in datas]
    assert [a["answers"]["annex3.employment"]["value"] for a in attached] == [["recruitment"]]
