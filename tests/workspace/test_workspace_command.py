"""`python main.py workspace DIR [--json | --csv]`: every draft of the folder as a table with the
documented columns, protected and damaged files included; one `error:` line and exit 2 when DIR is
not a folder; all of it in the language in use."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import catalogue
from app.commands.main import main as cli_main
from app.workspace.table import COLUMNS
from tests.pseudo_text import pack_ids, plain_english, typed_words
from tests.workspace.conftest import EXAMPLES, LAYOUT, PASSPHRASE, several_draft, undecided_draft, write_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mixed(workspace):
    """The example drafts, one undecided, one protected and one damaged file."""
    undecided_draft(workspace / "Open/undecided.json")
    write_draft(workspace / "Secret/plan.json", passphrase=PASSPHRASE)
    (workspace / "broken.json").write_text("{nope", encoding="utf-8")
    return workspace


def _run(capsys, *args):
    status = cli_main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_lists_every_file_with_the_documented_keys(mixed, capsys):
    status, out, err = _run(capsys, "workspace", str(mixed), "--json")
    assert status == 0 and err == ""
    rows = {row["file"]: row for row in json.loads(out)}
    assert set(rows) == set(LAYOUT.values()) | {"Open/undecided.json", "Secret/plan.json", "broken.json"}
    for row in rows.values():
        assert set(COLUMNS) <= set(row) and row["open_comments"] is None
    cv = rows["TalentLens/cv ranking.json"]
    assert (cv["client"], cv["tier"], cv["complete"], cv["protected"], cv["kit"]) == \
        ("TalentLens B.V.", "high_risk", True, False, None)
    assert rows["Open/undecided.json"]["could_be"] and rows["Open/undecided.json"]["complete"] is False
    secret = rows["Secret/plan.json"]
    assert (secret["protected"], secret["state"], secret["client"], secret["tier"]) == (True, "protected", "", None)
    assert rows["broken.json"]["state"] == "damaged" and rows["broken.json"]["problem"]


def test_csv_has_the_documented_columns_and_a_row_per_file(mixed, capsys):
    status, out, _ = _run(capsys, "workspace", str(mixed), "--csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0][:len(COLUMNS)]) == COLUMNS
    by_file = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(by_file) == len(LAYOUT) + 3
    assert by_file["Open/undecided.json"]["tier"].startswith("Possibly")
    assert by_file["Open/undecided.json"]["could_be"]
    assert by_file["Secret/plan.json"]["protected"] == "yes" and by_file["Secret/plan.json"]["client"] == ""
    assert by_file["broken.json"]["state"].startswith("damaged")


def test_a_draft_for_several_jurisdictions_lists_each_ones_result(workspace, capsys):
    from app.workspace.packs import Packs

    several_draft(workspace / "Both/two.json", "utah_ai_lab")
    status, out, _ = _run(capsys, "workspace", str(workspace), "--json")
    rows = {row["file"]: row for row in json.loads(out)}
    assert status == 0 and all(set(COLUMNS) <= set(row) for row in rows.values())
    two = rows["Both/two.json"]
    assert [(j["pack"], set(j)) for j in two["jurisdictions"]] == [
        (pack_id, {"pack", "title", "tier", "tier_label", "could_be"}) for pack_id in ("eu_ai_act", "utah_ai_lab")]
    own = two["jurisdictions"][0]  # tier and could_be stay the own pack's, as before
    assert (two["tier"], two["tier_label"], two["could_be"]) == (own["tier"], own["tier_label"], own["could_be"])
    assert [j["pack"] for j in rows["TalentLens/cv ranking.json"]["jurisdictions"]] == ["eu_ai_act"]
    titles = {pack_id: Packs().for_id(pack_id).short_title for pack_id in ("eu_ai_act", "utah_ai_lab")}
    assert [j["title"] for j in two["jurisdictions"]] == list(titles.values())

    status, out, _ = _run(capsys, "workspace", str(workspace), "--csv")
    by_file = {row["file"]: row for row in csv.DictReader(io.StringIO(out))}
    words = catalogue.table("workspace")
    assert by_file["Both/two.json"]["tier"] == words["list_separator"].join(
        words["jurisdiction_tier"].format(jurisdiction=j["title"], tier=j["tier_label"]) for j in two["jurisdictions"])
    assert by_file["TalentLens/cv ranking.json"]["tier"] == rows["TalentLens/cv ranking.json"]["tier_label"]


def test_a_cell_that_would_run_as_a_spreadsheet_formula_is_written_as_text(workspace, capsys):
    write_draft(workspace / "x/evil.json", applicant__organisation="=HYPERLINK(\"http://example.com\")")
    _, out, _ = _run(capsys, "workspace", str(workspace), "--csv")
    row = next(r for r in csv.reader(io.StringIO(out)) if r[0] == "x/evil.json")
    assert row[1].startswith("'=")


def test_the_text_table_lists_every_file(mixed, capsys):
    status, out, _ = _run(capsys, "workspace", str(mixed))
    assert status == 0
    for name in [*LAYOUT.values(), "Secret/plan.json", "broken.json"]:
        assert name in out


def test_an_empty_folder_says_so(tmp_path, capsys):
    status, out, _ = _run(capsys, "workspace", str(tmp_path))
    assert status == 0 and str(tmp_path) in out and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [("workspace", "no/such/folder"), ("workspace", __file__),
                                  ("workspace", ".", "--json", "--csv"), ("workspace",)])
def test_a_wrong_folder_or_options_give_one_error_line_and_exit_2(args, capsys):
    status, out, err = _run(capsys, *args)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error:")


def test_the_command_runs_from_main_py_and_keeps_its_index_in_the_data_folder(workspace, tmp_path):
    data = tmp_path / "data"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "workspace", str(workspace),
                           "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == len(LAYOUT)
    assert list((data / "workspaces").glob("*.sqlite3"))
    assert not [p for p in workspace.rglob("*") if p.suffix not in (".json", "")]


def test_the_table_is_all_in_the_language(tmp_path, capsys):
    folder = tmp_path / "clients"
    (folder / "TalentLens").mkdir(parents=True)
    shutil.copyfile(EXAMPLES / "cv_screening.json", folder / "TalentLens/cv.json")
    catalogue.set_language("en-XA")
    try:
        from forms.loader import default_pack

        allowed = pack_ids(default_pack()) | typed_words(EXAMPLES / "cv_screening.json")
        status, out, _ = _run(capsys, "workspace", str(folder))
        assert status == 0 and plain_english(out, allowed) == set()
        status, out, _ = _run(capsys, "workspace", str(folder), "--csv")
        header, _, rows = out.partition("\n")
        assert status == 0 and plain_english(rows, allowed) == set()
        assert header.split(",")[:len(COLUMNS)] == list(COLUMNS)  # the documented names, in every language
    finally:
        catalogue.set_language("en")


def test_open_comments_counts_the_reviewer_s_comments_still_open_in_the_feedback_a_draft_keeps(workspace, capsys,
                                                                                               tmp_path):
    from app.session.draft_session import DraftSession
    from forms.loader import default_pack
    from tests.review import dossiers
    from tests.review.feedback_files import reviewer_writes_feedback

    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    feedback = reviewer_writes_feedback(dossier, tmp_path / "register.sqlite3", tmp_path / "cv.feedback.json")
    session = DraftSession(default_pack())
    assert session.open(workspace / "TalentLens/cv ranking.json").opened
    first = session.take_feedback(feedback).open_comments()[0]
    assert session.save()
    rows = {row["file"]: row for row in json.loads(_run(capsys, "workspace", str(workspace), "--json")[1])}
    assert rows["TalentLens/cv ranking.json"]["open_comments"] == 2  # of three, one resolved by the reviewer
    assert rows["Aino/chatbot.json"]["open_comments"] is None  # no feedback
    session.reply(first.id, "Answered.")  # answered: no longer open; the index reads the file again
    assert session.save()
    _, out, _ = _run(capsys, "workspace", str(workspace), "--csv")
    rows = {row["file"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["TalentLens/cv ranking.json"]["open_comments"] == "1" and rows["Aino/chatbot.json"]["open_comments"] == ""
