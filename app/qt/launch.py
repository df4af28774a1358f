"""Starting the wizard: `python main.py [--data-dir DIR] [--lang CODE] [--kit FILE] [DRAFT.json]` (main.py
takes the options). A kit named is loaded with the pack, after the first paint, and worn from then on.
A file named on the command line (a double-click on Linux and Windows) or sent by macOS's open event
opens as what it is: a draft, an authority kit (worn) or a dossier (in the reviewer's view).

The window shows its start page first; the pack and the core load right after it is painted
(deferred to the event loop). A draft named on the command line opens then, the start page saying
"Opening ..." meanwhile, so the window never waits for pydantic and the pack to appear.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from catalogue import tr


def run_wizard(args: list[str], kit: str | None = None) -> int:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        # Without a display Qt aborts the whole process; say why instead.
        message = tr("qt.no_display", display="DISPLAY", headless="QT_QPA_PLATFORM=offscreen")
        print(tr("cli.error_line", message=message), file=sys.stderr)
        return 2
    if len(args) > 1 or (args and args[0].startswith("-")):
        usage = "python main.py [--data-dir DIR] [--lang CODE] [--kit FILE] [DRAFT.json] | python main.py COMMAND ... (-h)"
        print(tr("qt.usage", usage=usage), file=sys.stderr)
        return 2
    from app.qt import collection

    collection.pause()  # until the first page is painted (app/qt/collection.py)
    from PySide6.QtWidgets import QApplication

    from app.qt.pyside_imports import install as check_imports_quickly

    check_imports_quickly()  # PySide6 reads each module imported from now on (app/qt/pyside_imports.py)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from app.qt.refcount_guard import install as guard_refcounts

    guard_refcounts(app)  # PySide6 6.12 on Python 3.11 would otherwise abort after a while
    from app.qt.theme import apply_theme

    apply_theme(app)  # readable colours in the system's theme (outlines follow the first paint)
    app.setApplicationName("Sandbox Applicant Kit")  # an identifier (settings), not shown
    _follow_language(app)
    app.setOrganizationName("SandboxApplicantKit")
    from PySide6.QtGui import QIcon

    from app.storage import paths
    from forms import cache

    cache.use_folder(paths.cache_dir())  # the pack as validated once, not at every start
    app.setWindowIcon(QIcon(str(paths.resource("icons", "app.svg"))))  # read only when drawn
    from app.qt.main_window import MainWindow

    window = MainWindow(kit_path=Path(kit) if kit else None)
    if sys.platform == "darwin":
        # Only macOS sends these; elsewhere the filter would see every event of the application for
        # nothing (a Python call each, thousands before the first page is painted).
        app.installEventFilter(file_open_filter(app, window.open_file))
    if args:
        # The window comes up at once saying which draft it is opening; the pack and the core (about
        # a third of a second, see benchmarks/startup.py) load after that first paint.
        path = Path(args[0])
        window.start.show_opening(path.name)
        window.first_shown.connect(lambda: _open_named(app, window, path))
        _probe(app, window, "window", last=False)
    else:
        window.first_shown.connect(window.preload)
        window.first_shown.connect(collection.resume)  # the start page is painted, the pack read
        _probe(app, window, "shown")
    window.show()
    status = app.exec()
    window.stop_work()  # quit with a folder under review: its thread must not outlive what it reports to
    return status


def _follow_language(app) -> None:
    """Qt's own words (standard buttons, key names, text menus) in the language in use. A desktop
    session that states no language in the environment (macOS, Windows) is asked through Qt."""
    import catalogue
    from catalogue.languages import babel_locale, system_language
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if not catalogue.language_given() and system_language() is None:
        catalogue.set_language(QLocale.system().name())
    QLocale.setDefault(QLocale(babel_locale(catalogue.language())))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(catalogue.language()), "qtbase", "_", folder):
        app.installTranslator(translator)


def _open_named(app, window, path: Path) -> None:
    from app.qt.collection import resume_after_paint

    window.open_at_start(path)  # a file that cannot be read gets its dialog; the start page stays
    window.start.show_opening(None)
    resume_after_paint(app, window)
    _probe(app, window, "shown")


def _probe(app, window, label: str, last: bool = True) -> None:
    """For benchmarks/startup.py only: report when the page on screen has been painted (and quit
    after the `last` one)."""
    if not os.environ.get("SANDBOX_KIT_STARTUP_PROBE"):
        return
    from app.qt.startup_probe import report_first_paint

    report_first_paint(app, window.current_page(), label, quit_after=last)


def file_open_filter(app, open_file):
    """An event filter that hands macOS's "open this document" events (a double-click in the Finder,
    a file dropped on the Dock icon) to `open_file`; other systems name the file on the command line."""
    from PySide6.QtCore import QEvent, QObject

    class _FileOpenFilter(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.FileOpen and event.file():
                open_file(Path(event.file()))
                return True
            return False

    return _FileOpenFilter(app)
