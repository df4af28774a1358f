"""Crash safety, proven: a process saving a draft in a loop is killed (SIGKILL) at random moments,
and every time the draft on disk is a complete version: the last one before the kill or a newer one.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.storage.backups import KEEP, list_backups
from app.storage.drafts import load_draft
from tests.faults.crash_writer import version

ROOT = Path(__file__).resolve().parents[2]
KILLS = 200


def _version_on_disk(path: Path) -> int:
    draft = load_draft(path)  # raises on a torn or broken file
    number = int(draft.system_name.split()[1])
    assert path.read_bytes() == version(number).to_json().encode("utf-8")
    return number


def test_draft_survives_200_kills_at_random_moments(tmp_path):
    path = tmp_path / "drafts" / "draft.json"
    server = subprocess.Popen([sys.executable, "-m", "tests.faults.crash_writer", str(path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    randomness = random.Random(7)
    last, advanced, started = 0, 0, time.monotonic()
    try:
        for _ in range(KILLS):
            server.stdin.write(f"go {last + 1}\n")
            ready = server.stdout.readline().split()
            assert ready[0] == "ready", ready
            time.sleep(randomness.uniform(0, 0.03))  # a random moment inside the saving loop
            os.kill(int(ready[1]), signal.SIGKILL)
            reaped = server.stdout.readline().split()
            assert reaped[0] == "reaped", reaped
            assert os.WIFSIGNALED(int(reaped[1])) and os.WTERMSIG(int(reaped[1])) == signal.SIGKILL
            number = _version_on_disk(path)
            assert number >= last + 1  # the writer's first save finished before it said ready
            advanced += number > last + 1
            last = number
            for backup in list_backups(path):  # backups are written the same way: never torn
                assert int(load_draft(backup.path).system_name.split()[1]) <= last
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        server.stdout.close()
    assert advanced > KILLS // 4  # most kills landed while later versions were being saved
    assert 1 <= len(list_backups(path)) <= KEEP + 1  # a kill between writing a backup and pruning
    assert time.monotonic() - started < 90
