"""app/qt/pyside_imports.py: PySide6's check of each module imported gets the same answer, sooner."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads the check

from app.qt import pyside_imports


def test_the_check_answers_as_pyside6_does_for_every_module_loaded():
    pyside_imports.install()
    pyside_imports.install()  # once is enough: a second install keeps the first
    check = getattr(sys.modules["shibokensupport.feature"], "_mod_uses_pyside")
    assert check.reads_bytes
    modules = [m for m in list(sys.modules.values()) if str(getattr(m, "__file__", "")).endswith(".py")]
    answers = {m.__name__: check(m) for m in modules}
    assert answers == {m.__name__: check.checked_by_pyside(m) for m in modules}
    assert answers["app.qt.pyside_imports"] and not answers["json"]  # both answers occur
    assert not check(sys)  # a module without a source file: PySide6's own answer


def test_pyside6_goes_on_asking_it_for_modules_imported_later(tmp_path, monkeypatch):
    pyside_imports.install()
    (tmp_path / "uses_qt_late.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "uses_nothing_late.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import uses_nothing_late  # noqa: F401
    import uses_qt_late  # noqa: F401

    selected = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert selected["uses_qt_late"] == 0 and selected["uses_nothing_late"] == -1
    for name in ("uses_qt_late", "uses_nothing_late"):
        monkeypatch.delitem(sys.modules, name)
