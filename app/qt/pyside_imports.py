"""A quicker answer to the question PySide6 asks of every module imported after it.

Once Qt is loaded, PySide6 (PYSIDE-2029) checks each module imported whether it uses PySide, to
keep its `__feature__` switches per module: it reads the module's whole source through
`inspect.getsource` (which also keeps every line in `linecache`) and looks for "PySide6" in it.
For the two hundred or so modules the wizard imports before a draft's first question page that
took about 30 ms of processor time (benchmarks/startup.py). The same question is answered here
from the source file's bytes, five times faster; a module without a source file (a built
application's) still gets PySide6's own check. Nothing changes if PySide6 no longer has it.
"""

from __future__ import annotations

import sys

_FEATURE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def install() -> None:
    """Answer PySide6's check from the source file's bytes (PySide6 must be imported)."""
    feature = sys.modules.get(_FEATURE)
    check = getattr(feature, _CHECK, None)
    if check is None or getattr(check, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return check(module)

    uses_pyside.reads_bytes = True
    uses_pyside.checked_by_pyside = check
    setattr(feature, _CHECK, uses_pyside)
