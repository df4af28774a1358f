"""The shipped example drafts validate and classify through the command line as a user would run them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"

# example file -> (tier, provision ids the result must cite)
EXPECTED = {
    "demand_forecaster.json": ("minimal", {"aiact.art4"}),
    "customer_chatbot.json": ("transparency", {"aiact.art50.1", "aiact.art4"}),
    "credit_scoring.json": ("high_risk", {"aiact.annex3.5.b", "aiact.art6.3.profiling", "aiact.art26", "aiact.art27"}),
    "cv_screening.json": ("high_risk", {"aiact.annex3.4.a", "aiact.art6.2", "aiact.art9", "aiact.art43.2", "aiact.annex6"}),
}


def _run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_classifies_to_its_tier(name):
    tier, refs = EXPECTED[name]
    done = _run("classify", str(EXAMPLES / name), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["tier"] == tier
    cited = {r for o in result["obligations"] for r in o["refs"]} | {r for f in result["findings"] for r in f["refs"]}
    assert refs <= cited


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_validates(name):
    done = _run("validate", str(EXAMPLES / name))
    assert done.returncode == 0, done.stderr
