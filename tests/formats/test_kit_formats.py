"""The HTML and JSON dossiers made with an authority's kit and documents added: the kit's names on
the cover, the documents' part last (as in the PDF) listing each document with its SHA-256 and the
required ones missing, the page saying the documents are not inside it; a document whose kept copy
is gone stops the export as it stops the PDF's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.main import main
from app.dossier.outline import PARTS
from app.dossier.texts import TEXT as DOSSIER_TEXT
from app.kits.kit import load_kit
from app.session.draft_session import DraftSession
from app.storage.attachments import kept_path
from app.storage.drafts import load_draft
from catalogue import table
from tests.formats import page as pages

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
HTML_TEXT = table("formats.html")


@pytest.fixture(scope="module")
def nordland():
    return load_kit(NORDLAND)


@pytest.fixture
def draft_file(nordland, tmp_path):
    """A draft made with the kit, with one document the kit asks for and another one added."""
    session = DraftSession(nordland.pack, kit=nordland)
    session.draft.answers.update(load_draft(EXAMPLE).answers)
    for name, data, kind in (("doc.pdf", b"%PDF-1.4 one", "technical_documentation"), ("notes.txt", b"two", "")):
        (tmp_path / name).write_bytes(data)
        session.add_attachment(tmp_path / name, kind)
    assert session.save(tmp_path / "draft.json")
    return tmp_path / "draft.json", session.draft


def _export(draft_path: Path, out: Path) -> int:
    return main(["--kit", str(NORDLAND), "export", str(draft_path), "-o", str(out)])


def test_the_page_names_the_kit_and_lists_the_documents_last(draft_file, nordland, tmp_path):
    path, draft = draft_file
    assert _export(path, tmp_path / "d.html") == 0
    page = pages.read((tmp_path / "d.html").read_text(encoding="utf-8"))
    manifest = nordland.manifest
    header = " ".join(" ".join(page.texts).split()).split(DOSSIER_TEXT["contents"])[0]
    assert manifest.authority.name in header and manifest.sandbox.name in header
    parts = [h.id for h in page.headings if h.level == 2 and h.inside == ("main",)]
    # The documents' part, last, as in the PDF (the changes since a review: only with a reviewer's feedback;
    # the jurisdictions: only with several targeted).
    assert parts == [f"part-{part}" for part in PARTS if part not in ("since_review", "jurisdictions")]
    documents = page.text.split(DOSSIER_TEXT[PARTS["documents"]])[-1]
    assert " ".join(HTML_TEXT["documents_intro"].split()) in documents
    for attached in draft.attachments:
        assert attached.name in documents and attached.sha256 in documents
    missing = [a.title for a in manifest.attachments if a.required and a.id != "technical_documentation"]
    assert missing and all(title in documents for title in missing)
    assert page.tags.get("img", 0) == 0  # the logo is the PDF's: the page loads and holds no image


def test_the_data_carries_the_kit_and_the_documents(draft_file, nordland, tmp_path):
    path, draft = draft_file
    assert _export(path, tmp_path / "d.json") == 0
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    manifest = nordland.manifest
    assert (found["kit"]["authority"], found["kit"]["sandbox"]) == (manifest.authority.name, manifest.sandbox.name)
    assert [(d["name"], d["sha256"], d["size"]) for d in found["documents"]] == [
        (a.name, a.sha256, a.size) for a in draft.attachments]
    assert found["missing_documents"] == [a.title for a in manifest.attachments
                                          if a.required and a.id != "technical_documentation"]


def test_without_a_kit_there_is_no_documents_part(tmp_path):
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "d.html")]) == 0
    page = pages.read((tmp_path / "d.html").read_text(encoding="utf-8"))
    assert "part-documents" not in page.ids
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "d.json")]) == 0
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert (found["kit"], found["documents"], found["missing_documents"]) == (None, [], [])


@pytest.mark.parametrize("name", ["d.html", "d.json"])
def test_a_document_no_longer_kept_stops_the_export_with_one_line(name, draft_file, tmp_path, capsys):
    path, draft = draft_file
    kept_path(draft.attachments[0].sha256).unlink()
    assert _export(path, tmp_path / name) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and draft.attachments[0].name in err and not (tmp_path / name).exists()
