"""Python's garbage collector at start-up: paused until the first page is on screen.

Starting makes many objects and frees few (modules, the pack as kept, the draft, the page's
widgets), and the collector keeps walking all of them meanwhile: a tenth of the processor time up
to a named draft's question page went to it (benchmarks/startup.py). So it waits; once the page
has been painted and what that paint queued has run (the result panel fills then), one full
collection frees what starting left over, and what is left lives as long as the window does: it
is frozen out of later full collections, which then walk only what came after (typing stays as
smooth as before).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QTimer


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Collect once, set aside what survives (it lives as long as the window), collect from now on."""
    if gc.isenabled():
        return
    from app.qt import collector

    gc.collect()  # here, on the GUI thread, where Qt objects may die
    gc.freeze()
    collector.enable()  # work in another thread may hold it: then it resumes when that ends


class _AfterPaint(QObject):
    def __init__(self, app, window):
        super().__init__(app)
        self.app = app
        self.window = window
        self.waiting = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if self.waiting and event.type() == QEvent.Type.Paint and isinstance(watched, QObject) \
                and watched.isWidgetType() and (watched is self.window or self.window.isAncestorOf(watched)):
            self.waiting = False
            self.app.removeEventFilter(self)
            # Two turns of the event loop: the window is on screen, and what its paint queued runs first.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, resume))
        return False


def resume_after_paint(app, window) -> None:
    """Resume collecting once `window` has next been painted (see the module's docstring)."""
    app.installEventFilter(_AfterPaint(app, window))
