"""What helps a founder answer, as pack data: help or a recorded reason on every question, example
answers, the glossary and its mentions, provision summaries, what to prepare and the time estimate,
and the order that puts the AI questions before the company profile."""

from __future__ import annotations

import pytest
import yaml

from forms.citations import provisions
from forms.conditions import questions_named, rules_named
from forms.estimate import ROUND_TO, time_estimate, typical_path
from forms.glossary import mentions, question_texts, terms_in
from catalogue import tr
from forms.loader import PackError, load_pack
from tests.messages import in_pack_file as at_file, pack_item as item

PLAN_SECTIONS = ("plan", "plan_real_world")
# The terms the issue names, by id: each must be in the glossary.
NAMED_TERMS = {"provider", "deployer", "importer", "distributor", "placing_on_market", "putting_into_service",
               "substantial_modification", "ai_system", "gpai_model", "profiling", "personal_data", "dpia",
               "fria", "real_world_testing", "sandbox_plan", "exit_report", "sme", "startup"}


def _questions(pack):
    return [q for s in pack.sections for q in s.questions]


def test_every_question_has_help_or_a_recorded_reason_why_it_needs_none(pack):
    lacking = [q.id for q in _questions(pack) if not q.help.strip() and not q.no_help_because.strip()]
    both = [q.id for q in _questions(pack) if q.help.strip() and q.no_help_because.strip()]
    assert lacking == [] and both == []


def test_every_free_text_answer_of_the_sandbox_plan_and_every_long_text_has_an_example(pack):
    plan = [q for s in pack.sections if s.id in PLAN_SECTIONS for q in s.questions
            if q.kind in ("short_text", "long_text")]
    assert plan and [q.id for q in plan if not q.example.strip()] == []
    assert [q.id for q in _questions(pack) if q.kind == "long_text" and not q.example.strip()] == []


def test_every_provision_has_a_summary_in_our_words():
    assert [p.id for p in provisions().values() if not p.summary.strip()] == []


def test_the_glossary_has_the_terms_a_founder_meets_and_each_is_mentioned_where_asked(pack):
    ids = {term.id for term in pack.glossary}
    assert NAMED_TERMS <= ids
    texts = [t for q in _questions(pack) for t in question_texts(q)] + [s.intro for s in pack.sections]
    mentioned = set(terms_in(texts, pack.glossary))
    assert sorted(ids - mentioned) == []
    # "Have you carried out a DPIA?" links the term it uses.
    dpia = next(q for q in _questions(pack) if q.id == "privacy.dpia_done")
    assert terms_in([dpia.text], pack.glossary) == ["dpia"]


def test_mentions_are_whole_words_in_any_case_the_longest_first(pack):
    text = "A general-purpose AI model is not an AI system; providers and the Provider; DPIAs but not DPIAX."
    found = [(text[m.start:m.end], m.term) for m in mentions(text, pack.glossary)]
    assert found == [("general-purpose AI model", "gpai_model"), ("AI system", "ai_system"),
                     ("providers", "provider"), ("Provider", "provider"), ("DPIAs", "dpia")]
    assert mentions("", pack.glossary) == [] and mentions("a provider", ()) == []


def test_in_the_pseudo_language_the_same_terms_are_found_in_the_accented_texts(pack):
    pseudo = load_pack(pack_folder(), "en-XA")
    for english, accented in zip(_questions(pack), _questions(pseudo)):
        assert terms_in(question_texts(accented), pseudo.glossary) == terms_in(question_texts(english), pack.glossary)


def pack_folder():
    from forms.loader import DEFAULT_PACK

    return DEFAULT_PACK


def test_the_questions_the_result_reads_are_asked_before_the_company_profile(pack):
    """The tier shows early: every question a rule grounding a track reads (through the facts it
    names) sits in a section before the applicant's profile, and the wizard opens on the system."""
    rules = {r.id: r for r in pack.rules}
    outcomes = {o.id for t in pack.tracks for o in t.outcomes}
    read, todo = set(), [r for r in pack.rules if r.tier in outcomes]
    seen: set[str] = set()
    while todo:
        rule = todo.pop()
        if rule.id in seen:
            continue
        seen.add(rule.id)
        read |= questions_named(rule.when)
        todo += [rules[name] for name in rules_named(rule.when)]
    order = [s.id for s in pack.sections]
    section_of = {q.id: s.id for s in pack.sections for q in s.questions}
    profile = order.index("applicant")
    assert order[0] == "system"
    assert sorted(q for q in read if order.index(section_of[q]) > profile) == []


def test_the_time_estimate_counts_the_typical_path_by_kind(pack):
    estimate = time_estimate(pack)
    path = typical_path(pack)
    kinds = {q.id: q.kind for q in _questions(pack)}
    minutes = sum(pack.estimate.minutes[kinds[q]] for q in path)
    assert estimate.questions == len(path) > 30
    assert estimate.minutes % ROUND_TO == 0 and minutes <= estimate.minutes < minutes + ROUND_TO
    assert len(pack.prepare) >= 4 and all(item.label and item.help for item in pack.prepare)


# --- checks at load, on a small pack ----------------------------------------------------------

SMALL = {
    "id": "small", "version": "1.0", "title": "Small", "law_current_to": "2026-01-01",
    "roles_question": "role.roles",
    "tracks": [{"id": "tier", "label": "Tier", "default": "minimal", "outcomes": [{"id": "minimal", "label": "M"}]}],
    "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "role.roles", "kind": "multi_choice", "text": "Are you a provider?",
         "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]},
        {"id": "s.more", "kind": "long_text", "text": "Tell more", "show_if": {"q": "role.roles", "has": "provider"}},
    ]}],
    "glossary": [{"id": "provider", "term": "Provider", "definition": "Who offers it.", "refs": ["aiact.art3.3"],
                  "mentions": ["provider", "providers"]}],
    "estimate": {"minutes": {"multi_choice": 1, "long_text": 4}, "typical": {"role.roles": ["provider"]}},
}


def _small(tmp_path, **changes):
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump({**SMALL, **changes}), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_small_pack_estimates_its_typical_path(tmp_path):
    pack = _small(tmp_path)
    assert typical_path(pack) == ["role.roles", "s.more"]
    assert time_estimate(pack).minutes == ROUND_TO and time_estimate(pack).questions == 2
    assert time_estimate(_small(tmp_path, estimate=None)) is None


def _provider(**changes):
    return {**SMALL["glossary"][0], **changes}


MINUTES = {"multi_choice": 1, "long_text": 4}


@pytest.mark.parametrize("change, msg_id, known", [
    ({"glossary": [_provider(refs=["aiact.art999"])]}, "packs.check.unknown_citation",
     {"item": ("term", "provider"), "ref": "aiact.art999"}),
    ({"glossary": [_provider(see_also=["nobody"])]}, "packs.check.see_also",
     {"item": ("term", "provider"), "key": "see_also", "other": "nobody"}),
    ({"glossary": [_provider(), {"id": "seller", "term": "Seller", "definition": "D", "mentions": ["Providers"]}]},
     "packs.check.mention_twice", {"item": ("term", "seller"), "word": "Providers", "other": ("term", "provider")}),
    ({"glossary": [_provider(id="s")]}, "packs.check.term_id_twice", {"item": ("term", "s")}),
    ({"prepare": [{"id": "cv", "label": "A CV"}, {"id": "cv", "label": "Another"}]}, "packs.check.id_twice",
     {"item": ("prepare_item", "cv")}),
    ({"estimate": {"minutes": {"multi_choice": 1}}}, "packs.check.estimate_missing",
     {"key": "estimate.minutes", "kind": "long_text"}),
    ({"estimate": {"minutes": {**MINUTES, "essay": 9}}}, "packs.check.estimate_kind",
     {"key": "estimate.minutes", "kind": "essay"}),
    ({"estimate": {"minutes": {**MINUTES, "long_text": -1}}}, "packs.check.estimate_negative",
     {"key": "estimate.minutes.long_text"}),
    ({"estimate": {"minutes": MINUTES, "typical": {"s.gone": "yes"}}}, "packs.check.estimate_question",
     {"key": "estimate.typical", "question": "s.gone"}),
    ({"estimate": {"minutes": MINUTES, "typical": {"role.roles": ["seller"]}}}, "packs.check.estimate_answer",
     {"key": "estimate.typical", "problem": ("answers.not_an_option", {"option": "seller", "question": "role.roles"})}),
])
def test_a_broken_glossary_estimate_or_list_to_prepare_fails_to_load_naming_what_is_wrong(tmp_path, change, msg_id, known):
    """Each fault is the catalogue's message for it, naming the item and the value at fault."""
    with pytest.raises(PackError) as caught:
        _small(tmp_path, **change)
    filled = {key: _filled(value) for key, value in known.items()}
    assert str(caught.value) == at_file(tmp_path / "pack.yaml", tr(msg_id, **filled))


def _filled(value):
    """A placeholder's value: as written, an item of the pack (kind, id), or a message (id, values)."""
    if isinstance(value, str):
        return value
    first, second = value
    return tr(first, **second) if isinstance(second, dict) else item(first, second)


def test_a_glossary_term_needs_a_word_that_marks_it(tmp_path):
    with pytest.raises(PackError) as caught:
        _small(tmp_path, glossary=[_provider(mentions=[])])
    assert "mentions" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("version", ["1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0"])
@pytest.mark.parametrize("name", ["cv_screening.json", "credit_scoring.json"])
def test_a_draft_of_an_earlier_pack_opens_with_its_answers_and_gives_the_same_result(pack, name, version):
    """Pack 1.5.0 moved questions between sections and added words, 1.6.0 linked questions to the
    shared core, 1.7.0 asked deployers about decisions with significant effects (Art. 86): a draft
    of 1.2.0 (before the dossier's parts), 1.3.0 (the applicant's section first), 1.4.0 (the
    requirements' statuses and the risks per kind, in the former order), 1.5.0 (before the links)
    or 1.6.0 (before Art. 86) opens without an error, keeps every answer, and
    classifies as the example of the pack in use does, except that a deployer's Art. 86 duty stays
    open on the question it never answered. The drafts before 1.4.0 keep their answer to
    the question 1.4.0 retired, with a warning naming it, and never answered the requirements'
    statuses, which stay unknown (tests/core/test_requirements.py)."""
    from pathlib import Path

    from app.session.draft_session import DraftSession
    from app.storage.drafts import PackChange, load_draft
    from risk_tiers.classify import classify

    root = Path(__file__).resolve().parents[2]
    older = root / "tests" / "data" / f"drafts_pack_{version.rsplit('.', 1)[0].replace('.', '_')}" / name
    assert load_draft(older).lock.pack.version == version != pack.version
    session = DraftSession(pack)
    opened = session.open(older)
    assert opened.opened and opened.pack_change is PackChange.VERSION
    retired = {"plan.risks"} if version < "1.4.0" else set()
    assert sorted(opened.warnings) == sorted(tr("drafts.no_longer_asked", question=question, version=pack.version)
                                             for question in retired)
    assert set(session.draft.values()) == set(load_draft(older).values())
    current = load_draft(root / "resources" / "examples" / name)
    assert current.lock.pack.version == pack.version
    kept = {qid: value for qid, value in session.draft.values().items() if qid not in retired}
    assert kept.items() <= current.values().items()
    art86 = {"obligations.significant_decisions", "measures.explanation"}
    unasked = {qid for qid in current.values() if qid in art86}
    before, after = classify(pack, session.draft.values()), classify(pack, current.values())
    assert before.primary == after.primary
    owed = {"obligations.explanation_owed"} & {f.rule for f in after.findings}
    assert {f.rule for f in before.findings} == {f.rule for f in after.findings} - owed
    assert [o.id for o in before.obligations] == [o.id for o in after.obligations if o.id != "obligations.explanation"]
    if unasked:  # the deployer's Art. 86 duty: open on the new question, never read as not owed
        assert "obligations.explanation" in {o.id for o in after.obligations}
        opened_on = {p.question: p.could_affect for p in before.open_points if p.kind == "question"}
        assert "obligations.explanation" in opened_on["obligations.significant_decisions"]
    if not retired:
        assert kept | {qid: current.values()[qid] for qid in unasked} == current.values()
        if not unasked:
            assert before == after


def test_an_example_opens_as_a_copy_of_its_own_and_a_broken_one_is_said_and_left(pack, tmp_path):
    """Opening an example (the start page's "Open an example") gives a new draft with no file:
    saving it asks where, so the example is never written over; one that cannot be read is told."""
    from pathlib import Path

    from app.session.draft_session import DraftSession
    from app.storage.drafts import load_draft
    from tests.core.test_draft_session import ScriptedPrompts

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "customer_chatbot.json"
    before = example.read_bytes()
    prompts = ScriptedPrompts(save_path=tmp_path / "mine.json")
    session = DraftSession(pack, prompts)
    result = session.open_copy(example)
    assert result.opened and result.path is None and session.path is None and not session.dirty
    assert session.draft.values() == load_draft(example).values() and session.draft.id != load_draft(example).id
    session.set_answer("plan.duration_months", 4)
    assert session.save() and session.path == tmp_path / "mine.json"
    assert ("save_path", None) in prompts.asked and example.read_bytes() == before
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert not session.open_copy(broken).opened
    assert prompts.asked[-1][0] == "cannot_open" and session.path == tmp_path / "mine.json"


def test_a_copy_opened_while_a_kit_is_worn_keeps_the_kit_and_is_compared_with_the_pack_as_shipped(tmp_path):
    """With an authority's kit worn, an example (opened as a copy) opens as a draft made without a
    kit does: read with the kit's pack, the kit still worn, and its lock (the pack as shipped)
    compared with the pack as shipped, so a copy of a draft that recorded it is not said to be of a
    changed pack."""
    from pathlib import Path

    from app.kits.kit import load_kit
    from app.session.draft_session import DraftSession
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Draft, PackChange, load_draft

    root = Path(__file__).resolve().parents[2]
    kit = load_kit(root / "resources" / "kits" / "nordland.sandboxkit")
    example = root / "resources" / "examples" / "cv_screening.json"
    recorded = Draft.new(kit.base)  # made without the kit, recording the pack's content
    recorded.answers = load_draft(example).answers
    save_draft(recorded, tmp_path / "recorded.json")
    session = DraftSession(kit.pack, kit=kit)
    result = session.open_copy(tmp_path / "recorded.json")
    assert result.opened and list(result.warnings) == [] and session.kit is kit and session.pack is kit.pack
    assert result.pack_change is PackChange.SAME
    assert session.draft.values() == load_draft(example).values() and session.draft.id != recorded.id
