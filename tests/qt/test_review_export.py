"""The review page's export: run off the UI thread, reported back, and honest when unavailable."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.qt import review_page
from app.qt.steps import REVIEW
from app.qt.texts import TEXT
from tests.qt.conftest import answer, export_from_review


def test_export_runs_off_the_ui_thread_and_reports_success(qtbot, window, prompter, tmp_path, monkeypatch):
    seen = {}

    def export_dossier(draft, pack, out_path, **_options):
        seen["thread"] = threading.current_thread()
        seen["offering"] = draft.answers["system.offering"].value
        out_path.write_bytes(b"%PDF-1.4 test")

    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: export_dossier)
    answer(qtbot, window, "system.offering", "model")
    finished = export_from_review(qtbot, window, prompter, tmp_path / "dossier.pdf", timeout=10000)
    assert finished[0] is True
    page = window.wizard.review
    assert seen["thread"] is not threading.main_thread() and seen["offering"] == "model"
    assert (tmp_path / "dossier.pdf").exists()
    assert page.export_button.isEnabled() and not page.progress.isVisible()
    assert str(tmp_path / "dossier.pdf") in page.export_status.text()


def test_a_failed_export_says_why(qtbot, window, prompter, tmp_path, monkeypatch):
    def export_dossier(draft, pack, out_path, **_options):
        raise OSError("the disk is full")

    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: export_dossier)
    window.wizard.go_to(REVIEW)
    prompter.save_answer = tmp_path / "dossier.pdf"
    with qtbot.waitSignal(window.wizard.review.export_finished, timeout=10000):
        window.wizard.review.export()
    assert "the disk is full" in prompter.errors[-1][1]


def test_without_the_dossier_module_the_button_says_export_is_unavailable(qtbot, window, prompter, monkeypatch):
    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: None)
    window.wizard.go_to(REVIEW)
    qtbot.mouseClick(window.wizard.review.export_button, Qt.MouseButton.LeftButton)
    assert prompter.infos and "not available" in prompter.infos[-1][0]


def test_the_export_button_writes_a_real_dossier_with_the_draft_inside(qtbot, window, prompter, tmp_path):
    import json

    from pypdf import PdfReader

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"
    assert window.open_path(example)
    finished = export_from_review(qtbot, window, prompter, tmp_path / "dossier.pdf")
    assert finished == [True, str(tmp_path / "dossier.pdf")], prompter.errors
    reader = PdfReader(tmp_path / "dossier.pdf")
    assert len(reader.pages) > 3
    assert "TalentLens" in reader.pages[0].extract_text()
    attached = [json.loads(data) for datas in reader.attachments.values() for data in datas]
    assert [a["answers"]["annex3.employment"]["value"] for a in attached] == [["recruitment"]]


def _links(label) -> list[str]:
    import re

    return re.findall(r'href="q:([^"]+)"', label.text())


def test_the_review_page_states_completeness_and_links_each_missing_answer(qtbot, window):
    answer(qtbot, window, "system.offering", "model")
    window.wizard.go_to(REVIEW)
    page, session = window.wizard.review, window.session
    missing = [q for q in session.evaluation.visible_questions if q in session.missing]
    assert missing and _links(page.completeness_label) == missing
    assert (page.completeness.given, page.completeness.required - page.completeness.given) == (
        page.completeness.required - len(missing), len(missing))
    with qtbot.waitSignal(page.edit_requested) as asked:  # a link goes to the question
        page.completeness_label.linkActivated.emit(f"q:{missing[0]}")
    assert asked.args == [missing[0]]


def test_exporting_an_incomplete_draft_asks_first_and_a_no_writes_nothing(qtbot, window, prompter, tmp_path, monkeypatch):
    written = []
    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: lambda d, p, out, **_options: written.append(out))
    window.wizard.go_to(REVIEW)
    prompter.save_answer = tmp_path / "dossier.pdf"
    prompter.confirm_answer = False
    qtbot.mouseClick(window.wizard.review.export_button, Qt.MouseButton.LeftButton)
    assert len(prompter.confirms) == 1 and prompter.suggested is None and written == []
    assert window.wizard.review.job is None


def test_a_complete_draft_exports_without_asking(qtbot, window, prompter, tmp_path, monkeypatch):
    monkeypatch.setattr(review_page, "find_exporter",
                        lambda *chosen: lambda d, p, out, **_options: out.write_bytes(b"%PDF"))
    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "customer_chatbot.json"
    assert window.open_path(example)
    window.wizard.go_to(REVIEW)
    assert window.wizard.review.completeness.complete and _links(window.wizard.review.completeness_label) == []
    export_from_review(qtbot, window, prompter, tmp_path / "dossier.pdf", timeout=10000)
    assert prompter.confirms == []


def test_a_dossier_made_in_the_wizard_is_named_after_the_system_and_names_both_on_its_cover(qtbot, window, prompter, tmp_path):
    from pypdf import PdfReader

    from app.results import names
    from app.qt.texts import TEXT

    pack = window.session.pack
    answer(qtbot, window, pack.applicant_name_question, "Acme Robotics SA")
    answer(qtbot, window, pack.system_name_question, "Sorter 3000: parcels/letters")
    finished = export_from_review(qtbot, window, prompter, tmp_path / "out.pdf")
    assert finished[0] is True, prompter.errors
    assert len(prompter.confirms) == 1  # a new draft misses most required answers
    stem = names.file_stem(TEXT["export_name"].format(name="Sorter 3000: parcels/letters"))
    assert prompter.suggested.name == f"{stem}.pdf" and "/" not in stem and ":" not in stem
    cover = " ".join(PdfReader(tmp_path / "out.pdf").pages[0].extract_text().split())
    assert "Acme Robotics SA" in cover and "Sorter 3000: parcels/letters" in cover


def test_garbage_is_collected_on_the_gui_thread_before_an_export_and_not_during_it(qtbot, window, prompter,
                                                                                  tmp_path, monkeypatch):
    """Python collects cyclic garbage in whichever thread is allocating when a collection is due: in
    the export's thread, a widget in a cycle would be deleted off the GUI thread and crash. So the
    page collects before the export starts and holds the collector until it is over."""
    import gc

    seen = []

    def export_dossier(draft, pack, out_path, **_options):
        seen.append(gc.isenabled())
        out_path.write_bytes(b"%PDF-1.4 test")

    monkeypatch.setattr(review_page, "find_exporter", lambda *chosen: export_dossier)
    prompter.save_answer = tmp_path / "dossier.pdf"
    window.wizard.go_to(REVIEW)
    full_collections = gc.get_stats()[2]["collections"]
    assert gc.isenabled()
    with qtbot.waitSignal(window.wizard.review.export_finished, timeout=10000):
        qtbot.mouseClick(window.wizard.review.export_button, Qt.MouseButton.LeftButton)
    assert seen == [False] and gc.isenabled()
    assert gc.get_stats()[2]["collections"] > full_collections  # a full collection, on this thread
def test_the_file_type_chosen_or_the_names_extension_decides_the_format(qtbot, window, prompter, tmp_path):
    """HTML chosen for a name without an extension: an HTML page, the name given .html; a name
    ending .json with the PDF type still chosen: JSON, as its name says. Both off the UI thread."""
    import json

    from app.formats.files import read_draft_data
    from app.storage.drafts import load_draft

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "customer_chatbot.json"
    assert window.open_path(example)
    page = window.wizard.review
    for name, chosen, written in (("web", 1, "web.html"), ("data.json", 0, "data.json")):
        prompter.export_filter = chosen
        finished = export_from_review(qtbot, window, prompter, tmp_path / name)
        assert finished == [True, str(tmp_path / written)], prompter.errors
        assert read_draft_data(tmp_path / written) == load_draft(example).to_json().encode("utf-8")  # as opened
        assert page.open_button.text() == TEXT["export_open"][{"web.html": "html", "data.json": "json"}[written]]
    assert [extension for _, extension in prompter.export_filters] == [".pdf", ".html", ".json"]
    assert (tmp_path / "web.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))["format"] == "sandbox-kit-dossier"
    assert not (tmp_path / "web").exists() and not (tmp_path / "data.json.pdf").exists()
