"""Used by benchmarks/startup.py: prints the wall-clock time at which a page is first painted,
then quits. The bare-window baseline in the benchmark uses the same function, so both are measured
the same way."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, app, page):
        super().__init__(app)
        self.app = app
        self.page = page
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
        print(f"shown {time.time():.6f}", flush=True)
        self.app.quit()


def report_first_paint(app, page) -> None:
    """Watch `page` and everything on it; the first paint of any of them (in the pass that paints
    the whole window) counts, reported once that pass is over."""
    app.installEventFilter(_FirstPaint(app, page))
