"""What a draft records of the pack it was made with, and how opening it with another pack says so:
a draft whose pack changed still opens, and the result of opening names the change."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

from app.session.draft_session import DraftSession
from app.storage.draft_store import save_draft
from app.storage.drafts import Draft, Lock, PackChange, load_draft, pack_change
from forms.fingerprint import content_hash
from forms.loader import DEFAULT_PACK, load_pack

V1 = Path(__file__).resolve().parents[1] / "data" / "drafts_v1"
# Relocked to today's pack, a draft must answer only its questions: the shipped examples do (the
# kept format-1 files answer questions a later pack version retired).
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def _pack_copy(tmp_path, change=None):
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    manifest = folder / "pack.yaml"
    text = manifest.read_text(encoding="utf-8") + "\n# a comment changes nothing a draft relies on\n"
    if change:
        text = re.sub(r"^title: .*$", 'title: "A title changed without a new version"', text, count=1, flags=re.M)
    manifest.write_text(text, encoding="utf-8")
    return load_pack(folder)


def test_a_new_draft_records_its_id_and_what_it_was_made_with(pack, tmp_path):
    draft = Draft.new(pack)
    assert uuid.UUID(str(draft.id)).version == 4
    assert draft.lock == Lock.of(pack)
    save_draft(draft, tmp_path / "draft.json")
    saved = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert saved["id"] == str(draft.id)
    assert saved["lock"] == {"pack": {"id": pack.id, "version": pack.version, "hash": content_hash(pack)},
                             "kit": None, "language": "en"}
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", saved["lock"]["pack"]["hash"])


def test_the_content_hash_follows_the_content_not_the_files(pack, tmp_path):
    assert content_hash(_pack_copy(tmp_path)) == content_hash(pack)  # another load, a comment added
    changed = _pack_copy(tmp_path / "other", change=True)
    assert (changed.id, changed.version) == (pack.id, pack.version)
    assert content_hash(changed) != content_hash(pack)


def test_how_the_pack_at_hand_compares_with_the_draft_s_lock(pack, tmp_path):
    changed = _pack_copy(tmp_path, change=True)
    draft = Draft.new(pack)
    assert pack_change(draft.lock, pack) is PackChange.SAME
    assert pack_change(draft.lock, changed) is PackChange.CONTENT
    # The shipped example records the version it answers, without a hash (format 1 had none).
    assert pack_change(load_draft(Path("resources/examples/cv_screening.json")).lock, pack) is PackChange.NOT_RECORDED
    assert pack_change(load_draft(V1 / "older_pack.json").lock, pack) is PackChange.VERSION


def test_a_draft_whose_pack_changed_still_opens_and_opening_says_so(pack, tmp_path):
    path = tmp_path / "draft.json"
    draft = load_draft(EXAMPLES / "cv_screening.json").model_copy(update={"lock": Lock.of(pack)})
    save_draft(draft, path)
    changed = _pack_copy(tmp_path, change=True)
    result = DraftSession(changed).open(path)
    assert result.opened and result.pack_change is PackChange.CONTENT
    assert DraftSession(pack).open(path).pack_change is PackChange.SAME


def test_the_lock_is_kept_as_it_was_when_the_draft_is_saved_again(pack, tmp_path):
    path = tmp_path / "draft.json"
    save_draft(load_draft(V1 / "older_pack.json"), path)
    session = DraftSession(pack)
    assert session.open(path).pack_change is PackChange.VERSION
    session.set_answer("system.offering", "both")
    assert session.save()
    assert load_draft(path).lock.pack.version == "0.9.0"  # what it was started with, not what saved it


def test_the_command_line_warns_of_a_changed_pack_and_still_gives_the_result(pack, tmp_path, capsys):
    from app.commands.main import main

    path = tmp_path / "draft.json"
    save_draft(load_draft(EXAMPLES / "cv_screening.json").model_copy(update={"lock": Lock.of(pack)}), path)
    _pack_copy(tmp_path, change=True)
    assert main(["--pack", str(tmp_path / "pack"), "classify", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tier"] == "high_risk"
    [warning] = [line for line in captured.err.splitlines() if line]
    assert warning.startswith("warning:") and pack.id in warning
    assert main(["classify", str(path), "--json"]) == 0
    assert capsys.readouterr().err == ""
