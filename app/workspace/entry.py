"""One row of the workspace's table: a draft file where it sits, and its summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from app.workspace.folder import FileStat, Place, place_of
from app.workspace.summary import State, Summary


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the workspace, "/" between parts
    size: int
    mtime_ns: int
    hash: str  # SHA-256 of the file's bytes
    summary: Summary

    @classmethod
    def of(cls, stat: FileStat, hash_: str, summary: Summary) -> "Entry":
        return cls(stat.path, stat.size, stat.mtime_ns, hash_, summary)

    @property
    def place(self) -> Place:
        return place_of(self.path)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def modified(self) -> dt.datetime:
        """When the file last changed (by the application or outside it), in local time."""
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9).astimezone()

    @property
    def state(self) -> State:
        return self.summary.state

    def unlocked(self, summary: Summary) -> "Entry":
        """This entry with the summary read with its passphrase (kept in memory only)."""
        return replace(self, summary=summary)
