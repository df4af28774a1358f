"""The draft session: one draft being worked on, and every flow around it, without a window.

It owns the draft (its answers and notes), the file it is saved in, whether it has unsaved changes,
its passphrase (in memory only), its autosave, and the flows that keep work from being lost: opening
a protected draft (asking until the passphrase is right), putting back a kept version, asking before
unsaved work is replaced, restoring the work a crash left. The wizard's window and the command line
both go through it, so each flow is written once. What it asks or tells the person goes through a
`Prompts` object (app/session/prompts.py); what changes is announced to listeners, which the wizard's
Qt session (app/qt/session.py) turns into signals.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from app.storage.autosave_files import Recovery, discard_autosave, discard_recovery, recoveries, write_autosave
from app.storage.backups import Backup, list_backups, restore_backup
from app.storage.draft_store import change_protection, save_draft
from app.storage.attachments import AttachmentError, check_room, keep_file
from app.storage.feedback import Feedback, load_feedback
from app.storage.drafts import (Answer, Attached, Draft, DraftError, KitChange, Made, PackChange, PassphraseRequired, WrongPassphrase,
                                draft_problems, kit_change, load_draft, pack_change)
from app.session.targets import other_questions
from app.session.prompts import Choice, Notice, Prompts
from forms.evaluation import is_empty
from forms.schema import Pack

if TYPE_CHECKING:  # the kits' code loads only for a draft made with a kit (start-up time)
    from app.kits.kit import Kit


class Listeners:
    """Callbacks told of one kind of change, in the order they were connected."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.append(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)


class DraftUnusable(DraftError):
    """A draft that reads, but does not fit the pack at hand (another pack, a newer version of it,
    answers it does not allow); `problems` lists them all, the message names the first."""

    def __init__(self, path: Path, problems: list[str]):
        super().__init__(f"{path}: {problems[0]}")
        self.problems = problems


@dataclass(frozen=True)
class OpenResult:
    """What came of opening a draft. `pack_change` and `kit_change` say how the pack and the kit at
    hand differ from those the draft was made with (`kit_recorded`), so the wizard and the command
    line can warn when they changed or the kit is missing."""

    opened: bool
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    pack_change: PackChange | None = None
    kit_change: KitChange | None = None
    kit_recorded: Made | None = None


NOT_OPENED = OpenResult(False)


class Declining:
    """Prompts for a session nobody can be asked in (a benchmark, a script): every question is
    declined, so nothing is opened, saved or discarded by default, and nothing is told."""

    def ask_passphrase(self, name, retry):
        return None

    def ask_new_passphrase(self, protected):
        return None

    def ask_save_changes(self, name):
        return Choice.CANCEL

    def ask_save_path(self, suggested):
        return None

    def choose_version(self, name, versions):
        return None

    def choose_recovery(self, recoveries):
        return None

    def cannot_open(self, path, reason, versions):
        return False

    def tell(self, notice, **details):
        pass


# --- flows on a draft file, with or without a session ----------------------------------------------

def read_with_passphrase(path: Path, name: str, prompts: Prompts,
                         wrong_raises: bool = False) -> tuple[Draft, str | None] | None:
    """(draft, passphrase) read from `path`, asking for the passphrase of a protected one until it
    is right; None when the person cancels (with `wrong_raises`, WrongPassphrase when they cancel
    after a wrong one). Other problems raise DraftError; the file is never changed."""
    passphrase, retry, wrong = None, False, None
    while True:
        try:
            return load_draft(path, passphrase), passphrase
        except WrongPassphrase as error:
            retry, wrong = True, error
        except PassphraseRequired:
            pass
        passphrase = prompts.ask_passphrase(name, retry)
        if passphrase is None:
            if wrong is not None and wrong_raises:
                raise wrong
            return None
        if not passphrase:
            passphrase, retry = None, True  # an empty answer is a wrong one, not a reason to stop


def put_back_version(path: Path, prompts: Prompts) -> Backup | None:
    """Ask which kept version of the draft at `path` to put back, and put it back (the draft as it
    was is kept as a version too); the version put back, or None."""
    path = Path(path)
    versions = list_backups(path)
    if not versions:
        prompts.tell(Notice.NO_VERSIONS, name=path.name)
        return None
    index = prompts.choose_version(path.name, versions)
    if index is None:
        return None
    try:
        restore_backup(path, versions[index])
    except DraftError as error:
        prompts.tell(Notice.VERSION_FAILED, reason=error)
        return None
    # Told before anything opens it: the file on disk is that version now, whatever opening meets.
    prompts.tell(Notice.VERSION_RESTORED, backup=versions[index])
    return versions[index]


def protect_file(path: Path, prompts: Prompts) -> bool:
    """Set, change or remove the passphrase of the draft saved at `path` (the current one asked for
    when it has one, then the new one); its backups and autosaves follow. True when changed."""
    opened = read_with_passphrase(path, Path(path).name, prompts, wrong_raises=True)
    return opened is not None and _protect_as_asked(Path(path), opened[1], prompts)[0]


def _protect_as_asked(path: Path | None, current: str | None, prompts: Prompts) -> tuple[bool, str | None]:
    """Ask for the new passphrase and apply it to the draft saved at `path`, if it is saved:
    (changed, the passphrase now: None for none)."""
    new = prompts.ask_new_passphrase(protected=current is not None)
    if new is None:
        return False, current
    new = new or None
    if path is not None and path.exists():
        try:
            change_protection(path, current, new)
        except DraftError as error:
            prompts.tell(Notice.PROTECTION_FAILED, reason=error)
            return False, current
    prompts.tell(Notice.PROTECTION_CHANGED, protected=new is not None)
    return True, new


# --- the session -----------------------------------------------------------------------------------

class DraftSession:
    """One draft being worked on over `pack`, asking the person through `prompts` (a session nobody
    can be asked in declines every question).

    With a `kit`, the pack is the kit's (`kit.pack`) and new drafts record the kit. `find_kit` finds
    the kit a draft was made with (among those the application has seen, app/kits/shelf.py): a
    draft opened reopens with its kit when it is found, and the session wears it from then on;
    without `find_kit` (a kit named on the command line) the kit given stays."""

    def __init__(self, pack: Pack, prompts: Prompts | None = None, draft: Draft | None = None,
                 path: Path | None = None, kit: Kit | None = None,
                 find_kit: Callable[[Made], Kit | None] | None = None):
        self.kit = kit
        self.pack = kit.pack if kit is not None else pack
        self.find_kit = find_kit
        self.prompts = prompts or Declining()
        self.draft = draft or self._new_draft()
        self.path = path
        self.dirty = False
        # Held in memory only, never written: saves and autosaves are sealed with it (app/storage/protect.py).
        self.passphrase: str | None = None
        self.answers_changed = Listeners()  # (question id) or ("") when the whole draft was replaced
        self.dirty_changed = Listeners()    # (dirty)
        self.path_changed = Listeners()     # (path)
        self.saved = Listeners()            # (path)
        self.kit_changed = Listeners()      # (kit or None): the session wears another kit, and its pack
        self.attachments_changed = Listeners()  # ()
        self.feedback_changed = Listeners()  # (): feedback taken, or a reply written
        self.jurisdictions_changed = Listeners()  # (the pack ids targeted, the draft's own first)

    @property
    def base(self) -> Pack:
        """The pack as shipped, without the kit's additions: a draft's lock records this one."""
        return self.kit.base if self.kit is not None else self.pack

    # --- reading ---
    def value(self, question_id: str) -> Any:
        answer = self.draft.answers.get(question_id)
        return answer.value if answer else None

    def note(self, question_id: str) -> str:
        answer = self.draft.answers.get(question_id)
        return answer.note if answer else ""

    @property
    def display_name(self) -> str:
        return self.path.stem if self.path else ""

    # --- changing the answers ---
    def set_answer(self, question_id: str, value: Any) -> None:
        if is_empty(value):
            value = None
        if value == self.value(question_id):
            return
        answer = self.draft.answers.get(question_id)
        if value is None and not (answer and answer.note):
            self.draft.answers.pop(question_id, None)
        elif answer is None:
            self.draft.answers[question_id] = Answer(value=value)
        else:
            answer.value = value
        self._changed(question_id)

    def set_note(self, question_id: str, note: str) -> None:
        if note == self.note(question_id):
            return
        answer = self.draft.answers.get(question_id)
        if answer is None:
            self.draft.answers[question_id] = Answer(value=None, note=note)
        elif not note and answer.value is None:
            self.draft.answers.pop(question_id)
        else:
            answer.note = note
        self._changed(question_id)

    # --- the documents added ---
    def add_attachment(self, path: Path, kind: str = "") -> Attached:
        """Add the document at `path`, as the kit's document `kind` ("": another one). A copy is
        kept in the data folder (app/storage/attachments.py), so moving the original loses nothing.
        AttachmentError (one line) when it cannot be added: the draft is then as it was."""
        spec = self.kit.attachment(kind) if self.kit is not None and kind else None
        kind = spec.id if spec is not None else ""
        suffix = Path(path).suffix.lower().lstrip(".")
        if spec is not None and spec.types and suffix not in spec.types:
            raise AttachmentError.tr("attach.error.wrong_type", name=Path(path).name, title=spec.title,
                                     types=", ".join(spec.types))
        attached = keep_file(Path(path), kind)
        check_room(self.draft.attachments, attached)
        self.draft.attachments.append(attached)
        self._attachments_changed()
        return attached

    def remove_attachment(self, index: int) -> None:
        """Take the document at `index` off the draft (its kept copy stays: a backup may name it)."""
        del self.draft.attachments[index]
        self._attachments_changed()

    def attached_kinds(self) -> set[str]:
        return {a.kind for a in self.draft.attachments if a.kind}

    # --- the reviewer's feedback ---
    def take_feedback(self, path: Path) -> Feedback:
        """Keep the reviewer's feedback file at `path` in the draft (replies already written to the
        same dossier's comments stay). FeedbackError (one line) when it cannot be read or is about
        another application's dossier: the draft is then as it was."""
        feedback = load_feedback(Path(path))
        feedback.check_draft(self.draft.id, Path(path).name)
        self.draft.feedback = feedback.keeping_replies(self.draft.feedback)
        self._feedback_changed()
        return self.draft.feedback

    def reply(self, comment_id: str, text: str) -> None:
        """The applicant's reply to a comment of the feedback kept; the comment is then answered."""
        if self.draft.feedback is None or not text.strip():
            return
        feedback = self.draft.feedback  # the applicant, as the reviewer's file names them, signs the reply
        self.draft.feedback = feedback.replied(comment_id, text.strip(), feedback.dossier.applicant)
        self._feedback_changed()

    # --- the flows ---
    def new(self, others: tuple[str, ...] | list[str] = ()) -> None:
        """Start a new draft (ask may_discard first), for the pack's jurisdiction and those of the
        packs named in `others` after it."""
        self._take(self._new_draft(others), None, None)

    # --- the jurisdictions targeted ---
    def add_jurisdiction(self, pack_id: str) -> None:
        """Target one more jurisdiction, after those chosen already (one chosen already: nothing
        changes). None is taken away: the answers given for one would then be questions of no pack
        the draft targets, which opening it refuses."""
        if pack_id in self.draft.jurisdictions:
            return
        self.draft.jurisdictions = [*self.draft.jurisdictions, pack_id]
        self.draft.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self._set_dirty(True)
        self.jurisdictions_changed.emit(list(self.draft.jurisdictions))

    def open(self, path: Path) -> OpenResult:
        """Open the draft at `path`, asking for its passphrase if it has one (ask may_discard first).
        One that cannot be opened is left as it is, and the person is told why and offered the
        versions kept of it; one put back is opened instead."""
        path = Path(path)
        try:
            opened = read_with_passphrase(path, path.name, self.prompts, wrong_raises=True)
            if opened is None:
                return NOT_OPENED
            draft, passphrase = opened
            kit = self._kit_for(draft)
            change = kit_change(draft.lock, kit.made if kit is not None else None)
            keep_unknown = change in (KitChange.MISSING, KitChange.CHANGED, KitChange.OTHER)
            errors, warnings = draft_problems(draft, kit.pack if kit is not None else self.pack, keep_unknown,
                                              other_questions(draft))
            if errors:
                raise DraftUnusable(path, errors)
        except DraftError as error:  # a wrong passphrase too: the file may have been damaged
            if self.prompts.cannot_open(path, error, list_backups(path)) and put_back_version(path, self.prompts):
                return self.open(path)
            return NOT_OPENED
        self.wear(kit)
        self._take(draft, path, passphrase)
        return OpenResult(True, path, warnings, pack_change(draft.lock, self.base), change, draft.lock.kit)

    def open_copy(self, path: Path) -> OpenResult:
        """Open the draft at `path` as a new, unsaved draft of its own (an id of its own, no file):
        an example to look at and change, which saving never writes back over (ask may_discard
        first). One that cannot be read is left as it is, and the person is told why."""
        path = Path(path)
        try:
            opened = read_with_passphrase(path, path.name, self.prompts, wrong_raises=True)
            if opened is None:
                return NOT_OPENED
            draft, _passphrase = opened
            errors, warnings = draft_problems(draft, self.pack, others=other_questions(draft))
            if errors:
                raise DraftUnusable(path, errors)
        except DraftError as error:
            self.prompts.cannot_open(path, error, [])
            return NOT_OPENED
        # Read with the kit worn, if any, as a draft made without a kit is (`open`); its lock, as the
        # example's, names the pack as shipped, so that is what it is compared with.
        self._take(draft.model_copy(update={"id": uuid.uuid4()}, deep=True), None, None)
        return OpenResult(True, None, warnings, pack_change(draft.lock, self.base))

    def save(self, path: Path | None = None) -> bool:
        """Save to `path`, or where the draft was saved, or where the person chooses. Saved under
        another name (Save as) it is the same application in another file: it keeps the draft's id,
        which the reviewer's feedback files are matched to (a new assessment with an id of its own
        is the workspace's Duplicate, app/workspace/actions.py)."""
        path = path or self.path or self._ask_path()
        if path is None:
            return False
        path = Path(path)
        try:
            save_draft(self.draft, path, passphrase=self.passphrase)
        except DraftError as error:
            self.prompts.tell(Notice.SAVE_FAILED, reason=error)
            return False
        discard_autosave(self.draft.id)  # the work is safe in the file now
        self._set_path(path)
        self._set_dirty(False)
        self.saved.emit(path)
        self.prompts.tell(Notice.SAVED, path=path)
        return True

    def save_as(self) -> bool:
        path = self._ask_path()
        return path is not None and self.save(path)

    def may_discard(self) -> bool:
        """True when no unsaved work would be lost (after asking, and saving if asked to).

        Discarding changes nothing yet: the work stays unsaved, and autosaved, until another draft
        has really taken its place (an open may still fail or be cancelled)."""
        if not self.dirty:
            return True
        choice = self.prompts.ask_save_changes(self.display_name)
        if choice is Choice.SAVE:
            return self.save()
        return choice is Choice.DISCARD

    def change_passphrase(self) -> bool:
        """Set, change or remove the passphrase: the saved file (and its copies) follow at once, and
        unsaved work already autosaved is written again the new way."""
        changed, self.passphrase = _protect_as_asked(self.path, self.passphrase, self.prompts)
        if changed:
            self.autosave()
        return changed

    def restore_version(self) -> OpenResult:
        """Put an earlier saved version of the draft back, and open it."""
        if self.path is None:
            self.prompts.tell(Notice.VERSIONS_NEED_A_SAVE)
            return NOT_OPENED
        if not self.may_discard():  # first: saving now adds a version and may prune the one chosen
            return NOT_OPENED
        if put_back_version(self.path, self.prompts) is None:
            return NOT_OPENED
        return self.open(self.path)

    def restore_recovery(self, recovery: Recovery | None = None) -> bool:
        """Restore unsaved work a session left behind (the person chooses which when there are
        several). It stays offered until restored or discarded, also when the passphrase is not given."""
        recovery = recovery or self._choose_recovery()
        if recovery is None:
            return False
        if not self.may_discard():
            return False
        try:
            opened = read_with_passphrase(recovery.file, recovery.name, self.prompts)
        except DraftError as error:
            self.prompts.tell(Notice.RECOVERY_FAILED, reason=error)
            return False
        if opened is None:
            return False
        draft, passphrase = opened
        self.wear(self._kit_for(draft))
        self._take(draft, recovery.source, passphrase, dirty=True)
        if self.autosave():  # the restored work is this session's autosave from now on
            discard_recovery(recovery)
        return True

    def autosave(self) -> bool:
        """Write the unsaved work to the draft's autosave; True when written."""
        if not self.dirty:
            return False
        try:
            write_autosave(self.draft, self.path, self.passphrase)
        except DraftError as error:
            self.prompts.tell(Notice.AUTOSAVE_FAILED, reason=error)
            return False
        return True

    def end(self) -> None:
        """The session ends cleanly (ask may_discard first): nothing is left to recover."""
        discard_autosave(self.draft.id)

    # --- inside ---
    def _new_draft(self, others: tuple[str, ...] | list[str] = ()) -> Draft:
        return Draft.new(self.base, kit=self.kit.made if self.kit is not None else None, others=others)

    def _kit_for(self, draft: Draft) -> Kit | None:
        """The kit to open `draft` with: the one it was made with when it can be found, else the
        kit worn now (a draft made without a kit opens with the kit worn, if any)."""
        wanted = draft.lock.kit
        if wanted is None or self.find_kit is None:
            return self.kit
        if self.kit is not None and kit_change(draft.lock, self.kit.made) is KitChange.SAME:
            return self.kit
        return self.find_kit(wanted) or self.kit

    def wear(self, kit: Kit | None) -> None:
        """Wear `kit` from now on (None: set the kit worn aside, for the pack it extends): new
        drafts record it. The draft open stays as it is, its lock too; its answers are read with
        the kit's pack (answers to questions it lacks are kept)."""
        if kit is self.kit:
            return
        base = self.base
        self.kit = kit
        self.pack = kit.pack if kit is not None else base
        self.kit_changed.emit(kit)

    def _take(self, draft: Draft, path: Path | None, passphrase: str | None, dirty: bool = False) -> None:
        """Put `draft` in place of the current one, whose unsaved work the person has let go."""
        discard_autosave(self.draft.id)
        self.passphrase = passphrase
        self.draft = draft
        self._set_dirty(dirty)
        self._set_path(path)
        self.answers_changed.emit("")

    def _choose_recovery(self) -> Recovery | None:
        found = recoveries()
        if len(found) <= 1:
            return found[0] if found else None
        index = self.prompts.choose_recovery(found)
        return None if index is None else found[index]

    def _ask_path(self) -> Path | None:
        path = self.prompts.ask_save_path(self.path)
        if path is not None and path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        return path

    def _attachments_changed(self) -> None:
        self.draft.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self._set_dirty(True)
        self.attachments_changed.emit()

    def _feedback_changed(self) -> None:
        self.draft.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self._set_dirty(True)
        self.feedback_changed.emit()

    def _changed(self, question_id: str) -> None:
        self.draft.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self._set_dirty(True)
        self.answers_changed.emit(question_id)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)

    def _set_path(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)
