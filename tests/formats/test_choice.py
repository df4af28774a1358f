"""Which format an export writes: the one chosen, else the one the file's name says, else the PDF;
a name that says another format, or a format we do not write, is one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.formats.choice import named_format, with_suffix

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "customer_chatbot.json"


def test_the_name_says_the_format():
    assert [named_format(Path(n)) for n in ("a.pdf", "a.PDF", "a.html", "a.htm", "a.json", "a", "a.docx")] == [
        "pdf", "pdf", "html", "html", "json", None, None]
    assert with_suffix(Path("x/dossier"), "html") == Path("x/dossier.html")
    assert with_suffix(Path("x/dossier.HTM"), "html") == Path("x/dossier.HTM")
    assert with_suffix(Path("x/dossier.v2"), "json") == Path("x/dossier.v2.json")


def _export(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "export", str(EXAMPLE), *args], cwd=ROOT, capture_output=True,
                          text=True)


@pytest.mark.parametrize("args, name, start", [
    (["--format", "json"], "out.pdf", b"{"),   # the format chosen wins over the name
    ([], "out", b"%PDF-"),                     # no extension: the PDF, as before
    ([], "out.JSON", b"{"),
])
def test_the_format_written(tmp_path, args, name, start):
    done = _export(tmp_path, *args, "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes().startswith(start)


@pytest.mark.parametrize("args", [["-o", "out.docx"], ["--format", "docx", "-o", "out.pdf"]])
def test_an_unknown_format_is_one_line_and_writes_nothing(tmp_path, args):
    args = [str(tmp_path / a) if a.startswith("out") else a for a in args]
    done = _export(tmp_path, *args)
    assert done.returncode == 2 and done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    assert "docx" in done.stderr and list(tmp_path.iterdir()) == []


def test_a_dialogs_answer_the_name_says_else_the_type_chosen():
    from app.formats.choice import target

    assert target(Path("d/x"), "html") == (Path("d/x.html"), "html")
    assert target(Path("d/x.json"), "pdf") == (Path("d/x.json"), "json")
    assert target(Path("d/x.final"), "pdf") == (Path("d/x.final.pdf"), "pdf")
