"""A broken pack fails to load with one line naming the file and the offending id."""

from pathlib import Path

import pytest

from forms.loader import load_pack

BROKEN = Path(__file__).parent / "broken_packs"

# folder -> the id the message must name
CASES = {"duplicate_question": "q.roles", "missing_show_if": "q.ask", "unknown_key": "q.ask", "bad_option": "q.ask"}


@pytest.mark.parametrize("folder", sorted(CASES))
def test_broken_pack_fails_with_one_line_naming_file_and_id(folder):
    with pytest.raises(Exception) as caught:
        load_pack(BROKEN / folder)
    message = str(caught.value)
    assert "\n" not in message
    assert "pack.yaml" in message and CASES[folder] in message
