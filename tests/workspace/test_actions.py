"""Client work on a workspace, without a window: duplicate for another client or system, templates,
rename, move to another client, archive, the bin; each undoable in the session, and emptying the
bin only when confirmed. Every action changes all it says or nothing."""

from __future__ import annotations

import json
import uuid

import pytest

from app.storage.backups import list_backups
from app.storage.draft_store import save_draft
from app.storage.drafts import is_protected_text, load_draft
from app.workspace.actions import Action, CopyOptions
from app.workspace.bin import NeedsConfirmation
from app.workspace.files import WorkspaceError
from app.workspace.folder import Place
from app.workspace.summary import State
from app.workspace.workspace_session import WorkspaceSession
from tests.workspace.conftest import LAYOUT, PASSPHRASE, write_draft


class Passphrases:
    """Gives the passphrases listed, one per question; None (cancel) when they run out."""

    def __init__(self, *given):
        self.given, self.asked = list(given), 0

    def ask_passphrase(self, name, retry):
        self.asked += 1
        return self.given.pop(0) if self.given else None


@pytest.fixture
def session(workspace, packs):
    session = WorkspaceSession(workspace, packs)
    session.refresh(workers=0)
    return session


def _entry(session, path):
    return next(e for e in session.entries() if e.path == path)


def _paths(session):
    return sorted(e.path for e in session.entries())


# --- duplicate -------------------------------------------------------------------------------

def test_a_duplicate_for_another_client_starts_their_assessment(session, workspace, pack):
    source = _entry(session, "TalentLens/cv ranking.json")
    target = session.suggest_copy(source, client="Hireline AB")
    assert target == workspace / "Hireline AB" / "cv ranking.json"
    done = session.duplicate(source, target, CopyOptions(client="Hireline AB", cleared=frozenset({"plan"}), notes=False))
    assert done.action is Action.DUPLICATE and done.path == target
    original, copy = load_draft(workspace / source.path), load_draft(target)
    assert copy.id != original.id and uuid.UUID(str(copy.id)).version == 4
    assert copy.lock == original.lock
    assert copy.answers["applicant.organisation"].value == "Hireline AB" and copy.applicant == "Hireline AB"
    plan = {q.id for section in pack.sections if section.id == "plan" for q in section.questions}
    assert plan & set(original.answers) and not plan & set(copy.answers)
    assert all(answer.note == "" for answer in copy.answers.values())
    assert copy.answers["system.infers"].value == original.answers["system.infers"].value
    session.refresh(workers=0)
    assert _entry(session, "Hireline AB/cv ranking.json").summary.client == "Hireline AB"


def test_a_duplicate_for_another_system_keeps_the_notes_when_asked(session, workspace):
    path = workspace / "Aino/chatbot.json"
    draft = load_draft(path)
    draft.answers["system.infers"].note = "we checked with the vendor"
    save_draft(draft, path, keep_backup=False)
    session.refresh(workers=0)
    source = _entry(session, "Aino/chatbot.json")
    target = session.suggest_copy(source, system="Aino voice bot")
    assert target == workspace / "Aino" / "Aino voice bot.json"
    session.duplicate(source, target, CopyOptions(system="Aino voice bot"))
    copy = load_draft(target)
    assert copy.answers["applicant.system_name"].value == "Aino voice bot" and copy.system_name == "Aino voice bot"
    assert copy.answers["system.infers"].note == "we checked with the vendor"
    assert copy.answers["applicant.organisation"].value == "Helpdesk Oy"


def test_a_duplicate_never_writes_over_a_file_and_names_only_real_sections(session, workspace):
    source = _entry(session, "Aino/chatbot.json")
    with pytest.raises(WorkspaceError):
        session.duplicate(source, workspace / "Aino/forecaster.json", CopyOptions())
    with pytest.raises(WorkspaceError):
        session.duplicate(source, workspace / "Aino/new.json", CopyOptions(cleared=frozenset({"no_such_section"})))
    assert _paths(session) == sorted(LAYOUT.values()) and not (workspace / "Aino/new.json").exists()
    assert len(session.history) == 0


def test_undoing_a_duplicate_removes_the_copy_unless_it_was_changed_since(session, workspace):
    source = _entry(session, "Aino/chatbot.json")
    first = workspace / "Aino/one.json"
    session.duplicate(source, first, CopyOptions())
    session.undo()
    assert not first.exists() and not list_backups(first)
    second = workspace / "Aino/two.json"
    session.duplicate(source, second, CopyOptions())
    draft = load_draft(second)
    draft.answers["system.infers"].note = "edited since"
    save_draft(draft, second)
    with pytest.raises(WorkspaceError):
        session.undo()
    assert load_draft(second).answers["system.infers"].note == "edited since"


def test_a_protected_draft_is_duplicated_protected_with_its_passphrase(session, workspace):
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE)
    session.refresh(workers=0)
    source = _entry(session, "Secret/plan.json")
    with pytest.raises(WorkspaceError):  # nobody to ask: refused, nothing written
        session.duplicate(source, workspace / "Secret/copy.json", CopyOptions())
    prompts = Passphrases("wrong", PASSPHRASE)
    session.duplicate(source, workspace / "Secret/copy.json", CopyOptions(client="Other Ltd"), prompts)
    assert prompts.asked == 2
    assert is_protected_text((workspace / "Secret/copy.json").read_text(encoding="utf-8"))
    assert load_draft(workspace / "Secret/copy.json", PASSPHRASE).applicant == "Other Ltd"
    session.duplicate(source, workspace / "Secret/again.json", CopyOptions(), Passphrases())  # remembered
    assert load_draft(workspace / "Secret/again.json", PASSPHRASE)


# --- templates -------------------------------------------------------------------------------

def test_a_draft_marked_as_template_is_offered_for_new_drafts(session, workspace):
    session.make_template(_entry(session, "Kredito/credit score.json"))
    session.refresh(workers=0)
    templates = session.templates()
    assert [t.path for t in templates] == [".templates/credit score.json"]
    assert templates[0].place is Place.TEMPLATES
    target = session.suggest_copy(templates[0], client="Lendwise Oy")
    session.duplicate(templates[0], target, CopyOptions(client="Lendwise Oy"))
    assert target == workspace / "Lendwise Oy/credit score.json" and load_draft(target).applicant == "Lendwise Oy"
    session.refresh(workers=0)
    session.unmake_template(_entry(session, ".templates/credit score.json"))
    session.refresh(workers=0)
    assert session.templates() == [] and "credit score.json" in _paths(session)


def test_a_copy_can_be_saved_as_a_template(session, workspace):
    source = _entry(session, "Aino/chatbot.json")
    target = session.suggest_copy(source, template=True)
    session.duplicate(source, target, CopyOptions(cleared=frozenset({"applicant"})))
    session.refresh(workers=0)
    template = session.templates()[0]
    assert template.path == ".templates/chatbot.json" and template.summary.client == ""


# --- moving ----------------------------------------------------------------------------------

def test_a_renamed_draft_takes_its_kept_versions_along_and_undo_renames_it_back(session, workspace):
    path = workspace / "Aino/chatbot.json"
    save_draft(load_draft(path), path)  # a version kept
    session.refresh(workers=0)
    done = session.rename(_entry(session, "Aino/chatbot.json"), "support bot")
    assert done.path == workspace / "Aino/support bot.json" and not path.exists()
    assert len(list_backups(done.path)) == 1 and list_backups(path) == []
    session.undo()
    assert path.exists() and len(list_backups(path)) == 1 and not done.path.exists()


@pytest.mark.parametrize("name", ["", "  ", "...", "///", "forecaster"])
def test_a_rename_to_no_name_or_a_taken_one_is_refused(session, workspace, name):
    with pytest.raises(WorkspaceError):
        session.rename(_entry(session, "Aino/chatbot.json"), name)
    assert _paths(session) == sorted(LAYOUT.values()) and (workspace / "Aino/chatbot.json").exists()


def test_a_draft_moved_to_another_client_is_theirs_and_undo_puts_it_back_as_it_was(session, workspace):
    before = (workspace / "Aino/forecaster.json").read_bytes()
    done = session.move_to_client(_entry(session, "Aino/forecaster.json"), "Kredito Lending UAB")
    assert done.path == workspace / "Kredito/forecaster.json"  # where that client's drafts are
    moved = load_draft(done.path)
    assert moved.answers["applicant.organisation"].value == "Kredito Lending UAB"
    assert list_backups(done.path)  # the draft as written now is kept too
    session.refresh(workers=0)
    assert _entry(session, "Kredito/forecaster.json").summary.client == "Kredito Lending UAB"
    session.undo()
    assert (workspace / "Aino/forecaster.json").read_bytes() == before and not done.path.exists()


def test_a_draft_moved_to_a_new_client_gets_a_folder_named_after_them(session, workspace):
    done = session.move_to_client(_entry(session, "Aino/chatbot.json"), "Brand: New/Client")
    assert done.path == workspace / "Brand New Client/chatbot.json"


def test_an_archived_draft_is_listed_as_archived_and_comes_back_where_it_was(session, workspace):
    done = session.archive(_entry(session, "Aino/chatbot.json"))
    assert done.path == workspace / ".archive/Aino/chatbot.json"
    session.refresh(workers=0)
    entry = _entry(session, ".archive/Aino/chatbot.json")
    assert entry.place is Place.ARCHIVE and entry.state is State.READ
    session.unarchive(entry)
    assert (workspace / "Aino/chatbot.json").exists()
    with pytest.raises(WorkspaceError):
        session.unarchive(_entry(session, "Aino/forecaster.json"))


# --- the bin ---------------------------------------------------------------------------------

def test_a_deleted_draft_waits_in_the_bin_with_its_versions_and_is_restored(session, workspace):
    path = workspace / "Kredito/credit score.json"
    save_draft(load_draft(path), path)
    session.refresh(workers=0)
    done = session.delete(_entry(session, "Kredito/credit score.json"))
    assert done.action is Action.DELETE and done.path is None and not path.exists()
    session.refresh(workers=0)
    assert "Kredito/credit score.json" not in _paths(session)
    binned = session.bin_contents()
    assert [(b.origin, b.name) for b in binned] == [("Kredito/credit score.json", "credit score.json")]
    restored = session.restore(binned[0])
    assert restored.path == path and len(list_backups(path)) == 1 and session.bin_contents() == []


def test_a_draft_restored_where_another_now_is_gets_a_free_name(session, workspace):
    session.delete(_entry(session, "Aino/chatbot.json"))
    write_draft(workspace / "Aino/chatbot.json", "customer_chatbot.json")
    done = session.restore(session.bin_contents()[0])
    assert done.path == workspace / "Aino/chatbot 2.json" and (workspace / "Aino/chatbot.json").exists()


def test_undo_brings_a_deleted_draft_back_and_undoing_a_restore_deletes_it_again(session, workspace):
    session.delete(_entry(session, "Aino/chatbot.json"))
    session.undo()
    assert (workspace / "Aino/chatbot.json").exists() and session.bin_contents() == []
    session.delete(_entry(session, "Aino/chatbot.json"))
    session.restore(session.bin_contents()[0])
    session.undo()
    assert not (workspace / "Aino/chatbot.json").exists() and len(session.bin_contents()) == 1


def test_emptying_the_bin_needs_confirmation_and_cannot_be_undone(session, workspace):
    session.delete(_entry(session, "Aino/chatbot.json"))
    session.delete(_entry(session, "Aino/forecaster.json"))
    with pytest.raises(NeedsConfirmation):
        session.empty_bin(confirmed=False)
    assert len(session.bin_contents()) == 2
    undoable = len(session.history)
    assert session.empty_bin(confirmed=True) == 2
    assert session.bin_contents() == [] and len(session.history) == undoable  # not recorded
    with pytest.raises(WorkspaceError):
        session.undo()  # the deletion's undo finds nothing in the bin: told, nothing changed
    assert not (workspace / "Aino/forecaster.json").exists()


def test_a_bin_entry_whose_note_is_lost_is_still_listed(session, workspace):
    session.delete(_entry(session, "Aino/chatbot.json"))
    binned = session.bin_contents()[0]
    (binned.folder / "deleted.json").write_text("{broken", encoding="utf-8")
    listed = session.bin_contents()
    assert [b.origin for b in listed] == ["chatbot.json"]
    assert session.restore(listed[0]).path == workspace / "chatbot.json"


# --- the history -----------------------------------------------------------------------------

def test_undo_goes_back_one_action_at_a_time_until_nothing_is_left(session, workspace):
    session.rename(_entry(session, "Aino/chatbot.json"), "one")
    session.refresh(workers=0)
    session.archive(_entry(session, "Aino/one.json"))
    assert session.history.last.action is Action.ARCHIVE
    session.undo()
    assert (workspace / "Aino/one.json").exists()
    session.undo()
    assert (workspace / "Aino/chatbot.json").exists()
    with pytest.raises(WorkspaceError):
        session.undo()


# --- protected drafts in the session ----------------------------------------------------------

def test_a_protected_draft_unlocked_shows_its_details_in_this_session_only(session, workspace):
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE, applicant__organisation="Zanzibar Works")
    session.refresh(workers=0)
    entry = _entry(session, "Secret/plan.json")
    assert entry.state is State.PROTECTED and entry.summary.client == ""
    assert session.unlock(entry, Passphrases()).summary.client == ""  # cancelled
    shown = session.unlock(entry, Passphrases(PASSPHRASE))
    assert shown.summary.client == "Zanzibar Works" and shown.summary.protected
    assert _entry(session, "Secret/plan.json").summary.client == "Zanzibar Works"
    assert b"Zanzibar" not in session.index.database.read_bytes()
    assert _entry(WorkspaceSession(workspace), "Secret/plan.json").summary.client == ""  # another session
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE, applicant__organisation="Zanzibar Two")
    session.refresh(workers=0)  # saved again outside with the same passphrase: read again with it
    assert _entry(session, "Secret/plan.json").summary.client == "Zanzibar Two"
    session.rename(_entry(session, "Secret/plan.json"), "renamed")
    session.refresh(workers=0)
    assert _entry(session, "Secret/renamed.json").summary.client == "Zanzibar Two"


def test_a_file_gone_since_it_was_listed_gives_one_line(session, workspace):
    entry = _entry(session, "Aino/chatbot.json")
    (workspace / "Aino/chatbot.json").unlink()
    for action in (lambda: session.rename(entry, "x"), lambda: session.archive(entry), lambda: session.delete(entry),
                   lambda: session.duplicate(entry, workspace / "y.json", CopyOptions())):
        with pytest.raises(WorkspaceError) as raised:
            action()
        assert "\n" not in str(raised.value)
    assert json.loads((workspace / "Aino/forecaster.json").read_text(encoding="utf-8"))
