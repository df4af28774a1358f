"""Render every page of the wizard to PNG, headless, to look at them (and keep a few for the README).

    .venv/bin/python docs/screenshots/render.py OUT_FOLDER [--dark] [--scale 2] [--small] [--draft FILE] [--lang CODE]
                                                [--kit FILE] [--only STEP ...]

A sample draft is filled in generically (first option, "yes", a text with Greek, Cyrillic and
Chinese), so new sections of the pack are rendered too; --draft renders a real case instead (the
README's pictures show resources/examples/cv_screening.json). --dark applies a dark palette, as a system
in dark mode would; --scale sets QT_SCALE_FACTOR (200% = 2); --lang renders in that language (en-XA:
the pseudo-language, to see what escaped the catalogue and what a longer language does to the layout).
--kit wears an authority's kit (resources/kits/nordland.sandboxkit): the start page is rendered
with its welcome, and the review page with two documents added, scrolled to them as well.
--only renders just those steps (section ids, or "review").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = "Screening CVs for Ελληνική Εταιρεία, ООО «Пример» and 示例公司: ranks applicants for recruiters."


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#2b2c2f"),
                         (roles.AlternateBase, "#323336"), (roles.Text, "#e8eaed"), (roles.Button, "#303134"),
                         (roles.ButtonText, "#e8eaed"), (roles.Highlight, "#8ab4f8"),
                         (roles.HighlightedText, "#202124"), (roles.Link, "#8ab4f8"),
                         (roles.PlaceholderText, "#9aa0a6"), (roles.ToolTipBase, "#303134"),
                         (roles.ToolTipText, "#e8eaed"), (roles.Mid, "#5f6368"), (roles.Dark, "#17181a"),
                         (roles.Light, "#5f6368"), (roles.Midlight, "#45474a"), (roles.Shadow, "#000000")):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7f8388"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7f8388"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7f8388"))
    return palette


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
    parser.add_argument("--kit", type=Path, help="an authority kit to wear")
    parser.add_argument("--only", nargs="*", help="the steps to render (section ids, review)")
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
    if options.dark:
        app.setPalette(dark_palette())
    from app.qt.main_window import MainWindow
    from app.qt.steps import REVIEW

    window = MainWindow(kit_path=options.kit.resolve() if options.kit else None)
    window.resize(options.width, options.height)
    window.show()
    options.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-" + catalogue.language() if options.lang != "en" else "") + ("-dark" if options.dark else "") + (f"-x{options.scale}" if options.scale != "1" else "")
    suffix = ("-kit" if options.kit else "") + suffix
    settle(app)

    def save(name: str) -> None:
        image = window.grab().toImage()
        if options.small:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage

            flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
            image = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
        image.save(str(options.out / f"{name}{suffix}.png"), "PNG", 0)

    if not options.kit:
        save("00-start")
    window.preload()
    if options.kit:
        settle(app)
        save("00-start")
    if options.draft:
        if not window.open_path(options.draft.resolve()):
            raise SystemExit(f"error: {options.draft} could not be opened")
    else:
        window.new_draft()
        fill(window.session, window.session.pack, answered_sections=len(window.session.pack.sections) - 1)
    if options.kit:
        add_documents(window)
    pack = window.session.pack
    for number, step in enumerate([s.id for s in pack.sections] + [REVIEW], start=1):
        if options.only and (step if step != REVIEW else "review") not in options.only:
            continue
        window.wizard.go_to(step)
        settle(app)
        save(f"{number:02d}-{step.replace('_', '')}")
    if options.kit and (not options.only or "review" in options.only):
        review = window.wizard.review
        review.verticalScrollBar().setValue(review.attachments.y())
        settle(app)
        save("99-documents")
    return 0


def settle(app) -> None:
    """Let the posted layout requests run: a page built just now lays its text out in a few rounds."""
    for _ in range(5):
        app.processEvents()


def add_documents(window) -> None:
    """The first document the kit asks for, and another one, as an applicant would add them."""
    folder = Path(tempfile.mkdtemp())
    kit = window.session.kit
    first = kit.manifest.attachments[0] if kit.manifest.attachments else None
    if first is not None:
        name = f"technical-documentation.{first.types[0] if first.types else 'pdf'}"
        (folder / name).write_bytes(b"%PDF-1.4\n% a stand-in for the applicant's document\n" * 200)
        window.session.drafts.add_attachment(folder / name, first.id)
    (folder / "letter-of-support.pdf").write_bytes(b"%PDF-1.4\n% another document\n" * 40)
    window.session.drafts.add_attachment(folder / "letter-of-support.pdf")


if __name__ == "__main__":
    sys.exit(main())
