"""The workspace on the start page, driven as a person would: choose a folder (remembered), the
table with search, sort and filters, open with Enter or a double click, the first indexing with a
progress bar filling the table as it goes, a watch on the folder, the summary, the actions in
buttons and the context menu with Edit > Undo, the bin, and the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.qt.workspace_model import COLUMNS, SORT_ROLE, Status
from app.workspace.folder import Place
from app.workspace.portfolio import portfolio, summary_lines
from app.workspace.summary import State
from catalogue.formats import numeric_date
from tests.workspace.conftest import EXAMPLES, LAYOUT, PASSPHRASE, several_draft, undecided_draft, write_draft

TIMEOUT = 30_000


@pytest.fixture
def workspace(tmp_path) -> Path:
    folder = tmp_path / "clients"
    for example, place in LAYOUT.items():
        (folder / place).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLES / example, folder / place)
    return folder


@pytest.fixture
def opened(make_window, prompter, qtbot, workspace):
    """A window whose start page shows the workspace, chosen with its button, indexed."""
    window = make_window()
    window.preload()
    prompter.folder_answer = workspace
    qtbot.mouseClick(window.start.workspace_button, Qt.MouseButton.LeftButton)
    view = window.workspace_view
    assert view is not None
    qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == len(LAYOUT), timeout=TIMEOUT)
    return window


def _view(window):
    return window.workspace_view


def _shown(view) -> list[str]:
    return [entry.path for entry in view.filter.entries()]


def _refreshed(qtbot, view, action=None):
    """Do `action` (else refresh), then wait until the table shows every file as it is on disk,
    no refresh running or waiting (the watch may start one of its own meanwhile)."""
    from app.workspace.folder import draft_files

    if action is not None:
        action()
    else:
        view.refresh()

    def settled():
        return (not view.refresher.running and not view._soon.isActive()
                and {e.path for e in view.model.entries} == set(draft_files(view.session.folder)))
    qtbot.waitUntil(settled, timeout=TIMEOUT)


def _select(view, path):
    assert view.select(path), path


def test_the_folder_chosen_is_listed_and_opens_again_at_the_next_start(opened, make_window, qtbot, workspace):
    view = _view(opened)
    assert sorted(_shown(view)) == sorted(LAYOUT.values())
    assert view.isVisible() and not opened.start.workspace_offer.isVisible()
    again = make_window()
    again.preload()
    assert again.workspace_view is not None and again.workspace_view.session.folder == workspace.resolve()
    qtbot.waitUntil(lambda: again.workspace_view.model.rowCount() == len(LAYOUT), timeout=TIMEOUT)


def test_the_summary_counts_the_drafts_by_result(opened):
    view = _view(opened)
    assert view.summary.text() == "\n".join(summary_lines(portfolio(view.model.entries)))
    assert portfolio(view.model.entries).drafts == len(LAYOUT)


def test_search_as_you_type_and_the_filters(opened, qtbot):
    view = _view(opened)
    qtbot.keyClicks(view.search, "kredito")
    assert _shown(view) == ["Kredito/credit score.json"]
    view.search.clear()
    view.client_choice.setCurrentIndex(view.client_choice.findData("Helpdesk Oy"))
    assert _shown(view) == ["Aino/chatbot.json"]
    view.client_choice.setCurrentIndex(0)
    high = next(e.summary.tier_label for e in view.model.entries if e.summary.tier == "high_risk")
    view.tier_choice.setCurrentIndex(view.tier_choice.findData(high))
    assert sorted(_shown(view)) == ["Kredito/credit score.json", "TalentLens/cv ranking.json"]
    view.tier_choice.setCurrentIndex(0)
    assert view.kit_choice.count() == 1  # no draft has a kit: "all kits" alone
    view.status_choice.setCurrentIndex(view.status_choice.findData(Status.INCOMPLETE))
    assert _shown(view) == []


def test_a_draft_for_several_jurisdictions_shows_each_ones_result_and_any_of_them_filters(opened, qtbot, workspace):
    view = _view(opened)
    _refreshed(qtbot, view, lambda: several_draft(workspace / "Both/two.json", "utah_ai_lab"))
    entry = next(e for e in view.model.entries if e.path == "Both/two.json")
    own, utah = entry.summary.jurisdictions
    row = view.model.entries.index(entry)
    cell = view.model.index(row, COLUMNS.index("tier"))
    shown_text = view.model.data(cell)
    assert all(j.title in shown_text and j.tier_label in shown_text for j in (own, utah))
    assert view.model.data(cell, Qt.ItemDataRole.ToolTipRole).count("\n") == 1  # one line each
    view.tier_choice.setCurrentIndex(view.tier_choice.findData(utah.tier_label))  # the second one's result
    assert _shown(view) == ["Both/two.json"]
    view.tier_choice.setCurrentIndex(view.tier_choice.findData(own.tier_label))  # and the first one's
    assert "Both/two.json" in _shown(view) and "TalentLens/cv ranking.json" in _shown(view)


def test_any_column_sorts(opened):
    view = _view(opened)
    view.table.sortByColumn(COLUMNS.index("client"), Qt.SortOrder.AscendingOrder)
    clients = [e.summary.client for e in view.filter.entries()]
    assert clients == sorted(clients, key=str.casefold)
    view.table.sortByColumn(COLUMNS.index("system"), Qt.SortOrder.DescendingOrder)
    systems = [e.summary.system for e in view.filter.entries()]
    assert systems == sorted(systems, key=str.casefold, reverse=True)


def test_enter_and_a_double_click_open_the_draft(opened, qtbot, workspace):
    view = _view(opened)
    _select(view, "Aino/chatbot.json")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.session.path == workspace / "Aino/chatbot.json"
    assert opened.stack.currentWidget() is opened.wizard
    opened.show_start()
    _select(view, "Kredito/credit score.json")
    index = view.table.currentIndex()
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first press
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.session.path == workspace / "Kredito/credit score.json"


def test_the_first_indexing_shows_progress_and_fills_the_table_as_it_goes(make_window, prompter, qtbot, tmp_path):
    folder = tmp_path / "many"
    for number in range(45):
        write_draft(folder / f"Client {number % 9}/system {number}.json", applicant__organisation=f"Client {number % 9}")
    window = make_window()
    window.preload()
    seen: list[tuple[int, int, int, bool]] = []
    prompter.folder_answer = folder
    original = window.open_workspace

    def open_and_watch(chosen):
        original(chosen)
        view = window.workspace_view
        view.refresher.progressed.connect(
            lambda done, total, _entries: seen.append((done, total, view.model.rowCount(), view.progress.isVisible())))
    window.open_workspace = open_and_watch
    window.choose_workspace()
    view = window.workspace_view
    qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == 45, timeout=TIMEOUT)
    assert len(seen) > 1 and seen[-1][:2] == (45, 45)
    assert any(rows < 45 for _, _, rows, _ in seen)  # rows were there before the last was read
    assert all(visible for *_, visible in seen[1:])
    assert not view.progress.isVisible()


def test_a_draft_copied_in_outside_shows_up_by_the_watch(opened, qtbot, workspace):
    view = _view(opened)
    shutil.copyfile(EXAMPLES / "cv_screening.json", workspace / "TalentLens/copied in.json")
    qtbot.waitUntil(lambda: "TalentLens/copied in.json" in _shown(view), timeout=TIMEOUT)
    (workspace / "Aino/chatbot.json").unlink()
    qtbot.waitUntil(lambda: "Aino/chatbot.json" not in _shown(view), timeout=TIMEOUT)


def test_protected_and_damaged_files_are_listed_without_hiding_the_others(opened, qtbot, workspace, prompter):
    view = _view(opened)
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE, applicant__organisation="Zanzibar Works")
    (workspace / "broken.json").write_text("{nope", encoding="utf-8")
    _refreshed(qtbot, view)
    rows = {e.path: e for e in view.model.entries}
    assert rows["Secret/plan.json"].state is State.PROTECTED and rows["Secret/plan.json"].summary.client == ""
    assert rows["broken.json"].state is State.DAMAGED
    assert all(rows[name].state is State.READ for name in LAYOUT.values())
    prompter.ask_passphrase = lambda parent, name, retry=False: PASSPHRASE
    _select(view, "Secret/plan.json")
    view.actions.unlock()
    assert {e.path: e for e in view.model.entries}["Secret/plan.json"].summary.client == "Zanzibar Works"


def test_duplicate_for_another_client_from_its_dialog_and_undo(opened, qtbot, workspace):
    view = _view(opened)
    _select(view, "TalentLens/cv ranking.json")
    qtbot.mouseClick(view.actions.duplicate_button, Qt.MouseButton.LeftButton)
    dialog = view.actions.copy_dialog
    assert dialog.isVisible() and dialog.client.text() == "TalentLens B.V."
    dialog.client.setText("Hireline AB")
    dialog.sections["plan"].setChecked(False)
    dialog.notes.setChecked(False)
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton))
    assert "Hireline AB/cv ranking.json" in _shown(view)
    assert view.selected().path == "Hireline AB/cv ranking.json"
    assert opened.undo_action.isEnabled() and "cv ranking.json" in opened.undo_action.text()
    _refreshed(qtbot, view, opened.undo_action.trigger)
    assert not (workspace / "Hireline AB/cv ranking.json").exists() and not opened.undo_action.isEnabled()


def test_rename_move_archive_and_undo_each(opened, qtbot, workspace, prompter):
    view = _view(opened)
    _select(view, "Aino/chatbot.json")
    prompter.text_answer = "support bot"
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.rename_button, Qt.MouseButton.LeftButton))
    assert "Aino/support bot.json" in _shown(view)
    prompter.client_answer = "Kredito Lending UAB"
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.move_button, Qt.MouseButton.LeftButton))
    assert "Kredito Lending UAB" in prompter.clients_offered
    assert "Kredito/support bot.json" in _shown(view)
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.archive_button, Qt.MouseButton.LeftButton))
    assert "Kredito/support bot.json" not in _shown(view)
    view.status_choice.setCurrentIndex(view.status_choice.findData(Status.ARCHIVED))
    assert _shown(view) == [".archive/Kredito/support bot.json"]
    for expected in ("Kredito/support bot.json", "Aino/support bot.json", "Aino/chatbot.json"):
        _refreshed(qtbot, view, opened.undo_action.trigger)
        assert (workspace / expected).exists()


def test_templates_from_the_context_menu_and_new_from_template(opened, qtbot, workspace):
    view = _view(opened)
    _select(view, "Kredito/credit score.json")
    view.actions.context_menu(view.table.viewport().mapToGlobal(view.table.visualRect(view.table.currentIndex()).center()))
    make = [a for a in view.actions.menu.actions() if a.text() == view.actions.make_template_text()]
    assert len(make) == 1
    _refreshed(qtbot, view, make[0].trigger)
    view.actions.menu.close()
    assert [e.path for e in view.session.templates()] == [".templates/credit score.json"]
    view.actions.template_menu.aboutToShow.emit()
    offered = [a for a in view.actions.template_menu.actions() if a.isEnabled()]
    assert [a.text() for a in offered] == ["credit score"]
    offered[0].trigger()
    dialog = view.actions.copy_dialog
    dialog.client.setText("Lendwise Oy")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened.session is not None and opened.session.path == workspace / "Lendwise Oy/credit score.json",
                    timeout=TIMEOUT)
    assert opened.stack.currentWidget() is opened.wizard


def test_delete_into_the_bin_restore_and_empty_it_when_confirmed(opened, qtbot, workspace, prompter):
    view = _view(opened)
    _select(view, "Aino/chatbot.json")
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.delete_button, Qt.MouseButton.LeftButton))
    assert "Aino/chatbot.json" not in _shown(view) and not (workspace / "Aino/chatbot.json").exists()
    qtbot.mouseClick(view.actions.bin_button, Qt.MouseButton.LeftButton)
    dialog = view.actions.bin_dialog
    assert dialog.list.count() == 1
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton))
    assert "Aino/chatbot.json" in _shown(view) and dialog.list.count() == 0
    _select(view, "Aino/chatbot.json")
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.delete_button, Qt.MouseButton.LeftButton))
    assert dialog.list.count() == 1
    prompter.confirm_answer = False
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert len(prompter.confirms) == 1 and dialog.list.count() == 1
    prompter.confirm_answer = True
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and view.session.bin_contents() == []


def test_a_failed_action_says_why_and_changes_nothing(opened, qtbot, workspace, prompter):
    view = _view(opened)
    _select(view, "Aino/chatbot.json")
    prompter.text_answer = "forecaster"  # taken
    qtbot.mouseClick(view.actions.rename_button, Qt.MouseButton.LeftButton)
    assert len(prompter.errors) == 1 and (workspace / "Aino/chatbot.json").exists()
    assert not opened.undo_action.isEnabled()


def test_the_table_exports_as_csv_and_as_a_one_page_overview(opened, qtbot, tmp_path, prompter):
    from pypdf import PdfReader

    view = _view(opened)
    undecided_draft(view.session.folder / "Open/undecided.json")
    _refreshed(qtbot, view)
    prompter.save_answer = tmp_path / "table.csv"
    view.actions.export_csv()
    rows = list(csv.reader(io.StringIO((tmp_path / "table.csv").read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["file", "client", "system"] and len(rows) == len(LAYOUT) + 2
    prompter.save_answer = tmp_path / "overview.pdf"
    view.actions.export_overview()
    qtbot.waitUntil(lambda: (tmp_path / "overview.pdf").exists(), timeout=TIMEOUT)
    reader = PdfReader(str(tmp_path / "overview.pdf"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "TalentLens B.V." in text and "Undecided Ltd" in text


def test_undo_waits_on_the_start_page_and_leaves_the_wizards_keys_alone(opened, qtbot):
    view = _view(opened)
    _select(view, "Aino/chatbot.json")
    _refreshed(qtbot, view, lambda: qtbot.mouseClick(view.actions.archive_button, Qt.MouseButton.LeftButton))
    assert opened.undo_action.isEnabled()
    opened.new_draft()
    assert not opened.undo_action.isEnabled()
    opened.show_start()
    assert opened.undo_action.isEnabled()


def test_closing_the_window_during_a_refresh_ends_cleanly(make_window, prompter, qtbot, tmp_path):
    folder = tmp_path / "many"
    for number in range(60):
        write_draft(folder / f"c/{number}.json")
    window = make_window()
    window.preload()
    window.open_workspace(folder)
    window.close()
    assert not window.workspace_view.refresher.thread.isRunning()


def test_the_workspace_is_all_in_the_language(make_window, prompter, qtbot, workspace):
    import catalogue
    from PySide6.QtWidgets import QMenu

    from tests.pseudo_text import pack_ids, plain_english, typed_words
    from tests.qt.test_pseudo_language import widget_texts

    catalogue.set_language("en-XA")
    try:
        window = make_window()
        window.preload()
        window.open_workspace(workspace)
        view = window.workspace_view
        qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == len(LAYOUT), timeout=TIMEOUT)
        _select(view, "Aino/chatbot.json")
        view.actions.context_menu(view.table.viewport().mapToGlobal(view.table.visualRect(view.table.currentIndex()).center()))
        view.actions.duplicate()
        view.actions.open_bin()
        view.actions.template_menu.aboutToShow.emit()
        texts = widget_texts(window) + [view.summary.text(), view.progress.format()]
        for dialog in (view.actions.copy_dialog, view.actions.bin_dialog):
            texts += widget_texts(dialog)
        texts += [action.text() for menu in (view.actions.menu, view.actions.template_menu) for action in menu.actions()]
        texts += [menu.title() for menu in window.findChildren(QMenu)]
        model = view.model
        for column in range(model.columnCount()):
            texts.append(model.headerData(column, Qt.Orientation.Horizontal))
            texts += [model.data(model.index(row, column)) or "" for row in range(model.rowCount())]
        # The folder's name; and Qt's own "Cancel", which Qt's catalogue translates (it has no pseudo-language).
        allowed = pack_ids(window.session.pack) | {"clients", "Cancel"}
        for example in LAYOUT:
            allowed |= typed_words(EXAMPLES / example)
        allowed |= {word for place in LAYOUT.values() for word in place.replace("/", " ").replace(".", " ").split()}
        assert plain_english("\n".join(texts), allowed) == set()
    finally:
        catalogue.set_language("en")


def test_a_kit_draft_waits_for_its_kit_then_shows_the_kit_and_its_deadline(make_window, prompter, qtbot, workspace):
    from app.kits.kit import load_kit
    from tests.workspace.test_kits import NORDLAND, kit_draft

    kit = load_kit(NORDLAND)
    kit_draft(workspace / "Nordhavn/clinic triage.json", kit, nordland__sector="health")
    window = make_window()
    window.preload()
    window.open_workspace(workspace)
    view = _view(window)
    qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == len(LAYOUT) + 1, timeout=TIMEOUT)
    row = view.model.row_of("Nordhavn/clinic triage.json")
    assert view.model.entries[row].state is State.KIT_UNSEEN
    assert "Nordhavn/clinic triage.json" in _shown(view)  # listed among the drafts at work, never hidden
    assert kit.manifest.id in view.model.data(view.model.index(row, COLUMNS.index("tier")))
    prompter.kit_answer = NORDLAND
    window.open_kit()  # the kit is seen: the table reads the draft with it
    qtbot.waitUntil(lambda: view.model.entries[view.model.row_of("Nordhavn/clinic triage.json")].state is State.READ,
                    timeout=TIMEOUT)
    _refreshed(qtbot, view)
    entry = view.model.entries[view.model.row_of("Nordhavn/clinic triage.json")]
    for column in ("kit", "deadline"):
        assert not view.table.isColumnHidden(COLUMNS.index(column))
    row = view.model.row_of(entry.path)
    assert view.model.data(view.model.index(row, COLUMNS.index("kit"))) == entry.summary.kit_label
    deadline = view.model.index(row, COLUMNS.index("deadline"))
    assert view.model.data(deadline) == numeric_date(dt.date(2027, 3, 31))  # as the language writes it
    assert view.model.data(deadline, SORT_ROLE) == "2027-03-31"  # sorted by date, not by its words
    view.kit_choice.setCurrentIndex(view.kit_choice.findData(entry.summary.kit_label))
    assert _shown(view) == [entry.path]
    # The kit worn now reads no other draft: the examples are as complete as before.
    assert all(e.summary.complete for e in view.model.entries if e.path != entry.path)
    assert view.summary.text() == "\n".join(summary_lines(portfolio(view.model.entries)))


def test_a_window_wearing_a_kit_reads_drafts_made_without_it_with_their_own_pack(prompter, qtbot, workspace):
    from app.qt.main_window import MainWindow
    from tests.workspace.test_kits import NORDLAND

    window = MainWindow(prompter=prompter, kit_path=NORDLAND)
    qtbot.addWidget(window)
    window.show()
    window.preload()
    assert window.session.kit is not None
    window.open_workspace(workspace)
    view = _view(window)
    qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == len(LAYOUT), timeout=TIMEOUT)
    assert all(e.state is State.READ and e.summary.complete and not e.summary.kit for e in view.model.entries)


def test_with_a_kit_worn_the_workspace_folds_the_kits_texts_and_keeps_its_banner(prompter, qtbot, workspace):
    from app.qt.main_window import MainWindow
    from tests.workspace.test_kits import NORDLAND

    window = MainWindow(prompter=prompter, kit_path=NORDLAND)
    qtbot.addWidget(window)
    window.show()
    window.preload()
    start = window.start
    welcome = start.welcome
    qtbot.waitUntil(welcome.banner.isVisible)  # a widget added to a page shown is shown by the event loop
    assert welcome.details.isVisible() and welcome.notes.isVisible() and not start.kit_more.isVisible()
    window.open_workspace(workspace)
    qtbot.waitUntil(window.workspace_view.isVisible)
    assert welcome.banner.isVisible() and not welcome.details.isVisible() and not welcome.notes.isVisible()
    assert start.kit_more.isVisible()
    qtbot.mouseClick(start.kit_more, Qt.MouseButton.LeftButton)
    assert welcome.details.isVisible() and welcome.notes.isVisible()
    qtbot.mouseClick(start.kit_more, Qt.MouseButton.LeftButton)
    assert not welcome.notes.isVisible()
    window.wear_kit(None)  # set aside: the application's own title again, nothing to fold
    assert start.welcome is None and start.title.isVisible() and not start.kit_more.isVisible()


def test_the_reviewer_s_open_comments_show_in_their_column_only_when_a_draft_keeps_feedback(
        make_window, prompter, qtbot, workspace, tmp_path, pack):
    from app.session.draft_session import DraftSession
    from tests.review import dossiers
    from tests.review.feedback_files import reviewer_writes_feedback

    window = make_window()
    window.preload()
    prompter.folder_answer = workspace
    qtbot.mouseClick(window.start.workspace_button, Qt.MouseButton.LeftButton)
    view = window.workspace_view
    qtbot.waitUntil(lambda: not view.refresher.running and view.model.rowCount() == len(LAYOUT), timeout=TIMEOUT)
    column = COLUMNS.index("open_comments")
    assert view.table.isColumnHidden(column)  # no draft keeps feedback

    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    feedback = reviewer_writes_feedback(dossier, tmp_path / "register.sqlite3", tmp_path / "cv.feedback.json")
    session = DraftSession(pack)
    assert session.open(workspace / "TalentLens/cv ranking.json").opened
    session.take_feedback(feedback)
    assert session.save()
    qtbot.waitUntil(lambda: view.model.entries[view.model.row_of("TalentLens/cv ranking.json")].summary.open_comments
                    == 2, timeout=TIMEOUT)
    _refreshed(qtbot, view)
    assert not view.table.isColumnHidden(column)
    row = view.model.row_of("TalentLens/cv ranking.json")
    assert view.model.data(view.model.index(row, column)) == "2"
    assert view.model.data(view.model.index(view.model.row_of("Aino/chatbot.json"), column)) == ""
