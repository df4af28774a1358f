"""Results and their differences in words, for the people reading a review: the command line's
table and the reviewer's view say them alike. A dossier's results hold ids only; the words are
those of the pack (and version) the dossier was made with, as far as this application has it,
else of today's version, else the ids themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dossier.result_record import ResultRecord
from app.review.comparison import ABSENT, COULD_BE, OUTCOME, SET_ASIDE, TRACK, Difference
from catalogue import table
from forms.schema import Pack, Track

if TYPE_CHECKING:
    from app.review.dossier_review import DossierReview
    from app.review.shelf import PackShelf

TEXT = table("review.cli")


class ResultWords:
    """Results and differences in the words of the pack each dossier was made with."""

    def __init__(self, shelf: PackShelf) -> None:
        self.shelf = shelf

    def track(self, review: DossierReview, track_id: str) -> Track | None:
        if not review.pack_id:
            return None
        pack = self._pack(review.pack_id, review.pack_version)
        return next((t for t in pack.tracks if t.id == track_id), None) if pack is not None else None

    def _pack(self, pack_id: str, version: str) -> Pack | None:
        shelved = self.shelf.version(pack_id, version) or self.shelf.today(pack_id)
        return shelved.pack if shelved is not None else None

    def jurisdictions(self, review: DossierReview) -> list[str]:
        """The result under each other jurisdiction the draft targets, by its pack's short title, in the
        words of that pack (its id and the outcome's, when this application lacks it)."""
        found = []
        for record in review.jurisdictions:
            pack = self._pack(record.pack_id, record.pack_version)
            track = next((t for t in pack.tracks if t.id == record.primary.track), None) if pack is not None else None
            found.append(TEXT["jurisdiction_result"].format(title=pack.short_title if pack is not None else record.pack_id,
                                                            result=_headline(track, record, pack)))
        return found

    def outcome(self, review: DossierReview, track_id: str, outcome: str) -> str:
        return _outcome(self.track(review, track_id), outcome)

    def rank(self, review: DossierReview, record: ResultRecord | None) -> int:
        """Where the primary outcome stands in its track's order of precedence (0 the gravest);
        -1 for no result, a large number for a track set aside or an outcome not known."""
        if record is None:
            return -1
        primary = record.primary
        track = self.track(review, primary.track)
        ids = [o.id for o in track.outcomes] if track is not None else []
        return ids.index(primary.outcome) if primary.applies and primary.outcome in ids else len(ids) + 1

    def result(self, review: DossierReview, record: ResultRecord | None) -> str:
        """The headline's words: "Possibly high-risk" while a more severe outcome is open."""
        if record is None:
            return ""
        pack = self._pack(review.pack_id, review.pack_version) if review.pack_id else None
        return _headline(self.track(review, record.primary.track), record, pack)

    def could_be(self, review: DossierReview, record: ResultRecord | None) -> str:
        """What the primary track could still be, in words ("" when nothing more)."""
        if record is None:
            return ""
        primary = record.primary
        return TEXT["list_separator"].join(self.outcome(review, primary.track, o) for o in primary.could_be)

    def difference(self, review: DossierReview, difference: Difference) -> str:
        track = self.track(review, difference.track)
        track_name = track.label if track is not None else difference.track
        if difference.kind == COULD_BE:
            before, after = (TEXT["list_separator"].join(self.outcome(review, difference.track, o) for o in v.split())
                             or TEXT["nothing"] for v in (difference.before, difference.after))
        elif difference.kind in (OUTCOME, TRACK):
            before, after = (self.outcome(review, difference.track, v) for v in (difference.before, difference.after))
        else:  # open points (counts), a headline (in words already)
            before, after = difference.before, difference.after
        what = TEXT[f"what.{difference.kind}"].format(track=track_name)
        return TEXT["difference"].format(between=TEXT[f"between.{difference.between}"], what=what,
                                         before=before, after=after)


def _outcome(track: Track | None, outcome: str) -> str:
    """An outcome of `track` in its words (the id when the track is not at hand)."""
    if outcome == SET_ASIDE:
        return TEXT["set_aside"]
    if outcome == ABSENT:
        return TEXT["absent"]
    found = track.outcome(outcome) if track is not None else None
    return found.label if found is not None else outcome


def _headline(track: Track | None, record: ResultRecord, pack: Pack | None = None) -> str:
    """The words of `record`'s headline under `track` of `pack`: the pack's "not assessed yet" while
    nothing is answered (as the wizard and the workspace say it, risk_tiers/headline.py), else
    "Possibly high-risk" while a more severe outcome is open."""
    if not record.assessed and pack is not None and pack.not_assessed_text is not None:
        return pack.not_assessed_text.label
    primary = record.primary
    possible = track.outcome(primary.could_be[0]) if track is not None and primary.could_be else None
    if possible is not None and possible.possibly:
        return possible.possibly
    return _outcome(track, primary.outcome if primary.applies else SET_ASIDE)
