"""`python main.py review PATH [--csv OUT] [--json] [--register URL]` on a folder of good, changed,
older and broken dossiers and files that are no dossier: one row each with the right status, the
CSV's columns exactly, and a second look taken from the register without reading the files."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands.main import main
from app.review.summary import COLUMNS
from tests.review import dossiers

ROOT = Path(__file__).resolve().parents[2]
# File name -> the status its row must have (the folder `inbox` below).
EXPECTED = {
    "good.pdf": "ok", "copy of good.pdf": "ok", "changed.pdf": "changed", "older.pdf": "printed_unreadable",
    "forged result.pdf": "differs", "no fingerprint.pdf": "no_fingerprint", "letter.txt": "not_pdf",
    "damaged.pdf": "damaged", "other tool.pdf": "no_draft", "bomb.pdf": "inflates", "robot.pdf": "unknown_pack",
    "newer.pdf": "newer_format", "sub/chatbot.pdf": "ok", "signed.pdf": "ok", "self signed.pdf": "ok",
    "signed then changed.pdf": "signature_broken",
}
SIGNATURES = {"signed.pdf": "trusted", "self signed.pdf": "self_signed", "signed then changed.pdf": "changed_after_signing",
              "good.pdf": "unsigned", "letter.txt": "not_checked", "damaged.pdf": "not_checked"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return dossiers.sample_dossiers(tmp_path_factory.mktemp("made"))


@pytest.fixture
def inbox(made, tmp_path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    cv = made["cv"]
    dossiers.copy(cv, folder / "good.pdf")
    dossiers.copy(cv, folder / "copy of good.pdf")
    dossiers.with_changed_data(cv, folder / "changed.pdf", "TalentLens B.V.", "Other B.V.")
    dossiers.with_metadata(cv, folder / "older.pdf", SandboxKitResult=None)
    printed = json.loads(dossiers.metadata(cv)["/SandboxKitResult"])
    printed["tracks"][0]["outcome"] = "minimal"
    dossiers.with_metadata(cv, folder / "forged result.pdf", SandboxKitResult=json.dumps(printed))
    dossiers.with_metadata(cv, folder / "no fingerprint.pdf", SandboxKitFingerprint=None)
    (folder / "letter.txt").write_text("Dear reviewer,\n", encoding="utf-8")
    dossiers.truncated(cv, folder / "damaged.pdf")
    dossiers.other_tool_pdf(folder / "other tool.pdf")
    dossiers.bomb(cv, folder / "bomb.pdf")
    dossiers.copy(made["robot"], folder / "robot.pdf")
    dossiers.crafted(folder / "newer.pdf", dossiers.draft_json(dossiers.EXAMPLES / "cv_screening.json",
                                                              format_version=99))
    dossiers.copy(made["chatbot"], folder / "sub" / "chatbot.pdf")
    dossiers.copy(made["signed"], folder / "signed.pdf")
    dossiers.copy(made["self signed"], folder / "self signed.pdf")
    (folder / "signed then changed.pdf").write_bytes(made["signed"].read_bytes() + b"%a later addition\n")
    (folder / ".good.pdf.x1y2z3a4.tmp").write_bytes(b"a save in progress")  # hidden: not a row
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def rows_of(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        return reader.fieldnames, list(reader)


def test_a_folder_of_anything_gives_the_csv_with_a_status_per_file(inbox, made, tmp_path, capsys):
    out = tmp_path / "summary.csv"
    status, printed, errors = run(capsys, "review", inbox, "--csv", out, "--trust", made["ca"])
    assert status == 0 and errors == ""
    header, rows = rows_of(out)
    assert tuple(header) == COLUMNS
    by_file = {Path(row["file"]).relative_to(inbox).as_posix(): row for row in rows}
    assert {name: row["status"] for name, row in by_file.items()} == EXPECTED
    good = by_file["good.pdf"]
    assert good == {"file": str(inbox / "good.pdf"), "applicant": "TalentLens B.V.", "system": "TalentLens CV ranking",
                    "kit": "", "tier": "high_risk", "recomputed_tier": "high_risk", "could_be": "", "jurisdictions": "",
                    "open_points": "1",
                    "complete": "true", "fingerprint_valid": "true", "signature": "unsigned", "status": "ok"}
    assert {name: by_file[name]["signature"] for name in SIGNATURES} == SIGNATURES
    assert by_file["changed.pdf"]["fingerprint_valid"] == "false"
    assert by_file["changed.pdf"]["applicant"] == "Other B.V."
    assert by_file["forged result.pdf"]["tier"] == "minimal"
    assert by_file["older.pdf"]["tier"] == "High-risk"  # the headline printed, all an older dossier has
    assert by_file["letter.txt"]["fingerprint_valid"] == "" and by_file["letter.txt"]["applicant"] == ""
    assert f"{len(EXPECTED)} files" in printed


def test_json_gives_the_same_rows_with_why(inbox, capsys):
    status, printed, _ = run(capsys, "review", inbox, "--json")
    rows = json.loads(printed)
    assert status == 0 and len(rows) == len(EXPECTED)
    for row in rows:
        assert list(row)[:len(COLUMNS)] == list(COLUMNS) and set(row) == set(COLUMNS) | {"details"}
    good = next(r for r in rows if r["file"].endswith("/good.pdf"))
    assert good["open_points"] == 1 and good["complete"] is True and good["fingerprint_valid"] is True
    assert good["details"]["fingerprint"] and good["details"]["differences"] == []
    forged = next(r for r in rows if r["file"].endswith("forged result.pdf"))
    assert {"between": "printed_recomputed", "kind": "outcome", "track": "tier", "before": "minimal",
            "after": "high_risk"} in forged["details"]["differences"]
    bomb = next(r for r in rows if r["file"].endswith("bomb.pdf"))
    assert "20 MB" in bomb["details"]["message"]


def test_the_table_names_each_file_with_its_status_and_why(inbox, capsys):
    status, printed, _ = run(capsys, "review", inbox)
    assert status == 0
    lines = printed.splitlines()
    assert lines[0].split()[0] == "File"
    row = next(line for line in lines if line.startswith(str(inbox / "forged result.pdf")))
    assert "Minimal risk" in row and "High-risk" in row and row.rstrip().endswith("printed result differs")
    assert any("bomb.pdf: the data inside would unpack" in line for line in lines)
    assert any("printed, then recomputed" in line and "Minimal risk → High-risk" in line for line in lines)


def test_a_second_look_comes_from_the_register_and_a_changed_file_is_read_again(inbox, tmp_path, capsys):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    run(capsys, "review", inbox, "--csv", first)
    status, printed, _ = run(capsys, "review", inbox, "--csv", second)
    assert status == 0 and f"{len(EXPECTED)} files: 0 read, {len(EXPECTED)} unchanged" in printed
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    later = os.stat(inbox / "good.pdf").st_mtime_ns + 5_000_000_000
    os.utime(inbox / "good.pdf", ns=(later, later))
    (inbox / "letter.txt").unlink()
    _, printed, _ = run(capsys, "review", inbox)
    assert f"{len(EXPECTED) - 1} files: 1 read, {len(EXPECTED) - 2} unchanged" in printed


def test_a_missing_register_is_made_again_from_the_files(inbox, tmp_path, private_data_dir, capsys):
    first, again = tmp_path / "first.csv", tmp_path / "again.csv"
    run(capsys, "review", inbox, "--csv", first)
    (private_data_dir / "register.sqlite3").unlink()
    _, printed, _ = run(capsys, "review", inbox, "--csv", again)
    assert f"{len(EXPECTED)} read" in printed
    assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_a_pack_installed_since_makes_its_dossiers_be_read_again(inbox, tmp_path, private_data_dir, capsys):
    out = tmp_path / "summary.csv"
    run(capsys, "review", inbox)
    dossiers.install_robot_law(private_data_dir / "packs", "2.1")
    _, printed, _ = run(capsys, "review", inbox, "--csv", out)
    assert f"{len(EXPECTED)} files: 1 read" in printed
    robot = next(row for row in rows_of(out)[1] if row["file"].endswith("robot.pdf"))
    assert (robot["status"], robot["recomputed_tier"]) == ("ok", "licence_needed")


def test_one_dossier_alone(made, capsys):
    status, printed, _ = run(capsys, "review", made["cv"], "--json")
    assert status == 0 and [row["status"] for row in json.loads(printed)] == ["ok"]


def test_the_register_may_be_named_on_review_and_in_the_settings(inbox, tmp_path, private_data_dir, capsys):
    named = tmp_path / "team" / "register.sqlite3"
    status, printed, _ = run(capsys, "review", inbox, "--register", f"sqlite:///{named}")
    assert status == 0 and named.exists() and str(named) in printed
    assert not (private_data_dir / "register.sqlite3").exists()
    private_data_dir.mkdir(exist_ok=True)
    in_settings = tmp_path / "settings register.sqlite3"
    (private_data_dir / "settings.ini").write_text(f'[General]\nx=1\n\n[register]\nurl="{in_settings}"\n')
    status, printed, _ = run(capsys, "review", inbox)
    assert status == 0 and in_settings.exists() and f"{len(EXPECTED)} read" in printed


def test_the_register_may_be_named_before_any_command(inbox, tmp_path):
    named = tmp_path / "global.sqlite3"
    env = {**os.environ, "SANDBOX_KIT_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "main.py", "--register", str(named), "review", str(inbox / "good.pdf")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert named.exists() and not (tmp_path / "data" / "register.sqlite3").exists()
    missing = subprocess.run([sys.executable, "main.py", "review", str(inbox), "--register"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and missing.stderr.startswith("error: --register needs")


@pytest.mark.parametrize("args, words", [
    (["review", "no such folder"], "no such file or folder"),
    (["review", ".", "--register", "mysql://reviewer@db/register"], "not a register"),
    (["review", ".", "--register", "postgresql://reviewer:s3cret@/register?host=/nowhere"], "cannot be used"),
])
def test_what_stops_the_command_is_one_line(args, words, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, printed, errors = run(capsys, *args)
    assert status == 2 and printed == ""
    assert errors.startswith("error: ") and errors.count("\n") == 1 and words in errors
    assert "s3cret" not in errors


def test_a_register_on_postgresql_gives_the_same_summary(inbox, tmp_path, postgres, capsys):
    on_sqlite, on_postgres = tmp_path / "sqlite.csv", tmp_path / "postgres.csv"
    run(capsys, "review", inbox, "--csv", on_sqlite)
    url = postgres.new_database()
    assert run(capsys, "review", inbox, "--csv", on_postgres, "--register", url)[0] == 0
    assert on_postgres.read_text(encoding="utf-8") == on_sqlite.read_text(encoding="utf-8")
    _, printed, _ = run(capsys, "review", inbox, "--register", url)
    assert f"{len(EXPECTED)} files: 0 read" in printed



def test_the_certificates_trusted_are_the_reviewer_s_and_a_new_one_reads_signatures_again(inbox, made, tmp_path,
                                                                                          private_data_dir, capsys):
    out = tmp_path / "summary.csv"
    run(capsys, "review", inbox)
    (private_data_dir / "trusted_certificates").mkdir(parents=True)
    (private_data_dir / "trusted_certificates" / "ca.pem").write_bytes(made["ca"].read_bytes())
    _, printed, _ = run(capsys, "review", inbox, "--csv", out)
    assert f"{len(EXPECTED)} read" in printed
    signed = next(row for row in rows_of(out)[1] if row["file"].endswith("/signed.pdf"))
    assert signed["signature"] == "trusted"
    bad = tmp_path / "not a certificate.pem"
    bad.write_text("hello")
    status, _, errors = run(capsys, "review", inbox, "--trust", bad)
    assert status == 2 and errors.count("\n") == 1
