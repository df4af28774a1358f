"""A guard against a reference-counting bug in PySide6 6.12 on CPython 3.11.

There, every call of a Qt method that returns nothing drops one reference to None, and some calls
drop one to True; neither is given back. On CPython 3.12 and later these objects are immortal and
nothing happens, but on 3.11 their counts run down while the wizard is used (a few hundred typed
characters are enough) and the interpreter aborts with "deallocating None" or "deallocating True
or False". None, True and False are never freed legitimately, so raising their counts is harmless:
the guard checks for the bug once at start and, if present, keeps their counts far from zero.
"""

from __future__ import annotations

import ctypes
import sys

TOP_UP = 10_000_000
LOW = 1_000_000
CHECK_EVERY_MS = 500
_SINGLETONS = (None, True, False)


def bug_present() -> bool:
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")  # returns nothing
    return sys.getrefcount(None) < before - 10


def top_up() -> None:
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < LOW:
            # The object's reference count is the first field of every CPython object.
            ctypes.c_ssize_t.from_address(id(obj)).value += TOP_UP


def install(app) -> bool:
    """Start the guard on `app` if this PySide6 needs it; returns whether it did."""
    if not bug_present():
        return False
    from PySide6.QtCore import QTimer

    top_up()
    timer = QTimer(app)
    timer.setObjectName("refcount_guard")
    timer.timeout.connect(top_up)
    timer.start(CHECK_EVERY_MS)
    return True
