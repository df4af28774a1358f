"""A dossier in another language than the one in use: `export --dossier-lang LANG` (and the wizard's
choice, app/qt/dossier_language.py) writes the application's words in LANG and leaves the answers
as they were written; the dossier says which language they are in. Languages this application has
not, and with a kit those the kit is not offered in, are refused with one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import catalogue
from app.commands.main import main
from app.formats.languages import LanguageError, checked_language, default_dossier_language, dossier_languages
from app.kits.kit import load_kit
from app.storage.drafts import load_draft
from catalogue import speaking, tr
from catalogue.formats import format_date, language_name
from tests.kits.kitmaker import write_kit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


def test_the_languages_offered_are_the_shipped_ones_and_with_a_kit_those_it_is_offered_in(tmp_path):
    assert dossier_languages() == catalogue.shipped_languages()
    assert checked_language("de_CH") == "de" and checked_language("fr") == "fr"
    with pytest.raises(LanguageError):
        checked_language("it")
    with pytest.raises(LanguageError):
        checked_language("not a language")
    english_only = load_kit(write_kit(tmp_path))  # offered in English only
    assert dossier_languages(english_only) == ("en",)
    with pytest.raises(LanguageError) as refused:
        checked_language("fr", english_only)
    assert str(refused.value) == tr("dossier.language.not_offered", language="fr", kit="Test Sandbox", languages="en")
    assert set(dossier_languages(load_kit(NORDLAND))) == {"en", "de", "fr"}


def test_the_default_is_the_language_in_use_unless_the_kit_is_not_offered_in_it(tmp_path):
    english_only = load_kit(write_kit(tmp_path))
    with speaking("fr"):
        assert default_dossier_language() == "fr"
        assert default_dossier_language(english_only) == "en"


def test_a_json_dossier_in_another_language_keeps_the_answers_as_written(tmp_path):
    out = tmp_path / "dossier.json"
    assert main(["export", str(EXAMPLE), "--dossier-lang", "fr", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["language"] == "fr" and catalogue.language() == "en"  # the command line still speaks English
    draft = load_draft(EXAMPLE)
    assert data["draft"]["answers"] == json.loads(draft.to_json())["answers"]


def test_a_pdf_in_french_and_in_german_says_the_answers_are_in_english_and_writes_dates_its_way(tmp_path):
    from pypdf import PdfReader

    for code in ("fr", "de"):
        out = tmp_path / f"{code}.pdf"
        assert main(["export", str(EXAMPLE), "--dossier-lang", code, "-o", str(out)]) == 0
        cover = " ".join(PdfReader(out).pages[0].extract_text().split())
        with speaking(code):
            assert tr("dossier.answers_language") in cover
            assert language_name("en") in cover
            # Dates as the language writes them: "19. Oktober 2026", "19 octobre 2026".
            assert format_date(load_draft(EXAMPLE).modified.date(), "long") in cover


def test_a_language_that_cannot_be_had_is_one_error_line(tmp_path, capsys):
    out = tmp_path / "dossier.pdf"
    assert main(["export", str(EXAMPLE), "--dossier-lang", "it", "-o", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "'it'" in error and not out.exists()
    kit = write_kit(tmp_path)
    assert main(["--kit", str(kit), "export", str(EXAMPLE), "--dossier-lang", "de", "-o", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.endswith(tr("dossier.language.not_offered", language="de", kit="Test Sandbox", languages="en"))
    assert not out.exists()
