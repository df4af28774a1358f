"""Python's garbage collector held while work runs in another thread.

A collection runs in whichever thread happens to allocate when it falls due. Run in a worker
thread, it can free the last reference to a Qt object made on the GUI thread, and Qt objects must
die on their own thread: the application crashes, now and then, far from the cause. So the GUI
thread holds the collector before it hands work to another thread (the worker allocates from its
first instruction on), the work releases it when it ends, and the collector resumes on the GUI
thread once no work holds it, and only if it was running when the first hold began.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

_lock = threading.Lock()
_holds = 0
_resume = False  # whether the collector runs again once no work holds it


class _Resumer(QObject):
    """Lives on the GUI thread, the main one, where this module is imported; work asks it to resume."""

    asked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.asked.connect(self.resume, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def resume(self) -> None:
        global _resume
        with _lock:
            if _holds == 0 and _resume:
                _resume = False
                gc.enable()


_resumer = _Resumer()


def _hold() -> None:
    global _holds, _resume
    with _lock:
        if _holds == 0:  # a resume still on its way to the GUI thread counts as running
            _resume = _resume or gc.isenabled()
        _holds += 1
        gc.disable()


def _release() -> None:
    global _holds
    with _lock:
        _holds -= 1
        last = _holds == 0
    if last and threading.current_thread() is threading.main_thread():
        _resumer.resume()
    elif last:
        _resumer.asked.emit()


def enable() -> None:
    """Let the collector run, on the GUI thread: now if no work holds it, else once the last work ends."""
    global _resume
    with _lock:
        if _holds:
            _resume = True
            return
    gc.enable()


class Hold:
    """The collector stopped from now until `release` (on any thread; a second call does nothing).
    Made on the GUI thread before work is handed to another thread."""

    def __init__(self) -> None:
        self._released = threading.Lock()
        _hold()

    def release(self) -> None:
        if self._released.acquire(blocking=False):
            _release()


class PoolJob(QRunnable):
    """Work run in the global thread pool with the collector held from `start` until it ends.
    Subclasses write `work`."""

    def start(self, collect_first: bool = False) -> None:
        """`collect_first`: collect now, on the GUI thread, before a long hold (an export allocates a great deal)."""
        if collect_first and gc.isenabled():
            gc.collect()
        self._hold = Hold()
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            self.work()
        finally:
            self._hold.release()

    def work(self) -> None:
        raise NotImplementedError
