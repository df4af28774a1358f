"""The dossier's parts as an application, read from the pages' content (the flowables built for an
assessment, before layout): the risks to people as a table right after the summary, and each
requirement once, with its status, whether the sandbox tests it and the measure stated."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Table

from app.dossier import content
from app.dossier.export import export_dossier
from app.dossier.layout import Block, prepare
from app.dossier.texts import TEXT
from app.results.document import result_document
from app.storage.drafts import load_draft
from risk_tiers.classify import classify

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def _texts(flowables) -> list[str]:
    """The text of every paragraph, in reading order: a table row by row, a block part by part."""
    out: list[str] = []
    for item in flowables:
        if isinstance(item, Paragraph):
            out.append(" ".join(item.getPlainText().split()))
        elif isinstance(item, Table):
            out += _texts(cell for row in item._cellvalues for cell in row)
        elif isinstance(item, Block):
            out += _texts(item.parts)
        elif isinstance(item, (list, tuple)):
            out += _texts(item)
    return out


def _document(name: str, pack):
    prepare()  # the fonts the paragraphs are built in
    draft = load_draft(EXAMPLES / name)
    return result_document(pack, draft, classify(pack, draft.values(), draft.notes()))


@pytest.fixture(scope="module")
def cv(pack):
    document = _document("cv_screening.json", pack)
    return document, _texts(content.story(document, "0" * 64))


def _part(texts: list[str], heading: str, next_heading: str) -> list[str]:
    start = texts.index(heading, texts.index(TEXT["summary"]))  # the heading, not its line in the contents
    return texts[start:texts.index(next_heading, start)]


def test_the_risks_follow_the_summary_as_a_table_of_each_kind_chosen(cv):
    document, texts = cv
    assert texts.index(TEXT["risks"]) < texts.index(TEXT["project"]) < texts.index(TEXT["classification"])
    (table,) = document.tables
    assert [row.option for row in table.rows] == ["fundamental_rights", "bias", "data_protection", "security"]
    risks = _part(texts, TEXT["risks"], TEXT["project"])
    for row in table.rows:
        assert row.label in risks
        for cell in row.cells:
            assert cell.given and " ".join(cell.value.split()) in risks
            assert texts.count(" ".join(cell.value.split())) == 1  # not again in the plan or the annex


def test_each_requirement_shows_its_status_its_test_and_its_measure_once(cv):
    document, texts = cv
    part = _part(texts, TEXT["obligations"], TEXT["results"])
    duties = {d.id: d for d in document.duties}
    assert len(duties) == 8 and all(d.obligation for d in duties.values())
    for obligation in document.obligations:
        assert texts.count(obligation.text) == 1
        duty = obligation.duty
        if duty is None:
            continue
        row = part.index(obligation.text)
        # the requirement's row: its text, provisions, date, status and whether the sandbox tests it
        assert duty.status_text == part[row + 3] and duty.tested_text == part[row + 4]
        assert TEXT["duty_stated"].format(measure=" ".join(duty.measure.split())) == part[row + 5]
        # shown with its obligation, the duty is not listed again under its own short name
        assert duty.text not in texts
    assert {d.status for d in duties.values()} == {"in_place", "planned"}
    assert all(d.planned_by for d in duties.values() if d.status == "planned")


def test_the_summary_counts_the_requirements_by_status(cv):
    document, texts = cv
    summary = _part(texts, TEXT["summary"], TEXT["risks"])
    assert TEXT["requirements_status"] in summary
    counts = document.status_counts()
    assert [n for n, _ in counts.values()] == [3, 5] and sum(n for n, _ in counts.values()) == len(document.duties)


def test_an_applicant_who_names_no_risk_says_so_and_gets_an_empty_part(pack):
    document = _document("demand_forecaster.json", pack)
    texts = _texts(content.story(document, "0" * 64))
    assert document.tables[0].rows == ()
    assert _part(texts, TEXT["risks"], TEXT["project"])[1:] == [TEXT["none"]]


def test_the_cv_screening_dossier_stays_shorter_than_seventeen_pages(pack, tmp_path):
    path = tmp_path / "cv.pdf"
    export_dossier(load_draft(EXAMPLES / "cv_screening.json"), pack, path)
    assert len(PdfReader(str(path)).pages) < 17
