"""The reviewer's view, driven as a reviewer would, on real dossiers exported here: good ones,
changed ones, one whose printed result was forged, signed ones (with a test CA the reviewer
trusts, and self-signed), one changed after signing, and files that are no dossier. Rows come
from a pool thread as the folder is read; search, sort and filters; the dossier shown in full;
the review status kept in the register (SQLite, and PostgreSQL when the server is there); a
register that cannot be used said once, the files reviewed all the same."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool

from app.qt import reviewer_jobs
from app.qt.reviewer_table import SORT_ROLE
from app.review.register import Register
from app.review.rows import COLUMNS
from catalogue import table
from tests.review import dossiers
from tests.review.conftest import postgres  # noqa: F401 - the PostgreSQL server, for the register test

STATUS = table("review.status")
# File name -> the status its row must have.
EXPECTED = {"good.pdf": "ok", "copy.pdf": "ok", "changed.pdf": "changed", "forged.pdf": "differs",
            "signed.pdf": "ok", "self signed.pdf": "ok", "signed then changed.pdf": "signature_broken",
            "letter.txt": "not_pdf", "damaged.pdf": "damaged", "other tool.pdf": "no_draft",
            "robot.pdf": "unknown_pack", "sub/chatbot.pdf": "ok"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return dossiers.sample_dossiers(tmp_path_factory.mktemp("made"))


@pytest.fixture
def inbox(made, tmp_path, private_data_dir):
    import json

    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    cv = made["cv"]
    dossiers.copy(cv, folder / "good.pdf")
    dossiers.copy(cv, folder / "copy.pdf")
    dossiers.with_changed_data(cv, folder / "changed.pdf", "TalentLens B.V.", "Other B.V.")
    printed = json.loads(dossiers.metadata(cv)["/SandboxKitResult"])
    printed["tracks"][0]["outcome"] = "minimal"
    dossiers.with_metadata(cv, folder / "forged.pdf", SandboxKitResult=json.dumps(printed))
    dossiers.copy(made["signed"], folder / "signed.pdf")
    dossiers.copy(made["self signed"], folder / "self signed.pdf")
    (folder / "signed then changed.pdf").write_bytes(made["signed"].read_bytes() + b"%a later addition\n")
    (folder / "letter.txt").write_text("Dear reviewer,\n", encoding="utf-8")
    dossiers.truncated(cv, folder / "damaged.pdf")
    dossiers.other_tool_pdf(folder / "other tool.pdf")
    dossiers.copy(made["robot"], folder / "robot.pdf")
    dossiers.copy(made["chatbot"], folder / "sub" / "chatbot.pdf")
    trusted = private_data_dir / "trusted_certificates"  # the reviewer trusts the test CA
    trusted.mkdir(parents=True)
    shutil.copyfile(made["ca"], trusted / "ca.pem")
    return folder


@pytest.fixture
def make_view(qtbot, prompter, private_data_dir):
    from app.qt.reviewer_view import ReviewerView

    made_views = []

    def make(register_url: str | None = None):
        settings = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
        view = ReviewerView(prompter, settings, register_url=register_url)
        qtbot.addWidget(view)
        view.resize(1400, 850)
        view.show()
        made_views.append(view)
        return view

    yield make
    QThreadPool.globalInstance().waitForDone(60_000)  # no job left reading files the test is done with
    for view in made_views:
        view.close_register()


def reviewed(qtbot, view, path):
    """Review `path` and wait for every row, and for the first row's dossier chosen at the end."""
    with qtbot.waitSignals([view.review_finished, view.detail_shown], timeout=120_000, order="strict"):
        view.review(path)


def names(view) -> list[str]:
    """The files shown, top to bottom."""
    column = COLUMNS.index("file")
    return [view.rows.index(row, column).data() for row in range(view.rows.rowCount())]


def cell(view, name: str, column: str) -> str:
    row = names(view).index(name)
    return view.rows.index(row, COLUMNS.index(column)).data()


def choose(qtbot, view, name: str) -> str:
    """Choose the row of `name`; the dossier's text once it is shown."""
    index = view.rows.index(names(view).index(name), 0)
    if view.table.currentIndex().row() == index.row():
        view.table.setCurrentIndex(view.rows.index(-1, -1))
    with qtbot.waitSignal(view.detail_shown, timeout=60_000):
        view.table.setCurrentIndex(index)
    return view.dossier.text()


# --- opening it ---

def test_the_start_page_and_the_file_menu_open_the_reviewer_and_back_returns(make_window, qtbot):
    window = make_window()
    assert window.start.review_button.isVisibleTo(window)
    qtbot.mouseClick(window.start.review_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reviewer and window.current_page() is window.reviewer
    assert not window.save_action.isEnabled()
    qtbot.mouseClick(window.reviewer.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.start
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    window.reviewer_action.trigger()  # from a draft: File > Review dossiers…, and Back to the draft
    assert window.stack.currentWidget() is window.reviewer
    qtbot.mouseClick(window.reviewer.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.wizard and window.save_action.isEnabled()
    window.reviewer.close_register()


def test_a_folder_chosen_gives_a_row_per_file_with_its_status_in_words(make_view, inbox, qtbot, prompter):
    view = make_view()
    prompter.dossier_answer = inbox
    with qtbot.waitSignals([view.review_finished, view.detail_shown], timeout=120_000, order="strict"):
        qtbot.mouseClick(view.open_folder_button, Qt.MouseButton.LeftButton)
    assert sorted(names(view)) == sorted(EXPECTED)
    for name, status in EXPECTED.items():
        assert cell(view, name, "status") == STATUS[status], name
        icon = view.rows.index(names(view).index(name), COLUMNS.index("status")).data(Qt.ItemDataRole.DecorationRole)
        assert not icon.isNull()  # a sign beside the words, never a colour alone
    assert cell(view, "signed.pdf", "signature") == table("review.cli")["signature.trusted"]
    assert cell(view, "self signed.pdf", "signature") == table("review.cli")["signature.self_signed"]
    assert cell(view, "good.pdf", "review_status") == table("review.review_status")["received"]
    assert cell(view, "letter.txt", "review_status") == "" and cell(view, "letter.txt", "applicant") == ""
    assert cell(view, "good.pdf", "applicant") == "TalentLens B.V." and cell(view, "good.pdf", "received")
    assert not view.progress.isVisible() and not view.banner.isVisible() and prompter.errors == []
    assert view.summary.text().startswith(f"{len(EXPECTED)} files")


def test_rows_come_from_a_pool_thread_while_the_folder_is_read(make_view, inbox, qtbot, monkeypatch):
    from app.review import folder

    threads, batches = set(), []
    real = folder.review_dossier

    def review_dossier(*args, **kwargs):
        threads.add(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(folder, "review_dossier", review_dossier)
    monkeypatch.setattr(reviewer_jobs, "BATCH_SECONDS", 0)  # a batch per file
    view = make_view()
    view.model.rowsInserted.connect(lambda *_: batches.append((view.model.rowCount(), view.progress.value(),
                                                               view.progress.maximum())))
    reviewed(qtbot, view, inbox)
    assert threads and threading.get_ident() not in threads
    assert [count for count, _, _ in batches] == list(range(1, len(EXPECTED) + 1))
    assert all(maximum == len(EXPECTED) for _, _, maximum in batches)
    again = make_view()  # a second look: from the register, nothing read
    reviewed(qtbot, again, inbox)
    assert "0 read now" in again.summary.text() and sorted(names(again)) == sorted(names(view))


def test_one_dossier_chosen_is_reviewed_alone(make_view, inbox, qtbot, prompter):
    view = make_view()
    prompter.dossier_answer = inbox / "forged.pdf"
    with qtbot.waitSignals([view.review_finished, view.detail_shown], timeout=60_000):
        qtbot.mouseClick(view.open_file_button, Qt.MouseButton.LeftButton)
    assert names(view) == ["forged.pdf"] and cell(view, "forged.pdf", "status") == STATUS["differs"]


# --- search, sort, filter ---

def test_search_as_you_type_sort_by_any_column_and_filter(make_view, inbox, qtbot):
    view = make_view()
    reviewed(qtbot, view, inbox)
    qtbot.keyClicks(view.filters.search, "talentlens")
    assert sorted(names(view)) == ["changed.pdf", "copy.pdf", "forged.pdf", "good.pdf", "self signed.pdf",
                                   "signed then changed.pdf", "signed.pdf"]
    assert view.filters.count.text() == f"7 of {len(EXPECTED)} files shown"
    qtbot.keyClicks(view.filters.search, " other")  # every word, in any cell: the changed one names Other B.V.
    assert names(view) == ["changed.pdf"]
    view.filters.search.clear()
    qtbot.keyClicks(view.filters.search, "helpdesk")  # the chatbot's applicant
    assert names(view) == ["sub/chatbot.pdf"]
    view.filters.search.clear()
    assert len(names(view)) == len(EXPECTED)

    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft() + _centre(header, COLUMNS.index("status")))
    statuses = [view.rows.index(r, COLUMNS.index("status")).data(SORT_ROLE) for r in range(view.rows.rowCount())]
    assert statuses == sorted(statuses) and names(view)[0] in ("damaged.pdf", "letter.txt")  # most serious first
    view.table.sortByColumn(COLUMNS.index("open_points"), Qt.SortOrder.DescendingOrder)
    points = [view.rows.index(r, COLUMNS.index("open_points")).data(SORT_ROLE) for r in range(view.rows.rowCount())]
    assert points == sorted(points, reverse=True)
    view.table.sortByColumn(COLUMNS.index("applicant"), Qt.SortOrder.AscendingOrder)
    assert names(view)[-1] in ("good.pdf", "copy.pdf", "forged.pdf", "signed.pdf", "self signed.pdf",
                               "signed then changed.pdf")  # TalentLens sorts after Helpdesk and Other

    _pick(view.filters.status_filter, "not_pdf")
    assert names(view) == ["letter.txt"]
    _pick(view.filters.status_filter, None)
    high = cell(view, "good.pdf", "recomputed_tier")
    _pick(view.filters.result_filter, high)
    assert "sub/chatbot.pdf" not in names(view) and "forged.pdf" in names(view) and "good.pdf" in names(view)
    _pick(view.filters.result_filter, None)
    _pick(view.filters.review_status_filter, "accepted")
    assert names(view) == []
    _pick(view.filters.review_status_filter, "received")
    assert "letter.txt" not in names(view) and "good.pdf" in names(view)


def _centre(header, column):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def _pick(combo, value) -> None:
    index = combo.findData(value) if value is not None else 0
    assert index >= 0, f"{value} is not offered"
    combo.setCurrentIndex(index)


# --- the dossier in full ---

def test_a_good_dossier_shows_the_applicant_s_answers_with_notes_by_section_and_its_result(make_view, inbox, qtbot):
    from app.review.shelf import PackShelf

    view = make_view()
    reviewed(qtbot, view, inbox)
    text = choose(qtbot, view, "good.pdf")
    pack = PackShelf.discover().today("eu_ai_act").pack
    assert "TalentLens CV ranking" in text and "Applicant: TalentLens B.V." in text
    assert str(inbox / "good.pdf") in text and "Founded in 2023; seed-funded." in text
    assert all(section.title in text for section in pack.sections[:3])
    assert table("qt.reviewer")["no_difference"] in text and table("qt.reviewer")["unsigned"] in text
    assert table("qt")["review_result"] in text and not view.dossier.findChildren(type(view.open_file_button),
                                                                                  "edit")
    assert _flags(view) == {"ok", "note"}  # the result holds (ok); no signature (worth a look)


def test_a_forged_result_is_flagged_in_words_and_with_a_sign(make_view, inbox, qtbot):
    view = make_view()
    reviewed(qtbot, view, inbox)
    text = choose(qtbot, view, "forged.pdf")
    words = table("qt.reviewer")
    assert words["differs"] in text and STATUS["differs"] in text
    assert "printed, then recomputed with the pack version it records" in text
    assert "problem" in _flags(view) and words["no_difference"] not in text


def test_signatures_say_who_when_as_claimed_whether_trusted_and_whether_changed(make_view, inbox, qtbot):
    sign = table("sign")
    view = make_view()
    reviewed(qtbot, view, inbox)
    text = choose(qtbot, view, "signed.pdf")
    assert "Signed by Ada Applicant, Acme AI" in text and "as claimed by the signer's computer" in text
    assert sign["trust"]["trusted"] in text and sign["integrity"]["intact"] in text
    assert table("qt.reviewer")["signature_valid"] in text
    text = choose(qtbot, view, "self signed.pdf")
    assert "Signed by Self Made, Nobody Ltd" in text and sign["trust"]["self_signed"] in text
    assert table("qt.reviewer")["signature_not_valid"] in text
    text = choose(qtbot, view, "signed then changed.pdf")
    assert "CHANGED after signing" in text and STATUS["signature_broken"] in text and "problem" in _flags(view)


def test_a_bad_file_shows_its_status_and_why_and_no_application(make_view, inbox, qtbot, prompter):
    view = make_view()
    reviewed(qtbot, view, inbox)
    text = choose(qtbot, view, "damaged.pdf")
    assert STATUS["damaged"] in text and table("qt.reviewer")["application_title"] not in text
    assert view.dossier.status_button is None and view.dossier.comments_box is None
    text = choose(qtbot, view, "robot.pdf")
    assert STATUS["unknown_pack"] in text and "robot_law" in text
    text = choose(qtbot, view, "changed.pdf")  # what is inside is shown, under its status
    assert STATUS["changed"] in text and "Other B.V." in text
    assert prompter.errors == []


def _flags(view) -> set[str]:
    from PySide6.QtWidgets import QWidget

    return {w.property("severity") for w in view.dossier.content.findChildren(QWidget) if w.property("severity")}


# --- the review status ---

@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'team register.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()


def test_the_review_status_set_is_kept_in_the_register_with_its_history(make_view, inbox, qtbot, register_url):
    view = make_view(register_url)
    view.settings.setValue("reviewer/name", "Ana Reviewer")
    reviewed(qtbot, view, inbox)
    choose(qtbot, view, "good.pdf")
    dossier = view.dossier
    dossier.status_choice.setCurrentIndex(dossier.status_choice.findData("needs_changes"))
    qtbot.keyClicks(dossier.status_note, "Annex IV documents missing")
    with qtbot.waitSignal(view.detail_shown):
        qtbot.mouseClick(dossier.status_button, Qt.MouseButton.LeftButton)
    words = table("review.review_status")["needs_changes"]
    assert cell(view, "good.pdf", "review_status") == words
    assert cell(view, "copy.pdf", "review_status") == words  # the same dossier, twice received
    assert "set by Ana Reviewer" in view.dossier.text() and "Why: Annex IV documents missing" in view.dossier.text()
    fingerprint = view.dossier.detail.review.fingerprint
    with Register.open(register_url) as register:
        assert register.dossier(fingerprint)["review_status"] == "needs_changes"
        assert [(h.status, h.author, h.note) for h in register.review_history(fingerprint)] == \
            [("needs_changes", "Ana Reviewer", "Annex IV documents missing")]
        register.add_comment(fingerprint, "question", "org.name", "Ben Reviewer", "Which legal entity applies?")
    again = make_view(register_url)  # another look: the status and the comment come from the register
    reviewed(qtbot, again, inbox)
    assert cell(again, "good.pdf", "review_status") == words
    text = choose(qtbot, again, "good.pdf")
    assert "Which legal entity applies?" in text and "Ben Reviewer" in text
    assert again.dossier.status_choice.currentData() == "needs_changes"


def test_a_register_that_cannot_be_used_is_one_message_and_the_files_are_reviewed_all_the_same(
        make_view, inbox, qtbot, prompter, tmp_path):
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("", encoding="utf-8")
    view = make_view(f"sqlite:///{blocked / 'register.sqlite3'}")
    reviewed(qtbot, view, inbox)
    assert sorted(names(view)) == sorted(EXPECTED) and prompter.errors == []
    assert view.banner.isVisible() and view.banner.text().count("\n") == 0
    assert "the register cannot be used" in view.banner.text() and str(blocked) in view.banner.text()
    assert cell(view, "good.pdf", "received") == ""
    text = choose(qtbot, view, "good.pdf")
    assert "Review statuses are kept in the register, which cannot be used now" in text
    assert view.dossier.status_button is None


def test_the_register_the_settings_name_is_used(make_view, inbox, qtbot, private_data_dir, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen.sqlite3"
    monkeypatch.setenv("SANDBOX_KIT_REGISTER", str(chosen))  # as `--register URL` sets it
    view = make_view()
    reviewed(qtbot, view, inbox / "good.pdf")
    with Register.open(f"sqlite:///{chosen}") as register:
        assert str(inbox / "good.pdf") in register.known_files()
    assert not (private_data_dir / "register.sqlite3").exists()


def test_the_view_opens_again_on_the_path_reviewed_last(make_view, inbox, qtbot):
    first = make_view()
    reviewed(qtbot, first, inbox / "sub")
    second = make_view()
    with qtbot.waitSignal(second.review_finished, timeout=60_000):
        second.resume()
    assert names(second) == ["chatbot.pdf"]


# --- for everyone ---

def test_every_control_has_an_accessible_name(make_view, inbox, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QProgressBar

    view = make_view()
    reviewed(qtbot, view, inbox)
    choose(qtbot, view, "signed.pdf")
    controls = (QAbstractButton, QLineEdit, QAbstractItemView, QProgressBar, QComboBox)
    unnamed = [w for kind in controls for w in view.findChildren(kind)
               if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
               and w.focusPolicy() != Qt.FocusPolicy.NoFocus and not _in_a_combo(w)
               and type(w).__name__ not in ("QScrollBar",)]
    assert unnamed == []


def _in_a_combo(widget) -> bool:
    """The list a combo box pops up: named by the combo."""
    from PySide6.QtWidgets import QComboBox

    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False


def test_the_view_is_all_in_the_language_in_use(make_view, inbox, qtbot):
    import re

    import catalogue
    from tests.pseudo_text import pack_ids, plain_english, typed_words
    from tests.qt.test_pseudo_language import widget_texts
    from forms.loader import default_pack

    catalogue.set_language("en-XA")
    try:
        view = make_view()
        reviewed(qtbot, view, inbox)
        seen = widget_texts(view)
        for name in ("good.pdf", "forged.pdf", "signed.pdf", "self signed.pdf", "signed then changed.pdf",
                     "changed.pdf", "letter.txt", "robot.pdf"):
            choose(qtbot, view, name)
            seen += widget_texts(view)
    finally:
        catalogue.set_language("en")
    from forms.loader import load_pack

    # An unknown pack's result is shown by its ids: the robot pack's are allowed too.
    allowed = (pack_ids(default_pack()) | pack_ids(load_pack(dossiers.ROBOT_LAW)) | typed_words(dossiers.EXAMPLES / "cv_screening.json")
               | typed_words(dossiers.EXAMPLES / "customer_chatbot.json")
               | {word for name in EXPECTED for word in re.findall("[A-Za-z]+", name)}
               | {"inbox", "Other", "Applicant", "Acme", "Self", "Made", "Nobody", "Robo", "Works", "Carrier"})
    assert len(seen) > 200
    assert {word for text in seen for word in plain_english(text, allowed)} == set()


def test_the_documents_a_kit_asks_for_show_added_and_missing(make_view, qtbot, tmp_path):
    from app.dossier.export import export_dossier
    from app.kits.kit import load_kit
    from app.kits.shelf import remember
    from app.storage.attachments import keep_file
    from app.storage.drafts import Lock, load_draft

    kit = load_kit(dossiers.ROOT / "resources" / "kits" / "nordland.sandboxkit")
    plan = tmp_path / "bias test plan.pdf"
    plan.write_bytes(b"%PDF-1.4 a plan")
    draft = load_draft(dossiers.EXAMPLES / "cv_screening.json")
    draft = draft.model_copy(update={"lock": Lock.of(kit.base, kit.made), "attachments": [keep_file(plan, "test_plan")]})
    (tmp_path / "kit inbox").mkdir()
    export_dossier(draft, kit.pack, tmp_path / "kit inbox" / "nordland.pdf", kit=kit)
    remember(kit)
    view = make_view()
    reviewed(qtbot, view, tmp_path / "kit inbox")
    assert cell(view, "nordland.pdf", "kit") == f"{kit.manifest.id} {kit.manifest.version}"
    text = view.dossier.text()
    titles = {a.id: a.title for a in kit.manifest.attachments}
    assert table("qt.reviewer")["attachments_title"] in text
    assert f"{titles['test_plan']}: bias test plan.pdf" in text
    assert table("qt.reviewer")["attachment_missing"].format(name=titles["technical_documentation"]) in text


def test_the_window_stops_a_folder_review_under_way_when_the_application_quits(make_window, inbox, qtbot,
                                                                                monkeypatch):
    """Quitting while a folder is read: the job is told to stop and the pool waited for, so no
    thread is left reporting to objects Python is tearing down."""
    monkeypatch.setattr(reviewer_jobs, "BATCH_SECONDS", 0)  # a batch per file: the job looks at `cancelled` often
    window = make_window()
    qtbot.mouseClick(window.start.review_button, Qt.MouseButton.LeftButton)
    view = window.reviewer
    with qtbot.waitSignal(view.model.rowsInserted, timeout=60_000):
        view.review(inbox)
    job = view.job
    window.stop_work()
    assert job is not None and job.cancelled
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    window.reviewer.close_register()
