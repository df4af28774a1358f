"""Refreshing a workspace's index off the UI thread: the first indexing of a large folder takes
seconds. The worker is told what to refresh and reports by signals (rows as they are read, then
the end, or a failure in one line); it never touches a widget. Stopping asks the refresh to end
after the chunk it is reading; what was read is kept in the index.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from app.qt.collector import Hold
from app.workspace.index import Progress, WorkspaceIndex


class _Stopped(Exception):
    pass


class RefreshWorker(QObject):
    progressed = Signal(int, int, object)  # done, total, the entries just read
    finished = Signal(object)  # Changes
    failed = Signal(str)

    def __init__(self):
        super().__init__()
        self.stopping = False

    @Slot(object, object)
    def refresh(self, index: WorkspaceIndex, hold: Hold) -> None:
        """Runs on the worker's thread with the collector held (app/qt/collector.py) until it ends."""
        try:
            changes = index.refresh(self._progress)
        except _Stopped:
            return
        except Exception as error:  # noqa: BLE001 - told in one line, never the end of the thread
            self.failed.emit(" ".join(str(error).split()) or type(error).__name__)
            return
        else:
            self.finished.emit(changes)
        finally:
            hold.release()

    def _progress(self, progress: Progress) -> None:
        if self.stopping:
            raise _Stopped()
        self.progressed.emit(progress.done, progress.total, progress.entries)


class RefreshThread(QObject):
    """A thread with a RefreshWorker in it; `start(index)` asks for a refresh (one at a time: asked
    while one runs, another follows it)."""

    progressed = Signal(int, int, object)
    finished = Signal(object)
    failed = Signal(str)
    _asked = Signal(object, object)  # index, Hold

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.worker = RefreshWorker()
        self.worker.moveToThread(self.thread)
        self._asked.connect(self.worker.refresh)
        self.worker.progressed.connect(self.progressed)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.running = False
        self._again: object | None = None
        self._hold: Hold | None = None
        QCoreApplication.instance().aboutToQuit.connect(self.stop)
        self.thread.start()

    def start(self, index: WorkspaceIndex) -> None:
        if self.running:
            self._again = index
            return
        self.running = True
        self._hold = Hold()
        self._asked.emit(index, self._hold)

    def _on_finished(self, changes) -> None:
        self.running = False
        self.finished.emit(changes)
        self._follow_up()

    def _on_failed(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)
        self._follow_up()

    def _follow_up(self) -> None:
        index, self._again = self._again, None
        if index is not None:
            self.start(index)

    def stop(self) -> None:
        """End the thread (the refresh running stops after its chunk); waits for it."""
        self.worker.stopping = True
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait()
        if self._hold is not None:  # a refresh asked for but never run holds the collector no more
            self._hold.release()
