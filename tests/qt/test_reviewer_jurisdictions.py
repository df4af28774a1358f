"""The reviewer's view of dossiers whose drafts target several jurisdictions (EU, Utah, China, as
the wizard saves them): the table shows and filters the result under each other one, and the
dossier chosen shows each one's result laid out as the first's, and the evidence reuse."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from app.dossier.export import export_dossier
from app.dossier.targets import targets
from app.results.document import result_document
from app.review.detail import DossierDetail
from app.review.dossier_review import DossierReview, Status
from app.review.rows import Severity
from app.review.shelf import PackShelf
from app.review.wording import ResultWords
from app.storage.drafts import load_draft
from risk_tiers.classify import classify
from tests.qt.test_reviewer_view import cell, choose, make_view, names, reviewed  # noqa: F401 - the view's fixture
from tests.review.several import EXAMPLE, TARGETED, several_draft


@pytest.fixture
def folder(pack, tmp_path, private_data_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    export_dossier(several_draft(pack), pack, inbox / "several.pdf")
    export_dossier(load_draft(EXAMPLE), pack, inbox / "one.pdf")
    return inbox


def test_the_table_shows_and_filters_each_jurisdictions_result(make_view, folder, qtbot):  # noqa: F811
    view = make_view()
    reviewed(qtbot, view, folder)
    several = next(row for row in view.model.rows if row.review.file.endswith("several.pdf"))
    assert [r.pack_id for r in several.review.jurisdictions] == list(TARGETED[1:])
    words = view.model.words.jurisdictions(several.review)
    assert len(words) == 2 and all(w in cell(view, "several.pdf", "jurisdictions") for w in words)
    assert cell(view, "one.pdf", "jurisdictions") == ""
    offered = [view.filters.result_filter.itemData(i) for i in range(1, view.filters.result_filter.count())]
    assert set(words) <= set(offered)
    view.filters.result_filter.setCurrentIndex(view.filters.result_filter.findData(words[1]))
    assert names(view) == ["several.pdf"]
    view.filters.result_filter.setCurrentIndex(0)
    assert sorted(names(view)) == ["one.pdf", "several.pdf"]


def test_the_dossier_shows_each_jurisdictions_result_and_the_evidence_reuse(make_view, folder, qtbot, pack):  # noqa: F811
    view = make_view()
    reviewed(qtbot, view, folder)
    text = choose(qtbot, view, "several.pdf")
    found = targets(several_draft(pack), pack)
    labels = view.dossier.content.findChildren(QLabel)
    shown = {label.property("jurisdiction") for label in labels if label.property("jurisdiction")}
    assert shown == set(TARGETED[1:])  # the first is the application's own result, above
    for document in found.documents:
        assert document.headline.title in text
    for document in found.documents[1:]:
        assert document.pack_title in text and document.headline.label in text
        for obligation in document.obligations:
            assert obligation.text in text
        for point in document.open_points:
            assert point.text in text
    evidence = {label.property("evidence") for label in labels if label.property("evidence")}
    assert evidence == {row.evidence for row in found.crosswalk.rows} and evidence
    text = choose(qtbot, view, "one.pdf")
    labels = view.dossier.content.findChildren(QLabel)
    assert not any(label.property("jurisdiction") or label.property("evidence") for label in labels)


def test_other_jurisdictions_that_cannot_be_shown_are_said_with_a_sign(qtbot, pack):
    from app.qt.dossier_view import DossierView

    view = DossierView(ResultWords(PackShelf.discover()))
    qtbot.addWidget(view)
    draft = load_draft(EXAMPLE)
    document = result_document(pack, draft, classify(pack, draft.values()))
    detail = DossierDetail(DossierReview(file="d.pdf", status=Status.OK, draft_id=str(draft.id)), draft=draft,
                           document=document)
    view.show_detail(replace(detail, jurisdictions_problem="no pack 'atlantis_ai' here"), [], [])
    flagged = [w for w in view.content.findChildren(QWidget) if w.property("severity") == Severity.NOTE.value]
    assert any("atlantis_ai" in label.text() for w in flagged for label in w.findChildren(QLabel))
