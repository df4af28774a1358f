"""How long the wizard's work after one changed answer takes on the full pack: evaluating visibility
and missing answers, and classifying (what app/qt/session.py does on every change). Target: < 5 ms.

Every question gets an answer (the first option, "yes", some text), then one answer at a time is
changed and the work is timed. Prints the median and the slowest case.

Run: .venv/bin/python benchmarks/classify.py [--rounds N]
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
    rounds = parser.parse_args().rounds
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
    median, slowest = statistics.median(timings), max(timings)
    print(f"pack {pack.id} {pack.version}: {len(questions)} questions, {len(pack.rules)} rules, "
          f"{len(pack.obligations)} obligations")
    print(f"after one changed answer: median {median:.2f} ms, slowest {slowest:.2f} ms "
          f"({'within' if median < TARGET_MS else 'OVER'} the target of {TARGET_MS:g} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
