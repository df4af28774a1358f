"""The names of the applicant and the system, and a file name made from them."""

import pytest

from app.results.names import MAX_STEM, file_stem


@pytest.mark.parametrize("name, stem", [
    ("Sorter 3000", "Sorter 3000"),
    ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j"),
    ("  line\nbreak\ttab  ", "line break tab"),
    ("...hidden.", "hidden"),
    ("人工智能 / Ελληνική", "人工智能 Ελληνική"),
    ("///", ""),
])
def test_a_file_stem_keeps_the_name_and_drops_what_no_file_name_may_hold(name, stem):
    assert file_stem(name) == stem


def test_a_file_stem_is_not_too_long():
    assert len(file_stem("x" * 1000)) == MAX_STEM
