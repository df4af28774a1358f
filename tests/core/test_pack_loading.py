"""A broken pack fails to load with one line naming the file and the offending id, in the
catalogue's words (`packs.check.*`, `packs.error.*`): the tests compare with the message by its id."""

import re
from pathlib import Path

import pytest

from catalogue import ntr, tr
from forms.conditions import CONDITION_KEYS, TESTS
from forms.loader import PackError, load_pack
from tests.messages import in_pack_file as at_file
from tests.messages import pack_item as item

BROKEN = Path(__file__).parent / "broken_packs"


def cycle(kind, *ids):
    return tr("packs.check.cycle", item=item(kind, ids[0]), loop=" -> ".join(ids))


# folder -> (the file the message must name, the message given that file's path as the error names it)
CASES = {
    "duplicate_question": ("pack.yaml", lambda path: at_file(path, tr("packs.check.id_twice",
                                                                         item=item("question", "q.roles")))),
    "missing_show_if": ("pack.yaml", lambda path: at_file(path, tr(
        "packs.check.unknown_question", item=item("question", "q.ask"), question="q.nowhere"))),
    "unknown_key": ("pack.yaml", lambda path: at_file(path, tr(
        "packs.where", where=item("question", "q.ask"),
        message=tr("packs.field_problem", field="show_iff", problem=tr("packs.error.field.unknown"))))),
    "bad_option": ("pack.yaml", lambda path: at_file(path, tr(
        "packs.check.not_an_option", item=item("question", "q.ask"), value="importer", question="q.roles"))),
    "wrong_test_kind": ("pack.yaml", lambda path: at_file(path, tr(
        "packs.check.test_does_not_fit", item=item("rule", "r.big"), test="gt", question="q.ask",
        kind=tr("packs.question_kind.yes_no")))),
    # In an included file: that file is named, not the pack's manifest.
    "unknown_citation": ("questions.yaml", lambda path: at_file(path, tr(
        "packs.check.unknown_citation", item=item("question", "q.ask"), ref="aiact.art999.1"))),
    "rule_cycle": ("pack.yaml", lambda path: at_file(path, cycle("rule", "r.first", "r.second", "r.first"))),
    "show_if_itself": ("pack.yaml", lambda path: at_file(path, cycle("question", "q.ask", "q.ask"))),
    "bad_yaml": ("rules.yaml", lambda path: tr("yaml.not_yaml", path=path, problem=tr(
        "yaml.at_line", line=5, problem=tr("yaml.problem.unclosed", open="{", close="}")))),
}


def test_every_broken_pack_has_its_case():
    assert sorted(CASES) == sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", sorted(CASES))
def test_broken_pack_fails_with_one_line_naming_file_and_id(folder):
    file_name, expected = CASES[folder]
    with pytest.raises(PackError) as caught:
        load_pack(BROKEN / folder)
    message = str(caught.value)
    path = message.split(": ")[0]
    assert Path(path).resolve() == (BROKEN / folder / file_name).resolve(), message
    assert message == expected(path)


def test_a_question_error_in_an_included_file_names_that_file(tmp_path):
    # The shipped pack keeps its questions in included files; a mistake there must point to it.
    import shutil

    from forms.loader import DEFAULT_PACK

    folder = tmp_path / "eu_ai_act"
    shutil.copytree(DEFAULT_PACK, folder)
    part = folder / "classification" / "gpai.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace("refs: [aiact.art3.63]\n", "refs: [aiact.art3.999]\n", 1),
                    encoding="utf-8")
    message = tr("packs.check.unknown_citation", item=item("question", "gpai.generality"), ref="aiact.art3.999")
    assert _refused(folder) == at_file(part.resolve(), message)


def _refused(folder):
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return str(caught.value)


def _pack_with(tmp_path, edit):
    """A copy of the shipped pack with its manifest edited by `edit` (a function of the YAML text)."""
    import shutil

    from forms.loader import DEFAULT_PACK

    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _refused_manifest(folder, message):
    """The pack in `folder` is refused with `message`, naming its manifest."""
    assert _refused(folder) == at_file(folder / "pack.yaml", message)


def test_a_rule_whose_finding_no_track_declares_is_named(tmp_path):
    from forms.loader import default_pack
    from forms.schema import CONTEXT, EXCLUDED, FACT

    def drop(text):
        start = text.index("    relief:")
        end = text.index("    outcomes:")
        return text[:start] + text[end:]

    first = next(r.id for r in default_pack().rules if r.tier == "derogated")
    folder = _pack_with(tmp_path, drop)
    holding = next(p for p in folder.rglob("*.yaml") if f"id: {first}\n" in p.read_text(encoding="utf-8"))
    assert _refused(folder) == at_file(holding.resolve(), tr(
        "packs.check.rule_tier", item=item("rule", first), key="tier", tier="derogated", fact=FACT,
        excluded=EXCLUDED, context=CONTEXT))


def test_a_relief_headline_may_name_only_what_is_filled_in(tmp_path):
    folder = _pack_with(tmp_path, lambda text: text.replace("used as listed in {points}", "used as listed in {point}"))
    _refused_manifest(folder, tr("packs.check.unknown_placeholder", key="relief.summary", name="{point}",
                                 allowed=tr("packs.separator").join(["{points}", "{conditions}"])))


def test_a_set_aside_track_needs_its_headline(tmp_path):
    def drop(text):
        start = text.index("    set_aside_text:")
        end = text.index("    # An Annex III system relieved")
        return text[:start] + text[end:]

    _refused_manifest(_pack_with(tmp_path, drop), tr("packs.check.set_aside_text", item=item("track", "tier"),
                                                     key="set_aside_by", text="set_aside_text"))


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace("default: minimal", "default: minimum"),
     lambda: tr("packs.check.not_an_outcome", item=item("track", "tier"), key="default", outcome="minimum")),
    (lambda text: text.replace("      - id: gpai\n", "      - id: minimal\n"),
     lambda: tr("packs.check.outcome_twice", item=item("outcome", "minimal"))),
    (lambda text: text.replace("set_aside_by: gpai.model_only", "set_aside_by: gpai.model_alone"),
     lambda: tr("packs.check.set_aside_rule", item=item("track", "tier"), key="set_aside_by", rule="gpai.model_alone")),
])
def test_a_broken_track_is_one_line(tmp_path, edit, message):
    _refused_manifest(_pack_with(tmp_path, edit), message())


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace("used as listed in {points}", "used as listed in {points"),
     lambda: tr("packs.check.lone_brace", key="relief.summary")),
    (lambda text: text.replace("points_from: aiact.annex3", "points_from: aiact.anex3"),
     lambda: tr("packs.check.relief_prefix", key="relief.points_from", prefix="aiact.anex3")),
])
def test_a_broken_derogation_headline_is_one_line(tmp_path, edit, message):
    _refused_manifest(_pack_with(tmp_path, edit), message())


@pytest.mark.parametrize("key, named", [("system_name_question", "applicant.no_such_question"),
                                        ("applicant_name_question", "applicant.eu_office")])
def test_the_names_questions_must_be_short_text_questions_of_the_pack(tmp_path, key, named):
    folder = _pack_with(tmp_path, lambda text: re.sub(rf"{key}: .+", f"{key}: {named}", text))
    _refused_manifest(folder, tr("packs.check.name_question", key=key, question=named))


# A small pack whose last question each case below writes: what is wrong with its shape is named
# in our words (pydantic's own are English), by the kind of the fault.
SMALL_PACK = """id: small
version: "1.0"
title: "Small"
law_current_to: 2026-11-01
roles_question: q.roles
tracks:
  - {id: tier, label: "Tier", default: minimal, outcomes: [{id: minimal, label: "Minimal", summary: "Minimal."}]}
sections:
  - id: s
    title: "S"
    questions:
      - {id: q.roles, kind: multi_choice, text: "Roles?", options: [{id: provider, label: P}, {id: deployer, label: D}]}
      - %s
"""


def field(name, message):
    return tr("packs.where", where=item("question", "q.ask"), message=tr("packs.field_problem", field=name,
                                                                          problem=message))


@pytest.mark.parametrize("question, message", [
    ('{id: q.ask, kind: yes_no}', lambda: field("text", tr("packs.error.field.missing"))),
    ('{id: q.ask, kind: yes_no, text: [a]}', lambda: field("text", tr("packs.error.field.text"))),
    ('{id: q.ask, kind: yes_no, text: "A?", required: perhaps}', lambda: field("required", tr("packs.error.field.boolean"))),
    ('{id: q.ask, kind: short_text, text: "A?", max_length: 0}',
     lambda: field("max_length", tr("packs.error.field.at_least", bound=1))),
    ('{id: q.ask, kind: short_text, text: "A?", max_length: many}',
     lambda: field("max_length", tr("packs.error.field.whole_number"))),
    ('{id: q.ask, kind: single_choice, text: "A?", options: [{id: a, label: A}]}',
     lambda: field("options", ntr("packs.error.field.too_few", 2))),
    ('{id: q.ask, kind: yes_or_no, text: "A?"}', lambda: field("kind", tr(
        "packs.error.field.unknown_kind", tag="yes_or_no",
        expected="'yes_no', 'single_choice', 'multi_choice', 'short_text', 'long_text', 'number', 'date'"))),
    ('{id: q.ask, text: "A?"}', lambda: field("kind", tr("packs.error.field.missing"))),
    ('{id: q.ask, kind: yes_no, text: "A?", show_if: {question: q.roles}}', lambda: field("show_if", tr(
        "packs.error.field.condition", keys=tr("packs.separator").join(CONDITION_KEYS)))),
    # A test inside a list of conditions: still the question's, the path within its condition named.
    ('{id: q.ask, kind: yes_no, text: "A?", show_if: {all: [{q: q.roles, has: provider, answered: true}]}}',
     lambda: field("show_if.all.0", tr("packs.error.one_test", question="q.roles",
                                       tests=tr("packs.separator").join(TESTS)))),
])
def test_a_question_of_the_wrong_shape_is_named_in_our_words(tmp_path, question, message):
    (tmp_path / "pack.yaml").write_text(SMALL_PACK % question, encoding="utf-8")
    assert _refused(tmp_path) == at_file(tmp_path / "pack.yaml", message())


def test_an_id_of_the_wrong_form_is_explained():
    from pydantic import ValidationError

    from forms.loader import describe_error
    from forms.schema import Section

    data = {"id": "Scope", "title": "T", "questions": [{"id": "q", "kind": "yes_no", "text": "A?"}]}
    with pytest.raises(ValidationError) as caught:
        Section.model_validate(data)
    assert describe_error(caught.value, data) == tr("packs.field_problem", field="id", problem=tr(
        "packs.error.field.id", example="scope.military_only"))


def test_a_pack_without_a_short_title_is_named_by_its_title_where_laws_stand_side_by_side():
    root = Path(__file__).resolve().parents[2]
    robot = load_pack(root / "tests" / "data" / "packs" / "robot_law")
    assert robot.title and robot.short_title == robot.title
    eu = load_pack(root / "forms" / "packs" / "eu_ai_act")
    assert eu.short_title and eu.short_title != eu.title  # given: kept as given
