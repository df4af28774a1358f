"""One dossier as a reviewer sees it: is it ours and unchanged, what does the draft inside say,
and does the result printed in it hold when the draft is classified again, with the pack version
it records and with today's.

`review_dossier` never raises for a bad file: every file gets a review whose `status` says what
it is (Status below, most serious first), so a folder of anything is summarised to the end.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Sequence

from app.dossier.attachment import fingerprint
from app.dossier.export import DossierContents, DossierError, checked_data, open_dossier
from app.dossier.result_record import ResultRecord
from app.dossier.signature import UNSIGNED, Integrity, check_signature, signature_status
from app.dossier.texts import ERRORS as DOSSIER_ERRORS, TEXT as DOSSIER_TEXT
from app.results import names
from app.results.composed import draft_for
from app.review.comparison import HEADLINE, PRINTED_RECOMPUTED, PRINTED_TODAY, RECOMPUTED_TODAY, Difference, differences
from app.review.shelf import PackShelf, Shelved
from app.storage import draft_migrations
from app.storage.drafts import FORMAT, FORMAT_VERSION, Draft, DraftError, parse_draft, parse_json
from catalogue import table, tr
from forms.completeness import completeness
from forms.evaluation import Evaluation
from forms.fingerprint import content_hash
from forms.registry import PackInfo
from risk_tiers.classify import classify
from risk_tiers.headline import headline

DETAIL = table("review.detail")
NOT_CHECKED = "not_checked"  # the signature of a file that is no dossier to check
UNREADABLE_SIGNATURE = "unreadable"  # a PDF the signature checker cannot parse
# Raised whenever a review would come out otherwise for the same file: reviews the register kept
# from an earlier format are then made again (app/review/folder.py). 2: signatures checked; 3: the
# other jurisdictions' results; 4: the jurisdictions targeted kept (their packs are in the register's
# key), the names read from the shared facts' answers.
REVIEW_FORMAT = 4


class Status(str, Enum):
    """What a file is, as a reviewer needs to know first; one per file, the most serious found."""

    UNREADABLE = "unreadable"              # the file cannot be read (permissions, gone)
    NOT_PDF = "not_pdf"                    # not a PDF at all
    DAMAGED = "damaged"                    # a PDF that cannot be parsed
    TOO_BIG = "too_big"                    # far larger than a dossier; not read
    INFLATES = "inflates"                  # the data inside would unpack beyond a draft's size
    NO_DRAFT = "no_draft"                  # a PDF without our draft inside: from another tool
    BAD_DRAFT = "bad_draft"                # something inside, but not a draft this application reads
    NEWER_FORMAT = "newer_format"          # a draft written by a newer version of the application
    CHANGED = "changed"                    # the data does not match the fingerprint printed
    NO_FINGERPRINT = "no_fingerprint"      # no fingerprint printed: changed after it was made
    SIGNATURE_BROKEN = "signature_broken"  # signed, but changed after signing or the signature does not match
    UNKNOWN_PACK = "unknown_pack"          # made with a pack this application does not have
    PACK_UNREADABLE = "pack_unreadable"    # the pack is installed but cannot be loaded
    NEWER_PACK = "newer_pack"              # made with a newer version of the pack than any here
    KIT_MISSING = "kit_missing"            # made with a kit this application does not have
    VERSION_MISSING = "version_missing"    # the pack version it records is not here: today's only
    RECOMPUTE_FAILED = "recompute_failed"  # classifying the answers again failed
    DIFFERS = "differs"                    # the printed result is not what its answers give
    PRINTED_UNREADABLE = "printed_unreadable"  # an older dossier: only its headline is printed
    TODAY_DIFFERS = "today_differs"        # today's pack gives another result
    OK = "ok"                              # unchanged, and the printed result holds


_MORE_SERIOUS_THAN_A_SIGNATURE = set(list(Status)[:list(Status).index(Status.SIGNATURE_BROKEN)])
_FROM_DOSSIER_ERROR = {"no_read": Status.UNREADABLE, "not_pdf": Status.NOT_PDF, "damaged": Status.DAMAGED,
                       "too_big": Status.TOO_BIG, "inflates": Status.INFLATES, "no_data": Status.NO_DRAFT,
                       "no_fingerprint": Status.NO_FINGERPRINT, "changed": Status.CHANGED}


@dataclass(frozen=True)
class DossierReview:
    file: str
    status: Status
    # One line saying why, for a status that needs more than its name ("" otherwise).
    message: str = ""
    fingerprint: str = ""  # the SHA-256 of the data inside (the dossier's key in the register)
    fingerprint_valid: bool | None = None  # None: no data inside to check
    # "unsigned", or the check's status (app/dossier/signature.py: trusted, self_signed,
    # unknown_issuer, invalid_certificate, changed_after_signing, broken)
    signature: str = NOT_CHECKED
    draft_id: str = ""
    pack_id: str = ""
    pack_version: str = ""
    kit_id: str = ""
    kit_version: str = ""
    applicant: str = ""
    system: str = ""
    printed: ResultRecord | None = None
    printed_headline: str = ""  # the headline the dossier's metadata names (its subject)
    recomputed: ResultRecord | None = None  # with the pack version the draft records
    today: ResultRecord | None = None  # with today's pack, when it is another version or content
    required: int | None = None
    given: int | None = None
    missing_attachments: tuple[str, ...] = ()
    differences: tuple[Difference, ...] = ()
    # For a draft that targets several jurisdictions: the result under each other one, from the same
    # answers with today's pack of each (those whose pack is not here are left out).
    jurisdictions: tuple[ResultRecord, ...] = ()
    # The pack ids of the jurisdictions the draft targets, its own first (none for its own alone):
    # a review depends on the other ones' packs too (app/review/folder.py).
    targeted: tuple[str, ...] = ()

    @property
    def complete(self) -> bool | None:
        return None if self.required is None else self.given == self.required

    @property
    def current(self) -> ResultRecord | None:
        """The result the reviewer goes by: recomputed with the draft's pack version, else today's."""
        return self.recomputed or self.today

    def to_json(self) -> dict[str, Any]:
        data = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        data["status"] = self.status.value
        for key in ("printed", "recomputed", "today"):
            data[key] = data[key].to_json() if data[key] is not None else None
        data["missing_attachments"] = list(self.missing_attachments)
        data["differences"] = [d.to_json() for d in self.differences]
        data["jurisdictions"] = [r.to_json() for r in self.jurisdictions]
        data["targeted"] = list(self.targeted)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DossierReview":
        values = dict(data)
        values["status"] = Status(values["status"])
        for key in ("printed", "recomputed", "today"):
            values[key] = ResultRecord.from_json(values[key]) if values.get(key) else None
        values["missing_attachments"] = tuple(values.get("missing_attachments", ()))
        values["differences"] = tuple(Difference.from_json(d) for d in values.get("differences", ()))
        found = (ResultRecord.from_json(r) for r in values.get("jurisdictions", ()))
        values["jurisdictions"] = tuple(r for r in found if r is not None)
        values["targeted"] = tuple(str(pack_id) for pack_id in values.get("targeted", ()))
        return cls(**values)


class _Stop(Exception):
    """The review of a file ends here, with this status and message (and what was found so far)."""

    def __init__(self, status: Status, message: str = "", review: DossierReview | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.review = status, message, review


def review_dossier(path: Path, shelf: PackShelf, shown: str | None = None,
                   trust_roots: Sequence[bytes] = ()) -> DossierReview:
    """The review of the file at `path` (named `shown` in the review, default the path); a
    signature is trusted when its certificate chains to one of `trust_roots` (DER bytes)."""
    review = DossierReview(file=shown if shown is not None else str(path), status=Status.OK)
    try:
        contents = open_dossier(path)
    except DossierError as error:
        return dataclasses.replace(review, status=_FROM_DOSSIER_ERROR.get(error.reason, Status.DAMAGED),
                                   message=str(error))
    signature, broken = _signature(path, trust_roots)
    review = dataclasses.replace(review, signature=signature)
    try:
        review = _review_contents(review, contents, path, shelf)
        if broken is not None and review.status not in _MORE_SERIOUS_THAN_A_SIGNATURE:
            review = dataclasses.replace(review, status=Status.SIGNATURE_BROKEN, message=broken)
        return review
    except _Stop as stop:
        return dataclasses.replace(stop.review or review, status=stop.status, message=stop.message)


def _signature(path: Path, trust_roots: Sequence[bytes]) -> tuple[str, str | None]:
    """The signature's status for the signature column, and why it does not hold (None when it
    holds, or there is none)."""
    try:
        if not _may_be_signed(path):
            return UNSIGNED, None
        check = check_signature(path, trust_roots)
    except (DossierError, OSError):
        return UNREADABLE_SIGNATURE, None
    if check is None or check.integrity is Integrity.INTACT:
        return signature_status(check), None
    reason = tr(check.reason) if check.reason else ""
    return signature_status(check), tr(f"sign.integrity.{check.integrity.value}", reason=reason)  # as `verify` says


def _may_be_signed(path: Path) -> bool:
    """Every PDF signature has a /ByteRange, which the bytes show unless it hides in a compressed
    object stream (which our dossiers do not use). Most dossiers a reviewer gets are unsigned, and
    pyHanko's parse only to find no signature was a fifth of a review. (The file has just been
    read as a PDF, so this is no check of the file itself.)"""
    data = path.read_bytes()
    return b"/ByteRange" in data or b"/ObjStm" in data


def _review_contents(review: DossierReview, contents: DossierContents, path: Path, shelf: PackShelf) -> DossierReview:
    review = dataclasses.replace(review, fingerprint=fingerprint(contents.data),
                                 printed=ResultRecord.parse(contents.result),
                                 printed_headline=_headline_in(contents.subject))
    changed: _Stop | None = None
    try:
        checked_data(contents, path)
        review = dataclasses.replace(review, fingerprint_valid=True)
    except DossierError as error:  # still read what is inside: the reviewer may want to see it
        review = dataclasses.replace(review, fingerprint_valid=False)
        changed = _Stop(_FROM_DOSSIER_ERROR[error.reason], str(error))
    try:
        draft = _draft(contents.data, review.file)
    except _Stop as stop:  # no draft to read: that says more than whether it matches its fingerprint
        raise _Stop(stop.status, stop.message, review) from None
    review = _with_draft(review, draft)
    try:
        review = _with_results(review, draft, shelf)
    except _Stop as stop:
        if changed is None:
            raise
        review = stop.review or review
    if changed is not None:  # more serious than anything the results say
        return dataclasses.replace(review, status=changed.status, message=changed.message)
    return review


def _draft(data: bytes, name: str) -> Draft:
    where = tr("dossier.cli.draft_inside", path=name)  # as `import` names it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Stop(Status.BAD_DRAFT, DOSSIER_ERRORS["not_text"].format(path=name)) from None
    try:
        raw = parse_json(text, where)
        if isinstance(raw, dict) and raw.get("format") == FORMAT:
            version = _format_of(raw)
            if version > FORMAT_VERSION:
                raise _Stop(Status.NEWER_FORMAT, DETAIL["newer_format"].format(
                    path=name, format=version, reads=FORMAT_VERSION))
        return parse_draft(text, where)
    except DraftError as error:
        raise _Stop(Status.BAD_DRAFT, str(error)) from None


def _format_of(raw: dict) -> int:
    try:
        return draft_migrations.format_of(raw)
    except draft_migrations.MigrationError:
        return 0  # parse_draft says what is wrong with it


def _with_draft(review: DossierReview, draft: Draft) -> DossierReview:
    """What the draft says of itself; the names are taken from its answers once its pack is known."""
    made, kit = draft.lock.pack, draft.lock.kit
    return dataclasses.replace(review, draft_id=str(draft.id), pack_id=made.id, pack_version=made.version,
                               kit_id=kit.id if kit else "", kit_version=kit.version if kit else "",
                               applicant=draft.applicant.strip(), system=draft.system_name.strip(),
                               targeted=tuple(draft.jurisdictions) if len(draft.jurisdictions) > 1 else ())


def _with_results(review: DossierReview, draft: Draft, shelf: PackShelf) -> DossierReview:
    """Classify the answers with the pack (or kit) version the draft records, and with today's."""
    made = draft.lock.pack
    if not shelf.known(made.id):
        raise _Stop(Status.UNKNOWN_PACK, DETAIL["unknown_pack"].format(pack=made.id, version=made.version), review)
    recorded, today = shelf.version(made.id, made.version), shelf.today(made.id)
    for shelved in (recorded, today):
        if shelved is not None and shelved.pack is None:
            raise _Stop(Status.PACK_UNREADABLE, shelved.error, review)
    kit_missing = None
    if draft.lock.kit is not None:
        recorded, kit_missing, documents = _kit(draft, shelf, recorded, review)
        review = dataclasses.replace(review, missing_attachments=documents)
    ruling = recorded or today
    review = _named(review, ruling.pack, draft)
    asked = None
    try:
        # Several jurisdictions: composed once for the dossier (the shelf keeps it for the next one
        # of the same packs), with the other packs on the shelf, and handed down.
        asked = shelf.questionnaire(ruling.pack, draft.jurisdictions)
        review = _named(review, ruling.pack, draft_for(asked, ruling.pack, draft))
        review = _recomputed(review, draft, asked, recorded, today, shelf)
    except Exception as error:  # noqa: BLE001 - one dossier's failure must not stop a folder's review
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise _Stop(Status.RECOMPUTE_FAILED, DETAIL["recompute_failed"].format(reason=reason), review) from None
    status, message = kit_missing or _status(review, draft, shelf, recorded)
    return dataclasses.replace(review, status=status, message=message, jurisdictions=_others(draft, asked))


def _named(review: DossierReview, pack, draft: Draft) -> DossierReview:
    """The applicant's and the system's names as `pack` reads `draft` (for several jurisdictions,
    the draft as its own pack reads it: the wizard saves the names as shared facts' answers)."""
    return dataclasses.replace(review, applicant=names.applicant_name(pack, draft), system=names.system_name(pack, draft))


def _others(draft: Draft, asked) -> tuple[ResultRecord, ...]:
    """The result under each other jurisdiction `draft` targets, from `asked`, the questionnaire
    composed for it (none when it targets its own pack only, or they cannot be worked out: the
    dossier shown says why)."""
    from app.results.jurisdictions import answers_for

    if asked is None:
        return ()
    try:
        values = draft.values()
        return tuple(ResultRecord.of(classify(pack, answers_for(asked, pack.id, values))) for pack in asked.packs[1:])
    except Exception:  # noqa: BLE001 - the own pack's result still stands; the detail says what failed
        return ()


def _kit(draft: Draft, shelf: PackShelf, recorded: Shelved | None,
         review: DossierReview) -> tuple[Shelved | None, tuple[Status, str] | None, tuple[str, ...]]:
    """The kit the draft records: installed as a pack of its own, or a kit this application has
    seen, composed over its pack (then with the documents it requires that the draft lacks);
    without it, the base pack's result and the status that says so."""
    kit = draft.lock.kit
    found = shelf.version(kit.id, kit.version)
    if found is not None:
        if found.pack is None:
            raise _Stop(Status.PACK_UNREADABLE, found.error, review)
        return found, None, ()
    worn = shelf.kit(kit)
    if worn is None:
        return recorded, (Status.KIT_MISSING, DETAIL["kit_missing"].format(kit=kit.id, version=kit.version)), ()
    info = PackInfo(kit.id, kit.version, worn.pack.title, worn.pack.law_current_to, Path(), "kit", worn.base.id)
    missing = tuple(a.id for a in worn.missing_attachments({a.kind for a in draft.attachments if a.kind}))
    return Shelved(info, worn.pack), None, missing


def _recomputed(review: DossierReview, draft: Draft, asked, recorded: Shelved | None, today: Shelved | None,
                shelf: PackShelf) -> DossierReview:
    """`asked`: the questionnaire composed for the ruling pack (the recorded one, else today's)."""
    kit = draft.lock.kit
    found: list[Difference] = []
    recomputed = None
    ruling = recorded or today
    own = draft_for(asked, ruling.pack, draft)  # as the ruling pack reads the draft
    if recorded is not None:
        assessment = classify(recorded.pack, own.values())
        recomputed = ResultRecord.of(assessment, kit.id if kit else "", kit.version if kit else "")
        # An older dossier has its headline only; compared when it is one of the pack's in this
        # language (a dossier exported in another language cannot be compared so).
        if review.printed is None and review.printed_headline in _headlines(recorded.pack):
            label = headline(recorded.pack, assessment)[0]
            if label != review.printed_headline:
                found.append(Difference(PRINTED_RECOMPUTED, HEADLINE, "", review.printed_headline, label))
    same = (recorded is not None and today is not None and today.info == recorded.info
            and draft.lock.pack.hash in (None, content_hash(today.pack)))
    later = None
    if today is not None and not same:
        read = own if today is ruling else draft_for(shelf.questionnaire(today.pack, draft.jurisdictions), today.pack,
                                                      draft)
        later = ResultRecord.of(classify(today.pack, read.values()))
    # Completeness is counted over the ruling pack's own questions (its shared facts' answers read
    # under them), not over the questionnaire composed for several jurisdictions that the wizard
    # and the workspace count: the authority reviews the application to its own sandbox, and the
    # other jurisdictions' questions are none of its requirements (README, "Reviewing received
    # dossiers"; tests/review/test_several_jurisdictions.py pins it).
    counted = completeness(Evaluation(ruling.pack, own.values()))
    found += _differences(review.printed, recomputed, later)
    return dataclasses.replace(review, recomputed=recomputed, today=later, required=counted.required,
                               given=counted.given, differences=tuple(found))


def _differences(printed: ResultRecord | None, recomputed: ResultRecord | None,
                 later: ResultRecord | None) -> list[Difference]:
    found: list[Difference] = []
    if printed is not None and recomputed is not None:
        found += differences(printed, recomputed, PRINTED_RECOMPUTED)
    if recomputed is not None and later is not None:
        found += differences(recomputed, later, RECOMPUTED_TODAY)
    if printed is not None and recomputed is None and later is not None:
        found += differences(printed, later, PRINTED_TODAY)
    return found


def _status(review: DossierReview, draft: Draft, shelf: PackShelf, recorded: Shelved | None) -> tuple[Status, str]:
    made = draft.lock.pack
    if recorded is None:
        have = shelf.newest_version(made.id)
        status = Status.NEWER_PACK if shelf.is_newer_than_all(made.id, made.version) else Status.VERSION_MISSING
        return status, DETAIL[status.value].format(pack=made.id, version=made.version, have=have)
    compared = {d.between for d in review.differences}
    if PRINTED_RECOMPUTED in compared:
        return Status.DIFFERS, ""
    if review.printed is None:
        return Status.PRINTED_UNREADABLE, DETAIL["printed_unreadable"]
    if RECOMPUTED_TODAY in compared:
        return Status.TODAY_DIFFERS, ""
    return Status.OK, ""


def _headlines(pack) -> set[str]:
    """Every headline the pack can give (its first track's words), in the language in use."""
    track = pack.tracks[0]
    words = {o.label for o in track.outcomes} | {o.possibly for o in track.outcomes if o.possibly}
    for text in (track.set_aside_text, track.relief, pack.not_assessed_text):
        if text is not None:
            words.add(text.label)
    return words


def _headline_in(subject: str) -> str:
    """The headline in the dossier's subject ("Self-assessment ...: High-risk" gives "High-risk"),
    as this language words the subject; the whole subject when it is worded otherwise."""
    before, _, after = DOSSIER_TEXT["subject"].partition("{tier}")
    if subject.startswith(before) and subject.endswith(after) and len(subject) >= len(before) + len(after):
        return subject[len(before):len(subject) - len(after)]
    return subject
