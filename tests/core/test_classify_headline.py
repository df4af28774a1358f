"""The headline's part of a classification (`classify_headline`, for the workspace's many drafts)
is the full classification's: the same tracks, findings and roles, so the same headline and colour,
whatever the answers leave open."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.storage.drafts import load_draft
from forms.evaluation import Evaluation
from risk_tiers.classify import classify_evaluation, classify_headline
from risk_tiers.headline import headline, outcome_colour

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))


def _answer_sets():
    """Each example's answers; each with its yes/no answers made unsure in turn, a third at a time;
    and each with half of its answers left out."""
    for path in EXAMPLES:
        values = load_draft(path).values()
        yield f"{path.stem}", values
        keys = list(values)
        for part in range(3):
            unsure = {key: "unsure" if values[key] in ("yes", "no") and index % 3 == part else value
                      for index, (key, value) in enumerate(values.items())}
            yield f"{path.stem}-unsure-{part}", unsure
        yield f"{path.stem}-half", {key: values[key] for key in keys[::2]}
    yield "nothing", {}


@pytest.mark.parametrize("answers", [answers for _, answers in _answer_sets()],
                         ids=[name for name, _ in _answer_sets()])
def test_the_headline_part_is_the_full_classifications(pack, answers):
    full = classify_evaluation(Evaluation(pack, answers))
    part = classify_headline(Evaluation(pack, answers))
    assert (part.tracks, part.assessed, part.roles, part.findings) == (full.tracks, full.assessed, full.roles,
                                                                       full.findings)
    assert headline(pack, part) == headline(pack, full)
    assert outcome_colour(pack, part) == outcome_colour(pack, full)
    assert part.obligations == part.open_points == part.gaps == part.duties == ()  # not worked out
