"""Golden classification cases: each file in cases/ describes a product as a client would and
states the result the law gives. One parametrised test reads them all.

Besides the tier, findings, citations and duties, a case may state which questions the applicant
is asked (`asked`, `not_asked`: a pure deployer is not asked a provider's questions, a gating
result stops the classification questions), derived results (`verdicts`: id to value;
`checklists`: id to status, `unmet`: id to the items not met) and the gaps left to close (`gaps`,
`no_gaps`).

The packs beside the EU pack keep theirs in `cases/<pack id>/`, checked the same way against that
pack (test_world_packs.py)."""

from pathlib import Path

import pytest
import yaml

from forms.citations import provisions
from forms.evaluation import Evaluation
from risk_tiers.classify import classify

CASES_DIR = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(pack, case):
    check_case(pack, case)


def check_case(pack, case):
    """The result `pack` gives for the case's answers is the one the case states."""
    expect = case["expect"]
    result = classify(pack, case["answers"])
    applying, excluded = result.applying_refs(), result.excluded_refs()
    # Each track's outcome under the track's id ("tier", "gpai").
    for track in pack.tracks:
        if track.id in expect:
            assert result.outcome(track.id) == expect[track.id], case["description"]
    if "not_tier" in expect:
        assert result.primary.outcome != expect["not_tier"], case["description"]
    # More severe results an unsure or missing answer leaves open, most severe first.
    if "could_be" in expect:
        assert list(result.could_be) == expect["could_be"], case["description"]
    for tier in expect.get("could_be_includes", []):
        assert tier in result.could_be, case["description"]
    if "deciding" in expect:
        assert list(result.deciding) == expect["deciding"], case["description"]
    for question in expect.get("deciding_includes", []):
        assert question in result.deciding, case["description"]
    if "system_tier_applies" in expect:  # False: a model placed alone sets the system tier aside
        assert result.primary.applies is expect["system_tier_applies"]
    for ref in expect.get("applies", []):
        assert ref in applying, f"{ref} should apply: {case['description']}"
    for ref in expect.get("not_applies", []):
        assert ref not in applying, f"{ref} must not be cited as applying: {case['description']}"
    for ref in expect.get("excluded", []):
        assert ref in excluded, f"{ref} should be cited as considered and excluded"
    fired = {f.rule for f in result.findings}
    for rule in expect.get("findings", []):
        assert rule in fired
    for rule in expect.get("no_findings", []):
        assert rule not in fired, f"{rule} must not fire: {case['description']}"
    for obligation in expect.get("obligations", []):
        assert obligation in {o.id for o in result.obligations}
    for obligation in expect.get("no_obligations", []):
        assert obligation not in {o.id for o in result.obligations}
    duties = {o.id: o for o in result.obligations}
    for obligation, date in expect.get("dates", {}).items():
        assert str(duties[obligation].applies_from) == str(date), f"{obligation}: {case['description']}"
    # Whether a duty's date was checked against the act's text in the Official Journal; either way
    # the date names the source it was checked against.
    for obligation, verified in expect.get("verified", {}).items():
        assert duties[obligation].verified is verified and duties[obligation].source, f"{obligation}: {case['description']}"
    if "roles" in expect:
        assert set(result.roles) == set(expect["roles"])
    for question in expect.get("open_questions", []):
        assert question in {p.question for p in result.open_points}
    if expect.get("no_open_questions"):
        assert not [p for p in result.open_points if p.kind == "question"]
    for finding in result.findings:
        assert finding.refs and all(ref in provisions() for ref in finding.refs)
    _check_questions_and_application(pack, case, result)


def _check_questions_and_application(pack, case, result):
    expect = case["expect"]
    if "asked" in expect or "not_asked" in expect:
        asked = set(Evaluation(pack, case["answers"]).visible_questions)
        for question in expect.get("asked", []):
            assert question in asked, f"{question} should be asked: {case['description']}"
        for question in expect.get("not_asked", []):
            assert question not in asked, f"{question} must not be asked: {case['description']}"
    for verdict, value in expect.get("verdicts", {}).items():
        assert result.verdict(verdict).value == value, f"{verdict}: {case['description']}"
    # A checklist's status, and the items found not met.
    for checklist, status in expect.get("checklists", {}).items():
        assert result.checklist(checklist).status == status, f"{checklist}: {case['description']}"
    for checklist, items in expect.get("unmet", {}).items():
        assert [e.id for e in result.checklist(checklist).unmet] == items, f"{checklist}: {case['description']}"
    # A gap left undecided by an open answer is listed apart; these keys are about settled gaps.
    gaps = {g.id for g in result.gaps if g.status == "open"}
    for gap in expect.get("gaps", []):
        assert gap in gaps, f"{gap} should be a gap: {case['description']}"
    for gap in expect.get("no_gaps", []):
        assert gap not in gaps, f"{gap} must not be a gap: {case['description']}"
