"""Render every page of the wizard to PNG, headless, to look at them (and keep a few for the README):
the start page with its time estimate, what to prepare, every section, the review, and the glossary.

    .venv/bin/python docs/screenshots/render.py OUT_FOLDER [--dark] [--scale 2] [--small] [--draft FILE] [--lang CODE]

A sample draft is filled in generically (first option, "yes", a text with Greek, Cyrillic and
Chinese), so new sections of the pack are rendered too; --draft renders a real case instead (the
README's pictures show resources/examples/cv_screening.json). --dark applies a dark palette, as a system
in dark mode would; --scale sets QT_SCALE_FACTOR (200% = 2); --lang renders in that language (en-XA:
the pseudo-language, to see what escaped the catalogue and what a longer language does to the layout).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = "Screening CVs for Ελληνική Εταιρεία, ООО «Пример» and 示例公司: ranks applicants for recruiters."


def fill(session, pack, answered_sections: int) -> None:
    for section in pack.sections[:answered_sections]:
        for question in section.questions:
            if not session.evaluation.is_visible(question.id):
                continue
            if question.kind == "yes_no":
                session.set_answer(question.id, "yes")
            elif question.kind == "single_choice":
                session.set_answer(question.id, question.options[0].id)
            elif question.kind == "multi_choice":
                session.set_answer(question.id, [question.options[0].id])
            elif question.kind in ("short_text", "long_text"):
                session.set_answer(question.id, SAMPLE_TEXT)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=780)
    parser.add_argument("--small", action="store_true", help="256-colour PNG, for the repository")
    parser.add_argument("--draft", type=Path, help="a draft to render instead of the generic answers")
    parser.add_argument("--lang", default="en", help="the language to render in (en-XA: the pseudo-language)")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = options.scale
    os.environ["SANDBOX_KIT_DATA_DIR"] = tempfile.mkdtemp()
    sys.path.insert(0, str(ROOT))
    import catalogue

    catalogue.set_language(options.lang)
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.qt.refcount_guard import install

    install(app)
    app.setStyle("Fusion")
    from app.qt.outlines import install_outlines
    from app.qt.theme import apply_theme, dark_palette

    if options.dark:
        app.setPalette(dark_palette())
    apply_theme(app)  # as the application does (app/qt/launch.py, MainWindow.preload)
    install_outlines(app)
    from app.qt.main_window import MainWindow
    from app.qt.steps import REVIEW

    window = MainWindow()
    window.resize(options.width, options.height)
    window.show()
    options.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-" + catalogue.language() if options.lang != "en" else "") + ("-dark" if options.dark else "") + (f"-x{options.scale}" if options.scale != "1" else "")
    app.processEvents()

    def save(name: str, widget=None) -> None:
        image = (widget or window).grab().toImage()
        if options.small:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage

            flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
            image = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
        image.save(str(options.out / f"{name}{suffix}.png"), "PNG", 0)

    window.preload()  # the pack read: the start page gives its time estimate
    for _ in range(3):  # the bundled fonts loaded with the pack: let the menu bar lay itself out again
        app.processEvents()
    save("00-start")
    window.show_prepare()
    app.processEvents()
    save("00-prepare")
    window.prepare_page.back_button.click()
    if options.draft:
        if not window.open_path(options.draft.resolve()):
            raise SystemExit(f"error: {options.draft} could not be opened")
    else:
        window.new_draft()
        fill(window.session, window.session.pack, answered_sections=len(window.session.pack.sections) - 1)
    pack = window.session.pack
    for number, step in enumerate([s.id for s in pack.sections] + [REVIEW], start=1):
        window.wizard.go_to(step)
        app.processEvents()
        save(f"{number:02d}-{step.replace('_', '')}")
    from app.qt.reference_view import open_reference

    glossary = open_reference(window, pack, "term:dpia")
    glossary.resize(900, 520)
    app.processEvents()
    save("glossary", glossary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
