"""Golden classification cases: each file in cases/ describes a product as a client would and
states the result the law gives. One parametrised test reads them all."""

from pathlib import Path

import pytest
import yaml

from forms.citations import provisions
from risk_tiers.classify import classify

CASES_DIR = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(pack, case):
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
    for rule in expect.get("findings", []):
        assert rule in {f.rule for f in result.findings}
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
