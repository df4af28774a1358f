"""A draft that targets several jurisdictions: every format of its dossier has the part of the
jurisdictions (each one's result, the others' findings, obligations, open points and gaps, and the
evidence one can reuse for another); a draft of one jurisdiction has no such part, and its result
is the one its pack alone gives."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.dossier.export import DossierError, build_dossier
from app.dossier.outline import PARTS
from app.dossier.texts import TEXT
from app.formats import schema as kept_schema
from app.formats.files import export_html, export_json
from app.results.document import result_document
from app.storage.drafts import Draft, load_draft
from risk_tiers.classify import classify
from tests.formats.page import read
from tests.formats.schema_check import problems

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "credit_scoring.json"
TARGETED = ["eu_ai_act", "utah_ai_lab", "china_ai"]


def _targeting(*jurisdictions: str) -> Draft:
    draft = load_draft(EXAMPLE)
    return Draft.model_validate({**draft.model_dump(), "jurisdictions": list(jurisdictions)})


def test_the_json_dossier_gives_each_jurisdiction_s_result_and_the_crosswalk(pack, tmp_path):
    export_json(_targeting(*TARGETED), pack, tmp_path / "d.json")
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    schema = json.loads(kept_schema.schema_path().read_text(encoding="utf-8"))
    assert problems(found, schema) == []
    assert [j["pack"]["id"] for j in found["jurisdictions"]] == TARGETED
    assert found["jurisdictions"][0]["headline"] == found["result"]["headline"]
    crosswalk = found["crosswalk"]
    assert crosswalk["kind"] == "evidence_reuse" and [j["id"] for j in crosswalk["jurisdictions"]] == TARGETED
    assert crosswalk["rows"]


def test_a_draft_of_one_jurisdiction_has_neither_field_and_the_same_result(pack, tmp_path):
    draft = load_draft(EXAMPLE)
    export_json(draft, pack, tmp_path / "d.json")
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert "jurisdictions" not in found and "crosswalk" not in found
    export_json(_targeting(*TARGETED), pack, tmp_path / "several.json")
    several = json.loads((tmp_path / "several.json").read_text(encoding="utf-8"))
    assert several["result"] == found["result"]  # the primary's result as its pack alone gives it
    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    assert found["result"]["headline"]["title"] == document.headline.title


def test_the_html_dossier_has_the_part_before_the_annex_with_a_section_per_other_jurisdiction(pack, tmp_path):
    export_html(_targeting(*TARGETED), pack, tmp_path / "d.html")
    page = read((tmp_path / "d.html").read_text(encoding="utf-8"))
    parts = [h.id for h in page.headings if h.level == 2 and h.id and h.id.startswith("part-")]
    assert parts == [f"part-{part}" for part in PARTS if part not in ("documents", "since_review")]
    subsections = [h.id for h in page.headings if h.level == 3 and h.id and h.id.startswith("part-jurisdictions-")]
    assert len(subsections) == 1 + (len(TARGETED) - 1) + 1  # the results side by side, each other one, the crosswalk
    captions = [t.caption for t in page.tables]
    assert TEXT["jurisdiction_results"] in captions and TEXT["evidence_reuse"] in captions


def test_the_pdf_dossier_has_the_part_with_each_jurisdiction_and_the_evidence_reuse(pack):
    from pypdf import PdfReader

    pdf = build_dossier(_targeting(*TARGETED), pack, today=dt.date(2026, 12, 1))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    for key in ("jurisdictions", "jurisdiction_results", "evidence_reuse"):
        assert " ".join(TEXT[key].split()) in flat
    alone = build_dossier(load_draft(EXAMPLE), pack, today=dt.date(2026, 12, 1))
    alone_text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(alone)).pages).split())
    assert TEXT["jurisdictions"] not in alone_text


def test_a_jurisdiction_whose_pack_is_not_here_is_one_error_line(pack):
    draft = load_draft(EXAMPLE)
    draft = draft.model_copy(update={"jurisdictions": ["eu_ai_act", "atlantis"]})
    with pytest.raises(DossierError, match="atlantis") as caught:
        build_dossier(draft, pack)
    assert caught.value.reason == "unknown_jurisdiction" and "\n" not in str(caught.value)


def test_the_crosswalk_table_heads_each_column_with_the_law_s_short_title(pack, tmp_path):
    export_html(_targeting(*TARGETED), pack, tmp_path / "d.html")
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    table = html[html.rindex("<table"):]
    heads = [document.pack_short_title for document in _documents(pack)]
    assert all(f'scope="col">{head}</th>' in table for head in heads)
    assert all(document.pack_title not in table for document in _documents(pack))


def _documents(pack):
    from app.dossier.targets import targets

    return targets(_targeting(*TARGETED), pack).documents


def test_a_partial_counterpart_says_in_the_dossier_what_it_leaves_to_show(pack, tmp_path):
    import html

    from forms.crosswalks import CROSSWALK_DIR, load_crosswalk

    export_html(_targeting("eu_ai_act", "colorado_admt", "nist_ai_rmf"), pack, tmp_path / "d.html")
    page = html.unescape((tmp_path / "d.html").read_text(encoding="utf-8"))
    table = page[page.rindex("<table"):]
    redress = load_crosswalk(CROSSWALK_DIR / "eu_ai_act__colorado_admt.yaml").row("consumer_redress")
    assert redress.relation == "partly" and redress.note in table
    pdf = build_dossier(_targeting("eu_ai_act", "colorado_admt", "nist_ai_rmf"), pack, today=dt.date(2026, 12, 1))
    from pypdf import PdfReader

    flat = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert " ".join(redress.note.split()[:3]) in flat  # narrow columns break the rest across lines
