"""The reviewer's comments on a dossier, and the feedback file made from them for the applicant.

Comments are rows of the register (app/review/register.py), one each, so reviewers commenting at
once each keep theirs; the feedback file (app/storage/feedback.py) is written from those rows and
the application's review status, with the answers of the dossier's draft, so the applicant's next
dossier can say what changed since. A comment names what it is about by id, and only ids the
dossier has are accepted: a question of its pack, a finding (rule), obligation or gap of its
result, a document of its kit or draft, or the application.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from app.review.detail import DossierDetail
from app.results.since import ChangedAnswer, ThreadComment
from app.review.register import Register
from app.storage.feedback import (ERRORS, ApplicationStatus, Comment, CommentStatus, Feedback, FeedbackError, Reply,
                                  Reviewed, Target, TargetKind)


def target_ids(detail: DossierDetail) -> dict[TargetKind, set[str]]:
    """Every id a comment on this dossier may name, by kind (empty when its answers cannot be shown)."""
    document, draft = detail.document, detail.draft
    ids: dict[TargetKind, set[str]] = {kind: set() for kind in TargetKind}
    ids[TargetKind.APPLICATION] = {""}
    if draft is not None:
        ids[TargetKind.QUESTION] |= set(draft.answers)
        ids[TargetKind.ATTACHMENT] |= {a.kind or a.sha256 for a in draft.attachments}
    ids[TargetKind.ATTACHMENT] |= set(detail.review.missing_attachments)
    if document is not None:
        ids[TargetKind.QUESTION] |= {a.question for s in document.sections for a in s.answers}
        ids[TargetKind.FINDING] |= {f.rule for f in (*document.findings, *document.excluded)}
        ids[TargetKind.OBLIGATION] |= {o.id for o in document.obligations}
        ids[TargetKind.GAP] |= {g.id for g in document.gaps}
    return ids


def target_choices(detail: DossierDetail) -> list[tuple[Target, str]]:
    """What a comment on this dossier may be on, each with its words (the pack's: a question's text,
    a finding's reason, an obligation's, a gap's), in the order the application reads: the
    application, its questions by section, findings, obligations, gaps, documents."""
    choices: list[tuple[Target, str]] = [(Target(kind=TargetKind.APPLICATION), "")]
    document = detail.document
    if document is not None:
        choices += [(Target(kind=TargetKind.QUESTION, id=a.question), a.text)
                    for s in document.sections for a in s.answers if a.asked or a.given]
        choices += [(Target(kind=TargetKind.FINDING, id=f.rule), f.reason) for f in (*document.findings, *document.excluded)]
        choices += [(Target(kind=TargetKind.OBLIGATION, id=o.id), o.text) for o in document.obligations]
        choices += [(Target(kind=TargetKind.GAP, id=g.id), g.short_text or g.text) for g in document.gaps]
    listed = {target for target, _ in choices}
    for target_id in sorted(target_ids(detail)[TargetKind.ATTACHMENT]):
        target = Target(kind=TargetKind.ATTACHMENT, id=target_id)
        if target not in listed:
            choices.append((target, target_id))
    return choices


def check_target(target: Target, detail: DossierDetail) -> Target:
    """`target`, when the dossier has what it names; FeedbackError otherwise."""
    if target.id not in target_ids(detail)[target.kind]:
        raise FeedbackError(ERRORS["no_such_target"].format(target=target.key(), file=detail.review.file))
    return target


def add_comment(register: Register, detail: DossierDetail, target: Target, text: str, author: str) -> int:
    """A new open comment on the dossier shown in `detail`; its register id."""
    if not text.strip():
        raise FeedbackError(ERRORS["empty_comment"])
    check_target(target, detail)
    return register.add_comment(detail.review.fingerprint, target.kind.value, target.id, author, text.strip())


def feedback_for(register: Register, detail: DossierDetail, reviewer: str, now: dt.datetime | None = None) -> Feedback:
    """The feedback file for the dossier shown in `detail`: its comments and review status as the
    register keeps them, and its answers as they are in it."""
    draft, review = detail.draft, detail.review
    if draft is None:
        raise FeedbackError(ERRORS["no_draft"].format(file=review.file))
    row = register.dossier(review.fingerprint) or {}
    history = register.review_history(review.fingerprint)
    replies = register.replies(review.fingerprint)
    comments = [Comment(id=str(c.id), target=Target(kind=TargetKind(c.target_kind), id=c.target_id),
                        author=c.author, text=c.text, status=CommentStatus(c.status), created=_time(c.created),
                        replies=[Reply(author=r.author, text=r.text, at=_time(r.at)) for r in replies.get(c.id, [])])
                for c in register.comments(review.fingerprint)]
    return Feedback(
        dossier=Reviewed(fingerprint=review.fingerprint, draft_id=uuid.UUID(str(draft.id)), applicant=review.applicant,
                         system=review.system, answers=draft.values()),
        status=ApplicationStatus(row.get("review_status", ApplicationStatus.RECEIVED.value)),
        status_note=history[-1].note if history else "", reviewer=reviewer,
        written=now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0), comments=comments)


def take_replies(register: Register, detail: DossierDetail) -> int:
    """Keep as rows of the register the applicant's replies the dossier in `detail` carries (in the
    feedback its draft keeps) to comments of this register; returns how many were new."""
    feedback = detail.draft.feedback if detail.draft is not None else None
    if feedback is None:
        return 0
    replies = [(int(c.id), r.author, r.text, r.at.isoformat()) for c in feedback.comments if c.id.isdigit()
               for r in c.replies]
    return register.record_replies(detail.review.fingerprint, replies)


@dataclass(frozen=True)
class Thread:
    """What a reviewer sees of a new version beside its comments: the version reviewed before, its
    answers changed since (the values seen then and now) and the comments with the replies, each
    with its status as the register now keeps it."""

    previous: str  # the fingerprint of the version the feedback was about
    status: str
    status_note: str
    changes: tuple[ChangedAnswer, ...]
    comments: tuple[ThreadComment, ...]


def thread(register: Register | None, detail: DossierDetail) -> Thread | None:
    """The thread of the dossier in `detail`; None when its draft keeps no feedback, or its answers
    cannot be shown (no pack to word them)."""
    since = detail.document.since_review if detail.document is not None else None
    if since is None:
        return None
    statuses = {str(c.id): c.status for c in register.comments(since.fingerprint)} if register is not None else {}
    comments = tuple(replace(c, status=statuses.get(c.id, c.status)) for c in since.comments)
    return Thread(since.fingerprint, since.status, since.status_note, since.changes, comments)


def _time(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).replace(microsecond=0)
