"""`unless` in a show_if: keep asking while a gating result is undecided, stop once it is reached.

It is the one two-valued test of the condition language, so the pack checks allow it only where
it decides what to ask (a section's or a question's show_if), never in a result.
"""

import pytest
import yaml

from catalogue import tr
from forms.evaluation import Evaluation
from forms.loader import PackError, load_pack
from risk_tiers.classify import classify
from tests.messages import in_pack_file, pack_item

TIERS = ["out_of_scope", "high_risk", "minimal"]


def _pack(rules_extra=()):
    return {
        "id": "toy_unless", "version": "1.0", "title": "Toy", "law_current_to": "2026-11-01",
        "roles_question": "who.roles",
        "tracks": [{"id": "tier", "label": "Tier", "default": "minimal",
                    "outcomes": [{"id": t, "label": t, "summary": t, "gates": t == "out_of_scope"} for t in TIERS]}],
        "sections": [
            {"id": "who", "title": "Who", "questions": [
                {"id": "who.roles", "kind": "multi_choice", "text": "Roles?",
                 "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]},
                {"id": "who.outside", "kind": "yes_no", "text": "Outside the law's reach?"},
            ]},
            {"id": "use", "title": "Use", "show_if": {"unless": {"rule": "gate"}}, "questions": [
                {"id": "use.listed", "kind": "yes_no", "text": "Listed use?"},
            ]},
        ],
        "rules": [
            {"id": "gate", "tier": "out_of_scope", "refs": ["aiact.art2.3"], "reason": "Outside.",
             "when": {"q": "who.outside", "is": "yes"}},
            {"id": "listed", "tier": "high_risk", "refs": ["aiact.annex3.4.a"], "reason": "Listed.",
             "when": {"q": "use.listed", "is": "yes"}},
            *rules_extra,
        ],
    }


def _load(tmp_path, data):
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_pack(tmp_path)


@pytest.mark.parametrize("outside, asked", [(None, True), ("unsure", True), ("no", True), ("yes", False)])
def test_a_section_asked_unless_a_gate_is_reached_stays_asked_while_the_gate_is_undecided(tmp_path, outside, asked):
    pack = _load(tmp_path, _pack())
    answers = {"who.roles": ["provider"], "use.listed": "yes"}
    if outside is not None:
        answers["who.outside"] = outside
    assert Evaluation(pack, answers).is_visible("use.listed") is asked


def test_the_gate_undecided_leaves_the_rest_assessed_and_the_gate_open(tmp_path):
    pack = _load(tmp_path, _pack())
    result = classify(pack, {"who.roles": ["provider"], "who.outside": "unsure", "use.listed": "yes"})
    assert result.outcome("tier") == "high_risk"
    assert "who.outside" in {p.question for p in result.open_points}


def test_an_open_point_never_names_the_answers_under_an_unless(tmp_path):
    """The gate's question is open because of the gate rule, not because it hides anything."""
    pack = _load(tmp_path, _pack())
    result = classify(pack, {"who.roles": ["provider"], "who.outside": "unsure"})
    (point,) = [p for p in result.open_points if p.question == "who.outside"]
    assert point.could_affect == ("gate",)


@pytest.mark.parametrize("where", ["rule", "gap"])
def test_unless_in_a_result_is_refused_at_load(tmp_path, where):
    data = _pack()
    condition = {"unless": {"rule": "gate"}}
    if where == "rule":
        data["rules"].append({"id": "bad", "tier": "fact", "when": condition})
    else:
        data["gaps"] = [{"id": "bad", "text": "Do it.", "refs": ["aiact.art2.3"], "when": condition}]
    with pytest.raises(PackError) as caught:
        _load(tmp_path, data)
    assert str(caught.value) == in_pack_file(tmp_path / "pack.yaml", tr(
        "packs.check.unless", item=pack_item(where, "bad"), key="unless", show_if="show_if"))
