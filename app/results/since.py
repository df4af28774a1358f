"""What changed since the version a reviewer saw: the answers changed (each with the value the
reviewer saw and the value now, in words) and the reviewer's comments with the applicant's
replies, from the feedback the draft keeps (app/storage/feedback.py).

The dossier prints it as "Changes since the version you reviewed"; the reviewer's view shows the
same beside the comments. Plain data and pure functions: the same draft gives the same part.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.results.wording import answer_text, question_text
from app.storage.drafts import Draft
from app.storage.feedback import Comment, TargetKind
from catalogue import tr
from forms.evaluation import index_of, is_empty
from forms.schema import Pack


@dataclass(frozen=True)
class ChangedAnswer:
    question: str
    text: str      # the question
    before: str    # the answer the reviewer saw, in words ("" when there was none)
    after: str     # the answer now ("" when it was taken away)


@dataclass(frozen=True)
class ThreadReply:
    author: str
    text: str
    at: dt.datetime


@dataclass(frozen=True)
class ThreadComment:
    id: str
    kind: str        # question, finding, obligation, gap, attachment or application
    target: str      # what it is on, in the pack's words (see `target_words`; "" for the application)
    author: str
    text: str
    status: str      # open, answered or resolved
    replies: tuple[ThreadReply, ...]


@dataclass(frozen=True)
class SinceReview:
    fingerprint: str         # of the dossier reviewed
    status: str              # the application's status as the reviewer set it
    status_note: str
    reviewer: str
    written: dt.datetime
    changes: tuple[ChangedAnswer, ...]
    comments: tuple[ThreadComment, ...]


def since_review(pack: Pack, draft: Draft) -> SinceReview | None:
    """What changed since the dossier the draft's feedback is about; None without feedback."""
    feedback = draft.feedback
    if feedback is None:
        return None
    return SinceReview(feedback.dossier.fingerprint, feedback.status.value, feedback.status_note, feedback.reviewer,
                       feedback.written, changed_answers(pack, feedback.dossier.answers, draft.values()),
                       tuple(_comment(pack, c) for c in feedback.comments))


def changed_answers(pack: Pack, before: dict[str, Any], after: dict[str, Any]) -> tuple[ChangedAnswer, ...]:
    """The answers that differ, in the pack's order of questions (questions it no longer has last)."""
    known = list(index_of(pack).questions)
    order = {qid: place for place, qid in enumerate(known)}
    changed = [qid for qid in set(before) | set(after) if _value(before.get(qid)) != _value(after.get(qid))]
    changed.sort(key=lambda qid: (order.get(qid, len(order)), qid))
    return tuple(ChangedAnswer(qid, question_text(pack, qid) if qid in order else qid,
                               _words(pack, qid, before.get(qid), qid in order),
                               _words(pack, qid, after.get(qid), qid in order)) for qid in changed)


def _value(value: Any) -> Any:
    return None if is_empty(value) else value


def _words(pack: Pack, question_id: str, value: Any, known: bool) -> str:
    if _value(value) is None:
        return ""
    return answer_text(pack, question_id, value) if known else str(value)


def target_words(pack: Pack, kind: TargetKind | str, target_id: str) -> str:
    """What a comment is on, in the pack's words: a question's text, a finding's reason (its rule's),
    an obligation's or a gap's text; a document by its id, the application by nothing. An item the
    pack no longer has is named by its id, saying so."""
    kind = TargetKind(kind)
    if kind is TargetKind.APPLICATION:
        return ""
    if kind is TargetKind.ATTACHMENT:
        return target_id
    words = _pack_words(pack, kind, target_id)
    return words if words else tr("feedback.target_gone", id=target_id)


def _pack_words(pack: Pack, kind: TargetKind, target_id: str) -> str:
    if kind is TargetKind.QUESTION:
        return question_text(pack, target_id) if target_id in index_of(pack).questions else ""
    if kind is TargetKind.FINDING:
        rule = next((r for r in pack.rules if r.id == target_id), None)
        return (rule.reason or rule.label or rule.id) if rule else ""
    items = pack.obligations if kind is TargetKind.OBLIGATION else pack.gaps
    return next((item.text for item in items if item.id == target_id), "")


def _comment(pack: Pack, comment: Comment) -> ThreadComment:
    target = comment.target
    on = target_words(pack, target.kind, target.id)
    return ThreadComment(comment.id, target.kind.value, on, comment.author, comment.text, comment.status.value,
                         tuple(ThreadReply(r.author, r.text, r.at) for r in comment.replies))
