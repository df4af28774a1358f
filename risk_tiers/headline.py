"""The headline of an assessment as a reader sees it: the first track's label and summary.

Every output (wizard, report, dossier) takes its headline from here, so the cases where the
outcome alone would mislead are handled once: nothing answered yet, a result a more severe outcome
could still replace, a track set aside (a model placed without a system has no system tier), and
a result relieved by an exception (an Annex III system exempted under Art 6(3) never reads as
bare "minimal risk"). Their words come from the pack, so they are translated with it.
"""

from __future__ import annotations

from forms.citations import is_under, label
from forms.evaluation import index_of
from forms.schema import Pack, ReliefText, Track, UndecidedText
from risk_tiers import texts
from risk_tiers.assessment import Assessment, TrackResult


def headline(pack: Pack, assessment: Assessment) -> tuple[str, str]:
    """(label, summary) of the assessment's primary result; the summary may be empty.

    Nothing answered reads "not assessed yet"; a result that a more severe outcome could still
    replace reads "possibly ..." with the questions that decide it, never as the settled lower one.
    """
    if not assessment.assessed and pack.not_assessed_text is not None:
        return pack.not_assessed_text.label, pack.not_assessed_text.summary
    track, result = pack.tracks[0], assessment.primary
    possible = track.outcome(result.could_be[0]) if result.could_be else None
    if possible is not None and possible.possibly and pack.undecided_text is not None:
        reached = _reached(track, result, assessment)[0]
        return possible.possibly, _undecided_summary(pack, pack.undecided_text, reached, result.deciding)
    return _reached(track, result, assessment)


def track_status(pack: Pack, assessment: Assessment, track: Track) -> str:
    """A track's outcome in words, "... so far; possibly ..." while a more severe one is open."""
    result = assessment.track(track.id)
    reached = _reached(track, result, assessment)[0]
    possible = track.outcome(result.could_be[0]) if result.could_be else None
    if possible is None or not possible.possibly:
        return reached
    return texts.TRACK_POSSIBLY.format(reached=reached, possibly=possible.possibly)


def outcome_colour(pack: Pack, assessment: Assessment) -> str | None:
    """The colour of the headline: an undecided result wears that of the outcome it could still be;
    nothing assessed, or a track set aside, has none."""
    track, result = pack.tracks[0], assessment.primary
    if not assessment.assessed or not result.applies:
        return None
    shown = track.outcome(result.could_be[0] if result.could_be else result.outcome)
    return shown.colour if shown else None


def _reached(track: Track, result: TrackResult, assessment: Assessment) -> tuple[str, str]:
    if not result.applies and track.set_aside_text is not None:
        return track.set_aside_text.label, track.set_aside_text.summary
    relief = track.relief
    if relief is not None and result.outcome == relief.outcome:
        relieving = assessment.findings_of(relief.finding)
        if relieving:
            return relief.label, _relief_summary(relief, relieving)
    outcome = track.outcome(result.outcome)
    if outcome is None:
        return result.outcome, ""
    return outcome.label, outcome.summary


def _undecided_summary(pack: Pack, text: UndecidedText, reached: str, deciding: tuple[str, ...]) -> str:
    questions = index_of(pack).questions
    named = [texts.QUOTED.format(text=questions[qid].text if qid in questions else qid)
             for qid in deciding[:text.listed]]
    listed = texts.LIST_SEPARATOR.join(named)
    if len(deciding) > text.listed:
        listed += text.more.format(count=len(deciding) - text.listed)
    return text.summary.format(reached=reached, questions=listed)


def _relief_summary(text: ReliefText, findings) -> str:
    refs = list(dict.fromkeys(ref for finding in findings for ref in finding.refs))
    points = [label(ref) for ref in refs if is_under(ref, text.points_from)]
    conditions = [label(ref) for ref in refs if is_under(ref, text.conditions_from)]
    return text.summary.format(points=texts.LIST_SEPARATOR.join(points) or text.no_points,
                               conditions=texts.LIST_SEPARATOR.join(conditions) or text.no_condition)


def role_name(pack: Pack, role: str) -> str:
    """A role's name as the pack words it: the roles question's option label up to its colon
    ("Provider: we develop it ..." gives "Provider"), so it is translated with the pack. Stripped: French
    puts a (no-break) space before its colon ("Fournisseur : nous ...")."""
    question = next((q for s in pack.sections for q in s.questions if q.id == pack.roles_question), None)
    option = next((o for o in getattr(question, "options", ()) if o.id == role), None)
    return option.label.split(":")[0].strip() if option else role
