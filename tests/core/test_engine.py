"""The engine on a small made-up pack: how answers are read, which tier wins, what follows.

The pack here is not the law; it has just enough questions and rules to pin down each behaviour
the real pack relies on: unknown answers never read as "no", hidden answers are ignored, the most
severe tier wins while every finding is kept, gating tiers set the rest aside, roles gained change
the duties, duties are filtered by role and dated, and open points and findings name the answers.
"""

import pytest
import yaml

from forms.conditions import Truth
from forms.evaluation import Evaluation
from forms.loader import load_pack
from risk_tiers.classify import classify

TIERS = ["not_ai_system", "out_of_scope", "prohibited", "high_risk", "transparency", "minimal"]
GATES = {"not_ai_system", "out_of_scope"}

PACK = {
    "id": "toy",
    "version": "1.0",
    "title": "Toy pack",
    "law_current_to": "2026-11-01",
    "roles_question": "who.roles",
    "tracks": [{"id": "tier", "label": "Tier", "default": "minimal",
                "outcomes": [{"id": t, "label": t, "summary": t, "gates": t in GATES} for t in TIERS]}],
    "sections": [
        {"id": "who", "title": "Who", "questions": [
            {"id": "who.roles", "kind": "multi_choice", "text": "Roles?",
             "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]},
            {"id": "who.ai", "kind": "yes_no", "text": "Is it AI?"},
            {"id": "who.outside", "kind": "yes_no", "text": "Outside the law's reach?"},
            {"id": "who.rebrands", "kind": "yes_no", "text": "Do you rebrand it?",
             "show_if": {"q": "who.roles", "has": "deployer"}},
        ]},
        {"id": "use", "title": "Use", "show_if": {"q": "who.ai", "is": "yes"}, "questions": [
            {"id": "use.bans", "kind": "yes_no", "text": "Banned use?"},
            {"id": "use.listed", "kind": "yes_no", "text": "Listed use?"},
            {"id": "use.detail", "kind": "yes_no", "text": "Does the listed detail hold?",
             "show_if": {"q": "use.listed", "is": "yes"}},
            {"id": "use.chat", "kind": "yes_no", "text": "Does it chat?"},
            {"id": "use.early", "kind": "yes_no", "text": "On the market early?", "required": False},
            {"id": "use.size", "kind": "number", "text": "How big?", "required": False},
            {"id": "use.kinds", "kind": "multi_choice", "text": "Kinds?", "required": False,
             "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"},
                         {"id": "dunno", "label": "I don't know", "unsure": True}]},
        ]},
    ],
    "rules": [
        {"id": "gate.not_ai", "tier": "not_ai_system", "refs": ["aiact.art3.1"], "when": {"q": "who.ai", "is": "no"},
         "reason": "Not AI."},
        {"id": "gate.outside", "tier": "out_of_scope", "refs": ["aiact.art2.3"], "when": {"q": "who.outside", "is": "yes"},
         "reason": "Outside."},
        {"id": "ban", "tier": "prohibited", "refs": ["aiact.art5.1.a"], "when": {"q": "use.bans", "is": "yes"},
         "reason": "Banned."},
        {"id": "listed", "tier": "high_risk", "refs": ["aiact.annex3.4.a"], "reason": "Listed.",
         "when": {"all": [{"q": "use.listed", "is": "yes"}, {"q": "use.detail", "is": "yes"}]}},
        {"id": "listed.excl", "tier": "excluded", "refs": ["aiact.annex3.5.b.excl"], "reason": "Not listed.",
         "when": {"all": [{"q": "use.listed", "is": "yes"}, {"q": "use.detail", "is": "no"}]}},
        {"id": "chat", "tier": "transparency", "refs": ["aiact.art50.1"], "when": {"q": "use.chat", "is": "yes"},
         "reason": "Chats."},
        {"id": "rebrand", "tier": "high_risk", "refs": ["aiact.art25.1.a"], "grants_roles": ["provider"],
         "reason": "Rebranded.", "when": {"all": [{"q": "who.rebrands", "is": "yes"}, {"rule": "listed"}]}},
        {"id": "big", "tier": "fact", "when": {"q": "use.size", "gt": 10}},
        {"id": "quiet", "tier": "fact", "when": {"not": {"q": "use.chat", "is": "yes"}}},
        {"id": "two_of", "tier": "fact",
         "when": {"at_least": 2, "of": [{"q": "use.bans", "is": "yes"}, {"q": "use.listed", "is": "yes"},
                                        {"q": "use.chat", "is": "yes"}]}},
        {"id": "either", "tier": "fact",
         "when": {"any": [{"q": "use.bans", "is": "yes"}, {"q": "use.chat", "is": "yes"}]}},
        {"id": "kind_a", "tier": "fact", "when": {"q": "use.kinds", "has": "a"}},
    ],
    "obligations": [
        {"id": "duty.provider", "text": "Provider duty.", "refs": ["aiact.art9"], "roles": ["provider"],
         "when": {"rule": "listed"}, "dates": [{"when": {"q": "use.early", "is": "yes"}, "date": "early"}],
         "date": "late"},
        {"id": "duty.deployer", "text": "Deployer duty.", "refs": ["aiact.art26"], "roles": ["deployer"],
         "when": {"rule": "listed"}, "date": "late"},
        {"id": "duty.chat", "text": "Tell people.", "refs": ["aiact.art50.1"], "roles": ["provider"],
         "when": {"rule": "chat"}, "date": "chat"},
    ],
    "dates": [
        {"id": "early", "date": "2027-08-02", "set_by": "Act A"},
        {"id": "late", "date": "2027-12-02", "set_by": "Act B", "verified": False, "source": "Report B"},
        {"id": "chat", "date": "2026-08-02", "set_by": "Act C"},
    ],
}

AI = {"who.ai": "yes", "who.outside": "no", "who.roles": ["provider"]}
CLEAN = {**AI, "use.bans": "no", "use.listed": "no", "use.chat": "no"}


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toy")
    (folder / "pack.yaml").write_text(yaml.safe_dump(PACK, sort_keys=False), encoding="utf-8")
    return load_pack(folder)


def rules_fired(result):
    return {f.rule for f in result.findings}


def open_questions(result):
    return {p.question: p for p in result.open_points if p.kind == "question"}


# --- three-valued reading ---------------------------------------------------------------------

@pytest.mark.parametrize("detail", [None, "unsure"])
def test_an_unanswered_or_unsure_answer_is_never_read_as_no(toy, detail):
    answers = {**CLEAN, "use.listed": "yes"}
    if detail:
        answers["use.detail"] = detail
    result = classify(toy, answers)
    # Neither the listed use nor its exclusion: the question stays open instead.
    assert not {"listed", "listed.excl"} & rules_fired(result)
    point = open_questions(result)["use.detail"]
    assert point.status == (detail or "unanswered")
    assert {"listed", "listed.excl"} <= set(point.could_affect)


def test_not_of_an_unknown_answer_stays_unknown(toy):
    assert Evaluation(toy, AI).rule("quiet") is Truth.UNKNOWN
    assert Evaluation(toy, {**AI, "use.chat": "unsure"}).rule("quiet") is Truth.UNKNOWN
    assert Evaluation(toy, {**AI, "use.chat": "no"}).rule("quiet") is Truth.TRUE


@pytest.mark.parametrize("answers, truth", [
    ({"use.bans": "yes", "use.chat": "yes"}, Truth.TRUE),
    ({"use.bans": "no", "use.listed": "no"}, Truth.FALSE),       # at most one left: cannot reach two
    ({"use.bans": "yes", "use.listed": "no"}, Truth.UNKNOWN),    # the chat answer decides
])
def test_at_least_counts_known_answers_and_waits_for_the_rest(toy, answers, truth):
    assert Evaluation(toy, {**AI, **answers}).rule("two_of") is truth


@pytest.mark.parametrize("answers, truth", [
    ({"use.bans": "yes"}, Truth.TRUE),                            # true OR unknown is true
    ({"use.bans": "no"}, Truth.UNKNOWN),                          # false OR unknown is unknown
    ({"use.bans": "no", "use.chat": "no"}, Truth.FALSE),
])
def test_any_follows_kleene_logic(toy, answers, truth):
    assert Evaluation(toy, {**AI, **answers}).rule("either") is truth


def test_a_number_compares_only_when_answered(toy):
    assert Evaluation(toy, {**AI, "use.size": 11}).rule("big") is Truth.TRUE
    assert Evaluation(toy, {**AI, "use.size": 10}).rule("big") is Truth.FALSE
    assert Evaluation(toy, AI).rule("big") is Truth.UNKNOWN


def test_an_unsure_option_leaves_a_multiple_choice_unknown(toy):
    assert Evaluation(toy, {**AI, "use.kinds": ["b", "dunno"]}).rule("kind_a") is Truth.UNKNOWN
    assert Evaluation(toy, {**AI, "use.kinds": ["b"]}).rule("kind_a") is Truth.FALSE
    assert Evaluation(toy, {**AI, "use.kinds": []}).rule("kind_a") is Truth.UNKNOWN  # an empty list is unanswered


# --- visibility -------------------------------------------------------------------------------

def test_a_hidden_questions_answer_is_kept_but_not_read(toy):
    # use.detail is asked only for a listed use; its stale "yes" must not make the system high-risk.
    answers = {**CLEAN, "use.detail": "yes"}
    evaluation = Evaluation(toy, answers)
    assert not evaluation.is_visible("use.detail")
    assert evaluation.known("use.detail") is None and evaluation.raw("use.detail") == "yes"
    assert classify(toy, answers).outcome("tier") == "minimal"


def test_a_section_is_hidden_until_its_condition_is_known_to_hold(toy):
    answers = {"who.roles": ["provider"], "use.bans": "yes"}
    # Unanswered gate: the section is not shown, and its answers are not read.
    assert not Evaluation(toy, answers).section_visible("use")
    assert "ban" not in rules_fired(classify(toy, answers))
    # The open point is the gate that would reveal the section, not the hidden question.
    assert "who.ai" in open_questions(classify(toy, answers))
    assert Evaluation(toy, {**answers, "who.ai": "yes"}).section_visible("use")
    assert "ban" in rules_fired(classify(toy, {**answers, "who.ai": "yes"}))


def test_a_question_shows_only_when_its_condition_holds(toy):
    assert not Evaluation(toy, AI).is_visible("who.rebrands")
    assert Evaluation(toy, {**AI, "who.roles": ["deployer"]}).is_visible("who.rebrands")


# --- tiers and findings -----------------------------------------------------------------------

def test_the_most_severe_tier_wins_and_every_finding_is_kept(toy):
    answers = {**AI, "use.bans": "yes", "use.listed": "yes", "use.detail": "yes", "use.chat": "yes"}
    result = classify(toy, answers)
    assert result.outcome("tier") == "prohibited"
    assert {"ban", "listed", "chat"} <= rules_fired(result)
    assert {"aiact.art5.1.a", "aiact.annex3.4.a", "aiact.art50.1"} <= result.applying_refs()


def test_high_risk_outranks_transparency_and_both_are_shown(toy):
    result = classify(toy, {**CLEAN, "use.listed": "yes", "use.detail": "yes", "use.chat": "yes"})
    assert result.outcome("tier") == "high_risk"
    assert {"listed", "chat"} <= rules_fired(result)


def test_nothing_found_is_minimal(toy):
    assert classify(toy, CLEAN).outcome("tier") == "minimal"
    assert not rules_fired(classify(toy, CLEAN))


def test_an_excluded_finding_is_cited_as_excluded_never_as_applying(toy):
    result = classify(toy, {**CLEAN, "use.listed": "yes", "use.detail": "no"})
    assert result.outcome("tier") == "minimal"
    assert "aiact.annex3.5.b.excl" in result.excluded_refs()
    assert "aiact.annex3.5.b.excl" not in result.applying_refs()


def test_a_gating_tier_sets_every_other_finding_duty_and_open_point_aside(toy):
    answers = {**AI, "who.outside": "yes", "use.bans": "yes", "use.listed": "yes", "use.detail": "yes",
               "use.chat": "yes"}
    result = classify(toy, answers)
    assert result.outcome("tier") == "out_of_scope"
    assert rules_fired(result) == {"gate.outside"}
    assert result.obligations == () and result.duties == ()
    # Only what could lift the gate is still open: not the banned use, not the duty's date.
    gates = {"gate.not_ai", "gate.outside"}
    assert all(set(p.could_affect) <= gates for p in result.open_points)
    assert not [p for p in result.open_points if p.kind == "law"]


def test_not_an_ai_system_hides_and_ignores_the_rest(toy):
    # A stale answer from before the gate was answered "no" must not show through.
    result = classify(toy, {**AI, "who.ai": "no", "use.bans": "yes", "use.chat": "yes"})
    assert result.outcome("tier") == "not_ai_system"
    assert rules_fired(result) == {"gate.not_ai"}
    assert result.obligations == ()


def test_a_rule_that_grants_a_role_does_not_by_itself_make_the_system_high_risk(toy):
    answers = {**CLEAN, "who.roles": ["deployer"], "who.rebrands": "yes"}
    result = classify(toy, answers)
    assert result.outcome("tier") == "minimal"
    assert "provider" not in result.roles


# --- roles and duties -------------------------------------------------------------------------

HIGH_RISK = {**CLEAN, "use.listed": "yes", "use.detail": "yes"}


def test_duties_are_filtered_by_role(toy):
    provider = {o.id for o in classify(toy, HIGH_RISK).obligations}
    deployer = {o.id for o in classify(toy, {**HIGH_RISK, "who.roles": ["deployer"], "who.rebrands": "no"}).obligations}
    assert provider == {"duty.provider"}
    assert deployer == {"duty.deployer"}


def test_a_role_granted_by_a_rule_brings_that_roles_duties(toy):
    result = classify(toy, {**HIGH_RISK, "who.roles": ["deployer"], "who.rebrands": "yes"})
    assert "rebrand" in rules_fired(result)
    assert set(result.roles) == {"deployer", "provider"}
    assert {"duty.provider", "duty.deployer"} <= {o.id for o in result.obligations}


def test_no_role_chosen_means_no_duties_yet(toy):
    assert classify(toy, {**HIGH_RISK, "who.roles": []}).obligations == ()


@pytest.mark.parametrize("early, date, set_by", [("yes", "2027-08-02", "Act A"), ("no", "2027-12-02", "Act B")])
def test_a_duty_takes_the_date_of_the_first_choice_that_holds(toy, early, date, set_by):
    duty = next(o for o in classify(toy, {**HIGH_RISK, "use.early": early}).obligations if o.id == "duty.provider")
    assert duty.applies_from.isoformat() == date and duty.set_by == set_by


def test_an_undecided_date_choice_is_an_open_point_naming_the_duty(toy):
    result = classify(toy, HIGH_RISK)
    duty = next(o for o in result.obligations if o.id == "duty.provider")
    assert duty.applies_from.isoformat() == "2027-12-02"  # the fallback, until it is settled
    assert "duty.provider" in open_questions(result)["use.early"].could_affect
    assert "use.early" not in open_questions(classify(toy, {**HIGH_RISK, "use.early": "no"}))


def test_an_unverified_date_is_an_open_point_only_when_a_duty_uses_it(toy):
    def law_points(answers):
        return [p for p in classify(toy, answers).open_points if p.kind == "law"]

    assert law_points(CLEAN) == []
    assert law_points({**CLEAN, "use.chat": "yes"}) == []            # its date is verified
    [point] = law_points({**HIGH_RISK, "use.early": "no"})
    assert point.date == "late"
    assert law_points({**HIGH_RISK, "use.early": "yes"}) == []        # the verified date is used instead


# --- explanations -----------------------------------------------------------------------------

def test_because_names_every_answer_an_all_condition_needed(toy):
    finding = next(f for f in classify(toy, HIGH_RISK).findings if f.rule == "listed")
    assert [(b.question, b.answer) for b in finding.because] == [("use.listed", "yes"), ("use.detail", "yes")]


def test_because_names_only_the_answer_that_decided_an_any_condition(toy):
    evaluation = Evaluation(toy, {**AI, "use.bans": "no", "use.chat": "yes"})
    assert evaluation.support(toy.rules[[r.id for r in toy.rules].index("either")].when) == ["use.chat"]


def test_because_carries_the_applicants_note(toy):
    result = classify(toy, HIGH_RISK, notes={"use.detail": "Checked with counsel."})
    finding = next(f for f in result.findings if f.rule == "listed")
    assert {b.question: b.note for b in finding.because}["use.detail"] == "Checked with counsel."


def test_open_points_name_only_questions_that_could_change_the_result(toy):
    result = classify(toy, {**AI, "use.bans": "no", "use.listed": "no"})
    assert set(open_questions(result)) == {"use.chat"}
    assert open_questions(result)["use.chat"].could_affect == ("chat",)
    assert open_questions(result)["use.chat"].refs == ("aiact.art50.1",)
    assert not open_questions(classify(toy, CLEAN))
