"""The collector held while work runs in other threads (app/qt/collector.py): no garbage collection
may run in a reviewer's, an export's or a workspace's worker thread, where it could free Qt objects
off their own thread."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QThreadPool

from app.qt.collector import Hold
from app.qt.reviewer_jobs import FolderReviewJob
from app.review.shelf import PackShelf
from tests.review.dossiers import export_example


@pytest.fixture
def collector_running(qapp):
    was = gc.isenabled()
    gc.enable()
    yield
    qapp.processEvents()
    if not was:
        gc.disable()


def in_thread(work) -> None:
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)


def test_overlapping_holds_resume_the_collector_on_the_gui_thread_after_the_last(qapp, collector_running):
    first, second = Hold(), Hold()
    seen = []
    in_thread(first.release)
    seen.append(gc.isenabled())
    in_thread(second.release)
    seen.append(gc.isenabled())  # released, but the GUI thread has not had its turn
    qapp.processEvents()
    seen.append(gc.isenabled())
    assert seen == [False, False, True]


def test_releasing_twice_ends_one_hold_only(qapp, collector_running):
    first, second = Hold(), Hold()
    first.release()
    first.release()
    assert not gc.isenabled()
    second.release()
    assert gc.isenabled()  # the last hold ended on the GUI thread: at once


def test_a_collector_stopped_before_stays_stopped(qapp):
    was = gc.isenabled()
    gc.disable()
    try:
        hold = Hold()
        in_thread(hold.release)
        qapp.processEvents()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_start_up_resuming_while_work_holds_the_collector_waits_for_that_work(qapp, collector_running):
    """app/qt/collection.py pauses the collector until the first page is painted; work handed to a
    thread meanwhile holds it, and the start-up's resume must not let it run under that work."""
    from app.qt import collection

    collection.pause()
    hold = Hold()
    try:
        collection.resume()
        stopped_during_work = not gc.isenabled()
        in_thread(hold.release)
        qapp.processEvents()
        assert stopped_during_work and gc.isenabled()
    finally:
        gc.unfreeze()  # what resume set aside stays collectable for the tests after this one


def test_a_folder_review_collects_nothing_in_its_pool_thread(tmp_path, qapp, qtbot, collector_running):
    export_example("cv_screening", tmp_path / "cv.pdf")
    export_example("customer_chatbot", tmp_path / "chatbot.pdf")
    collected_in = []
    job = FolderReviewJob(tmp_path, PackShelf.discover(), (), None, "")
    job._open_register = lambda: None  # no register: this test is about threads, not data
    job.setAutoDelete(False)

    def record(phase, info):
        if phase == "start":
            collected_in.append(threading.current_thread() is threading.main_thread())

    threshold = gc.get_threshold()
    gc.set_threshold(5)  # a collection falls due every few allocations
    gc.callbacks.append(record)
    try:
        with qtbot.waitSignal(job.signals.finished, timeout=60_000):
            job.start()
        QThreadPool.globalInstance().waitForDone(10_000)
        qapp.processEvents()
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*threshold)
    assert job.shown == 2
    assert collected_in and all(collected_in)  # collections, all of them on the GUI thread
    assert gc.isenabled()
