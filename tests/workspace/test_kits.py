"""Drafts made with an authority kit in a workspace: read with the kit's pack once the application
has seen the kit (its questions count, its answers are no fault), the kit and its deadline shown
and counted; a draft whose kit was never seen is listed as such, and read once the kit is seen."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from app.kits.kit import load_kit
from app.kits.shelf import remember
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, Made, load_draft
from app.storage.paths import kits_dir
from app.workspace import table
from app.workspace.actions import CopyOptions, duplicate
from app.workspace.index import WorkspaceIndex
from app.workspace.packs import Packs
from app.workspace.portfolio import portfolio, summary_lines
from app.workspace.summary import State, summarise
from app.workspace.workspace_session import WorkspaceSession
from catalogue import ntr
from catalogue.formats import numeric_date
from forms.completeness import completeness
from forms.evaluation import Evaluation
from tests.kits.kitmaker import MANIFEST, entries, kit_bytes
from tests.workspace.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


@pytest.fixture(scope="module")
def nordland():
    return load_kit(NORDLAND)


def kit_draft(path: Path, kit, **answers) -> Path:
    """The CV-screening example's answers in a draft made with `kit`, with `answers` to its questions."""
    draft = Draft.new(kit.base, kit=kit.made)
    draft.answers = dict(load_draft(EXAMPLES / "cv_screening.json").answers)
    draft.answers.update({qid.replace("__", "."): Answer(value=value) for qid, value in answers.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    save_draft(draft, path, keep_backup=False)
    return path


def _summary(path: Path):
    return summarise(path.read_bytes(), path.name, Packs())


def test_a_draft_made_with_a_kit_seen_is_read_with_the_kits_pack(nordland, tmp_path):
    remember(nordland)
    path = kit_draft(tmp_path / "nordland.json", nordland, nordland__sector="finance")
    summary = _summary(path)
    assert summary.state is State.READ and summary.tier == "high_risk"  # its answer to the kit's question is no fault
    assert summary.kit == "nordland.ai_sandbox" and nordland.manifest.sandbox.name in summary.kit_label
    assert nordland.manifest.version in summary.kit_label
    assert summary.deadline == "2027-03-31"
    # The kit's own required questions count: the example answers all the EU pack's, not the kit's.
    base = completeness(Evaluation(nordland.base, load_draft(path).values()))
    assert summary.required > base.required and summary.complete is False


def test_the_kit_column_shows_the_kit_and_json_gives_its_id_and_words(nordland, tmp_path):
    remember(nordland)
    kit_draft(tmp_path / "w" / "nordland.json", nordland)
    index = WorkspaceIndex(tmp_path / "w")
    index.refresh(workers=0)
    [entry] = index.entries()  # the index keeps the kit's words and deadline
    shown = table.shown(entry)
    assert shown["kit"] == entry.summary.kit_label and nordland.manifest.sandbox.name in shown["kit"]
    assert shown["deadline"] == numeric_date(dt.date(2027, 3, 31))  # as the language writes it; JSON keeps it ISO
    values = table.values(entry)
    assert (values["kit"], values["kit_label"], values["deadline"]) == ("nordland.ai_sandbox", shown["kit"], "2027-03-31")


def test_a_draft_whose_kit_was_never_seen_is_listed_with_that_state_then_read_once_seen(nordland, tmp_path):
    folder = tmp_path / "w"
    kit_draft(folder / "Client/nordland.json", nordland, nordland__sector="finance")
    shutil.copyfile(EXAMPLES / "credit_scoring.json", folder / "credit.json")
    index = WorkspaceIndex(folder)
    index.refresh(workers=0)
    rows = {entry.path: entry for entry in index.entries()}
    unseen = rows["Client/nordland.json"]
    assert set(rows) == {"Client/nordland.json", "credit.json"} and rows["credit.json"].state is State.READ
    assert unseen.state is State.KIT_UNSEEN and unseen.summary.complete is None
    assert unseen.summary.client == "TalentLens B.V."  # who it is for still shows
    assert "nordland.ai_sandbox" in unseen.summary.problem and "nordland.ai_sandbox" in table.shown(unseen)["kit"]
    assert table.state_text(unseen).endswith(unseen.summary.problem)
    found = portfolio(index.entries())
    assert (found.kit_unseen, found.unreadable) == (1, 0)
    assert ntr("workspace.portfolio.kit_unseen", 1) in summary_lines(found)[1]
    remember(nordland)  # the kit is opened: the next refresh reads the draft with it
    changes = index.refresh(workers=0)
    assert "Client/nordland.json" in changes.changed
    read = {entry.path: entry for entry in index.entries()}["Client/nordland.json"]
    assert read.state is State.READ and read.summary.deadline == "2027-03-31"


def test_a_kit_seen_that_no_longer_loads_leaves_its_draft_unusable_with_why(tmp_path, pack):
    # A kit kept on the shelf whose pack is no longer installed (it extends a version there is not).
    data = kit_bytes(entries(kit__yaml=MANIFEST.replace('version: ">=1.0,<2"', 'version: ">=9"')))
    kits_dir().mkdir(parents=True)
    (kits_dir() / "test.kit--1.0--0123456789abcdef.sandboxkit").write_bytes(data)
    draft = Draft.new(pack, kit=Made(id="test.kit", version="1.0", hash="sha256:" + "0" * 64))
    path = tmp_path / "old kit.json"
    save_draft(draft, path, keep_backup=False)
    summary = _summary(path)
    assert summary.state is State.UNUSABLE and summary.problem and summary.kit == "test.kit"
    assert "Test Sandbox" in summary.kit_label


def test_another_version_of_the_kit_seen_reads_the_draft_and_keeps_answers_it_lacks(nordland, tmp_path):
    remember(nordland)
    draft = Draft.new(nordland.base, kit=Made(id=nordland.manifest.id, version="0.9", hash="sha256:" + "1" * 64))
    draft.answers = dict(load_draft(EXAMPLES / "cv_screening.json").answers)
    draft.answers["nordland.gone_question"] = Answer(value="asked by version 0.9 only")
    save_draft(draft, tmp_path / "older.json", keep_backup=False)
    summary = _summary(tmp_path / "older.json")
    assert summary.state is State.READ and "0.9" in summary.kit_label and summary.deadline == "2027-03-31"


def test_deadlines_this_month_count_the_kits_deadline(nordland, tmp_path):
    remember(nordland)
    kit_draft(tmp_path / "w" / "a.json", nordland)
    kit_draft(tmp_path / "w" / ".archive" / "b.json", nordland)  # archived: not counted
    shutil.copyfile(EXAMPLES / "credit_scoring.json", tmp_path / "w" / "plain.json")
    index = WorkspaceIndex(tmp_path / "w")
    index.refresh(workers=0)
    assert portfolio(index.entries(), today=dt.date(2027, 3, 2)).due_this_month == 1
    assert portfolio(index.entries(), today=dt.date(2027, 4, 1)).due_this_month == 0


def test_a_copy_of_a_kit_draft_offers_the_kits_sections_and_clears_them(nordland, tmp_path):
    remember(nordland)
    folder = tmp_path / "w"
    kit_draft(folder / "a.json", nordland, nordland__sector="finance")
    session = WorkspaceSession(folder, Packs())
    session.refresh(workers=0)
    [entry] = session.entries()
    assert "nordland" in [section for section, _title in session.sections(entry)]
    duplicate(folder / "a.json", folder / "b.json", CopyOptions(cleared=frozenset({"nordland"})), session.packs)
    copy = load_draft(folder / "b.json")
    assert "nordland.sector" not in copy.answers and copy.lock.kit == load_draft(folder / "a.json").lock.kit


def test_the_command_reads_kit_drafts_with_the_kit_named_with_kit(nordland, tmp_path, capsys):
    from app.commands.main import main as cli_main

    kit_draft(tmp_path / "w" / "a.json", nordland, nordland__sector="finance")
    assert cli_main(["workspace", str(tmp_path / "w"), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["state"], row["kit"], row["deadline"]) == ("kit_unseen", "nordland.ai_sandbox", None)
    assert cli_main(["--kit", str(NORDLAND), "workspace", str(tmp_path / "w"), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["state"], row["kit"], row["deadline"]) == ("read", "nordland.ai_sandbox", "2027-03-31")
    assert nordland.manifest.sandbox.name in row["kit_label"]

