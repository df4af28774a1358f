"""`python main.py review PATH [--csv OUT] [--json] [--register URL] [--trust CERT]...`: a dossier,
or every file in a folder, checked and summarised: is it a dossier of ours, unchanged and signed,
who applies for what, the result printed and the result its answers give now. Each review is kept in the register
(app/review/register.py), so an unchanged file is not read twice.

The table is for people (the pack's words for results); `--csv` and `--json` write the same rows
with ids, for programs. A bad file is a row with its status, never an error: the command fails
(one line, exit 2) only when PATH is missing or the register cannot be used.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

from typing import TYPE_CHECKING

from app.commands.errors import EXIT_OK, CommandError
from app.review.summary import COLUMNS, csv_value, details, summary_row
from app.review.wording import ResultWords
from app.storage.drafts import write_atomically
from catalogue import ntr, table, tr
from forms.loader import DEFAULT_PACK

if TYPE_CHECKING:
    from app.review.dossier_review import DossierReview
    from app.review.shelf import PackShelf

TEXT = table("review.cli")
STATUS = table("review.status")
WIDEST = 32  # characters of a table cell; the CSV and JSON keep everything


def add_commands(subparsers) -> None:
    review = subparsers.add_parser("review", help=TEXT["help"], description=TEXT["description"])
    review.add_argument("path", type=Path, metavar="PATH", help=TEXT["path_help"])
    review.add_argument("--csv", type=Path, metavar="OUT", help=TEXT["csv_help"])
    review.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    review.add_argument("--register", metavar="URL", help=TEXT["register_help"])
    review.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT", help=TEXT["trust_help"])
    review.set_defaults(run=_review)


def _review(args: argparse.Namespace) -> int:
    # Here, not at the top: SQLAlchemy and the PDF reader load only when a review runs.
    from app.dossier.export import DossierError
    from app.dossier.signature import trusted_certificates
    from app.review.folder import review_path
    from app.review.location import register_url
    from app.review.register import Register, RegisterError
    from app.review.shelf import PackShelf

    if not args.path.exists():
        raise CommandError(TEXT["no_such_path"].format(path=args.path))
    given = [args.pack] if Path(args.pack).resolve() != DEFAULT_PACK.resolve() else []
    shelf = PackShelf.discover(given)
    try:
        trust_roots = trusted_certificates(args.trust)  # the reviewer's own, as `verify` trusts them
        with Register.open(register_url(args.register)) as register:
            done = review_path(args.path, shelf, register, trust_roots)
            shown = register.shown
    except (RegisterError, DossierError) as error:
        raise CommandError(str(error)) from None
    if args.csv:
        write_atomically(args.csv, _csv(done.reviews).encode("utf-8"))
    if args.json:
        rows = [{**summary_row(review), "details": details(review)} for review in done.reviews]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.csv:
        print(ntr("review.cli.csv_written", len(done.reviews), path=args.csv))
    else:
        print(_table(done.reviews, shelf))
    print(ntr("review.cli.summary", len(done.reviews), read=done.read, remembered=done.remembered, register=shown))
    return EXIT_OK


def _csv(reviews: list[DossierReview]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for review in reviews:
        row = summary_row(review)
        writer.writerow([csv_value(row[column]) for column in COLUMNS])
    return out.getvalue()


# --- the table for people ---------------------------------------------------------------------

HEADINGS = ("file", "applicant", "system", "tier", "recomputed", "open_points", "complete", "fingerprint",
            "signature", "status")


def _table(reviews: list[DossierReview], shelf: PackShelf) -> str:
    words = _Words(shelf)
    rows = [[TEXT[f"heading.{h}"] for h in HEADINGS]] + [words.cells(review) for review in reviews]
    rows = [[row[0]] + [_cut(cell) for cell in row[1:-1]] + [row[-1]] for row in rows]  # file and status whole
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    notes = [note if note.startswith(review.file + ":") else TEXT["note"].format(file=review.file, note=note)
             for review in reviews for note in words.notes(review)]  # an error's message names the file already
    return "\n".join(lines + ([""] + notes if notes else []))


def _cut(cell: str) -> str:
    cell = " ".join(cell.split())
    return cell if len(cell) <= WIDEST else cell[:WIDEST - 1] + "…"


class _Words(ResultWords):
    """The table's cells and notes, in the words of the pack each dossier was made with."""

    def cells(self, review: DossierReview) -> list[str]:
        unknown = TEXT["unknown"]
        complete = {True: TEXT["yes"], False: TEXT["no"], None: unknown}[review.complete]
        fingerprint = {True: TEXT["fingerprint_valid"], False: TEXT["fingerprint_invalid"], None: unknown}
        printed = self.result(review, review.printed) if review.printed else review.printed_headline
        return [review.file, review.applicant, review.system, printed or unknown,
                self.result(review, review.recomputed) or unknown,
                str(review.current.open_points) if review.current else unknown, complete,
                fingerprint[review.fingerprint_valid], TEXT[f"signature.{review.signature}"],
                STATUS[review.status.value]]

    def notes(self, review: DossierReview) -> list[str]:
        notes = [review.message] if review.message else []
        # Each other jurisdiction's result on a line of its own: the table has no room for them.
        return notes + self.jurisdictions(review) + [self.difference(review, difference) for difference in review.differences]
