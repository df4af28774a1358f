"""Drafts survive a save and load with their notes, and unreadable drafts give one-line DraftErrors."""

import json
from pathlib import Path

import pytest

from app.drafts import DraftError, load_draft, save_draft

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
