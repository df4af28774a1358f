"""Reading many draft files into summaries, in this process or, for many files, in a few others.

Classifying is what a summary costs (a few milliseconds a draft), so the first indexing of a large
folder is shared among worker processes, each loading the packs once. They are started fresh
("spawn"), never forked, since the wizard runs threads; each is told the language and reads the
same data folder (the environment is inherited). Files are read as the work goes, a few chunks
ahead, so a large folder never sits in memory whole.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from typing import Iterable, Iterator, Sequence

import catalogue
from app.workspace.packs import Packs
from app.workspace.summary import Summary, summarise

# Below this many files the workers' start (up to a second each: Python, pydantic and the packs
# loaded) costs more than it saves: a summary takes about 3.5 ms of processor time (benchmarks/
# workspace.py), so sharing it between two processes saves under 2 ms a file.
POOL_FROM = 500
CHUNK = 10
MAX_WORKERS = 4

# A file's name and bytes; or its summary already, when it could not be read.
Item = tuple[str, "bytes | Summary"]
Done = list[tuple[str, Summary]]


def summaries(items: Iterable[Item], packs: Packs, workers: int = 0) -> Iterator[Done]:
    """(name, summary) of each item, a chunk at a time, in the items' order. With `workers` the
    work is shared among that many processes; 0: this process only."""
    chunks = _chunks(iter(items))
    if workers <= 0:
        for chunk in chunks:
            yield _summarise(chunk, packs)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=_start_worker, initargs=(catalogue.language(),)) as pool:
        waiting: deque[Future] = deque()
        for chunk in chunks:
            waiting.append(pool.submit(_summarise_chunk, chunk))
            if len(waiting) >= 3 * workers:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()


def worker_count(files: int, cores: int | None = None) -> int:
    """How many processes to read `files` files with: none for a few files, else one per core this
    process may run on (`cores`; default: those of the machine it is allowed), MAX_WORKERS at most,
    and none on a single core, where a worker only adds its start-up and the copying of the files
    to it.

    The cores alone count, not the load average: the load is a past minute's, of other programs
    that share the cores with the workers fairly rather than leave them none, and a first indexing
    that chose to work alone on a busy minute took longer than the workers' start ever costs (1,000
    drafts: 16 s alone against 9.5 s with two workers, at a load of about one on two cores)."""
    if files < POOL_FROM:
        return 0
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, MAX_WORKERS) if cores >= 2 else 0


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    while chunk := list(islice(items, CHUNK)):
        yield chunk


_packs: Packs | None = None


def _start_worker(language: str) -> None:
    catalogue.set_language(language)


def _summarise_chunk(chunk: Sequence[Item]) -> Done:
    global _packs
    if _packs is None:
        _packs = Packs()
    return _summarise(chunk, _packs)


def _summarise(chunk: Sequence[Item], packs: Packs) -> Done:
    return [(name, data if isinstance(data, Summary) else summarise(data, name, packs)) for name, data in chunk]
