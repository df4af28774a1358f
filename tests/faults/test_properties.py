"""Properties over any answers the pack allows: classification never fails, gives exactly one
primary tier, and cites only provisions that exist."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.answers import answer_problem
from forms.citations import provisions
from forms.loader import default_pack
from risk_tiers.classify import classify

PACK = default_pack()
QUESTIONS = [q for s in PACK.sections for q in s.questions]
KNOWN_REFS = set(provisions())


def _value(question):
    kind = question.kind
    if kind == "yes_no":
        return st.sampled_from(["yes", "no", "unsure"])
    if kind == "single_choice":
        return st.sampled_from([o.id for o in question.options])
    if kind == "multi_choice":
        return st.lists(st.sampled_from([o.id for o in question.options]), min_size=1, unique=True)
    if kind == "number":
        low = question.minimum if question.minimum is not None else -1e30
        high = question.maximum if question.maximum is not None else 1e30
        if question.integer:
            return st.integers(int(low) if low > -1e18 else -10**18, int(high) if high < 1e18 else 10**18)
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "date":
        return st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)).map(dt.date.isoformat)
    return st.text(max_size=200)


ANSWERS = st.fixed_dictionaries({}, optional={q.id: _value(q) for q in QUESTIONS})


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "refs":
                yield from value
            else:
                yield from _refs(value)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _refs(item)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_any_allowed_answers_give_one_primary_tier_and_known_citations(answers):
    questions = {q.id: q for q in QUESTIONS}
    assert not [p for qid, v in answers.items() if (p := answer_problem(questions[qid], v))]  # allowed
    assessment = classify(PACK, answers)
    for track, result in zip(PACK.tracks, assessment.tracks, strict=True):
        assert result.outcome in {o.id for o in track.outcomes}
        assert set(result.could_be) <= {o.id for o in track.outcomes} - {result.outcome}
    unknown = set(_refs(assessment.model_dump(mode="json"))) - KNOWN_REFS
    assert not unknown
