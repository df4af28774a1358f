"""The catalogue: ids the code uses exist with the placeholders it fills in, the compiled files match
their sources, and lookups, plurals, tables, languages and the pseudo-language behave."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import catalogue
from catalogue import MessageError, lazy, ntr, pseudo, table, tr
from catalogue.languages import normalise, system_language


@pytest.fixture
def language():
    """Switch the language inside a test; English again afterwards."""
    yield catalogue.set_language
    catalogue.set_language("en")


def test_every_id_the_code_names_is_in_the_english_catalogue_with_the_placeholders_it_fills_in():
    from catalogue import maintain
    from catalogue.extract import uses

    found = uses()
    assert len(found) > 300  # the reader finds the code's messages at all
    assert maintain.code_problems(maintain.read_catalogue(maintain.ENGLISH, "en"), found) == []


def test_the_checker_names_a_missing_id_and_a_placeholder_that_does_not_fit(tmp_path):
    from catalogue import maintain
    from catalogue.extract import uses

    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "mod.py").write_text(
        'from catalogue import table, tr\nTEXT = table("qt")\n'
        'tr("qt.no_such_message")\nTEXT["saved"].format(where="x")\nTEXT["saved"].format(path="x")\n',
        encoding="utf-8")
    found = uses(tmp_path)
    problems = maintain.code_problems(maintain.read_catalogue(maintain.ENGLISH, "en"), found)
    assert len(problems) == 2
    assert "'qt.no_such_message'" in problems[0] and "mod.py:3" in problems[0]
    assert "'qt.saved'" in problems[1] and "mod.py:4" in problems[1]


def test_the_compiled_catalogues_are_those_of_their_sources():
    from catalogue import maintain

    assert maintain.stale_mo() == []  # else: python3 dev.py catalogue


def test_a_translation_must_keep_its_placeholders():
    from babel.messages.catalog import Catalog

    from catalogue import maintain

    english = maintain.read_catalogue(maintain.ENGLISH, "en")
    german = Catalog(locale="de")
    german.add("qt.saved", "Gespeichert unter {pfad}")
    german.add("qt.untitled", "Neuer Entwurf")
    problems = maintain.translation_problems(english, "de", german)
    # {pfad} cannot be filled in, and the {path} the English has is left out.
    assert len(problems) == 2 and all("'qt.saved'" in p for p in problems)
    assert "pfad" in problems[0] and "path" in problems[1]


def test_strict_mode_refuses_a_missing_id_and_parameters_that_do_not_fit():
    with pytest.raises(MessageError):
        tr("qt.no_such_message")
    with pytest.raises(MessageError):
        tr("qt.saved")  # {path} not given
    with pytest.raises(MessageError):
        tr("qt.saved", path="x", where="y")  # a parameter the message does not take


def test_without_strict_mode_the_user_sees_the_id_and_a_message_filled_in_as_far_as_it_goes(monkeypatch):
    monkeypatch.delenv(catalogue.STRICT_VARIABLE)
    assert tr("qt.no_such_message") == "qt.no_such_message"
    assert "{path}" in tr("qt.saved")
    assert tr("qt.saved", path="/x/y.json", where="z").count("/x/y.json") == 1


def test_a_plural_takes_the_form_its_count_needs():
    one, two = ntr("cli.more_problems", 1), ntr("cli.more_problems", 2)
    assert "1" in one and "2" in two and one.replace("1", "2") != two


def test_a_table_looks_each_key_up_and_a_prefix_gives_the_table_under_it():
    conditions = table("conditions")
    assert conditions["yes_no"]["yes"] == tr("conditions.yes_no.yes")
    assert set(conditions["yes_no"]) == {"yes", "no", "unsure"}
    assert conditions["yes_no"].get("maybe", "-") == "-"
    with pytest.raises(KeyError):
        table("qt")["no_such_key"]


def test_tables_and_lazy_texts_made_at_import_follow_a_later_change_of_language(language):
    from app.qt.texts import TEXT
    from risk_tiers import texts

    english = TEXT["save"]
    language("en-XA")
    assert TEXT["save"] == pseudo(english) != english
    assert str(texts.BECAUSE).startswith("[")


def test_language_codes_are_read_as_gettext_writes_them(monkeypatch):
    assert normalise("de-DE") == normalise("de_DE.UTF-8") == normalise("de_de@euro") == "de_DE"
    assert normalise("en-XA") == "en_XA" and normalise("pt") == "pt"
    assert normalise("C") is normalise("POSIX") is normalise("") is normalise("not a language") is None
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert system_language() == "fr_BE"
    monkeypatch.setenv("LANGUAGE", "nl:fr")
    assert system_language() == "nl"


def test_the_option_wins_over_the_variable_and_a_language_without_messages_reads_english(language, monkeypatch):
    monkeypatch.setenv(catalogue.LANGUAGE_VARIABLE, "en-XA")
    assert language(None) == "en_XA"
    assert language("xx") == "xx"
    assert tr("qt.untitled") == catalogue.template("qt.untitled")
    language("en")
    english = tr("qt.untitled")
    language("xx_YY")
    assert tr("qt.untitled") == english


def test_the_pseudo_language_accents_every_letter_and_keeps_placeholders_and_markup():
    text = "Page {page} of {pages:>3}: <b>%(prog)s</b> &amp; &Save\u2026"
    shown = pseudo(text)
    assert shown.startswith("[") and shown.endswith("]")
    for kept in ("{page}", "{pages:>3}", "<b>", "</b>", "%(prog)s", "&amp;"):
        assert kept in shown
    outside = re.sub(r"\{[^}]*\}|<[^>]*>|%\([a-z]+\)s|&amp;", "", shown)
    assert not re.search("[A-Za-z]", outside)
    assert len(shown) > len(text) * 1.2  # longer, as longer languages are
    assert pseudo("; ") == "; " and pseudo("  (none)").startswith("  [")


def test_dates_and_numbers_follow_the_language(language):
    from catalogue.formats import format_date, format_number

    day = dt.date(2026, 8, 2)
    language("en")
    english = format_date(day), format_number(1234.5)
    language("de_DE")
    german = format_date(day), format_number(1234.5)
    assert english != german and all("2026" in text for text in (english[0], german[0]))
    assert german[1] == "1.234,5" and english[1] == "1,234.5"
    language("en-XA")
    assert not re.search("[A-Za-z]", format_date(day))


def test_lazy_text_reads_like_the_string_it_stands_for():
    separator = lazy("engine.list_separator")
    assert separator.join(["a", "b"]) == "a" + str(separator) + "b"
    assert f"{separator}" == str(separator) and separator == str(separator)


def test_messages_cost_no_babel_at_start_up():
    """Looking messages up reads the compiled catalogue with the standard library only; Babel
    (a tenth of a second to import) loads when a date or a number is formatted."""
    import subprocess
    import sys

    code = ("import sys, catalogue\ncatalogue.set_language('de')\ncatalogue.tr('qt.save')\n"
            "catalogue.set_language('en-XA')\ncatalogue.ntr('cli.more_problems', 3)\n"
            "assert not [m for m in sys.modules if m.startswith('babel')], 'babel imported'\n"
            "from catalogue.formats import format_number\nformat_number(3)\nassert 'babel' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=catalogue.LOCALE_DIR.parents[1], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
