"""Draft format migrations: each registered step, tested on the files kept from the format it starts
from (tests/data/drafts_v<N>/); every such file opens, and is saved in the current format."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest

from app.storage import draft_migrations
from app.storage.draft_migrations import STEPS, MigrationError, migrate
from app.storage.draft_store import save_draft
from app.storage.drafts import FORMAT_VERSION, DraftError, load_draft

DATA = Path(__file__).resolve().parents[1] / "data"
V1 = DATA / "drafts_v1"
V1_PLAIN = sorted(path for path in V1.glob("*.json") if path.name != "protected.json")
V1_PASSPHRASE = "format one passphrase"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_steps_lead_from_format_1_to_the_current_one_without_a_gap():
    assert sorted(STEPS) == list(range(1, FORMAT_VERSION))
    assert draft_migrations.latest_format() == FORMAT_VERSION


@pytest.mark.parametrize("version", sorted(STEPS))
def test_every_step_has_files_of_the_format_it_starts_from(version):
    kept = list((DATA / f"drafts_v{version}").glob("*.json"))
    assert len(kept) >= 3
    assert all(json.loads(path.read_text(encoding="utf-8")).get("format") for path in kept)


# --- step 1 -> 2: an id and the lock -------------------------------------------------------------

@pytest.mark.parametrize("path", V1_PLAIN, ids=lambda path: path.stem)
def test_step_1_gives_an_id_and_turns_the_pack_fields_into_the_lock(path):
    before = _json(path)
    assert before["format_version"] == 1  # the premise: a kept format-1 file
    given = copy.deepcopy(before)
    after = STEPS[1](given)
    assert uuid.UUID(after["id"])
    assert after["lock"] == {"pack": {"id": before["pack_id"], "version": before["pack_version"], "hash": None},
                             "kit": None, "language": "en"}
    assert "pack_id" not in after and "pack_version" not in after
    untouched = {key: value for key, value in before.items() if key not in ("pack_id", "pack_version")}
    assert {key: after[key] for key in untouched} == untouched  # answers, notes, names and times as they were
    assert list(after)[:4] == ["format", "format_version", "id", "lock"]


def test_step_1_gives_the_same_file_the_same_id_and_other_files_other_ids():
    ids = [migrate(_json(path), 2)["id"] for path in V1_PLAIN]
    assert ids == [migrate(_json(path), 2)["id"] for path in V1_PLAIN]
    assert len(set(ids)) == len(V1_PLAIN)


def test_migrating_leaves_what_it_was_given_as_it_was():
    data = _json(V1 / "cv_screening.json")
    kept = copy.deepcopy(data)
    assert migrate(data, FORMAT_VERSION)["format_version"] == FORMAT_VERSION
    assert data == kept


@pytest.mark.parametrize("path", V1_PLAIN, ids=lambda path: path.stem)
def test_every_format_1_draft_opens_and_is_saved_in_the_current_format(path, tmp_path):
    draft = load_draft(path)
    assert draft.answers.keys() == _json(path)["answers"].keys()
    save_draft(draft, tmp_path / path.name)
    saved = _json(tmp_path / path.name)
    assert saved["format_version"] == FORMAT_VERSION and saved["id"] == str(draft.id)
    assert load_draft(tmp_path / path.name) == draft  # the id stays the one it was given


def test_a_protected_format_1_draft_opens_with_its_passphrase_and_stays_protected(tmp_path):
    from app.storage.drafts import PassphraseRequired

    draft = load_draft(V1 / "protected.json", V1_PASSPHRASE)
    assert draft == load_draft(V1 / "customer_chatbot.json")  # the same draft, sealed
    save_draft(draft, tmp_path / "protected.json", passphrase=V1_PASSPHRASE)
    with pytest.raises(PassphraseRequired):
        load_draft(tmp_path / "protected.json")
    assert load_draft(tmp_path / "protected.json", V1_PASSPHRASE).format_version == FORMAT_VERSION


@pytest.mark.parametrize("version", [0, -1, "1", True, 1.5, None])
def test_a_format_version_that_is_not_a_whole_number_from_1_is_one_line(version, tmp_path):
    data = _json(V1 / "new_draft.json")
    data["format_version"] = version
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftError, match="format_version") as caught:
        load_draft(path)
    assert "\n" not in str(caught.value)


def test_a_format_1_draft_without_its_version_field_is_read_as_format_1(tmp_path):
    data = _json(V1 / "new_draft.json")
    del data["format_version"]
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_draft(path).lock.pack.id == "eu_ai_act"


def test_a_step_that_cannot_read_the_content_refuses_the_draft_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(STEPS, 1, lambda data: data["no such field"])
    path = V1 / "new_draft.json"
    before = path.read_bytes()
    with pytest.raises(DraftError, match="cannot be brought from draft format 1 to format 2") as caught:
        load_draft(path)
    assert "\n" not in str(caught.value) and path.read_bytes() == before
    with pytest.raises(MigrationError):
        migrate(_json(path), FORMAT_VERSION)


# --- step 2 -> 3: attachments --------------------------------------------------------------------

V2 = DATA / "drafts_v2"


@pytest.mark.parametrize("path", sorted(V2.glob("*.json")), ids=lambda path: path.stem)
def test_step_2_adds_no_attachments_and_changes_nothing_else(path):
    before = _json(path)
    assert before["format_version"] == 2  # the premise: a kept format-2 file
    after = STEPS[2](copy.deepcopy(before))
    assert after["attachments"] == []
    assert {key: after[key] for key in before} == before
    assert load_draft(path).attachments == [] and load_draft(path).lock.model_dump() == before["lock"]


def test_a_format_2_draft_is_saved_in_the_current_format_with_its_kit_kept(tmp_path):
    draft = load_draft(V2 / "kit_draft.json")
    save_draft(draft, tmp_path / "saved.json")
    saved = _json(tmp_path / "saved.json")
    assert saved["format_version"] == FORMAT_VERSION and saved["attachments"] == []
    assert saved["lock"]["kit"]["id"] == "nordland.ai_sandbox"
    assert saved["answers"]["nordland.sector"]["value"] == "finance"


# --- step 3 -> 4: the feedback a draft keeps ------------------------------------------------------

V3 = DATA / "drafts_v3"


@pytest.mark.parametrize("path", sorted(V3.glob("*.json")), ids=lambda path: path.stem)
def test_step_3_keeps_no_feedback_and_changes_nothing_else(path, tmp_path):
    before = _json(path)
    assert before["format_version"] == 3  # the premise: a kept format-3 file
    after = STEPS[3](copy.deepcopy(before))
    assert after["feedback"] is None
    assert {key: after[key] for key in before} == before
    draft = load_draft(path)
    assert draft.feedback is None and draft.answers.keys() == before["answers"].keys()
    save_draft(draft, tmp_path / path.name)
    saved = _json(tmp_path / path.name)
    assert saved["format_version"] == FORMAT_VERSION and saved["feedback"] is None
    assert load_draft(tmp_path / path.name) == draft


def test_step_3_refuses_a_draft_whose_answers_are_no_table():
    data = {**_json(V3 / "cv_screening.json"), "answers": ["no", "table"]}
    with pytest.raises(MigrationError):
        migrate(data, FORMAT_VERSION)
