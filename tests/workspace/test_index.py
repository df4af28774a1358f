"""The workspace's index: every draft listed from an SQLite database in the user data folder, kept
right by a refresh that reads only what changed, whatever was done to the folder outside the
application (edited, copied in, deleted, touched, moved), and rebuilt when it cannot be used."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import catalogue
from app.workspace import reading
from app.workspace.folder import Place
from app.workspace.index import SCHEMA_VERSION, WorkspaceIndex, index_file
from app.workspace.summary import State
from tests.workspace.conftest import EXAMPLES, PASSPHRASE, LAYOUT, several_draft, undecided_draft, write_draft


@pytest.fixture
def reads(monkeypatch):
    """The names of the files classified (summarised from their bytes) since the test began."""
    seen: list[str] = []
    real = reading.summarise

    def counting(data, name, packs, passphrase=None):
        seen.append(name)
        return real(data, name, packs, passphrase)
    monkeypatch.setattr(reading, "summarise", counting)
    return seen


def _index(folder) -> WorkspaceIndex:
    index = WorkspaceIndex(folder)
    index.refresh(workers=0)
    return index


def _rows(index):
    return {entry.path: entry for entry in index.entries()}


def test_the_first_refresh_lists_every_draft_from_a_database_outside_the_folder(workspace, private_data_dir):
    before = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    index = WorkspaceIndex(workspace)
    changes = index.refresh(workers=0)
    assert sorted(changes.added) == sorted(LAYOUT.values())
    rows = _rows(index)
    assert rows["TalentLens/cv ranking.json"].summary.client == "TalentLens B.V."
    assert index.database == index_file(workspace) and private_data_dir in index.database.parents
    assert sorted(p.relative_to(workspace) for p in workspace.rglob("*")) == before  # nothing written there
    with sqlite3.connect(index.database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_refresh_with_nothing_changed_reads_nothing(workspace, reads):
    index = _index(workspace)
    reads.clear()
    assert not index.refresh(workers=0)
    assert reads == []


def test_a_draft_edited_outside_is_read_again(workspace, reads):
    index = _index(workspace)
    reads.clear()
    undecided_draft(workspace / "TalentLens/cv ranking.json")
    changes = index.refresh(workers=0)
    assert changes.changed == ["TalentLens/cv ranking.json"] and reads == ["TalentLens/cv ranking.json"]
    entry = _rows(index)["TalentLens/cv ranking.json"]
    assert entry.summary.client == "Undecided Ltd" and entry.summary.could_be


def test_a_draft_copied_in_is_listed_and_one_with_known_bytes_is_not_classified_again(workspace, reads):
    index = _index(workspace)
    reads.clear()
    shutil.copyfile(workspace / "Aino/chatbot.json", workspace / "Aino/chatbot copy.json")
    write_draft(workspace / "New client/new.json", "credit_scoring.json", applicant__organisation="New client SA")
    changes = index.refresh(workers=0)
    assert sorted(changes.added) == ["Aino/chatbot copy.json", "New client/new.json"]
    assert reads == ["New client/new.json"]
    rows = _rows(index)
    assert rows["Aino/chatbot copy.json"].summary == rows["Aino/chatbot.json"].summary
    assert rows["New client/new.json"].summary.client == "New client SA"


def test_a_draft_deleted_outside_leaves_the_table(workspace):
    index = _index(workspace)
    (workspace / "Kredito/credit score.json").unlink()
    shutil.rmtree(workspace / "Aino")
    changes = index.refresh(workers=0)
    assert sorted(changes.removed) == ["Aino/chatbot.json", "Aino/forecaster.json", "Kredito/credit score.json"]
    assert list(_rows(index)) == ["TalentLens/cv ranking.json"]


def test_a_draft_touched_outside_is_not_classified_again(workspace, reads):
    index = _index(workspace)
    reads.clear()
    path = workspace / "Aino/chatbot.json"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert not index.refresh(workers=0)
    assert reads == []
    assert _rows(index)["Aino/chatbot.json"].mtime_ns == path.stat().st_mtime_ns


def test_a_draft_moved_outside_keeps_its_summary_without_being_classified_again(workspace, reads):
    index = _index(workspace)
    before = _rows(index)["Aino/forecaster.json"].summary
    reads.clear()
    (workspace / "Nordlager").mkdir()
    os.rename(workspace / "Aino/forecaster.json", workspace / "Nordlager/forecaster.json")
    changes = index.refresh(workers=0)
    assert (changes.added, changes.removed) == (["Nordlager/forecaster.json"], ["Aino/forecaster.json"])
    assert reads == [] and _rows(index)["Nordlager/forecaster.json"].summary == before


def test_damaged_files_are_listed_with_their_state_and_hide_nothing(workspace):
    (workspace / "broken.json").write_text("{nope", encoding="utf-8")
    (workspace / "TalentLens/empty.json").write_bytes(b"")
    (workspace / "binary.json").write_bytes(b"\x00\xff" * 100)
    index = _index(workspace)
    rows = _rows(index)
    assert len(rows) == len(LAYOUT) + 3
    for name in ("broken.json", "TalentLens/empty.json", "binary.json"):
        assert rows[name].state is State.DAMAGED and rows[name].summary.problem
    assert all(rows[name].state is State.READ for name in LAYOUT.values())
    shutil.copyfile(EXAMPLES / "cv_screening.json", workspace / "broken.json")  # mended outside
    index.refresh(workers=0)
    assert _rows(index)["broken.json"].state is State.READ


def test_a_file_too_large_to_be_a_draft_is_listed_damaged_without_being_read(workspace, reads, monkeypatch):
    from app.workspace import index as index_module

    monkeypatch.setattr(index_module, "MAX_DRAFT_BYTES", 1000)
    index = _index(workspace)
    rows = _rows(index)
    assert all(rows[name].state is State.DAMAGED for name in LAYOUT.values())  # the examples are larger
    assert reads == []


def test_a_file_that_cannot_be_read_is_listed_and_read_once_it_can(workspace, monkeypatch):
    from app.workspace import index as index_module

    refused = ["chatbot.json"]

    def refusing(path, mode="r", *args, **kwargs):
        if refused and str(path).endswith(refused[0]):
            raise PermissionError(13, "Permission denied")
        return open(path, mode, *args, **kwargs)
    monkeypatch.setattr(index_module, "open", refusing, raising=False)
    index = _index(workspace)
    rows = _rows(index)
    refused_row = rows["Aino/chatbot.json"]
    assert refused_row.state is State.DAMAGED and "Permission denied" in refused_row.summary.problem
    assert rows["Aino/forecaster.json"].state is State.READ
    refused.clear()  # the permission mended
    index.refresh(workers=0)  # unchanged in size and time, but never read: looked at again
    assert _rows(index)["Aino/chatbot.json"].state is State.READ


def test_a_protected_draft_is_listed_by_name_and_its_details_never_reach_the_index(workspace):
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE, applicant__organisation="Zanzibar Secret Works")
    index = _index(workspace)
    entry = _rows(index)["Secret/plan.json"]
    assert entry.state is State.PROTECTED and entry.summary.protected and entry.summary.client == ""
    assert b"Zanzibar" not in index.database.read_bytes()


def test_the_applications_own_folders_are_skipped_and_archive_and_templates_are_marked(workspace):
    write_draft(workspace / ".archive/Old/old.json")
    write_draft(workspace / ".templates/bank.json", "credit_scoring.json")
    for skipped in (".bin/123/x.json", "TalentLens/.backups/cv ranking.json/00000000000000000001.json",
                    ".git/objects/x.json", "TalentLens/.cv ranking.json.abcd1234.tmp", "TalentLens/.hidden.json"):
        (workspace / skipped).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLES / "cv_screening.json", workspace / skipped)
    (workspace / "notes.txt").write_text("not a draft", encoding="utf-8")
    rows = _rows(_index(workspace))
    assert set(rows) == set(LAYOUT.values()) | {".archive/Old/old.json", ".templates/bank.json"}
    assert rows[".archive/Old/old.json"].place is Place.ARCHIVE
    assert rows[".templates/bank.json"].place is Place.TEMPLATES
    assert rows["Aino/chatbot.json"].place is Place.DRAFTS


def test_an_index_of_another_schema_version_is_rebuilt_from_the_files(workspace):
    index = _index(workspace)
    with sqlite3.connect(index.database) as db:
        db.execute("PRAGMA user_version = 999")
    assert index.entries() == []  # a new, empty index: nothing of the old one is trusted
    index.refresh(workers=0)
    assert len(index.entries()) == len(LAYOUT)


def test_a_damaged_index_is_replaced(workspace):
    index = _index(workspace)
    index.database.write_bytes(b"this is not an SQLite database" * 100)
    index.refresh(workers=0)
    assert len(index.entries()) == len(LAYOUT)


def test_another_language_reads_the_summaries_again(workspace, reads):
    index = _index(workspace)
    reads.clear()
    catalogue.set_language("en-XA")
    try:
        index.refresh(workers=0)
        assert sorted(reads) == sorted(LAYOUT.values())
        label = _rows(index)["TalentLens/cv ranking.json"].summary.tier_label
        assert label.startswith("[")  # the pseudo-language's words
    finally:
        catalogue.set_language("en")


def test_progress_is_told_with_the_entries_as_they_are_written(workspace):
    told = []
    WorkspaceIndex(workspace).refresh(told.append, workers=0)
    assert told[-1].done == told[-1].total == len(LAYOUT)
    assert sorted(e.path for p in told for e in p.entries) == sorted(LAYOUT.values())


def test_worker_processes_give_the_same_table(workspace, tmp_path):
    for number in range(12):
        write_draft(workspace / f"Many/draft {number}.json", applicant__organisation=f"Client {number}")
    serial = WorkspaceIndex(workspace, tmp_path / "serial.sqlite3")
    serial.refresh(workers=0)
    shared = WorkspaceIndex(workspace, tmp_path / "shared.sqlite3")
    shared.refresh(workers=2)
    assert [(e.path, e.summary) for e in shared.entries()] == [(e.path, e.summary) for e in serial.entries()]


def test_the_workers_are_counted_from_the_cores_not_the_load(monkeypatch):
    monkeypatch.setattr(os, "getloadavg", lambda: (50.0, 50.0, 50.0), raising=False)  # a busy minute
    assert reading.worker_count(reading.POOL_FROM - 1, cores=8) == 0  # a few files: this process alone
    assert reading.worker_count(1000, cores=1) == 0  # one core: a worker would only add its start
    assert reading.worker_count(1000, cores=2) == 2
    assert reading.worker_count(1000, cores=64) == reading.MAX_WORKERS
    assert 0 <= reading.worker_count(1000) <= reading.MAX_WORKERS  # the cores this process may use


def test_each_jurisdictions_result_is_kept_in_the_index(workspace):
    several_draft(workspace / "Both/two.json", "utah_ai_lab")
    index = _index(workspace)
    again = _rows(WorkspaceIndex(workspace))["Both/two.json"].summary  # a new session: from the index alone
    assert [j.pack for j in again.jurisdictions] == ["eu_ai_act", "utah_ai_lab"]
    from app.workspace.summary import summarise
    assert again == summarise((workspace / "Both/two.json").read_bytes(), "two.json", index.packs)


def test_a_draft_of_a_pack_installed_later_is_read_once_the_pack_is_there(workspace, private_data_dir, reads):
    from app.storage.drafts import Draft
    from forms.loader import load_pack

    robot_law = Path(__file__).resolve().parents[1] / "data" / "packs" / "robot_law"
    draft = Draft.new(load_pack(robot_law))
    (workspace / "robots.json").write_text(draft.to_json(), encoding="utf-8")
    index = _index(workspace)
    assert _rows(index)["robots.json"].state is State.UNUSABLE
    reads.clear()
    shutil.copytree(robot_law, private_data_dir / "packs" / "robot_law")
    index.refresh(workers=0)
    assert _rows(index)["robots.json"].state is State.READ
    assert sorted(reads) == sorted([*LAYOUT.values(), "robots.json"])  # other packs known: all read again


def test_a_new_version_of_the_summaries_reads_every_draft_again(workspace, reads, monkeypatch):
    from app.workspace import packs

    index = _index(workspace)
    reads.clear()
    monkeypatch.setattr(packs, "SUMMARY_VERSION", packs.SUMMARY_VERSION + 1)
    index.refresh(workers=0)
    assert sorted(reads) == sorted(LAYOUT.values())


def test_a_workspace_out_of_reach_keeps_its_rows(workspace, tmp_path):
    from app.workspace.files import WorkspaceError

    index = _index(workspace)
    workspace.rename(tmp_path / "away")  # a shared drive not connected
    with pytest.raises(WorkspaceError):
        index.refresh(workers=0)
    assert sorted(_rows(index)) == sorted(LAYOUT.values())
    (tmp_path / "away").rename(workspace)
    assert not index.refresh(workers=0)
