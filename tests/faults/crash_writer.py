"""A helper process for the crash test: on each "go K" line it forks a writer that saves versions
K, K+1, ... of one draft in a loop, says "ready PID", and reports "reaped" once the test killed it.

Forking from this small single-threaded process costs milliseconds, where starting a Python per
kill would cost a second; the writer runs the real `save_draft`, backups included.
"""

import datetime as dt
import os
import sys
import uuid
from pathlib import Path

from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, Lock, Made

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
DRAFT_ID = uuid.UUID("c0ffee00-0000-4000-8000-000000000001")


def version(number: int) -> Draft:
    """Version `number` of the draft: it grows by one answer with a long note per version."""
    answers = {f"q{i}": Answer(value="yes", note=f"{number}:" + "n" * 300) for i in range(number % 400)}
    return Draft(id=DRAFT_ID, lock=Lock(pack=Made(id="eu_ai_act", version="1")), system_name=f"version {number}",
                 created=WHEN, modified=WHEN, answers=answers)


def _write_forever(path: Path, start: int) -> None:
    save_draft(version(start), path)
    os.write(1, f"ready {os.getpid()}\n".encode())
    number = start + 1
    while True:
        save_draft(version(number), path)
        number += 1


def main() -> None:
    path = Path(sys.argv[1])
    for line in sys.stdin:
        start = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                _write_forever(path, start)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        os.write(1, f"reaped {status}\n".encode())


if __name__ == "__main__":
    main()
