"""The undo history of a workspace: the actions done in this session, the last undone first.

It lives as long as the application: nothing of it is saved. An action that cannot be undone
(emptying the bin) is never recorded here; its caller asks the person first.
"""

from __future__ import annotations

from pathlib import Path

from app.workspace.actions import Done


class History:
    def __init__(self) -> None:
        self._done: list[Done] = []

    def record(self, done: Done) -> Done:
        self._done.append(done)
        return done

    @property
    def last(self) -> Done | None:
        """What Undo would undo; None when there is nothing."""
        return self._done[-1] if self._done else None

    def undo(self) -> tuple[Done, Path | None]:
        """Undo the last action: (it, where its draft is now). When the files changed since in a
        way that forbids it, WorkspaceError says so; the action is then forgotten, since trying
        again would meet the same files."""
        done = self._done.pop()
        return done, done.undo()

    def __len__(self) -> int:
        return len(self._done)
