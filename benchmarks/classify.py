"""How long the wizard's work after one changed answer takes on the full pack: evaluating visibility
and missing answers, and classifying (what app/qt/session.py does on every change). Target: < 5 ms.

Every question gets an answer (the first option, "yes", some text), then one answer at a time is
changed and the work is timed. A new draft is the other extreme, where nearly everything is still
open and the open points take the most work: there each question is answered alone. Prints the
median and the slowest case of each. With --ui it also times the
whole wizard's reaction to one answer (session, every built page, the step list, the result panel),
headless.

Run: .venv/bin/python benchmarks/classify.py [--rounds N] [--ui]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forms.evaluation import Evaluation  # noqa: E402
from forms.loader import default_pack  # noqa: E402
from risk_tiers.classify import classify  # noqa: E402

TARGET_MS = 5.0

SAMPLE = {"yes_no": "yes", "short_text": "Example", "long_text": "An example answer.",
          "number": 10, "date": "2026-01-31"}


def answer(question, second: bool = False):
    if question.kind == "yes_no":
        return "no" if second else "yes"
    if hasattr(question, "options"):
        option = question.options[1 if second else 0].id
        return [option] if question.kind == "multi_choice" else option
    return SAMPLE[question.kind]


def after_change(pack, answers) -> None:
    evaluation = Evaluation(pack, answers)
    evaluation.missing_required()
    classify(pack, answers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--ui", action="store_true")
    options = parser.parse_args()
    rounds = options.rounds
    pack = default_pack()
    questions = [q for s in pack.sections for q in s.questions]
    answers = {q.id: answer(q) for q in questions}
    after_change(pack, answers)  # warm up (index built once per pack)
    timings = []
    for _ in range(rounds):
        for question in questions:
            changed = dict(answers, **{question.id: answer(question, second=True)})
            started = time.perf_counter()
            after_change(pack, changed)
            timings.append((time.perf_counter() - started) * 1000)
    print(f"pack {pack.id} {pack.version}: {len(questions)} questions, {len(pack.rules)} rules, "
          f"{len(pack.obligations)} obligations")
    report("after one changed answer", timings)
    report("a new draft after its first answer", [
        time_once(pack, {question.id: answer(question)}) for _ in range(rounds) for question in questions
    ])
    if options.ui:
        time_the_wizard(pack, questions, answers, rounds)
    return 0


def time_once(pack, answers) -> float:
    started = time.perf_counter()
    after_change(pack, answers)
    return (time.perf_counter() - started) * 1000


def report(label: str, timings: list[float]) -> None:
    median, slowest = statistics.median(timings), max(timings)
    verdict = "within" if median < TARGET_MS else "OVER"
    print(f"{label}: median {median:.2f} ms, slowest {slowest:.2f} ms ({verdict} the target of {TARGET_MS:g} ms)")


def time_the_wizard(pack, questions, answers, rounds: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.storage.drafts import Answer, Draft
    from app.qt.prompter import Prompter
    from app.qt.session import Session
    from app.qt.wizard_view import WizardView

    app = QApplication.instance() or QApplication([])
    from app.qt.refcount_guard import install

    install(app)
    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value) for qid, value in answers.items()}
    session = Session(pack, draft)
    view = WizardView(session, Prompter())
    view.resize(1200, 780)
    view.show()
    for section in pack.sections:  # every page built, the worst case
        view.go_to(section.id)
    app.processEvents()
    timings = []
    for _ in range(rounds):
        for question in questions:
            for value in (answer(question, second=True), answer(question)):
                started = time.perf_counter()
                session.set_answer(question.id, value)
                app.processEvents()
                timings.append((time.perf_counter() - started) * 1000)
    print(f"whole wizard after one changed answer (incl. repaint): median {statistics.median(timings):.2f} ms, "
          f"slowest {max(timings):.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
