"""What the workspace shows of one draft file: a summary read from its bytes.

Whom it is for and which system, the kit it was made with and its deadline, its result (the
headline, so an undecided one reads "possibly ..."; for a draft that targets several jurisdictions,
each one's, worked out as the wizard works it out), and how complete it is. A draft made with a
kit is read with the kit's pack (its questions count towards completeness). A protected draft
shows only that it is protected, unless its passphrase is given; a file that cannot be read as a
draft, that no installed pack fits, or whose kit the application has not seen, says so. Reading a
summary never changes the file and never raises: every file gets one, so no bad file can hide the
others. Only the headline of a result is worked out (risk_tiers.classify.classify_headline): a
first indexing reads a thousand drafts, and the table shows nothing else of their results.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from app.results.composed import draft_for
from app.results.jurisdictions import CompositionError, answers_for
from app.results.names import applicant_name, system_name
from app.session.targets import questions_of
from app.storage.drafts import (MAX_DRAFT_BYTES, Draft, DraftError, PassphraseRequired, WrongPassphrase, draft_problems,
                                is_protected_text, open_protected, parse_draft)
from app.workspace.packs import Packs
from catalogue import table
from forms.completeness import completeness
from forms.evaluation import Evaluation
from forms.schema import Pack
from risk_tiers.classify import classify_headline
from risk_tiers.headline import headline, outcome_colour

TEXT = table("workspace.problem")


@dataclass(frozen=True)
class Jurisdiction:
    """One jurisdiction's result of a draft that targets several: its pack's headline."""

    pack: str  # the pack's id
    title: str  # the pack's title, as the table names the jurisdiction
    tier: str = ""  # as Summary's: the headline track's outcome id; "" while nothing is assessed
    tier_label: str = ""  # the headline; what is wrong when the jurisdiction's pack is not here
    could_be: tuple[str, ...] = ()
    colour: str = ""


class State(str, Enum):
    READ = "read"            # read and classified
    PROTECTED = "protected"  # protected by a passphrase not given: listed by its file name only
    DAMAGED = "damaged"      # cannot be read as a draft (broken, not a draft, too large, unreadable)
    UNUSABLE = "unusable"    # a draft, but no installed pack reads it (unknown pack, newer version, answers it refuses)
    KIT_UNSEEN = "kit_unseen"  # made with a kit the application has not seen: read once the kit is opened


@dataclass(frozen=True)
class Summary:
    state: State
    protected: bool = False
    problem: str = ""  # one line, for damaged and unusable files
    draft_id: str = ""
    client: str = ""
    system: str = ""
    pack: str = ""
    kit: str = ""  # the kit's id
    kit_label: str = ""  # the kit as people know it: the sandbox's name and the kit's version
    tier: str = ""  # the headline track's outcome id; "" while nothing is assessed
    tier_label: str = ""  # the headline: "Possibly high-risk" while a more severe outcome is open
    could_be: tuple[str, ...] = ()  # outcome ids, most severe first
    could_be_labels: tuple[str, ...] = ()
    colour: str = ""
    required: int = 0
    given: int = 0
    deadline: str = ""  # ISO date of the kit's call for applications; "" without a kit (or one not seen)
    # The reviewer's comments still open in the feedback the draft keeps; None without feedback
    # (or when the draft cannot be read: protected, damaged).
    open_comments: int | None = None
    # Each jurisdiction the draft targets, in its order, its own pack's first (whose result is also
    # the summary's `tier`, `tier_label`, `could_be` and `colour`); one for a draft of its own pack
    # only, none when the draft is not read.
    jurisdictions: tuple[Jurisdiction, ...] = ()

    @property
    def complete(self) -> bool | None:
        """None when not known (protected, damaged, unusable, kit not seen)."""
        return self.given == self.required if self.state is State.READ else None

    @property
    def tier_labels(self) -> tuple[str, ...]:
        """Each jurisdiction's headline (a draft of one pack: its headline); a filter by result
        keeps a draft when any of them is the one chosen."""
        return tuple(j.tier_label for j in self.jurisdictions) or ((self.tier_label,) if self.tier_label else ())


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def summarise(data: bytes, name: str, packs: Packs, passphrase: str | None = None) -> Summary:
    """The summary of a draft file's bytes; `name` names it in problems."""
    if len(data) > MAX_DRAFT_BYTES:
        return Summary(State.DAMAGED, problem=TEXT["too_large"].format(megabytes=MAX_DRAFT_BYTES // 2**20))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Summary(State.DAMAGED, problem=TEXT["not_text"])
    protected = is_protected_text(text)
    if protected and passphrase is None:
        return _protected(text, name)
    try:
        draft = parse_draft(open_protected(text, name, passphrase), name)
    except WrongPassphrase:  # sealed again with another passphrase since it was unlocked
        return Summary(State.PROTECTED, protected=True)
    except DraftError as error:
        return Summary(State.DAMAGED, protected=protected, problem=_one_line(error, name))
    return summarise_draft(draft, packs, protected)


def summarise_draft(draft: Draft, packs: Packs, protected: bool = False) -> Summary:
    """The summary of a draft already read."""
    lock = draft.lock
    known = dict(protected=protected, draft_id=str(draft.id), pack=lock.pack.id, kit=lock.kit.id if lock.kit else "",
                 client=draft.applicant.strip(), system=draft.system_name.strip(),
                 open_comments=len(draft.feedback.open_comments()) if draft.feedback is not None else None)
    pack = packs.for_lock(lock)
    if pack is None:
        problem = packs.problem(lock) or TEXT["unknown_pack"].format(pack=lock.pack.id, version=lock.pack.version)
        return Summary(State.UNUSABLE, problem=_one_line(problem), **known)
    known.update(client=applicant_name(pack, draft), system=system_name(pack, draft))
    keep_unknown = False
    if lock.kit is not None:
        found = packs.kits.for_made(lock.kit)
        known.update(kit_label=found.label, deadline=found.deadline)
        if found.kit is None and found.problem:
            return Summary(State.UNUSABLE, problem=_one_line(found.problem), **known)
        if found.kit is None:
            unseen = TEXT["kit_unseen"].format(kit=lock.kit.id, version=lock.kit.version)
            return Summary(State.KIT_UNSEEN, problem=unseen, **known)
        # Another version or file of its kit: answers to questions it no longer has are kept, as
        # the wizard keeps them, not refused.
        pack, keep_unknown = found.kit.pack, not found.same
    targeted = packs.targeted(draft.jurisdictions)
    others = [other for _, other in targeted if other is not None]
    errors, _ = draft_problems(draft, pack, keep_unknown, questions_of(others) if others else {})
    if errors:
        return Summary(State.UNUSABLE, problem=_one_line(errors[0]), **known)
    if not others:
        evaluation = Evaluation(pack, draft.values())
        found = completeness(evaluation)
        results = [_result(pack, evaluation)]
    else:
        # As the wizard reads a draft of several jurisdictions: the composed questionnaire counts
        # towards completeness, a shared fact answered once stands for each pack's own question
        # (the names among them), and each jurisdiction's result is of the answers its pack reads.
        try:
            asked, asking = packs.composed([pack, *others])
        except CompositionError as error:
            return Summary(State.UNUSABLE, problem=_one_line(error), **known)
        own = draft_for(asked, pack, draft)
        known.update(client=applicant_name(pack, own), system=system_name(pack, own))
        values = draft.values()
        found = completeness(Evaluation(asking, values))
        results = [_result(p, Evaluation(p, answers_for(asked, p.id, values))) for p in asked.packs]
    by_id = {result.pack: result for result in results[1:]}
    missing = TEXT["jurisdiction_missing"]
    every = (results[0], *(by_id.get(pack_id) or Jurisdiction(pack_id, pack_id, tier_label=missing)
                           for pack_id, _ in targeted))
    first = results[0]
    track = pack.tracks[0]
    return Summary(
        State.READ, **known,
        tier=first.tier, tier_label=first.tier_label, could_be=first.could_be,
        could_be_labels=tuple(_outcome_label(track, outcome) for outcome in first.could_be),
        colour=first.colour, required=found.required, given=found.given, jurisdictions=every,
    )


def _result(pack: Pack, evaluation: Evaluation) -> Jurisdiction:
    """The headline of `pack`'s result: all a table shows of it, so the rest of the assessment
    (duties, open points, gaps) is not worked out."""
    assessment = classify_headline(evaluation)
    return Jurisdiction(pack.id, jurisdiction_title(pack), assessment.primary.outcome if assessment.assessed else "",
                        headline(pack, assessment)[0], assessment.could_be, outcome_colour(pack, assessment) or "")


def jurisdiction_title(pack: Pack) -> str:
    """How the table names a jurisdiction: its pack's short title (the full ones fill a cell alone)."""
    return pack.short_title


def _protected(text: str, name: str) -> Summary:
    try:
        open_protected(text, name, None)  # checks the envelope, decrypts nothing
    except PassphraseRequired:
        return Summary(State.PROTECTED, protected=True)
    except DraftError as error:
        return Summary(State.DAMAGED, protected=True, problem=_one_line(error, name))
    return Summary(State.PROTECTED, protected=True)


def _outcome_label(track, outcome_id: str) -> str:
    outcome = track.outcome(outcome_id)
    return outcome.label if outcome else outcome_id


def _one_line(problem: object, name: str = "") -> str:
    """The problem on one line, without the file's name in front (the table shows it beside)."""
    text = " ".join(str(problem).split())
    return text.removeprefix(f"{name}: ") if name else text
