"""Pack texts per language: an overlay replaces texts by item id and field, English stays where it
says nothing, and no translation can change a result."""

from __future__ import annotations

import re
import shutil

import pytest

import catalogue
from catalogue import tr
from forms.loader import DEFAULT_PACK, load_pack
from forms.translations import texts_of, untranslated
from risk_tiers.classify import classify

OVERLAY = """\
title: Selbstbewertung
sections:
  scope:
    title: Anwendungsbereich
    questions:
      scope.research:
        text: Für die Forschung?
        options:
          sole: {label: Nur dafür}
rules:
  scope.military:
    reason: "Militärisch: {not_a_placeholder}"
tracks:
  tier:
    outcomes:
      high_risk: {label: Hochrisiko}
value_labels:
  required: erforderlich
"""


@pytest.fixture
def german_pack_folder(tmp_path):
    folder = tmp_path / "eu_ai_act"
    shutil.copytree(DEFAULT_PACK, folder)
    (folder / "locale").mkdir(exist_ok=True)
    (folder / "locale" / "de.yaml").write_text(OVERLAY, encoding="utf-8")
    return folder


def _question(pack, question_id):
    return next(q for s in pack.sections for q in s.questions if q.id == question_id)


def test_an_overlay_replaces_the_texts_it_names_and_english_stays_elsewhere(german_pack_folder):
    english, german = load_pack(german_pack_folder, "en"), load_pack(german_pack_folder, "de_AT")  # de_AT reads de
    assert german.title == "Selbstbewertung" and english.title != german.title
    assert german.sections[0].title == english.sections[0].title  # not in the overlay
    scope = next(s for s in german.sections if s.id == "scope")
    assert scope.title == "Anwendungsbereich"
    question = _question(german, "scope.research")
    assert question.text == "Für die Forschung?" and question.options[0].label == "Nur dafür"
    assert question.options[1].label == _question(english, "scope.research").options[1].label
    assert german.tracks[0].outcome("high_risk").label == "Hochrisiko"
    assert german.value_labels["required"] == "erforderlich"
    assert german.value_labels["not_required"] == english.value_labels["not_required"]


def test_a_translated_text_naming_a_placeholder_its_english_lacks_is_not_used(german_pack_folder):
    english, german = load_pack(german_pack_folder, "en"), load_pack(german_pack_folder, "de")
    rule = next(r for r in german.rules if r.id == "scope.military")
    assert rule.reason == next(r for r in english.rules if r.id == "scope.military").reason


def test_a_translation_changes_no_result(german_pack_folder, pack):
    import json

    german = load_pack(german_pack_folder, "de")
    pseudo = load_pack(DEFAULT_PACK, "en_XA")
    for path in sorted((DEFAULT_PACK.parents[2] / "resources" / "examples").glob("*.json")):
        answers = {qid: a["value"] for qid, a in json.loads(path.read_text(encoding="utf-8"))["answers"].items()}
        results = [classify(p, answers) for p in (pack, german, pseudo)]
        shapes = [(r.tracks, [f.rule for f in r.findings], [o.id for o in r.obligations], r.assessed)
                  for r in results]
        assert shapes[0] == shapes[1] == shapes[2], path.name


def test_the_listing_names_what_a_language_lacks_and_not_what_it_has(german_pack_folder):
    from forms.safe_yaml import read_yaml

    english = texts_of(load_pack(german_pack_folder, "en"))
    missing = list(untranslated(english, read_yaml(german_pack_folder / "locale" / "de.yaml")))
    assert "title" not in missing and "sections.scope.title" not in missing
    assert "sections.scope.questions.scope.research.help" in missing
    assert "sections.scope.questions.scope.research.options.partly.label" in missing
    assert "sections.scope.questions.scope.research.options.sole.label" not in missing
    assert tr("packs.check.placeholders_differ", path="rules.scope.military.reason") in missing


def test_a_broken_overlay_leaves_the_english_and_the_check_names_it(german_pack_folder):
    from forms.translations import overlays

    (german_pack_folder / "locale" / "de.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    assert load_pack(german_pack_folder, "de").title == load_pack(german_pack_folder, "en").title
    problems: list[str] = []
    assert overlays(german_pack_folder, "de", problems) == []
    assert len(problems) == 1 and "de.yaml" in problems[0]


def test_the_shipped_packs_list_their_untranslated_texts_for_a_language_without_overlays():
    from catalogue.maintain import untranslated as lacking_messages
    from forms.untranslated import untranslated_pack_texts

    # German and French ship now: a language nobody has started stands for one without overlays.
    assert any(line.startswith("message qt.") for line in lacking_messages("it"))
    lines = untranslated_pack_texts("it")
    assert any(line.startswith("pack eu_ai_act: sections.") for line in lines)
    assert any(line.startswith("provisions: provisions.aiact.") for line in lines)


def test_the_pseudo_language_reaches_every_text_of_the_pack():
    pseudo = load_pack(DEFAULT_PACK, "en_XA")

    def strings(texts):
        for value in texts.values():
            yield from strings(value) if isinstance(value, dict) else [value]

    texts = list(strings(texts_of(pseudo)))
    assert all(text.strip().startswith("[") for text in texts if isinstance(text, str) and any(c.isalpha() for c in text))
    # The words that mark a glossary term's mentions are accented as inside the texts, never plain.
    words = [word for value in texts if isinstance(value, list) for word in value]
    assert words and not [word for word in words if re.search("[A-Za-z]", word)]
    assert catalogue.language() == "en"  # loading a pack in a language does not switch the application's
