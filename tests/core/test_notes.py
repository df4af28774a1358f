"""Per-question notes: kept with the answer in the draft and shown next to it in every output."""

import json

from app.commands.main import main
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, load_draft

NOTE = "Our counsel confirmed this on 3 March; see the memo in the data room."


def _draft(pack, answers):
    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value, note=note) for qid, (value, note) in answers.items()}
    return draft


def test_a_note_survives_saving_and_loading(pack, tmp_path):
    path = tmp_path / "draft.json"
    save_draft(_draft(pack, {"system.offering": ("system", NOTE), "system.infers": ("no", "")}), path)
    loaded = load_draft(path)
    assert loaded.answers["system.offering"].note == NOTE
    assert loaded.answers["system.offering"].value == "system"
    assert loaded.answers["system.infers"].note == ""


def test_classify_json_shows_the_note_next_to_the_answer_behind_a_finding(pack, tmp_path, capsys):
    path = tmp_path / "draft.json"
    save_draft(_draft(pack, {"system.offering": ("system", ""), "system.infers": ("no", NOTE)}), path)
    assert main(["classify", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    because = {b["question"]: b for f in data["findings"] for b in f["because"]}
    assert because["system.infers"]["note"] == NOTE
    assert because["system.offering"]["note"] == ""


def test_classify_text_shows_the_note_under_its_answer(pack, tmp_path, capsys):
    path = tmp_path / "draft.json"
    save_draft(_draft(pack, {"system.offering": ("system", ""), "system.infers": ("no", NOTE)}), path)
    assert main(["classify", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    answer_line = next(i for i, line in enumerate(lines) if "learn from data" in line)
    assert NOTE in lines[answer_line + 1]


def test_a_note_on_an_answer_behind_a_gap_is_shown_with_the_gap(pack, tmp_path, capsys):
    path = tmp_path / "draft.json"
    save_draft(_draft(pack, {"privacy.residual_high_risk": ("yes", NOTE), "privacy.personal_data": ("yes", ""),
                             "privacy.regime": ("gdpr", "")}), path)
    assert main(["classify", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gap = next(g for g in data["gaps"] if g["id"] == "privacy.prior_consultation")
    assert {b["question"]: b["note"] for b in gap["because"]}["privacy.residual_high_risk"] == NOTE
