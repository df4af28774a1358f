"""The wizard shows any pack: a made-up law with tracks of its own, and an authority's overlay of
the EU pack, with no change to the views."""

from pathlib import Path

from app.qt.session import Session
from app.qt.wizard_view import WizardView
from forms.loader import load_pack

PACKS = Path(__file__).resolve().parents[1] / "data" / "packs"


def _view(qtbot, pack, prompter):
    view = WizardView(Session(pack), prompter)
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_law_with_its_own_tracks_in_the_wizard(qtbot, prompter):
    pack = load_pack(PACKS / "robot_law")
    view = _view(qtbot, pack, prompter)
    assert view.result.tier.text() == pack.not_assessed_text.label
    session = view.session
    for qid, value in {"who.roles": ["maker"], "who.robot": "yes", "robot.weapon": "unsure", "robot.public": "yes",
                       "robot.heavy": 80}.items():
        session.set_answer(qid, value)
    assert view.result.tier.text() == pack.tracks[0].outcome("banned").possibly
    text = view.result.text()
    assert pack.tracks[1].label in text and pack.tracks[1].outcome("quarterly").label in text
    view.go_to("robot")
    assert set(view.page("robot").views) == {"robot.weapon", "robot.public", "robot.heavy", "robot.insured"}


def test_an_authority_overlay_shows_its_section_and_words(qtbot, prompter):
    pack = load_pack(PACKS / "eu_authority_overlay")
    view = _view(qtbot, pack, prompter)
    view.go_to("authority")
    assert set(view.page("authority").views) == {"authority.sector_regulator", "authority.cohort_start"}
    assert "authority.member_state" in view.page("applicant").views
    assert "About your organisation" in _step_titles(view)


def _step_titles(view):
    from PySide6.QtCore import Qt

    model = view.model
    return [model.data(model.index(i), Qt.ItemDataRole.DisplayRole) for i in range(model.rowCount())]


def test_each_pack_beside_the_eu_pack_shows_its_result_and_its_pages(qtbot, prompter):
    """The China, Colorado, Utah, Texas and NIST packs in the wizard, answered as the first golden
    case of each: the headline is the outcome that case states, and every section's page is built."""
    import yaml

    from forms.loader import PACKS_DIR

    cases = Path(__file__).resolve().parents[1] / "core" / "cases"
    for folder in sorted(p for p in cases.iterdir() if p.is_dir()):
        pack = load_pack(PACKS_DIR / folder.name)
        case = yaml.safe_load((folder / "cases.yaml").read_text(encoding="utf-8"))["cases"][0]
        view = _view(qtbot, pack, prompter)
        for qid, value in case["answers"].items():
            view.session.set_answer(qid, value)
        first = pack.tracks[0]
        assert view.result.tier.text() == first.outcome(case["expect"][first.id]).label, folder.name
        for section in pack.sections:
            view.go_to(section.id)
            assert view.page(section.id).views
