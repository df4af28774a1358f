"""The command line as a user runs it: JSON output keys, and one `error:` line with exit 2 on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


def _run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_questions_json_lists_sections_with_question_ids():
    done = _run("questions", "--json")
    assert done.returncode == 0, done.stderr
    assert "role.roles" in done.stdout


def test_classify_json_has_the_documented_keys():
    done = _run("classify", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"tier", "gpai", "findings", "obligations", "open_points"} <= set(result)
    for finding in result["findings"]:
        assert {"tier", "refs", "reason", "because"} <= set(finding)


def _bad_drafts(tmp_path):
    good = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    cases = {"missing": None, "not_json": "{nope", "wrong_schema": json.dumps({"format": "x"})}
    for name, change in {"unknown_question": ("no.such.question", "yes"),
                         "foreign_option": ("annex3.areas", ["no_such_area"]),
                         "wrong_kind": ("system.infers", 42)}.items():
        draft = json.loads(json.dumps(good))
        draft["answers"][change[0]] = {"value": change[1], "note": ""}
        cases[name] = json.dumps(draft)
    paths = {}
    for name, text in cases.items():
        path = tmp_path / f"{name}.json"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.mark.parametrize("command", ["classify", "validate"])
def test_each_bad_draft_gives_one_error_line_and_exit_2(tmp_path, command):
    for name, path in _bad_drafts(tmp_path).items():
        done = _run(command, str(path))
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, name
        assert len(lines) == 1 and lines[0].startswith("error:"), (name, done.stderr)
        assert "Traceback" not in done.stderr


def test_main_knows_every_command_so_a_file_named_like_one_is_not_opened_as_a_draft(tmp_path, monkeypatch):
    # main.py decides between the wizard and the command line without importing the command line
    # (it would cost start-up time), so it keeps the names itself; they must not drift apart.
    import argparse

    import main
    from app.commands.main import build_parser

    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert {"protect", "unprotect", "backups", "restore", "export", "import"} <= set(commands.choices)
    assert set(commands.choices) <= main.COMMANDS
    monkeypatch.chdir(tmp_path)
    for name in commands.choices:
        (tmp_path / name).write_text("{}", encoding="utf-8")
        assert not main.opens_wizard([name])


def _incomplete(tmp_path):
    """The CV-screening example without two required answers, in two sections."""
    draft = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for gone in ("applicant.system_name", "plan.exit_report"):
        del draft["answers"][gone]
    path = tmp_path / "incomplete.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    return path


def test_validate_lists_the_missing_required_answers_and_still_exits_0(tmp_path, pack):
    done = _run("validate", str(_incomplete(tmp_path)), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    questions = {q.id: (s.id, q.text) for s in pack.sections for q in s.questions}
    assert [(m["question"], m["section"], m["text"]) for m in result["missing"]] == [
        ("applicant.system_name", *questions["applicant.system_name"]),
        ("plan.exit_report", *questions["plan.exit_report"])]
    assert (result["valid"], result["complete"], result["required"] - result["given"]) == (True, False, 2)


def test_validate_says_how_many_are_missing_on_one_line_and_names_them(tmp_path):
    done = _run("validate", str(_incomplete(tmp_path)))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].startswith("2 of ")
    assert "applicant.system_name" in lines[2] and "plan.exit_report" in lines[3]
    complete = _run("validate", str(EXAMPLE))
    assert complete.returncode == 0 and len(complete.stdout.splitlines()) == 2
    assert "applicant.system_name" not in complete.stdout


def test_validate_json_of_a_bad_draft_is_still_one_error_line(tmp_path):
    done = _run("validate", str(_bad_drafts(tmp_path)["wrong_kind"]), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error:")


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path):
    """`classify DRAFT | head -1`: the reader closes the pipe early; no traceback follows."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    command = (f"{sys.executable} main.py classify resources/examples/cv_screening.json | head -1")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SANDBOX_KIT_DATA_DIR": str(tmp_path)})
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


# Every command that prints, with what it needs: the reader goes away before it has read anything.
_PRINTING = {
    "help": ["-h"], "command_help": ["classify", "-h"], "questions": ["questions"],
    "classify": ["classify", "{draft}"], "classify_json": ["classify", "{draft}", "--json"],
    "validate": ["validate", "{draft}"], "packs": ["packs"], "backups": ["backups", "{draft}"],
    "import": ["import", "{dossier}"], "verify": ["verify", "{dossier}"], "review": ["review", "{folder}"],
    "error": ["classify", "{folder}/missing.json"],
}


@pytest.fixture(scope="module")
def printing_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("printing")
    done = _run("export", str(EXAMPLE), "-o", str(folder / "dossier.pdf"))
    assert done.returncode == 0, done.stderr
    return {"draft": str(EXAMPLE), "dossier": str(folder / "dossier.pdf"), "folder": str(folder)}


@pytest.mark.parametrize("name", sorted(_PRINTING))
def test_every_command_ends_quietly_when_its_reader_has_gone(name, printing_inputs, tmp_path):
    """`python main.py ... | true`: the pipe is closed before the first line is written, whether
    Python buffers its output (the default) or not (PYTHONUNBUFFERED, as some shells set it)."""
    import shlex

    args = [arg.format(**printing_inputs) for arg in _PRINTING[name]]
    command = f"{shlex.quote(sys.executable)} main.py {' '.join(shlex.quote(a) for a in args)} | true"
    for unbuffered in ("", "1"):
        env = {"PATH": "/usr/bin:/bin", "SANDBOX_KIT_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": unbuffered}
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, (unbuffered, done.stderr)
        assert "Exception ignored" not in done.stderr, (unbuffered, done.stderr)
