"""Bad dossiers given to `import`: each is refused with one `error:` line and exit 2, never a
traceback; a decompression bomb (a draft attachment that inflates far beyond any draft) included.
The reviewer's side gives each of them a row instead (tests/review/)."""

from __future__ import annotations

import json

import pytest

from app.commands.main import main
from app.dossier import export
from tests.review import dossiers


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return dossiers.export_example("demand_forecaster", tmp_path_factory.mktemp("good") / "good.pdf")


CASES = {
    "bomb": (lambda good, out: dossiers.bomb(good, out), "more than 20 MB"),
    "damaged": (lambda good, out: dossiers.truncated(good, out), "damaged"),
    "other_tool": (lambda good, out: dossiers.other_tool_pdf(out), "no draft data inside"),
    # import reads HTML and JSON dossiers too: a file that is none of them is "not a dossier"
    "not_pdf": (lambda good, out: out.write_text("not a pdf") and out, "not a dossier"),
    "not_text": (lambda good, out: dossiers.crafted(out, "{}".encode("utf-16")), "not text"),
    "not_a_draft": (lambda good, out: dossiers.crafted(out, json.dumps([1, 2]).encode()), "not a draft"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_refuses_a_bad_dossier_in_one_line(name, good, tmp_path, capsys):
    make, words = CASES[name]
    path = make(good, tmp_path / f"{name}.pdf")
    assert main(["import", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1 and words in captured.err


def test_a_file_far_larger_than_a_dossier_is_not_read(good, monkeypatch, capsys):
    monkeypatch.setattr(export, "MAX_DOSSIER_BYTES", 10_000)
    assert main(["import", str(good)]) == 2
    assert "larger than" in capsys.readouterr().err


def test_the_bomb_is_refused_before_it_is_inflated_whole(good, tmp_path):
    """The bound is a draft's size, not pypdf's own (75 MB): a bomb costs little to refuse."""
    import tracemalloc

    path = dossiers.bomb(good, tmp_path / "bomb.pdf", inflated=60_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(export.DossierError) as caught:
            export.read_dossier(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "inflates"
    assert peak < 45_000_000
