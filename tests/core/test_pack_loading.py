"""A broken pack fails to load with one line naming the file and the offending id."""

import re
from pathlib import Path

import pytest

from forms.loader import PackError, load_pack

BROKEN = Path(__file__).parent / "broken_packs"

# folder -> (the file the message must name, what else it must name)
CASES = {
    "duplicate_question": ("pack.yaml", ["q.roles"]),
    "missing_show_if": ("pack.yaml", ["q.ask"]),
    "unknown_key": ("pack.yaml", ["q.ask"]),
    "bad_option": ("pack.yaml", ["q.ask"]),
    "wrong_test_kind": ("pack.yaml", ["r.big", "gt", "q.ask"]),
    # In an included file: that file is named, not the pack's manifest.
    "unknown_citation": ("questions.yaml", ["q.ask", "aiact.art999.1"]),
    "rule_cycle": ("pack.yaml", ["r.first", "r.second"]),
    "show_if_itself": ("pack.yaml", ["q.ask", "depends on itself"]),
    "bad_yaml": ("rules.yaml", ["not valid YAML", "line 5"]),
}


@pytest.mark.parametrize("folder", sorted(CASES))
def test_broken_pack_fails_with_one_line_naming_file_and_id(folder):
    file_name, named = CASES[folder]
    with pytest.raises(PackError) as caught:
        load_pack(BROKEN / folder)
    message = str(caught.value)
    assert "\n" not in message
    assert message.split(":")[0].endswith(f"{folder}/{file_name}"), message
    for part in named:
        assert part in message


def test_a_question_error_in_an_included_file_names_that_file(tmp_path):
    # The shipped pack keeps its questions in included files; a mistake there must point to it.
    import shutil

    from forms.loader import DEFAULT_PACK

    folder = tmp_path / "eu_ai_act"
    shutil.copytree(DEFAULT_PACK, folder)
    part = folder / "classification" / "gpai.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace("refs: [aiact.art3.63]\n", "refs: [aiact.art3.999]\n", 1),
                    encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value).startswith(str(part.resolve()) + ": question 'gpai.generality'")


def _pack_with(tmp_path, edit):
    """A copy of the shipped pack with its manifest edited by `edit` (a function of the YAML text)."""
    import shutil

    from forms.loader import DEFAULT_PACK

    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_a_rule_whose_finding_no_track_declares_is_named(tmp_path):
    def drop(text):
        start = text.index("    relief:")
        end = text.index("    outcomes:")
        return text[:start] + text[end:]

    with pytest.raises(PackError, match=r"rule '.+': tier 'derogated' is no outcome of a track"):
        load_pack(_pack_with(tmp_path, drop))


def test_a_relief_headline_may_name_only_what_is_filled_in(tmp_path):
    folder = _pack_with(tmp_path, lambda text: text.replace("used as listed in {points}", "used as listed in {point}"))
    with pytest.raises(PackError, match=r"names \{point\}; only \{points\} and \{conditions\} are filled in"):
        load_pack(folder)


def test_a_set_aside_track_needs_its_headline(tmp_path):
    def drop(text):
        start = text.index("    set_aside_text:")
        end = text.index("    # An Annex III system relieved")
        return text[:start] + text[end:]

    with pytest.raises(PackError, match="set_aside_text \\(its headline\\) is missing"):
        load_pack(_pack_with(tmp_path, drop))


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace("default: minimal", "default: minimum"), "track 'tier': default 'minimum'"),
    (lambda text: text.replace("      - id: gpai\n", "      - id: minimal\n"), "outcome 'minimal' is declared twice"),
    (lambda text: text.replace("set_aside_by: gpai.model_only", "set_aside_by: gpai.model_alone"),
     "track 'tier': set_aside_by 'gpai.model_alone' is not a rule"),
])
def test_a_broken_track_is_one_line(tmp_path, edit, message):
    with pytest.raises(PackError, match=r"pack.yaml: " + re.escape(message)):
        load_pack(_pack_with(tmp_path, edit))


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace("used as listed in {points}", "used as listed in {points"), "relief.summary: "),
    (lambda text: text.replace("points_from: aiact.annex3", "points_from: aiact.anex3"),
     "relief.points_from 'aiact.anex3' names no provision"),
])
def test_a_broken_derogation_headline_is_one_line(tmp_path, edit, message):
    with pytest.raises(PackError, match=r"pack.yaml: " + re.escape(message)):
        load_pack(_pack_with(tmp_path, edit))


@pytest.mark.parametrize("key, named", [("system_name_question", "applicant.no_such_question"),
                                        ("applicant_name_question", "applicant.eu_office")])
def test_the_names_questions_must_be_short_text_questions_of_the_pack(tmp_path, key, named):
    folder = _pack_with(tmp_path, lambda text: re.sub(rf"{key}: .+", f"{key}: {named}", text))
    with pytest.raises(PackError, match=rf"pack.yaml: {key} '{re.escape(named)}' must name a short-text question"):
        load_pack(folder)
