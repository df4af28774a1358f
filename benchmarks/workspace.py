"""How fast a consultant's workspace of 1,000 drafts lists: the first indexing of the folder, and
the table read from the index afterwards. Targets: first indexing under 10 s; the table's data
from the index under 0.5 s.

The drafts are the examples in resources/examples/ varied: 200 clients with five systems each,
answers made unsure or left out here and there (so results read "possibly ..." and drafts are
incomplete), a few protected by a passphrase and a few damaged. Everything is made in a temporary
folder, with a temporary data folder for the index; nothing of the user's is touched. Also prints
a refresh when nothing changed (a stat of every file) and one after ten drafts were edited.

Run: .venv/bin/python benchmarks/workspace.py [--drafts N] [--workers N] [--several N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_TARGET_S = 10.0
LISTING_TARGET_S = 0.5
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def make_drafts(folder: Path, count: int, seed: int = 15, several: int = 0) -> None:
    """`count` drafts varied from the examples, filed by client as a consultant files them; with
    `several`, one in that many targets Colorado and Utah too (each jurisdiction is classified)."""
    from app.storage.drafts import draft_bytes, parse_draft
    from forms.loader import default_pack

    yes_no = {q.id for section in default_pack().sections for q in section.questions if q.kind == "yes_no"}
    rng = random.Random(seed)
    examples = [json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    for number in range(count):
        data = json.loads(json.dumps(examples[number % len(examples)]))
        client = f"Client {number // 5:03d}"
        data["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        answers = data["answers"]
        answers["applicant.organisation"] = {"value": client, "note": ""}
        answers["applicant.system_name"] = {"value": f"System {number}", "note": ""}
        for qid in list(answers):
            roll = rng.random()
            if roll < 0.03 and qid in yes_no:
                answers[qid]["value"] = "unsure"
            elif roll < 0.05 and not qid.startswith("applicant."):
                del answers[qid]
        target = folder / client / f"system {number}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        if number % 97 == 13:
            target.write_text(json.dumps(data)[: rng.randrange(100, 2000)], encoding="utf-8")  # damaged
        elif number % 53 == 7:
            target.write_bytes(draft_bytes(parse_draft(json.dumps(data)), "benchmark passphrase"))
        elif several and number % several == 0:
            draft = parse_draft(json.dumps(data))
            draft.jurisdictions = [draft.lock.pack.id, "colorado_admt", "utah_ai_lab"]
            target.write_text(draft.to_json(), encoding="utf-8")
        else:
            target.write_text(json.dumps(data, indent=2), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--several", type=int, default=0, metavar="N",
                        help="one draft in N targets Colorado and Utah too (default: none)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes to classify with (default: as the application chooses; 0: one)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="workspace-benchmark-") as temporary:
        os.environ["SANDBOX_KIT_DATA_DIR"] = str(Path(temporary) / "data")
        folder = Path(temporary) / "clients"
        make_drafts(folder, options.drafts, several=options.several)
        return run(folder, options.drafts, options.workers)


def run(folder: Path, count: int, workers: int | None) -> int:
    from app.workspace.index import WorkspaceIndex
    from app.workspace.reading import worker_count
    from app.workspace.summary import State

    chosen = worker_count(count) if workers is None else workers
    print(f"{count} drafts in {folder}; classifying in {chosen or 'this'} process{'es' if chosen else ''}")
    started, cpu = time.perf_counter(), _cpu_seconds()
    WorkspaceIndex(folder).refresh(workers=workers)
    first = time.perf_counter() - started
    report("first indexing", first, FIRST_TARGET_S)
    # On a shared machine the wall time says as much about the others' work as about ours.
    spent = _cpu_seconds() - cpu
    print(f"  processor time it took (this process and its workers): {spent:.2f} s, {1000 * spent / count:.1f} ms "
          f"a draft; load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    started = time.perf_counter()
    entries = WorkspaceIndex(folder).entries()  # a new session: the table's rows from the index alone
    listing = time.perf_counter() - started
    report("table data from the index", listing, LISTING_TARGET_S)
    states = {state: sum(e.state is state for e in entries) for state in State}
    print("  rows: " + ", ".join(f"{state.value} {number}" for state, number in states.items()))

    index = WorkspaceIndex(folder)
    started = time.perf_counter()
    index.refresh()
    print(f"refresh with nothing changed: {time.perf_counter() - started:.3f} s")
    for path in sorted(folder.rglob("*.json"))[:10]:
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
        path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    started = time.perf_counter()
    changes = index.refresh()
    print(f"refresh after {len(changes.changed)} drafts were edited outside: {time.perf_counter() - started:.3f} s")
    return 0


def _cpu_seconds() -> float:
    import resource

    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def report(label: str, seconds: float, target: float) -> None:
    verdict = "within" if seconds < target else "OVER"
    print(f"{label}: {seconds:.2f} s, {seconds / target:.2f} of the target of {target:g} s ({verdict})")


if __name__ == "__main__":
    sys.exit(main())
