"""Long German compounds break at their parts (catalogue/hyphenation/de.txt), in the dossier's
tables and the wizard's step list; other languages break only at spaces and hyphens."""

from __future__ import annotations

import pytest

from catalogue import speaking
from catalogue.hyphenation import SOFT_HYPHEN, break_points, parts, soft_hyphenated


@pytest.mark.parametrize("word, broken", [
    ("Konformitätsbewertungsverfahren", "Konformitäts|bewertungs|verfahren"),
    ("Datenschutzbeauftragter", "Daten|schutz|beauftragter"),
    ("Qualitätsmanagementsystem", "Qualitäts|management|system"),
    ("Marktüberwachungsbehörde", "Markt|überwachungs|behörde"),
    ("Datenschutz-Folgenabschätzung", "Daten|schutz-Folgen|abschätzung"),  # after its hyphen it breaks anyway
    ("Systematisch", "Systematisch"),  # a part at the start is no break
    ("Ökosystem", "Ökosystem"),  # at least four letters on each side
])
def test_german_compounds_break_at_their_parts(word, broken):
    assert soft_hyphenated(word, "de").replace(SOFT_HYPHEN, "|") == broken


def test_other_languages_and_short_words_are_left_as_they_are():
    text = "Konformitätsbewertung bei Biometrie"
    assert soft_hyphenated(text, "fr") == soft_hyphenated(text, "en") == text
    assert soft_hyphenated("Risiko", "de") == "Risiko"
    assert parts("de_AT") == parts("de") and parts("fr") == ()
    assert break_points("Hochrisiko-KI-System", "de") == [4, 11, 14]  # Hoch|risiko-|KI-|System
    with speaking("de"):
        assert SOFT_HYPHEN in soft_hyphenated("Konformitätsbewertung")


def test_a_narrow_table_cell_breaks_a_german_compound_at_its_parts_with_a_hyphen():
    from reportlab.lib.units import mm

    from app.dossier.flowables import CELL, plain
    from app.dossier.typeset import register_fonts

    register_fonts()

    def lines(language: str) -> list[str]:
        with speaking(language):
            paragraph = plain("Die Konformitätsbewertungsverfahren der Marktüberwachungsbehörde", CELL)
            paragraph.wrap(40 * mm, 1000)
        return [" ".join(str(word) for word in line[1]) for line in paragraph.blPara.lines]

    german = lines("de")
    assert german[0].endswith("Konformitäts-") and german[1].startswith("bewertungsverfahren")
    assert all(line.replace(SOFT_HYPHEN, "").rstrip("-").replace(" ", "").isalpha() for line in german)
    english = lines("en")  # no break points: reportlab cuts the word where the line ends, without a hyphen
    assert not english[0].endswith("-")
