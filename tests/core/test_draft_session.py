"""The draft session's flows without a window: opening a protected draft (asking until the passphrase
is right), putting back a kept version, the unsaved-changes decision, autosave per draft and the
recovery of every draft's unsaved work after a crash. The questions are answered from a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.storage import autosave_files
from app.storage.backups import list_backups
from app.session.draft_session import DraftSession, DraftUnusable
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, PassphraseRequired, WrongPassphrase, load_draft
from app.session.prompts import Choice, Notice

V1 = Path(__file__).resolve().parents[1] / "data" / "drafts_v1"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
PASSPHRASE = "open sesame"


class ScriptedPrompts:
    """Answers the session's questions from lists given by the test, and records every question."""

    def __init__(self, passphrases=(), save_choice=Choice.CANCEL, save_path=None, version=None, recovery=None,
                 put_back=False, new_passphrase=None):
        self.passphrases = list(passphrases)
        self.save_choice, self.save_path, self.version, self.recovery = save_choice, save_path, version, recovery
        self.put_back, self.new_passphrase = put_back, new_passphrase
        self.asked: list[tuple] = []
        self.told: list[tuple[Notice, dict]] = []
        self.reasons: list = []

    def ask_passphrase(self, name, retry):
        self.asked.append(("passphrase", name, retry))
        return self.passphrases.pop(0)

    def ask_new_passphrase(self, protected):
        self.asked.append(("new_passphrase", protected))
        return self.new_passphrase

    def ask_save_changes(self, name):
        self.asked.append(("save_changes", name))
        return self.save_choice

    def ask_save_path(self, suggested):
        self.asked.append(("save_path", suggested))
        return self.save_path

    def choose_version(self, name, versions):
        self.asked.append(("version", name, len(versions)))
        return self.version

    def choose_recovery(self, recoveries):
        self.asked.append(("recovery", [r.source for r in recoveries]))
        return self.recovery

    def cannot_open(self, path, reason, versions):
        self.asked.append(("cannot_open", type(reason), len(versions)))
        self.reasons.append(reason)
        return self.put_back

    def tell(self, notice, **details):
        self.told.append((notice, details))

    def notices(self):
        return [notice for notice, _ in self.told]


@pytest.fixture
def saved(tmp_path, pack):
    """A saved draft with one answer; its path."""
    path = tmp_path / "drafts" / "mine.json"
    draft = Draft.new(pack)
    # The answers of the shipped example, which answer today's pack (the kept format-1 files
    # answer questions a later pack version retired).
    draft.answers = load_draft(EXAMPLES / "cv_screening.json").answers
    save_draft(draft, path)
    return path


def _protected(path, passphrase=PASSPHRASE):
    save_draft(load_draft(path), path, passphrase=passphrase)
    return path


# --- opening --------------------------------------------------------------------------------------

def test_a_protected_draft_is_asked_for_until_the_passphrase_is_right(pack, saved):
    prompts = ScriptedPrompts(passphrases=["wrong", "", PASSPHRASE])
    session = DraftSession(pack, prompts)
    result = session.open(_protected(saved))
    assert result.opened and result.path == saved
    assert [entry[2] for entry in prompts.asked] == [False, True, True]
    assert session.passphrase == PASSPHRASE and not session.dirty
    assert session.value("system.offering") == "system"


def test_cancelling_the_passphrase_opens_nothing_and_changes_nothing(pack, saved):
    before = _protected(saved).read_bytes()
    prompts = ScriptedPrompts(passphrases=[None])
    session = DraftSession(pack, prompts)
    first = session.draft
    assert not session.open(saved).opened
    assert session.draft is first and saved.read_bytes() == before
    assert [entry[0] for entry in prompts.asked] == ["passphrase"]  # nothing more to say


def test_cancelling_after_a_wrong_passphrase_offers_the_kept_versions(pack, saved):
    _protected(saved)
    prompts = ScriptedPrompts(passphrases=["wrong", None, PASSPHRASE], put_back=True, version=0)
    session = DraftSession(pack, prompts)
    assert session.open(saved).opened  # a kept version was put back and opened
    assert ("cannot_open", WrongPassphrase, 2) in prompts.asked
    assert Notice.VERSION_RESTORED in prompts.notices()


def test_a_draft_that_does_not_fit_the_pack_is_refused_with_every_problem(pack, tmp_path):
    path = tmp_path / "draft.json"
    draft = Draft.new(pack)
    draft.answers = {"no.such": Answer(value="yes"), "system.offering": Answer(value=42)}
    save_draft(draft, path, keep_backup=False)
    prompts = ScriptedPrompts()
    assert not DraftSession(pack, prompts).open(path).opened
    assert prompts.asked == [("cannot_open", DraftUnusable, 0)]
    assert len(prompts.reasons[0].problems) == 2 and "no.such" in str(prompts.reasons[0])


# --- the unsaved-changes decision -----------------------------------------------------------------

@pytest.mark.parametrize("choice, allowed", [(Choice.SAVE, True), (Choice.DISCARD, True), (Choice.CANCEL, False)])
def test_unsaved_work_is_asked_about_before_it_could_be_lost(pack, saved, choice, allowed):
    prompts = ScriptedPrompts(save_choice=choice)
    session = DraftSession(pack, prompts)
    assert session.open(saved).opened
    assert session.may_discard() and prompts.asked == []  # nothing unsaved: nothing asked
    session.set_answer("system.offering", "both")
    assert session.may_discard() is allowed
    assert prompts.asked == [("save_changes", "mine")]
    assert (load_draft(saved).answers["system.offering"].value == "both") is (choice is Choice.SAVE)
    # Discarding changes nothing yet: the work stays unsaved and autosaved until replaced.
    assert session.dirty is (choice is not Choice.SAVE)


def test_a_new_draft_saved_asks_where_and_adds_json(pack, tmp_path):
    prompts = ScriptedPrompts(save_choice=Choice.SAVE, save_path=tmp_path / "named")
    session = DraftSession(pack, prompts)
    session.set_answer("system.offering", "model")
    assert session.may_discard()
    assert session.path == tmp_path / "named.json" and not session.dirty
    assert load_draft(tmp_path / "named.json").id == session.draft.id
    assert (Notice.SAVED, {"path": tmp_path / "named.json"}) in prompts.told


# --- versions, passphrase -------------------------------------------------------------------------

def test_an_earlier_version_is_put_back_and_opened(pack, saved):
    prompts = ScriptedPrompts(version=2, save_choice=Choice.SAVE)  # the oldest of three
    session = DraftSession(pack, prompts)
    session.open(saved)
    session.set_answer("system.offering", "both")
    assert session.save()
    session.set_answer("system.offering", "model")  # unsaved: asked first, and saved
    assert session.restore_version().opened
    assert session.value("system.offering") == "system"
    assert load_draft(saved).answers["system.offering"].value == "system"
    assert ("save_changes", "mine") in prompts.asked and ("version", "mine.json", 3) in prompts.asked


def test_versions_of_a_draft_never_saved_are_explained(pack):
    prompts = ScriptedPrompts()
    assert not DraftSession(pack, prompts).restore_version().opened
    assert prompts.notices() == [Notice.VERSIONS_NEED_A_SAVE]


def test_protecting_seals_the_file_its_versions_and_the_autosave(pack, saved):
    prompts = ScriptedPrompts(new_passphrase=PASSPHRASE)
    session = DraftSession(pack, prompts)
    session.open(saved)
    session.set_answer("system.offering", "both")
    assert session.autosave()
    assert session.change_passphrase()
    for copy in [saved, autosave_files.autosave_file(session.draft.id), *(b.path for b in list_backups(saved))]:
        with pytest.raises(PassphraseRequired):
            load_draft(copy)
    assert load_draft(autosave_files.autosave_file(session.draft.id), PASSPHRASE).answers["system.offering"].value == "both"
    assert (Notice.PROTECTION_CHANGED, {"protected": True}) in prompts.told


# --- autosave, one per draft, and recovery ---------------------------------------------------------

def test_each_draft_has_its_own_autosave_and_a_clean_end_leaves_none(pack, saved):
    one, other = DraftSession(pack), DraftSession(pack)
    one.open(saved)
    for session, value in ((one, "both"), (other, "model")):
        session.set_answer("system.offering", value)
        assert session.autosave()
    assert one.draft.id != other.draft.id
    assert load_draft(autosave_files.autosave_file(one.draft.id)).answers["system.offering"].value == "both"
    assert load_draft(autosave_files.autosave_file(other.draft.id)).answers["system.offering"].value == "model"
    one.end()
    assert not autosave_files.autosave_file(one.draft.id).exists()
    assert autosave_files.autosave_file(other.draft.id).exists()


def test_after_a_crash_every_draft_s_unsaved_work_is_offered_and_each_can_be_restored(pack, saved):
    one, other = DraftSession(pack), DraftSession(pack)  # two windows, say; neither ends cleanly
    one.open(saved)
    one.set_answer("system.offering", "both")
    other.set_answer("system.offering", "model")
    assert one.autosave() and other.autosave()
    autosave_files.set_aside_crashed_autosaves()  # the next start
    left = autosave_files.recoveries()
    assert {r.source for r in left} == {saved.absolute(), None} and len(left) == 2
    prompts = ScriptedPrompts(recovery=[r.source for r in left].index(None), save_choice=Choice.DISCARD)
    again = DraftSession(pack, prompts)
    assert again.restore_recovery()
    assert again.value("system.offering") == "model" and again.dirty and again.path is None
    assert again.draft.id == other.draft.id
    assert [r.source for r in autosave_files.recoveries()] == [saved.absolute()]  # the other is still offered
    assert again.restore_recovery()  # only one left: no choice to make; the unsaved one is asked about
    assert again.value("system.offering") == "both" and again.path == saved.absolute()
    assert autosave_files.recoveries() == []
    assert ("save_changes", "") in prompts.asked
    # The restored work is this session's autosave now, under its own draft's id.
    assert load_draft(autosave_files.autosave_file(one.draft.id)).answers["system.offering"].value == "both"


def test_opening_the_draft_whose_work_a_crash_left_does_not_overwrite_that_work(pack, saved):
    crashed = DraftSession(pack)
    crashed.open(saved)
    crashed.set_answer("system.offering", "both")
    crashed.autosave()
    autosave_files.set_aside_crashed_autosaves()
    later = DraftSession(pack)
    later.open(saved)  # the same draft, from its file
    later.set_answer("system.offering", "model")
    later.autosave()
    [left] = autosave_files.recoveries()
    assert load_draft(left.file).answers["system.offering"].value == "both"


def test_protected_unsaved_work_is_restored_with_its_passphrase_and_kept_when_cancelled(pack, saved):
    crashed = DraftSession(pack, ScriptedPrompts(passphrases=[PASSPHRASE]))
    crashed.open(_protected(saved))
    crashed.set_answer("system.offering", "both")
    crashed.autosave()
    autosave_files.set_aside_crashed_autosaves()
    prompts = ScriptedPrompts(passphrases=[None, PASSPHRASE])
    again = DraftSession(pack, prompts)
    assert not again.restore_recovery() and len(autosave_files.recoveries()) == 1
    assert again.restore_recovery() and again.passphrase == PASSPHRASE
    assert [entry[1:] for entry in prompts.asked] == [("mine.json", False), ("mine.json", False)]


def test_unsaved_work_left_by_the_application_before_drafts_had_ids_is_offered(pack, tmp_path):
    folder = autosave_files.autosave_dir()
    folder.mkdir(parents=True)
    (folder / "draft.json").write_bytes((V1 / "demand_forecaster.json").read_bytes())  # a format-1 autosave
    (folder / "source.json").write_text(json.dumps({"path": str(tmp_path / "forecast.json")}), encoding="utf-8")
    (folder / "recovered.json").write_bytes((V1 / "new_draft.json").read_bytes())
    autosave_files.set_aside_crashed_autosaves()
    left = autosave_files.recoveries()
    assert sorted(str(r.source) for r in left) == sorted(["None", str(tmp_path / "forecast.json")])
    session = DraftSession(pack, ScriptedPrompts(recovery=[r.source for r in left].index(tmp_path / "forecast.json")))
    assert session.restore_recovery()
    assert session.draft == load_draft(V1 / "demand_forecaster.json") and session.dirty


# --- saving ---------------------------------------------------------------------------------------

def test_a_copy_saved_under_another_name_is_the_same_application_and_keeps_its_id(pack, saved, tmp_path):
    session = DraftSession(pack)
    session.open(saved)
    first, original = session.draft.id, load_draft(saved)
    session.set_answer("system.offering", "both")
    session.autosave()
    assert session.save(tmp_path / "copy.json")
    assert load_draft(tmp_path / "copy.json").id == first == load_draft(saved).id
    assert session.path == tmp_path / "copy.json"
    assert session.draft.id == first and not autosave_files.autosave_file(first).exists()  # the work is safe
    assert load_draft(saved) == original  # the original file is left as it was
    session.set_answer("system.offering", "model")
    assert session.save()  # saving again goes to the copy
    assert load_draft(tmp_path / "copy.json").answers["system.offering"].value == "model"
    assert load_draft(tmp_path / "copy.json").id == first


def test_a_save_that_fails_is_told_and_the_work_stays_unsaved(pack, tmp_path):
    (tmp_path / "a-file").write_text("")
    prompts = ScriptedPrompts()
    session = DraftSession(pack, prompts)
    session.set_answer("system.offering", "model")
    assert not session.save(tmp_path / "a-file" / "draft.json")
    assert prompts.notices() == [Notice.SAVE_FAILED] and session.dirty and session.path is None


def test_autosaves_and_the_work_set_aside_are_readable_by_their_owner_only(pack):
    import stat

    session = DraftSession(pack)
    session.set_answer("system.offering", "model")
    session.autosave()
    autosave = autosave_files.autosave_file(session.draft.id)
    assert stat.S_IMODE(autosave.stat().st_mode) == 0o600
    assert stat.S_IMODE(autosave_files.autosave_dir().stat().st_mode) == 0o700
    autosave_files.set_aside_crashed_autosaves()
    [left] = autosave_files.recoveries()
    assert stat.S_IMODE(left.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(autosave_files.recovered_dir().stat().st_mode) == 0o700
