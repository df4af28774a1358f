"""Time to summarise a folder of 500 dossiers with `python main.py review FOLDER --csv OUT`, the
first time (every file read, checked and classified again) and the second time (every file
unchanged, taken from the register); prints both with their targets (30 s and 2 s on the 2-core
test machine) and the ratio to each.

The 500 dossiers are 500 different drafts (each example answered by another applicant: another
draft id, name and time, so another fingerprint), exported in a pool of processes; copies of one
file would share a fingerprint and flatter nothing but could hide work. Each run is the command as
a reviewer starts it, in a process of its own, with a new register in a temporary data folder.

Run: python benchmarks/review.py [--count N] [--folder DIR] [--register URL] [--profile]
  --folder keeps the dossiers in DIR and reuses them next time; --register times another register
  (a PostgreSQL URL: its database should be empty); --profile prints the first run's top functions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLES = ("cv_screening", "credit_scoring", "customer_chatbot", "demand_forecaster")
TARGETS = {"first": 30.0, "again": 2.0}
NAMESPACE = uuid.UUID("7a1c3e52-2f0b-4d7e-9c1a-5b6d8e9f0a1b")


def export_one(number: int, folder: str) -> str:
    """Dossier `number`: an example's draft as another applicant would have sent it."""
    from app.dossier.export import export_dossier
    from app.storage.drafts import Answer, load_draft
    from forms.loader import default_pack

    pack = default_pack()
    name = EXAMPLES[number % len(EXAMPLES)]
    draft = load_draft(ROOT / "resources" / "examples" / f"{name}.json")
    applicant = f"{draft.answers[pack.applicant_name_question].value} {number}"
    answers = {**draft.answers, pack.applicant_name_question: Answer(value=applicant)}
    varied = draft.model_copy(update={"id": uuid.uuid5(NAMESPACE, str(number)), "answers": answers,
                                      "modified": draft.modified + dt.timedelta(minutes=number)})
    out = Path(folder) / f"{number:04d} {name}.pdf"
    export_dossier(varied, pack, out)
    return str(out)


def make_dossiers(folder: Path, count: int) -> None:
    present = len(list(folder.glob("*.pdf")))
    if present == count:
        print(f"{count} dossiers already in {folder}")
        return
    for old in folder.glob("*.pdf"):
        old.unlink()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(export_one, range(count), [str(folder)] * count, chunksize=10))
    print(f"{count} dossiers exported to {folder} in {time.perf_counter() - start:.1f} s")


def timed_review(folder: Path, out: Path, env: dict[str, str], register: str | None) -> float:
    """The wall time of one `review` run; its processor time is printed too, which says more when
    others share the machine."""
    command = [sys.executable, str(ROOT / "main.py"), "review", str(folder), "--csv", str(out)]
    if register:
        command += ["--register", register]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"review failed: {done.stderr.strip()}")
    processor = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print("   ", done.stdout.strip().splitlines()[-1])
    print(f"    {elapsed:.2f} s, of which {processor:.2f} s on a processor")
    return elapsed


def profile(folder: Path, data: Path) -> None:
    import cProfile
    import pstats

    os.environ["SANDBOX_KIT_DATA_DIR"] = str(data / "profiled")
    from app.commands.main import main

    profiler = cProfile.Profile()
    profiler.runcall(main, ["review", str(folder), "--csv", str(data / "profiled.csv")])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--register")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="review-bench-") as temporary:
        folder = args.folder or Path(temporary) / "inbox"
        folder.mkdir(parents=True, exist_ok=True)
        make_dossiers(folder, args.count)
        data = Path(temporary) / "data"
        env = {**os.environ, "SANDBOX_KIT_DATA_DIR": str(data)}
        if args.profile:
            profile(folder, Path(temporary))
            return 0
        print(f"{args.count} dossiers, review with a new register:")
        first = timed_review(folder, Path(temporary) / "first.csv", env, args.register)
        print("the same folder again, from the register:")
        again = timed_review(folder, Path(temporary) / "again.csv", env, args.register)
        same = (Path(temporary) / "first.csv").read_bytes() == (Path(temporary) / "again.csv").read_bytes()
        print(f"first run: {first:.2f} s (target {TARGETS['first']:.0f} s, ratio {first / TARGETS['first']:.2f})")
        print(f"again:     {again:.2f} s (target {TARGETS['again']:.0f} s, ratio {again / TARGETS['again']:.2f})")
        print(f"the two summaries are {'the same' if same else 'DIFFERENT'}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
