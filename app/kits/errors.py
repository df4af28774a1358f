"""The one error a kit gives: one line, and the catalogue id of its message (tests and `kit check
--json` tell refusals apart by the id, never by the words)."""

from __future__ import annotations

from typing import Any

from catalogue import tr


class KitError(Exception):
    """A kit that cannot be used. The message is one line naming the kit's file (and the entry in it)."""

    def __init__(self, msg_id: str, message: str) -> None:
        super().__init__(message)
        self.msg_id = msg_id

    @classmethod
    def tr(cls, msg_id: str, **params: Any) -> "KitError":
        """The error whose message is `msg_id` of the catalogue, filled in (the catalogue's checks
        read `KitError.tr("id", ...)` as a use of the message, as they read `tr`)."""
        return cls(msg_id, tr(msg_id, **params))
