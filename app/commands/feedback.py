"""`python main.py feedback ...`: the reviewer's comments on a dossier, and the feedback file that
carries them to the applicant.

    feedback comment DOSSIER TARGET TEXT   a comment (a row of the register) on a question, finding, ...
    feedback mark DOSSIER COMMENT STATUS   a comment open, answered or resolved
    feedback status DOSSIER STATUS         the application's review status (complete, needs_changes, ...)
    feedback write DOSSIER -o FILE         the feedback file, from the register's rows
    feedback show FILE [--json]            a feedback file, for people or programs

`show --dossier PDF` or `--draft DRAFT` refuses a file about another dossier, as the wizard does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.arguments import add_passphrase_option, load_checked
from app.commands.errors import EXIT_OK, CommandError
from app.storage.drafts import write_atomically
from app.storage.feedback import ApplicationStatus, CommentStatus, Feedback, FeedbackError, Target, load_feedback
from catalogue import ntr, table, tr
from catalogue.formats import format_date, format_datetime
from forms.loader import DEFAULT_PACK

if TYPE_CHECKING:
    from app.review.detail import DossierDetail
    from app.review.register import Register

TEXT = table("feedback.cli")
COMMENT_STATUS = table("feedback.comment_status")
TARGET = table("feedback.target")


def add_commands(subparsers) -> None:
    group = subparsers.add_parser("feedback", help=TEXT["help"], description=TEXT["description"])
    actions = group.add_subparsers(dest="action", required=True, title=TEXT["actions_title"])
    show = actions.add_parser("show", help=TEXT["show_help"])
    show.add_argument("file", type=Path, metavar="FILE", help=TEXT["file_help"])
    show.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    about = show.add_mutually_exclusive_group()
    about.add_argument("--dossier", type=Path, metavar="PDF", help=TEXT["dossier_check_help"])
    about.add_argument("--draft", type=Path, metavar="DRAFT", help=TEXT["draft_check_help"])
    add_passphrase_option(show)
    show.set_defaults(run=_show)

    comment = _on_dossier(actions, "comment", TEXT["comment_help"])
    comment.add_argument("target", metavar="TARGET", help=TEXT["target_help"])
    comment.add_argument("text", metavar="TEXT", help=TEXT["text_help"])
    comment.set_defaults(run=_comment)
    mark = _on_dossier(actions, "mark", TEXT["mark_help"])
    mark.add_argument("comment", type=int, metavar="COMMENT", help=TEXT["comment_id_help"])
    mark.add_argument("status", choices=[s.value for s in CommentStatus], metavar="STATUS", help=TEXT["mark_status_help"])
    mark.set_defaults(run=_mark)
    status = _on_dossier(actions, "status", TEXT["status_help"])
    status.add_argument("status", choices=[s.value for s in ApplicationStatus], metavar="STATUS",
                        help=TEXT["application_status_help"])
    status.add_argument("--note", default="", metavar="TEXT", help=TEXT["note_help"])
    status.set_defaults(run=_status)
    write = _on_dossier(actions, "write", TEXT["write_help"])
    write.add_argument("-o", "--out", type=Path, required=True, metavar="FILE", help=TEXT["out_help"])
    write.set_defaults(run=_write)


def _on_dossier(actions, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    parser.add_argument("dossier", type=Path, metavar="DOSSIER", help=TEXT["dossier_help"])
    parser.add_argument("--register", metavar="URL", help=tr("review.cli.register_help"))
    parser.add_argument("--author", metavar="NAME", help=TEXT["author_help"])
    return parser


# --- the reviewer's side: the register's rows on one dossier ----------------------------------

def _with_dossier(args: argparse.Namespace, act) -> int:
    """Review the dossier (from the register when it has read it unchanged), then `act(register,
    detail)`; every failure is one line."""
    from app.dossier.export import DossierError
    from app.dossier.signature import trusted_certificates
    from app.review.detail import read_detail
    from app.review.folder import review_path
    from app.review.location import register_url
    from app.review.register import Register, RegisterError
    from app.review.shelf import PackShelf

    if not args.dossier.is_file():
        raise CommandError(TEXT["no_dossier_file"].format(path=args.dossier))
    given = [args.pack] if Path(args.pack).resolve() != DEFAULT_PACK.resolve() else []
    shelf = PackShelf.discover(given)
    try:
        trust_roots = trusted_certificates()
        with Register.open(register_url(args.register)) as register:
            review = review_path(args.dossier, shelf, register, trust_roots).reviews[0]
            if not review.draft_id:
                raise CommandError(TEXT["not_a_dossier"].format(path=args.dossier, reason=review.message or review.status.value))
            return act(register, read_detail(args.dossier, review, shelf, trust_roots))
    except (RegisterError, DossierError, FeedbackError) as error:
        raise CommandError(str(error)) from None


def _comment(args: argparse.Namespace) -> int:
    from app.review.comments import add_comment
    from app.review.location import reviewer_name

    def act(register: Register, detail: DossierDetail) -> int:
        target = Target.parse(args.target)
        comment_id = add_comment(register, detail, target, args.text, reviewer_name(args.author))
        print(TEXT["comment_added"].format(id=comment_id, target=target.key(), file=args.dossier))
        return EXIT_OK
    return _with_dossier(args, act)


def _mark(args: argparse.Namespace) -> int:
    def act(register: Register, detail: DossierDetail) -> int:
        if args.comment not in {c.id for c in register.comments(detail.review.fingerprint)}:
            raise CommandError(TEXT["not_this_dossiers_comment"].format(id=args.comment, file=args.dossier))
        register.set_comment_status(args.comment, args.status)
        print(TEXT["comment_marked"].format(id=args.comment, status=COMMENT_STATUS[args.status]))
        return EXIT_OK
    return _with_dossier(args, act)


def _status(args: argparse.Namespace) -> int:
    from app.review.location import reviewer_name

    def act(register: Register, detail: DossierDetail) -> int:
        register.set_review_status(detail.review.fingerprint, args.status, reviewer_name(args.author), args.note)
        print(TEXT["status_set"].format(file=args.dossier, status=tr(f"review.review_status.{args.status}")))
        return EXIT_OK
    return _with_dossier(args, act)


def _write(args: argparse.Namespace) -> int:
    from app.review.comments import feedback_for
    from app.review.location import reviewer_name

    def act(register: Register, detail: DossierDetail) -> int:
        feedback = feedback_for(register, detail, reviewer_name(args.author))
        write_atomically(args.out, feedback.to_json().encode("utf-8"))
        print(ntr("feedback.cli.written", len(feedback.comments), path=args.out,
                  open=len(feedback.open_comments())))
        return EXIT_OK
    return _with_dossier(args, act)


# --- reading a feedback file -------------------------------------------------------------------

def _show(args: argparse.Namespace) -> int:
    try:
        feedback = load_feedback(args.file)
        if args.dossier is not None:
            feedback.check_dossier(_fingerprint_of(args.dossier), str(args.file))
        if args.draft is not None:
            feedback.check_draft(load_checked(args).draft.id, str(args.file))
    except FeedbackError as error:
        raise CommandError(str(error)) from None
    if args.json:
        print(json.dumps(feedback.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(shown(feedback))
    return EXIT_OK


def _fingerprint_of(path: Path) -> str:
    from app.dossier.attachment import fingerprint
    from app.dossier.export import DossierError, open_dossier

    try:
        return fingerprint(open_dossier(path).data)
    except DossierError as error:
        raise CommandError(str(error)) from None


def shown(feedback: Feedback) -> str:
    """A feedback file for people: what it is about, the application's status, then each comment
    with its target, status, author and replies."""
    about = feedback.dossier
    lines = [TEXT["about"].format(system=about.system or "-", applicant=about.applicant or "-"),
             TEXT["fingerprint"].format(fingerprint=about.fingerprint),
             TEXT["application_status"].format(status=tr(f"review.review_status.{feedback.status.value}")),
             TEXT["reviewer"].format(reviewer=feedback.reviewer or "-", written=format_datetime(feedback.written))]
    if feedback.status_note:
        lines.append(TEXT["status_note"].format(note=feedback.status_note))
    lines.append(ntr("feedback.cli.counts", len(feedback.comments), open=len(feedback.open_comments())))
    for comment in feedback.comments:
        target = TARGET[comment.target.kind.value] + (f" {comment.target.id}" if comment.target.id else "")
        lines += ["", TEXT["comment_line"].format(id=comment.id, status=COMMENT_STATUS[comment.status.value],
                                                   target=target, author=comment.author or "-",
                                                   created=format_date(comment.created.date()))]
        lines += ["    " + line for line in comment.text.splitlines()]
        for reply in comment.replies:
            lines.append(TEXT["reply_line"].format(author=reply.author or "-", at=format_date(reply.at.date()),
                                                   text=" ".join(reply.text.split())))
    return "\n".join(lines)
