"""An honest result: "unsure" or unanswered is never read as "no".

Every yes/no answer of a severe golden case (prohibited, high-risk, transparency duties, a model
with systemic risk) is turned into "unsure" in turn: the severe result must stay, either reached
or named among the results the assessment `could_be`.
"""

from pathlib import Path

import pytest
import yaml

from forms.evaluation import Evaluation
from risk_tiers.classify import classify

CASES_DIR = Path(__file__).parent / "cases"
SEVERE_TIERS = ("prohibited", "high_risk", "transparency")


def _severe_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            expect = case["expect"]
            if expect.get("tier") in SEVERE_TIERS or expect.get("gpai") == "gpai_systemic":
                yield pytest.param(case, id=f"{path.stem}:{case['name']}")


def _yes_no_answers(pack, answers):
    kinds = {q.id: q.kind for s in pack.sections for q in s.questions}
    return [qid for qid, value in answers.items() if kinds.get(qid) == "yes_no" and value in ("yes", "no")]


@pytest.mark.parametrize("case", list(_severe_cases()))
def test_turning_any_yes_no_answer_to_unsure_keeps_the_severe_result(pack, case):
    expect = case["expect"]
    for qid in _yes_no_answers(pack, case["answers"]):
        result = classify(pack, {**case["answers"], qid: "unsure"})
        if expect.get("tier") in SEVERE_TIERS:
            tiers = [result.outcome("tier"), *result.track("tier").could_be]
            assert expect["tier"] in tiers, f"{qid} unsure lost {expect['tier']}: {case['description']}"
        if expect.get("gpai") == "gpai_systemic":
            statuses = [result.outcome("gpai"), *result.track("gpai").could_be]
            assert "gpai_systemic" in statuses, f"{qid} unsure lost systemic risk: {case['description']}"


@pytest.mark.parametrize("case", list(_severe_cases()))
def test_an_unsettled_result_names_the_questions_that_decide_it(pack, case):
    for qid in _yes_no_answers(pack, case["answers"]):
        result = classify(pack, {**case["answers"], qid: "unsure"})
        if any(track.could_be for track in result.tracks):
            assert result.deciding, qid
            assert not result.settled
            # The deciding questions are open points too, so the wizard can jump to them.
            assert set(result.deciding) <= {p.question for p in result.open_points}


def test_nothing_answered_is_not_assessed_yet(pack):
    result = classify(pack, {})
    assert result.assessed is False
    assert not result.settled


def test_a_settled_case_has_nothing_it_could_still_be(pack):
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            if case["expect"].get("no_open_questions"):
                result = classify(pack, case["answers"])
                assert all(track.could_be == () for track in result.tracks), case["name"]
                assert result.settled


def test_an_unsure_condition_of_a_gap_is_a_gap_to_settle_not_a_condition_met(pack):
    """'No' to a condition raises a gap; 'unsure' raises the same gap as undecided, with the
    question that settles it, and an open point."""
    gap, qid, bad, answers = _first_gap_on_one_answer_an_example_is_asked(pack)
    answered_no = classify(pack, {**answers, qid: bad})
    assert gap.id in {g.id for g in answered_no.gaps if g.status == "open"}
    unsure = classify(pack, {**answers, qid: "unsure"})
    undecided = {g.id: g for g in unsure.gaps if g.status == "undecided"}
    assert gap.id in undecided and qid in undecided[gap.id].open_questions
    assert qid in {p.question for p in unsure.open_points}


def _first_gap_on_one_answer_an_example_is_asked(pack):
    for gap in pack.gaps:
        test = _single_yes_no_test(gap.when)
        answers = _answers_showing(pack, test[0]) if test else None
        if answers is not None:
            return gap, *test, answers
    raise AssertionError("no gap rests on one yes/no answer that a shipped example is asked")


def _single_yes_no_test(condition):
    from forms.conditions import AnswerTest

    if isinstance(condition, AnswerTest) and condition.operator() == "is" and condition.is_ in ("yes", "no"):
        return condition.q, condition.is_
    return None


def _answers_showing(pack, qid):
    """Answers from a shipped example in which `qid` is shown."""
    from app.storage.drafts import load_draft

    for path in sorted(Path("resources/examples").glob("*.json")):
        answers = load_draft(path).values()
        if Evaluation(pack, answers).is_visible(qid):
            return answers
    return None
