"""A reviewer's feedback on one dossier: the comments, each on a question, finding, obligation, gap,
attachment or the application as a whole, with its status (open, answered, resolved) and the
applicant's replies; and the application's status as the reviewer set it.

A feedback file names the dossier it is about by its fingerprint (the SHA-256 of the draft inside,
app/dossier/attachment.py) and by the draft's id, and carries the answers as they were in that
dossier, so the next dossier can say what changed since. The reviewer's side refuses a file for
another fingerprint, the applicant's side one for another draft (`check_dossier`, `check_draft`).
A draft keeps the feedback it received (app/storage/drafts.py), replies included.

The format is versioned like drafts: a file of a newer format is refused with a message to update.
Its JSON Schema is kept in resources/schemas/ (`python -m app.formats.schema` writes it).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from catalogue import table

FORMAT = "sandbox-applicant-kit/feedback"
FORMAT_VERSION = 1
MAX_FEEDBACK_BYTES = 20 * 1024 * 1024  # no larger than a draft, which it quotes answers of

ERRORS = table("feedback.error")


class FeedbackError(Exception):
    """A feedback file that cannot be read, or is about another dossier; the message is one line."""


class TargetKind(str, Enum):
    QUESTION = "question"
    FINDING = "finding"
    OBLIGATION = "obligation"
    GAP = "gap"
    ATTACHMENT = "attachment"
    APPLICATION = "application"


class CommentStatus(str, Enum):
    OPEN = "open"
    ANSWERED = "answered"
    RESOLVED = "resolved"


class ApplicationStatus(str, Enum):
    """The review statuses of the register (app/review/register.py), in the same order."""

    RECEIVED = "received"
    IN_REVIEW = "in_review"
    NEEDS_CHANGES = "needs_changes"
    COMPLETE = "complete"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Target(BaseModel):
    """What a comment is about: a question, finding (rule), obligation, gap or attachment by its
    id, or the application as a whole (no id)."""

    # defer_build, here and below: each validator is built when first used, not at import (start-up).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    kind: TargetKind
    id: str = Field("", max_length=200)

    @classmethod
    def parse(cls, given: str) -> "Target":
        """`question:system.offering`, `finding:RULE`, ... or `application`; FeedbackError otherwise."""
        kind, _, target_id = given.partition(":")
        kinds = ", ".join(k.value for k in TargetKind)
        try:
            target = cls(kind=TargetKind(kind.strip()), id=target_id.strip())
        except (ValueError, ValidationError):
            raise FeedbackError(ERRORS["bad_target"].format(target=given, kinds=kinds)) from None
        if (target.kind is TargetKind.APPLICATION) != (target.id == ""):
            raise FeedbackError(ERRORS["bad_target"].format(target=given, kinds=kinds))
        return target

    def key(self) -> str:
        return self.kind.value if self.kind is TargetKind.APPLICATION else f"{self.kind.value}:{self.id}"


class Reply(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    author: str = Field("", max_length=200)
    text: str = Field(min_length=1, max_length=20_000)
    at: dt.datetime


class Comment(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    # The register's id of the comment (app/review/register.py), so its status can be set there
    # again when the reviewer reads the replies in the next dossier.
    id: str = Field(min_length=1, max_length=64)
    target: Target
    author: str = Field("", max_length=200)
    text: str = Field(min_length=1, max_length=20_000)
    status: CommentStatus = CommentStatus.OPEN
    created: dt.datetime
    replies: list[Reply] = Field([], max_length=500)


class Reviewed(BaseModel):
    """The dossier the feedback is about, and its answers as they were in it (question id -> value)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    fingerprint: str = Field(pattern=r"^[0-9a-f]{64}$")
    draft_id: uuid.UUID
    applicant: str = Field("", max_length=500)
    system: str = Field("", max_length=500)
    answers: dict[str, Any] = {}


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    format: Literal["sandbox-applicant-kit/feedback"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    dossier: Reviewed
    status: ApplicationStatus = ApplicationStatus.IN_REVIEW
    status_note: str = Field("", max_length=20_000)
    reviewer: str = Field("", max_length=200)
    written: dt.datetime
    comments: list[Comment] = Field([], max_length=5_000)

    def open_comments(self) -> list[Comment]:
        return [c for c in self.comments if c.status is CommentStatus.OPEN]

    def at(self, kind: TargetKind, target_id: str = "") -> list[Comment]:
        """The comments on one question, finding, ... (or on the application: kind APPLICATION)."""
        return [c for c in self.comments if c.target.kind is kind and c.target.id == target_id]

    def comment(self, comment_id: str) -> Comment:
        for comment in self.comments:
            if comment.id == comment_id:
                return comment
        raise FeedbackError(ERRORS["unknown_comment"].format(id=comment_id))

    def replied(self, comment_id: str, text: str, author: str, at: dt.datetime | None = None) -> "Feedback":
        """This feedback with the applicant's reply added to a comment, which is then answered."""
        found = self.comment(comment_id)
        reply = Reply(author=author, text=text, at=at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        status = CommentStatus.ANSWERED if found.status is CommentStatus.OPEN else found.status
        changed = found.model_copy(update={"replies": [*found.replies, reply], "status": status})
        return self.model_copy(update={"comments": [changed if c.id == comment_id else c for c in self.comments]})

    def keeping_replies(self, kept: "Feedback | None") -> "Feedback":
        """This feedback (a newer file about the same dossier, say) with the replies the applicant
        already wrote to its comments in `kept`, and their answered status; the same otherwise."""
        if kept is None or kept.dossier.fingerprint != self.dossier.fingerprint:
            return self
        earlier = {c.id: c for c in kept.comments}
        comments = []
        for comment in self.comments:
            before = earlier.get(comment.id)
            new = [r for r in before.replies if r not in comment.replies] if before else []
            if new:
                status = CommentStatus.ANSWERED if comment.status is CommentStatus.OPEN else comment.status
                comment = comment.model_copy(update={"replies": [*comment.replies, *new], "status": status})
            comments.append(comment)
        return self.model_copy(update={"comments": comments})

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

    def check_dossier(self, fingerprint: str, shown: str) -> None:
        """The reviewer's side: refuse feedback about another dossier than the one at hand."""
        if fingerprint != self.dossier.fingerprint:
            raise FeedbackError(ERRORS["other_dossier"].format(file=shown, fingerprint=self.dossier.fingerprint[:16],
                                                                this=fingerprint[:16]))

    def check_draft(self, draft_id: uuid.UUID | str, shown: str) -> None:
        """The applicant's side: refuse feedback about a dossier made from another draft."""
        if str(draft_id) != str(self.dossier.draft_id):
            raise FeedbackError(ERRORS["other_draft"].format(file=shown, system=self.dossier.system or "-",
                                                              applicant=self.dossier.applicant or "-"))


def parse_feedback(text: str, shown: str) -> Feedback:
    """A feedback file's text as a Feedback, or FeedbackError naming `shown` and what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FeedbackError(ERRORS["not_json"].format(file=shown, line=error.lineno)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FeedbackError(ERRORS["not_feedback"].format(file=shown))
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise FeedbackError(ERRORS["newer"].format(file=shown, version=version))
    try:
        return Feedback.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "-"
        raise FeedbackError(ERRORS["invalid"].format(file=shown, where=where)) from None


def load_feedback(path: Path) -> Feedback:
    try:
        if path.stat().st_size > MAX_FEEDBACK_BYTES:
            raise FeedbackError(ERRORS["too_big"].format(file=path))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FeedbackError(ERRORS["missing"].format(file=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise FeedbackError(ERRORS["unreadable"].format(file=path, reason=getattr(error, "strerror", None) or error)) from None
    return parse_feedback(text, str(path))


def schema() -> dict[str, Any]:
    """The JSON Schema of a feedback file, for the programs that read or write one."""
    return Feedback.model_json_schema()
