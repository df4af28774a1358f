"""Used by benchmarks/startup.py: prints the wall-clock time at which a page is first painted, and
the processor time the process had used by then, then quits. The bare-window baseline in the
benchmark uses the same function, so both are measured the same way."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, app, page, label: str, quit_after: bool):
        super().__init__(app)
        self.app = app
        self.page = page
        self.label = label
        self.quit_after = quit_after
        self.done = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if not self.done and event.type() == QEvent.Type.Paint and self._on_page(watched):
            self.done = True
            # Report after the paint itself has finished (the filter runs before it).
            QTimer.singleShot(0, self._report)
        return False

    def _on_page(self, widget) -> bool:
        return widget is self.page or (hasattr(widget, "isWidgetType") and widget.isWidgetType()
                                       and self.page.isAncestorOf(widget))

    def _report(self) -> None:
        print(f"{self.label} {time.time():.6f} {time.process_time():.6f}", flush=True)
        self.app.removeEventFilter(self)
        if self.quit_after:
            self.app.quit()


def report_first_paint(app, page, label: str = "shown", quit_after: bool = True) -> None:
    """Watch `page` and everything on it; the first paint of any of them (in the pass that paints
    the whole window) counts, reported as "LABEL TIME CPU" once that pass is over; then quit, unless
    another page is still to be timed."""
    app.installEventFilter(_FirstPaint(app, page, label, quit_after))
