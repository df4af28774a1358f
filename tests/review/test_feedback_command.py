"""The feedback file and `python main.py feedback ...`: comments kept as rows of the register on a
real dossier, only on what the dossier has; the feedback file written from them, shown for people
and as JSON, valid against the schema kept; and refused for another dossier or another draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.main import main
from app.dossier.attachment import fingerprint
from app.formats.schema import FEEDBACK_SCHEMA_FILE
from app.storage.paths import resource
from app.storage.feedback import (FORMAT_VERSION, CommentStatus, FeedbackError, Target, TargetKind, load_feedback,
                                  parse_feedback)
from tests.formats.schema_check import problems
from tests.review import dossiers

EXAMPLES = dossiers.EXAMPLES


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dossiers")
    return {"cv": dossiers.export_example("cv_screening", folder / "cv.pdf"),
            "chatbot": dossiers.export_example("customer_chatbot", folder / "chatbot.pdf")}


@pytest.fixture
def commented(exported, tmp_path, capsys) -> Path:
    """The CV screening dossier with four comments, one resolved, and its review status set."""
    cv = exported["cv"]
    for target, text in (("question:system.autonomy", "Which human checks the ranking?"),
                         ("application", "Complete apart from the plan."),
                         ("finding:annex3.point4a", "Agreed."), ("gap:privacy.dpia_missing", "Attach the DPIA.")):
        assert run(capsys, "feedback", "comment", cv, target, text, "--author", "Ana")[0] == 0
    assert run(capsys, "feedback", "mark", cv, "3", "resolved")[0] == 0
    assert run(capsys, "feedback", "status", cv, "needs_changes", "--note", "DPIA missing", "--author", "Ben")[0] == 0
    out = tmp_path / "cv.feedback.json"
    assert run(capsys, "feedback", "write", cv, "-o", out, "--author", "Ben")[0] == 0
    return out


def test_the_feedback_file_names_the_dossier_and_carries_its_comments_and_answers(commented, exported):
    feedback = load_feedback(commented)
    draft = json.loads((EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    assert feedback.format_version == FORMAT_VERSION
    assert feedback.dossier.fingerprint == fingerprint(dossiers.attached(exported["cv"]))
    assert str(feedback.dossier.draft_id) == draft["id"]
    assert feedback.dossier.answers == {qid: answer["value"] for qid, answer in draft["answers"].items()}
    assert (feedback.status.value, feedback.status_note, feedback.reviewer) == ("needs_changes", "DPIA missing", "Ben")
    assert [(c.target.key(), c.status.value, c.author) for c in feedback.comments] == [
        ("question:system.autonomy", "open", "Ana"), ("application", "open", "Ana"),
        ("finding:annex3.point4a", "resolved", "Ana"), ("gap:privacy.dpia_missing", "open", "Ana")]
    assert [c.target.id for c in feedback.open_comments()] == ["system.autonomy", "", "privacy.dpia_missing"]
    assert [c.text for c in feedback.at(TargetKind.QUESTION, "system.autonomy")] == ["Which human checks the ranking?"]


def test_the_feedback_file_is_valid_against_the_schema_kept(commented):
    schema = json.loads(resource("schemas", FEEDBACK_SCHEMA_FILE).read_text(encoding="utf-8"))
    assert problems(json.loads(commented.read_text(encoding="utf-8")), schema) == []


def test_show_prints_each_comment_with_its_status_and_json_gives_the_file(commented, capsys):
    status, out, _ = run(capsys, "feedback", "show", commented)
    assert status == 0
    lines = out.splitlines()
    assert sum(line.startswith("#") for line in lines) == 4
    assert any("system.autonomy" in line and "[open]" in line for line in lines)
    assert any("annex3.point4a" in line and "[resolved]" in line for line in lines)
    status, out, _ = run(capsys, "feedback", "show", commented, "--json")
    assert status == 0 and json.loads(out) == json.loads(commented.read_text(encoding="utf-8"))


def test_show_refuses_a_feedback_file_for_another_dossier_or_draft(commented, exported, capsys):
    status, _, err = run(capsys, "feedback", "show", commented, "--dossier", exported["chatbot"])
    assert status == 2 and err.startswith("error:") and "another dossier" in err and len(err.splitlines()) == 1
    status, _, err = run(capsys, "feedback", "show", commented, "--draft", EXAMPLES / "customer_chatbot.json")
    assert status == 2 and "another application" in err
    assert run(capsys, "feedback", "show", commented, "--dossier", exported["cv"])[0] == 0
    assert run(capsys, "feedback", "show", commented, "--draft", EXAMPLES / "cv_screening.json")[0] == 0


@pytest.mark.parametrize("target", ["question:no.such.question", "finding:no.rule", "obligation:x", "gap:y",
                                    "attachment:z", "paragraph:1", "question", "application:x"])
def test_a_comment_on_what_the_dossier_does_not_have_is_refused(exported, target, capsys):
    status, out, err = run(capsys, "feedback", "comment", exported["cv"], target, "?")
    assert status == 2 and out == "" and len(err.splitlines()) == 1


def test_marking_a_comment_of_another_dossier_is_refused(exported, capsys):
    assert run(capsys, "feedback", "comment", exported["chatbot"], "application", "Fine.")[0] == 0
    status, _, err = run(capsys, "feedback", "mark", exported["cv"], "1", "resolved")
    assert status == 2 and "no comment 1" in err


def test_a_file_that_is_no_dossier_gets_no_comment(tmp_path, capsys):
    letter = tmp_path / "letter.pdf"
    letter.write_text("Dear reviewer", encoding="utf-8")
    status, _, err = run(capsys, "feedback", "comment", letter, "application", "?")
    assert status == 2 and len(err.splitlines()) == 1


@pytest.mark.parametrize("text, reason", [
    ("{", "not JSON"), ('{"format": "other"}', "not a feedback file"),
    ('{"format": "sandbox-applicant-kit/feedback", "format_version": 9}', "newer format"),
    ('{"format": "sandbox-applicant-kit/feedback", "format_version": 1, "dossier": {}}', "wrong or missing"),
])
def test_a_bad_feedback_file_is_one_line(text, reason):
    with pytest.raises(FeedbackError, match=reason):
        parse_feedback(text, "given.json")


def test_targets_are_written_kind_colon_id():
    assert Target.parse("question:system.offering") == Target(kind=TargetKind.QUESTION, id="system.offering")
    assert Target.parse("application").key() == "application"


def test_a_reply_answers_an_open_comment_and_keeps_a_resolved_one_resolved(commented):
    feedback = load_feedback(commented)
    first, resolved = feedback.comments[0], feedback.comments[2]
    replied = feedback.replied(first.id, "The team lead, every time.", "TalentLens B.V.")
    replied = replied.replied(resolved.id, "Thanks.", "TalentLens B.V.")
    assert replied.comment(first.id).status is CommentStatus.ANSWERED
    assert replied.comment(resolved.id).status is CommentStatus.RESOLVED
    assert [r.text for r in replied.comment(first.id).replies] == ["The team lead, every time."]
    assert feedback.comment(first.id).replies == []  # the original is left as it was
    with pytest.raises(FeedbackError):
        feedback.replied("999", "?", "x")
