"""German and French are kept complete: every message, every text of the shipped packs and
provisions, and every text of the example kit has them; no translation drops or adds a
{placeholder}; and the translations follow the terms of the official versions of the law
(catalogue/terms/<lang>.yaml) wherever the English uses one. Each check is also shown to catch
what it is for, on a made-up case."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.kits.completeness import kit_text_pairs, untranslated_kit_texts
from catalogue import maintain
from catalogue.legal_terms import message_pairs, term_problems, terms
from forms.untranslated import translated_pairs, untranslated_pack_texts
from tests.kits.kitmaker import MANIFEST, entries, write_kit

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
KEPT = ("de", "fr")  # the languages kept complete (README: Languages)


@pytest.mark.parametrize("language", KEPT)
def test_every_message_has_a_translation(language):
    assert maintain.untranslated(language) == []  # else: python3 dev.py catalogue check LANG


@pytest.mark.parametrize("language", KEPT)
def test_every_text_of_the_shipped_packs_and_provisions_has_a_translation(language):
    assert untranslated_pack_texts(language) == []  # lines: "pack eu_ai_act: sections...." or "provisions: ..."


@pytest.mark.parametrize("language", KEPT)
def test_every_text_of_the_example_kit_has_a_translation(language):
    assert untranslated_kit_texts(NORDLAND, language) == []


def test_a_kit_s_missing_texts_are_listed_by_where_they_are(tmp_path):
    manifest = MANIFEST.replace("languages: [en]", "languages: [en, de]") + "translations: {de: de.yaml}\n"
    german = "kit:\n  sandbox: {name: Test-Reallabor}\nsections:\n  test:\n    title: Testabschnitt\n"
    kit = write_kit(tmp_path, entries(**{"kit.yaml": manifest, "de.yaml": german}))
    missing = untranslated_kit_texts(kit, "de")
    where = "kit test.kit: "
    assert where + "intro" in missing and where + "privacy" in missing  # one file for every language
    assert where + "kit.authority.name" in missing and where + "kit.sandbox.name" not in missing
    assert where + "kit.attachments.plan.title" in missing
    assert where + "sections.test.questions.test.sector.text" in missing
    assert where + "sections.test.title" not in missing
    assert untranslated_kit_texts(kit, "fr") == [where + "languages"]  # not offered in French at all


@pytest.mark.parametrize("language", KEPT)
def test_no_translated_message_drops_or_adds_a_placeholder(language):
    english = maintain.read_catalogue(maintain.ENGLISH, "en")
    for path in (maintain.LOCALE_DIR / language / "LC_MESSAGES").glob("messages.po"):
        assert maintain.translation_problems(english, language, maintain.read_catalogue(path, language)) == []


def test_a_dropped_or_an_added_placeholder_is_found_and_a_plural_may_leave_out_its_count():
    from babel.messages.catalog import Catalog

    english = maintain.read_catalogue(maintain.ENGLISH, "en")
    german = Catalog(locale="de")
    german.add("qt.saved", "Gespeichert")  # {path} dropped
    german.add("qt.untitled", "Neuer Entwurf {name}")  # {name} added
    german.add(("cli.more_problems", "cli.more_problems"), ("ein weiteres Problem", "{count} weitere Probleme"))
    problems = maintain.translation_problems(english, "de", german)
    assert len(problems) == 2
    assert "'qt.saved'" in problems[0] and "path" in problems[0]
    assert "'qt.untitled'" in problems[1] and "name" in problems[1]


@pytest.mark.parametrize("language", KEPT)
def test_the_translations_follow_the_terms_of_the_law(language):
    assert terms(language), f"catalogue/terms/{language}.yaml lists no terms"
    pairs = message_pairs(language) + translated_pairs(language) + kit_text_pairs(NORDLAND, language)
    assert len(pairs) > 2000  # every message, pack text, provision and kit text
    assert term_problems(language, pairs) == []


def test_a_translation_that_leaves_out_a_term_is_found_and_names_and_placeholders_are_not_read():
    pairs = [("a", "The deployer informs the people concerned.", "Der Nutzer informiert die betroffenen Personen."),
             ("b", "Deployers inform the people concerned.", "Betreiber informieren die betroffenen Personen."),
             ("c", "Made with Sandbox Applicant Kit for the {sandbox}.", "Erstellt mit Sandbox Applicant Kit: {sandbox}."),
             ("d", "Ask the supervisory authority.", "Fragen Sie die Datenschutzaufsichtsbehörde.")]
    problems = term_problems("de", pairs)
    assert len(problems) == 1 and problems[0].startswith("de: a: ") and "'deployer'" in problems[0]
