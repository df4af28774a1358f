"""An authority's kit with several jurisdictions, without a window: a kit's draft records the kit and
the pack it extends (the lock's pack, its jurisdiction first); the applicant may add other
jurisdictions, whose questions join the kit's. The authority still receives its own dossier (the
kit's pack, its names and texts, its questions and documents) with the part of the jurisdictions
as an annex: each other one's result and the evidence reuse. Composed, classified, exported as JSON
and as a PDF, and reviewed as the authority would."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.dossier.export import build_dossier
from app.dossier.texts import TEXT as DOSSIER
from app.formats import schema as kept_schema
from app.formats.files import export_json
from app.kits.kit import load_kit
from app.results.composed import asked_pack, each_result, primary_draft, questionnaire_for
from app.results.document import result_document
from app.session.draft_session import DraftSession
from app.storage.drafts import load_draft
from risk_tiers.classify import classify
from tests.formats.schema_check import problems
from tests.review.several import EXAMPLE, as_the_wizard_saves

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
UTAH = "utah_ai_lab"
KIT_ANSWERS = {"nordland.register_number": "12345678", "nordland.sector": "finance"}


@pytest.fixture(scope="module")
def kit():
    return load_kit(NORDLAND)


@pytest.fixture
def session(kit):
    """A kit's draft for the EU and Utah, answered as the wizard saves it (the shared facts once)."""
    session = DraftSession(kit.base, kit=kit)
    session.new(others=[UTAH])
    example = as_the_wizard_saves(load_draft(EXAMPLE), kit.pack, session.draft.jurisdictions)
    for question_id, answer in {**{q: a.value for q, a in example.answers.items()}, **KIT_ANSWERS}.items():
        session.set_answer(question_id, answer)
    return session


def test_a_kits_draft_targets_the_pack_it_extends_first_and_asks_the_kits_questions_with_the_others(session, kit):
    draft = session.draft
    assert draft.lock.kit == kit.made and draft.lock.pack.id == kit.base.id
    assert draft.jurisdictions == [kit.base.id, UTAH]
    asked = asked_pack(session.pack, questionnaire_for(session.pack, draft.jurisdictions))
    sections = [section.id for section in asked.sections]
    kits_own = [s.id for s in kit.pack.sections if s.id not in {b.id for b in kit.base.sections}]
    assert sections[0] == "core" and kits_own and set(kits_own) <= set(sections) and "ut_lab" in sections
    questions = [q.id for section in asked.sections for q in section.questions]
    assert set(KIT_ANSWERS) <= set(questions) and len(questions) == len(set(questions))


def test_each_jurisdiction_is_classified_the_kits_pack_first(session, kit):
    questionnaire = questionnaire_for(session.pack, session.draft.jurisdictions)
    documents, crosswalk = each_result(questionnaire, session.draft)
    assert [d.pack_id for d in documents] == [kit.base.id, UTAH]
    assert documents[0].pack_title == kit.pack.title != kit.base.title  # the kit's words
    own = primary_draft(session.draft, session.pack)
    alone = result_document(session.pack, own, classify(session.pack, own.values()))
    assert documents[0].headline == alone.headline
    assert own.answers["nordland.register_number"].value == KIT_ANSWERS["nordland.register_number"]
    assert crosswalk.rows and [j.id for j in crosswalk.jurisdictions] == [kit.base.id, UTAH]


def test_the_json_dossier_is_the_kits_with_the_other_jurisdiction(session, kit, tmp_path):
    export_json(session.draft, session.pack, tmp_path / "d.json", kit=kit)
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert problems(found, json.loads(kept_schema.schema_path().read_text(encoding="utf-8"))) == []
    assert found["version"] == 2
    manifest = kit.manifest
    assert (found["kit"]["authority"], found["kit"]["sandbox"]) == (manifest.authority.name, manifest.sandbox.name)
    assert found["result"]["pack"]["title"] == kit.pack.title
    assert [j["pack"]["id"] for j in found["jurisdictions"]] == [kit.base.id, UTAH]
    assert found["jurisdictions"][0]["headline"] == found["result"]["headline"]
    answered = {a["question"] for s in found["result"]["sections"] for a in s["answers"] if a["given"]}
    assert set(KIT_ANSWERS) <= answered and "applicant.organisation" in answered  # a shared fact, asked once
    assert [j["id"] for j in found["crosswalk"]["jurisdictions"]] == [kit.base.id, UTAH]
    assert found["missing_documents"]  # the kit's documents still asked for
    assert found["draft"]["lock"]["kit"]["id"] == manifest.id


def test_the_pdf_dossier_is_the_kits_with_the_annex_of_the_jurisdictions(session, kit):
    from pypdf import PdfReader

    pdf = build_dossier(session.draft, session.pack, kit=kit, today=dt.date(2026, 12, 1))
    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert kit.manifest.authority.name in pages[0] and kit.manifest.sandbox.name in pages[0]
    text = " ".join(pages)
    for key in ("jurisdictions", "jurisdiction_results", "evidence_reuse"):
        assert " ".join(DOSSIER[key].split()) in text
    utah = questionnaire_for(session.pack, session.draft.jurisdictions).pack(UTAH)
    assert utah.title.split(":")[0] in text
    assert json.loads(reader.attachments["draft.json"][0])["jurisdictions"] == [kit.base.id, UTAH]


def test_the_authority_reviews_it_as_unchanged(session, kit, tmp_path, private_data_dir):
    from app.kits.shelf import remember
    from app.review.detail import read_detail
    from app.review.dossier_review import Status, review_dossier
    from app.review.shelf import PackShelf

    remember(kit)  # the authority's application has seen its own kit
    (tmp_path / "d.pdf").write_bytes(build_dossier(session.draft, session.pack, kit=kit))
    shelf = PackShelf.discover()
    review = review_dossier(tmp_path / "d.pdf", shelf)
    assert review.status is Status.OK, review.message
    assert review.kit_id == kit.manifest.id and [r.pack_id for r in review.jurisdictions] == [UTAH]
    detail = read_detail(tmp_path / "d.pdf", review, shelf)
    assert [d.pack_id for d in detail.jurisdictions] == [kit.base.id, UTAH]
    assert detail.jurisdictions[0].pack_title == kit.pack.title and detail.crosswalk.rows
