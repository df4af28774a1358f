"""A broken pack fails to load with one line naming the file and the offending id."""

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
