"""Drafts survive a save and load with their notes, and unreadable drafts give one-line DraftErrors."""

import json
from pathlib import Path

import pytest

from app.storage.draft_store import save_draft
from app.storage.drafts import DraftError, load_draft

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json"


def test_round_trip_keeps_values_and_notes(tmp_path):
    draft = load_draft(EXAMPLE)
    path = tmp_path / "draft.json"
    save_draft(draft, path)
    again = load_draft(path)
    assert again.answers == draft.answers
    assert again.answers["derogation.profiling"].note


@pytest.mark.parametrize("text", [None, "{nope", json.dumps({"format": "x"}), json.dumps([1])])
def test_unreadable_draft_raises_one_line(tmp_path, text):
    path = tmp_path / "bad.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert "\n" not in str(caught.value)


def test_newer_format_version_is_refused_with_a_reason(tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["format_version"] = 99
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftError, match="newer"):
        load_draft(path)


# --- drafts made with another version of the pack ----------------------------------------------

def _example_with(tmp_path, **changes):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["answers"].update(changes.pop("answers", {}))
    for field, value in changes.items():  # pack_id, pack_version: what the draft was made with
        data["lock"]["pack"][field.removeprefix("pack_")] = value
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


RETIRED = {"old.headcount": {"value": "yes", "note": "Asked in pack 0.9 only."}}


def test_a_draft_from_an_older_pack_loads_and_keeps_answers_to_retired_questions(tmp_path, pack):
    from app.storage.drafts import draft_problems

    draft = load_draft(_example_with(tmp_path, pack_version="0.9.0", answers=RETIRED))
    errors, warnings = draft_problems(draft, pack)
    assert errors == []
    assert len(warnings) == 1 and "old.headcount" in warnings[0] and "kept" in warnings[0]
    # Saved again, the retired answer and its note are still there.
    save_draft(draft, tmp_path / "again.json")
    assert load_draft(tmp_path / "again.json").answers["old.headcount"].note == "Asked in pack 0.9 only."


def test_classify_warns_about_a_retired_answer_and_still_gives_the_result(tmp_path, capsys):
    from app.commands.main import main

    path = _example_with(tmp_path, pack_version="0.9.0", answers=RETIRED)
    assert main(["classify", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tier"] == "high_risk"
    [line] = [line for line in captured.err.splitlines() if line]
    assert line.startswith("warning:") and "old.headcount" in line


def test_an_unknown_question_in_a_draft_of_the_same_pack_version_is_an_error(tmp_path, pack):
    from app.storage.drafts import draft_problems

    draft = load_draft(_example_with(tmp_path, answers=RETIRED))
    errors, warnings = draft_problems(draft, pack)
    assert any("old.headcount" in e for e in errors) and warnings == []


@pytest.mark.parametrize("changes, words", [
    ({"pack_version": "9.0.0"}, ["9.0.0", "newer"]),
    ({"pack_id": "uk_ico_sandbox"}, ["uk_ico_sandbox"]),
])
def test_a_draft_from_a_newer_or_another_pack_is_refused_in_one_line(tmp_path, capsys, changes, words):
    from app.commands.main import main

    path = _example_with(tmp_path, **changes)
    assert main(["classify", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = [line for line in captured.err.splitlines() if line]
    assert line.startswith("error:") and all(word in line for word in words)
