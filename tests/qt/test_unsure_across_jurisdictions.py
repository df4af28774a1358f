"""An unsure answer to a shared fact in the wizard for several jurisdictions: asked once, it stays
open under every law that reads it (never read as a "no"), and the link from a law's open point
leads to the shared question the wizard asks."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.qt.steps import REVIEW
from tests.qt.conftest import answer
from tests.qt.test_jurisdictions_in_wizard import _new_window

CHINA = "china_ai"
SHARED = "core.personal_data"  # a yes/no shared fact: its "unsure" is the answer that leaves it open
EU_OWN = "privacy.personal_data"  # the EU pack's own question that stands for it (same_as)
# The EU pack's derived results that read whether personal data is used.
EU_DATA_RESULTS = ("data_protection_law", "dpia", "prior_consultation", "art59")


def _read(window) -> dict:
    documents, crosswalk = window.session.each_result()
    return {
        "packs": [document.pack_id for document in documents],
        "open": {document.pack_id: {p.question for p in document.open_points if p.kind == "question"}
                 for document in documents},
        "provisional": {document.pack_id: document.provisional for document in documents},
        "derived": {part.id: part.value for part in documents[0].derived},
        "evidence": {row.evidence: {cell.jurisdiction: cell.status for cell in row.cells} for row in crosswalk.rows},
    }


def test_an_unsure_shared_answer_stays_open_in_each_jurisdiction(make_window, qtbot, prompter):
    window = _new_window(make_window, qtbot, prompter, CHINA)
    answer(qtbot, window, SHARED, "unsure")
    assert window.session.value(SHARED) == "unsure"
    unsure = _read(window)
    assert unsure["packs"] == ["eu_ai_act", CHINA]
    # Each law keeps the fact as an open point, under the question it reads it by.
    assert EU_OWN in unsure["open"]["eu_ai_act"] and SHARED in unsure["open"][CHINA]
    assert unsure["provisional"] == {"eu_ai_act": True, CHINA: True}
    assert {unsure["derived"][result] for result in EU_DATA_RESULTS} == {"unknown"}
    assert unsure["evidence"]["data_protection"] == {"eu_ai_act": "open", CHINA: "open"}

    # The result panel's link to the EU's open point goes to the shared question the wizard asks.
    panel = window.wizard.result
    panel.fill()
    label = next(label for label in panel.findChildren(QLabel) if f'href="q:{EU_OWN}"' in label.text())
    window.wizard.go_to(REVIEW)
    label.linkActivated.emit(f"q:{EU_OWN}")
    assert window.wizard.current_step == window.session.evaluation.index.section_of[SHARED].id

    # Unsure is not no: answered "no", the same results are settled as not applying, nothing open on it.
    answer(qtbot, window, SHARED, "no")
    no = _read(window)
    assert EU_OWN not in no["open"]["eu_ai_act"] and SHARED not in no["open"][CHINA]
    assert {no["derived"][result] for result in EU_DATA_RESULTS} == {"not_applicable"}
