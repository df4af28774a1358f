"""The result a dossier prints, kept in its metadata in a form a program reads back: the pack (and
kit) it was classified with, each track's outcome and what it could still be, and how many open
points were listed.

A reviewer re-classifies the draft inside a dossier and compares with this record
(app/review/): the printed pages are for people, this is what the comparison reads. It holds ids
only, no words, so it is the same in every language. Dossiers made before it existed have none;
a record that cannot be read is treated the same way (`parse` gives None), never guessed at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from risk_tiers.assessment import Assessment

RESULT_KEY = "/SandboxKitResult"  # a PDF name in the document information: reportlab writes it without the slash
FORMAT = "sandbox-applicant-kit/result"
VERSION = 1
MAX_TEXT = 100_000  # a record is a few hundred characters; anything longer is not ours


@dataclass(frozen=True)
class TrackRecord:
    track: str
    outcome: str
    could_be: tuple[str, ...] = ()
    applies: bool = True


@dataclass(frozen=True)
class ResultRecord:
    pack_id: str
    pack_version: str
    tracks: tuple[TrackRecord, ...]
    open_points: int
    assessed: bool = True
    kit_id: str = ""
    kit_version: str = ""

    @classmethod
    def of(cls, assessment: Assessment, kit_id: str = "", kit_version: str = "") -> "ResultRecord":
        tracks = tuple(TrackRecord(t.track, t.outcome, tuple(t.could_be), t.applies) for t in assessment.tracks)
        return cls(assessment.pack_id, assessment.pack_version, tracks, len(assessment.open_points),
                   assessment.assessed, kit_id, kit_version)

    @property
    def primary(self) -> TrackRecord:
        return self.tracks[0]

    def track(self, track_id: str) -> TrackRecord | None:
        return next((t for t in self.tracks if t.track == track_id), None)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION,
                "pack": {"id": self.pack_id, "version": self.pack_version},
                "kit": {"id": self.kit_id, "version": self.kit_version} if self.kit_id else None,
                "assessed": self.assessed,
                "tracks": [{"track": t.track, "outcome": t.outcome, "could_be": list(t.could_be), "applies": t.applies}
                           for t in self.tracks],
                "open_points": self.open_points}

    def to_text(self) -> str:
        """Compact JSON in ASCII, safe as a PDF string."""
        return json.dumps(self.to_json(), ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: Any) -> "ResultRecord | None":
        """The record in `data` (as `to_json` writes it), or None when it is not one of ours."""
        try:
            if data.get("format") != FORMAT or data.get("version") != VERSION:
                return None
            kit = data.get("kit") or {}
            tracks = tuple(TrackRecord(_text(t["track"]), _text(t["outcome"]), tuple(_text(c) for c in t["could_be"]),
                                       t.get("applies", True) is True) for t in data["tracks"])
            points = data["open_points"]
            if not tracks or isinstance(points, bool) or not isinstance(points, int) or points < 0:
                return None
            return cls(_text(data["pack"]["id"]), _text(data["pack"]["version"]), tracks, points,
                       data.get("assessed", True) is True, _text(kit.get("id", "")), _text(kit.get("version", "")))
        except (AttributeError, KeyError, TypeError, ValueError):
            return None

    @classmethod
    def parse(cls, text: str) -> "ResultRecord | None":
        if not text or len(text) > MAX_TEXT:
            return None
        try:
            return cls.from_json(json.loads(text))
        except (ValueError, RecursionError):
            return None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value
