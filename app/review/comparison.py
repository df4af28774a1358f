"""Every difference between two results of one draft: the one printed in the dossier, the one
recomputed with the pack version the draft records, and the one under today's pack.

A difference names what differs (a track's outcome, what it could still be, the number of open
points, a track one result has and the other lacks) and both values, as ids: the outputs word them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.dossier.result_record import ResultRecord, TrackRecord

# Which two results are compared.
PRINTED_RECOMPUTED = "printed_recomputed"
RECOMPUTED_TODAY = "recomputed_today"
PRINTED_TODAY = "printed_today"  # when the version the draft records is not available
# What differs.
OUTCOME, COULD_BE, OPEN_POINTS, TRACK, HEADLINE = "outcome", "could_be", "open_points", "track", "headline"
SET_ASIDE = "set_aside"  # the outcome of a track a rule set aside, as a difference shows it
ABSENT = "absent"        # a track one result lacks


@dataclass(frozen=True)
class Difference:
    between: str
    kind: str
    track: str = ""
    before: str = ""
    after: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Difference":
        return cls(**{key: str(data.get(key, "")) for key in ("between", "kind", "track", "before", "after")})


def differences(before: ResultRecord, after: ResultRecord, between: str) -> list[Difference]:
    found: list[Difference] = []
    for track in _track_ids(before, after):
        old, new = before.track(track), after.track(track)
        if old is None or new is None:
            found.append(Difference(between, TRACK, track, _present(old), _present(new)))
            continue
        if _outcome(old) != _outcome(new):
            found.append(Difference(between, OUTCOME, track, _outcome(old), _outcome(new)))
        if old.could_be != new.could_be:
            found.append(Difference(between, COULD_BE, track, " ".join(old.could_be), " ".join(new.could_be)))
    if before.open_points != after.open_points:
        found.append(Difference(between, OPEN_POINTS, "", str(before.open_points), str(after.open_points)))
    return found


def _track_ids(before: ResultRecord, after: ResultRecord) -> list[str]:
    return list(dict.fromkeys([t.track for t in before.tracks] + [t.track for t in after.tracks]))


def _outcome(track: TrackRecord) -> str:
    return track.outcome if track.applies else SET_ASIDE


def _present(track: TrackRecord | None) -> str:
    return _outcome(track) if track is not None else ABSENT
