"""In the pseudo-language en-XA the command line and the dossier show no plain English outside what
the applicant typed: whatever escaped the catalogue would stand out here. (The wizard: tests/qt.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import catalogue
from tests.pseudo_text import WORD, pack_ids, plain_english, typed_words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
BROKEN_PACKS = ROOT / "tests" / "core" / "broken_packs"


@pytest.fixture
def pseudo_language():
    catalogue.set_language("en-XA")
    from forms.loader import default_pack

    yield default_pack()
    catalogue.set_language("en")


@pytest.fixture
def allowed(pseudo_language):
    return pack_ids(pseudo_language) | typed_words(EXAMPLE)


def run_cli(capsys, *args: str) -> tuple[int, str]:
    from app.commands.main import main

    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("args", [
    ("classify", str(EXAMPLE)), ("questions",), ("validate", str(EXAMPLE)), ("backups", str(EXAMPLE)),
])
def test_command_output_is_all_in_the_language(args, allowed, capsys):
    status, output = run_cli(capsys, *args)
    assert status == 0
    assert output.strip() and plain_english(output, allowed) == set()


@pytest.mark.parametrize("command", ["", "questions", "classify", "validate", "protect", "unprotect", "backups",
                                     "restore", "export", "import", "packs", "sign", "verify", "review",
                                     "workspace", "schema"])
def test_help_is_all_in_the_language_argparse_words_included(command, allowed, capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, *([command] if command else []), "--help")
    output = capsys.readouterr().out
    assert "--help" in output and plain_english(output, allowed) == set()


def test_a_review_is_all_in_the_language(pseudo_language, allowed, capsys, tmp_path):
    from app.dossier.export import export_dossier
    from app.storage.drafts import load_draft

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    export_dossier(load_draft(EXAMPLE), pseudo_language, inbox / "dossier.pdf")
    (inbox / "notes.txt").write_text("not a dossier", encoding="utf-8")
    (inbox / "damaged.pdf").write_bytes(b"%PDF-1.4 broken")
    status, output = run_cli(capsys, "review", str(inbox))
    assert status == 0 and output.count("\n") >= 3
    assert plain_english(output, allowed) == set()


def test_errors_are_in_the_language(allowed, capsys, tmp_path):
    protected = tmp_path / "protected.json"
    shutil.copy(EXAMPLE, protected)
    secret = tmp_path / "secret.txt"
    secret.write_text("a passphrase\n", encoding="utf-8")
    assert run_cli(capsys, "protect", str(protected), "--passphrase-file", str(secret))[0] == 0
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    cases = [("classify",), ("restore", str(EXAMPLE), "9"), ("import", str(EXAMPLE)),
             ("classify", str(protected)), ("classify", str(protected), "--passphrase-file", str(empty)),
             ("classify", str(EXAMPLE), "--no-such-option"), ("restore", str(EXAMPLE), "one")]
    for case in cases:
        status, output = run_cli(capsys, *case)
        assert status == 2, case
        assert len(output.strip().splitlines()) == 1, case
        assert plain_english(output, allowed) == set(), case


def _written_in(folder: Path) -> set[str]:
    """The words of a pack's files that are its ids, keys and values: not its comments, nor its
    texts (which are quoted in these packs)."""
    words: set[str] = set()
    for path in folder.glob("*.yaml"):
        words |= set(WORD.findall(re.sub(r'#.*|"[^"\n]*"', " ", path.read_text(encoding="utf-8"))))
    return words


def test_a_broken_pack_is_refused_in_the_language(capsys):
    """What a pack's author reads when a pack does not load (`--pack`, as the wizard's pack error
    shows it too): apart from paths, the pack's ids and values, all of it from the catalogue."""
    folders = sorted(p for p in BROKEN_PACKS.iterdir() if p.is_dir())
    refused: dict[str, tuple[str, str]] = {}
    for language in ("en", "en-XA"):
        catalogue.set_language(language)
        try:
            for folder in folders:
                status, output = run_cli(capsys, "--pack", str(folder), "questions")
                assert status == 2 and len(output.strip().splitlines()) == 1, output
                refused[folder.name] = (*refused.get(folder.name, ()), output)
        finally:
            catalogue.set_language("en")
    for folder in folders:
        english, pseudo_text = refused[folder.name]
        assert plain_english(english, _written_in(folder)), english  # the check would see English
        assert plain_english(pseudo_text, _written_in(folder)) == set(), pseudo_text


def test_the_wizards_part_of_the_help_and_an_option_error_follow_the_option(allowed):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for args, status in ((["--lang", "en-XA", "-h"], 0), (["--lang", "en-XA", "--data-dir"], 2)):
        done = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == status
        assert plain_english(done.stdout + done.stderr, allowed) == set(), args


def test_the_dossier_is_all_in_the_language(pseudo_language, allowed, tmp_path):
    from pypdf import PdfReader

    from app.dossier.export import export_dossier
    from app.storage.drafts import load_draft

    out = tmp_path / "dossier.pdf"
    export_dossier(load_draft(EXAMPLE), pseudo_language, out)
    reader = PdfReader(str(out))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 5
    assert plain_english(text, allowed) == set()
    assert json.loads(reader.attachments["draft.json"][0])["answers"]  # the data inside is not translated


def test_the_html_dossier_is_all_in_the_language(pseudo_language, allowed, tmp_path):
    """What a reader sees or hears of the page (its text, its title, the words of its attributes)."""
    from app.formats.files import export_html
    from app.storage.drafts import load_draft
    from tests.formats.page import read

    out = tmp_path / "dossier.html"
    export_html(load_draft(EXAMPLE), pseudo_language, out)
    page = read(out.read_text(encoding="utf-8"))
    assert page.lang == "en-XA" and len(page.headings) > 20
    assert plain_english(page.text, allowed) == set()


def test_the_check_would_see_english(capsys):
    """The same check in English finds plenty: the tests above can fail."""
    from forms.loader import default_pack

    status, output = run_cli(capsys, "classify", str(EXAMPLE))
    assert status == 0
    assert len(plain_english(output, pack_ids(default_pack()) | typed_words(EXAMPLE))) > 20
