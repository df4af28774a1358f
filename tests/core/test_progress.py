"""Progress along the path the answers take, and the next missing answer (forms/progress.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.evaluation import Evaluation
from forms.loader import load_pack
from forms.progress import next_missing, on_path, path_progress

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"

PACK = """
id: tiny
version: "1.0"
title: Tiny
law_current_to: 2026-01-01
roles_question: who.roles
tracks:
  - {id: level, label: Level, default: minimal, outcomes: [{id: minimal, label: Minimal}]}
sections:
  - id: who
    title: Who
    questions:
      - {id: who.roles, kind: multi_choice, text: Roles?, options: [{id: provider, label: P}, {id: deployer, label: D}]}
      - {id: who.why, kind: long_text, text: Why?, show_if: {q: who.roles, has: deployer}}
      - {id: who.note, kind: short_text, text: Anything else?, required: false}
  - id: use
    title: Use
    show_if: {q: who.roles, has: deployer}
    questions:
      - {id: use.where, kind: short_text, text: Where?}
      - {id: use.how, kind: short_text, text: How?, show_if: {q: use.where, answered: true}}
  - id: end
    title: End
    questions:
      - {id: end.date, kind: date, text: When?}
"""


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return load_pack(tmp_path)


def test_a_section_not_ruled_out_counts_its_questions_and_follow_ups_wait_for_their_answer(tiny):
    empty = path_progress(Evaluation(tiny, {}))
    # who.roles, use.where (its section still open) and end.date; not who.why nor use.how (follow-ups).
    assert (empty.answered, empty.left, empty.sections_ahead) == (0, 3, 3)
    provider = Evaluation(tiny, {"who.roles": ["provider"]})
    assert not on_path(provider, "use.where") and path_progress(provider).left == 1
    deployer = Evaluation(tiny, {"who.roles": ["deployer"], "who.note": "x"})
    found = path_progress(deployer, reached={"who"})
    # who.why is asked now; the optional note counts as answered but never as left.
    assert (found.answered, found.left_seen, found.left_ahead, found.sections_ahead) == (2, 1, 2, 2)
    assert found.total == 5


def test_the_next_missing_answer_follows_the_pack_order_and_wraps_round(tiny):
    evaluation = Evaluation(tiny, {"who.roles": ["deployer"]})
    assert evaluation.missing_required() == ["who.why", "use.where", "end.date"]
    assert next_missing(evaluation) == "who.why"
    assert next_missing(evaluation, "who.why") == "use.where"
    assert next_missing(evaluation, "who.note") == "use.where"  # after a question that is not missing
    assert next_missing(evaluation, "end.date") == "who.why"  # round to the start
    assert next_missing(Evaluation(tiny, {"who.roles": ["provider"], "end.date": "2026-01-01"})) is None


@pytest.mark.parametrize("name", ["cv_screening.json", "credit_scoring.json", "customer_chatbot.json"])
def test_answering_an_example_in_order_the_path_is_never_far_below_where_it_ends(pack, name):
    """The old count (visible questions only) started at a third of the questions finally asked and
    ran backwards as sections appeared; the path counts sections until they are ruled out."""
    from app.storage.drafts import load_draft

    values = load_draft(EXAMPLES / name).values()
    final = path_progress(Evaluation(pack, values))
    answers: dict = {}
    for qid in Evaluation(pack, {}).index.questions:
        if qid in values and Evaluation(pack, answers).is_visible(qid):
            answers[qid] = values[qid]
            found = path_progress(Evaluation(pack, answers))
            # Follow-ups of an answer not given yet (the risks table's details, the GDPR basis) appear
            # with it, by design: about a third of the credit example's questions, at most.
            assert found.total >= 0.65 * final.total, (qid, found, final)
    assert final.left == 0


def test_a_section_open_only_on_questions_no_longer_asked_is_not_ahead(pack):
    """A result that ends the classification hides its questions: a section that waits on one of
    them (sexual deepfakes waits on the banned practices) can no longer come, so it is not left."""
    answers = {"system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
               "scope.military": "yes"}
    evaluation = Evaluation(pack, answers)
    assert not evaluation.is_visible("prohibited.practices")
    assert not on_path(evaluation, "prohibited.omnibus.material")
    classification = {"prohibited", "prohibited_omnibus", "products", "annex3", "derogation", "transparency", "gpai"}
    left = [q for q, question in evaluation.index.questions.items() if question.required
            and evaluation.raw(q) is None and on_path(evaluation, q)]
    assert [q for q in left if evaluation.index.section_of[q].id in classification] == []
    # Sections still open on a question that can be answered now stay ahead (re-using data waits on
    # privacy.reuse, which is asked).
    assert on_path(evaluation, "privacy.art59_area") and not evaluation.is_visible("privacy.art59_area")
