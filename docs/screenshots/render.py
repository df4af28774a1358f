"""Render every page of the wizard to PNG, headless, to look at them (and keep a few for the README):
the start page with its time estimate, what to prepare, every section, the review, and the glossary.

    .venv/bin/python docs/screenshots/render.py OUT_FOLDER [--dark] [--scale 2] [--small] [--draft FILE] [--lang CODE]
                                                [--kit FILE] [--only STEP ...] [--jurisdictions PACK ...]
    .venv/bin/python docs/screenshots/render.py OUT_FOLDER --workspace [--dark] ...
    .venv/bin/python docs/screenshots/render.py OUT_FOLDER --reviewer [--dark] [--lang CODE] ...
    .venv/bin/python docs/screenshots/render.py OUT_FOLDER --feedback [--dark] [--lang CODE] ...

A sample draft is filled in generically (first option, "yes", a text with Greek, Cyrillic and
Chinese), so new sections of the pack are rendered too; --draft renders a real case instead (the
README's pictures show resources/examples/cv_screening.json). --dark applies a dark palette, as a system
in dark mode would; --scale sets QT_SCALE_FACTOR (200% = 2); --lang renders in that language (en-XA:
the pseudo-language, to see what escaped the catalogue and what a longer language does to the layout).
--kit wears an authority's kit (resources/kits/nordland.sandboxkit): the start page is rendered
with its welcome, and the review page with two documents added, scrolled to them as well.
--jurisdictions targets those packs' jurisdictions too (utah_ai_lab): File > New's chooser is rendered
with them ticked, the wizard asks their composed questionnaire, the result panel is scrolled to each
one's headline, the evidence reuse under them, and rendered whole too (result-panel); the review
page is also rendered scrolled to its result, each one's headline under it. With --reviewer, the
inbox has a dossier targeting them too, rendered chosen, at its top and at the other
jurisdictions' results.
--only renders just those steps (section ids, "review", "prepare" or "glossary"; the start page always).
--workspace renders the start page with a consultant's workspace instead (a folder made from the
examples: several clients, undecided and incomplete drafts, a protected and a damaged file, an
archived draft and a template, a draft made with the Nordland kit, seen, one made with a kit
never seen, and one that targets Colorado and Utah too), and the dialog that duplicates a draft for another client; with --kit, wearing it.
--reviewer renders the reviewer's view instead, on a sample inbox of received dossiers
(docs/screenshots/reviewer_sample.py): a forged result chosen, then a signed dossier.
--feedback renders the feedback's round trip (docs/screenshots/feedback_sample.py): the reviewer's
comments on a dossier, the applicant's review page with the comments open and one at its question,
and the reviewer's view of the next version with its thread.
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
    parser.add_argument("--workspace", action="store_true", help="the start page with a sample workspace")
    parser.add_argument("--kit", type=Path, help="an authority kit to wear")
    parser.add_argument("--reviewer", action="store_true", help="the reviewer's view on a sample inbox")
    parser.add_argument("--feedback", action="store_true",
                        help="the reviewer's comments, the applicant's review page with them, the next version's thread")
    parser.add_argument("--jurisdictions", nargs="*", default=[], help="other packs the draft targets")
    parser.add_argument("--only", nargs="*", help="the steps to render (section ids, review, prepare, glossary)")
    options = parser.parse_args()
    if "QT_QPA_PLATFORM" not in os.environ:  # offscreen, on a desktop's screen (its own is 800 x 600)
        screen = Path(tempfile.mkdtemp()) / "offscreen.json"
        screen.write_text('{"screens": [{"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                          '"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}', encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
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

    window = MainWindow(kit_path=options.kit.resolve() if options.kit else None)
    window.resize(options.width, options.height)
    window.show()
    options.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-" + catalogue.language() if options.lang != "en" else "") + ("-dark" if options.dark else "") + (f"-x{options.scale}" if options.scale != "1" else "")
    suffix = ("-kit" if options.kit else "") + ("-jurisdictions" if options.jurisdictions else "") + suffix
    settle(app)

    def save(name: str, grabbed=None) -> None:
        image = (grabbed or window.grab()).toImage()
        if options.small:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage

            flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
            image = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
        image.save(str(options.out / f"{name}{suffix}.png"), "PNG", 0)

    if options.workspace or options.reviewer or options.feedback:
        if options.workspace:
            render_workspace(app, window, save)
        elif options.feedback:
            from feedback_sample import render_feedback

            render_feedback(app, window, save)
        else:
            from reviewer_sample import render_reviewer

            render_reviewer(app, window, save, Path(os.environ["SANDBOX_KIT_DATA_DIR"]), options.jurisdictions)
        window.close()
        return 0
    window.preload()  # the pack (and the kit) read: the start page gives its time estimate
    settle(app)  # the bundled fonts loaded with the pack: let the menu bar lay itself out again
    save("00-start")
    if not options.only or "prepare" in options.only:
        window.show_prepare()
        settle(app)
        save("00-prepare")
        window.prepare_page.back_button.click()
    if options.draft:
        if not window.open_path(options.draft.resolve()):
            raise SystemExit(f"error: {options.draft} could not be opened")
        for pack_id in options.jurisdictions:
            window.session.drafts.add_jurisdiction(pack_id)
    elif options.jurisdictions:  # through File > New's chooser, rendered with those packs ticked
        choose_through_dialog(app, window, options.jurisdictions, save)
        fill(window.session, window.session.pack, answered_sections=len(window.session.pack.sections) - 1)
    else:
        window.new_draft(options.jurisdictions)
        fill(window.session, window.session.pack, answered_sections=len(window.session.pack.sections) - 1)
    if options.kit:
        add_documents(window)
    pack = window.session.pack
    for number, step in enumerate([s.id for s in pack.sections] + [REVIEW], start=1):
        if options.only and (step if step != REVIEW else "review") not in options.only:
            continue
        window.wizard.go_to(step)
        settle(app)
        if options.jurisdictions:  # the result panel at each jurisdiction's headline, the evidence reuse under it
            show_jurisdictions(app, window.wizard.result)
        save(f"{number:02d}-{step.replace('_', '')}")
    if options.jurisdictions:  # the whole result panel, top to bottom, at its width in the window
        panel = window.wizard.result.widget()
        settle(app)
        save("result-panel", panel.grab())
    if options.jurisdictions and (not options.only or "review" in options.only):
        review = window.wizard.review
        review.verticalScrollBar().setValue(review.result_label.y())
        settle(app)
        save("99-review-result")
    if options.kit and (not options.only or "review" in options.only):
        review = window.wizard.review
        review.verticalScrollBar().setValue(review.attachments.y())
        settle(app)
        save("99-documents")
    if not options.only or "glossary" in options.only:
        from app.qt.reference_view import open_reference

        glossary = open_reference(window, pack, "term:dpia", shelf=window.session.glossary_packs())
        glossary.resize(900, 520)
        settle(app)
        save("glossary", glossary.grab())
    return 0


def choose_through_dialog(app, window, pack_ids: list[str], save) -> None:
    """File > New as a person meets it: the jurisdictions' chooser (a modal dialog, so a timer
    finds it once it is up), the rows of `pack_ids` ticked, rendered, then accepted."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QDialog, QListWidget

    from app.session.targets import available_jurisdictions

    titles = [info.title for info in available_jurisdictions() if info.id in pack_ids]

    def tick_and_render() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(100, tick_and_render)
            return
        rows = dialog.findChild(QListWidget)
        for index in range(rows.count()):
            if any(title in rows.item(index).text() for title in titles):
                rows.item(index).setCheckState(Qt.CheckState.Checked)
        settle(app)
        save("new", dialog.grab())
        dialog.accept()

    QTimer.singleShot(0, tick_and_render)
    window.choose_new_draft()
    settle(app)


def show_jurisdictions(app, panel) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    panel.fill()
    settle(app)
    first = next(label for label in panel.widget().findChildren(QLabel) if label.property("jurisdiction"))
    panel.verticalScrollBar().setValue(first.mapTo(panel.widget(), QPoint(0, 0)).y() - 60)
    settle(app)


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


def make_sample_workspace(folder: Path) -> None:
    """A consultant's folder made from the examples, with every kind of row the table shows."""
    import json

    from app.kits.kit import load_kit
    from app.kits.shelf import remember
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Made, load_draft

    examples = ROOT / "resources" / "examples"
    nordland = load_kit(ROOT / "resources" / "kits" / "nordland.sandboxkit")
    remember(nordland)  # seen: its drafts are read with it
    never_seen = Made(id="eastmark.ai_sandbox", version="2.0", hash="sha256:" + "0" * 64)

    def draft(example, place, system=None, unsure=(), drop=(), passphrase=None, kit=None, targets=(), **kit_answers):
        made = load_draft(examples / f"{example}.json")
        made.jurisdictions = [made.lock.pack.id, *targets]
        if system:
            made.answers["applicant.system_name"] = Answer(value=system)
        if kit is not None:
            made.lock = made.lock.model_copy(update={"kit": kit})
            made.answers.update({qid.replace("__", "."): Answer(value=v) for qid, v in kit_answers.items()})
        for qid in unsure:
            made.answers[qid] = Answer(value="unsure")
        for prefix in drop:
            made.answers = {qid: a for qid, a in made.answers.items() if not qid.startswith(prefix)}
        (folder / place).parent.mkdir(parents=True, exist_ok=True)
        save_draft(made, folder / place, keep_backup=False, passphrase=passphrase)

    draft("cv_screening", "TalentLens/CV ranking.json")
    draft("cv_screening", "TalentLens/Interview scheduler.json", "TalentLens interview scheduler",
          unsure=["derogation.profiling"], drop=["plan."])
    draft("credit_scoring", "Kredito/Credit score.json")
    draft("credit_scoring", "Kredito/Credit score, EU and US.json", "Kredito credit score (EU and US)",
          targets=["colorado_admt", "utah_ai_lab"])
    draft("credit_scoring", "Kredito/Fraud alerts.json", "Kredito fraud alerts", unsure=["annex3.fraud_only"])
    draft("credit_scoring", "Kredito/Credit score, Nordland sandbox.json", kit=nordland.made,
          nordland__sector="finance", nordland__other_authorities=["data_protection", "financial"])
    draft("customer_chatbot", "Helpdesk/Chatbot, Eastmark sandbox.json", kit=never_seen)
    draft("customer_chatbot", "Helpdesk/Customer chatbot.json")
    draft("customer_chatbot", "Helpdesk/Voice bot.json", "Aino voice bot", unsure=["transparency.obvious"],
          drop=["privacy."])
    draft("demand_forecaster", "Nordlager/Demand forecaster.json")
    draft("cv_screening", "Medisense/Triage assistant.json", passphrase="sample passphrase")
    draft("credit_scoring", ".archive/Kredito/Credit score 2025.json")
    draft("cv_screening", ".templates/Recruitment tool.json")
    broken = json.dumps(json.loads((examples / "demand_forecaster.json").read_text(encoding="utf-8")))[:700]
    (folder / "Nordlager" / "Old export.json").write_text(broken, encoding="utf-8")


def render_workspace(app, window, save) -> None:
    import time

    folder = Path(tempfile.mkdtemp()) / "Clients"
    make_sample_workspace(folder)
    window.preload()
    window.open_workspace(folder)
    view = window.workspace_view
    started = time.monotonic()
    while (view.refresher.running or not view.model.rowCount()) and time.monotonic() - started < 60:
        app.processEvents()
        time.sleep(0.02)
    view.select("TalentLens/CV ranking.json")
    app.processEvents()
    save("00-workspace")
    view.actions.duplicate()
    dialog = view.actions.copy_dialog
    dialog.client.setText("Hireline AB")
    dialog.sections["plan"].setChecked(False)
    dialog.resize(520, 640)
    app.processEvents()
    save("00-workspace-copy", dialog.grab())
    dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
