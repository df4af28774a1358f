"""Documents added to a draft: a copy kept by hash, the bounds and their messages, and a dossier
that carries each document inside it with an annex of names, sizes and SHA-256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.commands.main import main
from app.kits.kit import load_kit
from app.session.draft_session import DraftSession
from app.storage import attachments
from app.storage.attachments import AttachmentError, kept_path, read_attached
from app.storage.drafts import load_draft

ROOT = Path(__file__).resolve().parents[2]
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"


@pytest.fixture(scope="module")
def nordland():
    return load_kit(NORDLAND)


@pytest.fixture
def session(nordland):
    session = DraftSession(nordland.pack, kit=nordland)
    session.draft.answers.update(load_draft(EXAMPLE).answers)
    return session


def _file(folder: Path, name: str, data: bytes = b"%PDF-1.4 a document") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_document_added_is_kept_by_its_hash_and_survives_the_original(session, tmp_path, private_data_dir):
    path = _file(tmp_path, "documentation.pdf")
    attached = session.add_attachment(path, "technical_documentation")
    assert (attached.name, attached.size, attached.kind) == ("documentation.pdf", path.stat().st_size, "technical_documentation")
    assert attached.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    kept = kept_path(attached.sha256)
    assert private_data_dir in kept.parents and (kept.stat().st_mode & 0o777) == 0o600
    path.unlink()
    assert read_attached(attached) == b"%PDF-1.4 a document"
    assert session.dirty and session.attached_kinds() == {"technical_documentation"}
    assert session.draft.lock.kit is not None


def test_a_kept_copy_changed_or_gone_is_named_when_read(session, tmp_path):
    attached = session.add_attachment(_file(tmp_path, "a.pdf"))
    kept_path(attached.sha256).write_bytes(b"something else")
    with pytest.raises(AttachmentError) as refused:
        read_attached(attached)
    assert refused.value.msg_id == "attach.error.changed"
    kept_path(attached.sha256).unlink()
    with pytest.raises(AttachmentError) as refused:
        read_attached(attached)
    assert refused.value.msg_id == "attach.error.missing"


@pytest.mark.parametrize("case, msg_id", [
    ("too_big", "attach.error.too_big"), ("empty", "attach.error.empty"), ("folder", "attach.error.not_a_file"),
    ("too_many", "attach.error.too_many"), ("total", "attach.error.total_too_big"),
    ("twice", "attach.error.already"), ("type", "attach.error.wrong_type"),
])
def test_each_bound_is_refused_with_its_message_and_the_draft_stays_as_it_was(session, tmp_path, monkeypatch, case, msg_id):
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(attachments, "MAX_COUNT", 3)
    monkeypatch.setattr(attachments, "MAX_TOTAL_BYTES", 150)
    session.add_attachment(_file(tmp_path, "first.pdf", b"x" * 60))
    kind, path = "", _file(tmp_path, "second.pdf", b"y" * 60)
    if case == "too_big":
        path = _file(tmp_path, "big.pdf", b"z" * 101)
    elif case == "empty":
        path = _file(tmp_path, "empty.pdf", b"")
    elif case == "folder":
        path = tmp_path
    elif case == "too_many":
        session.add_attachment(_file(tmp_path, "s.pdf", b"s"))
        session.add_attachment(_file(tmp_path, "t.pdf", b"t"))
    elif case == "total":
        path = _file(tmp_path, "third.pdf", b"w" * 95)
    elif case == "twice":
        path = tmp_path / "first.pdf"
    elif case == "type":
        kind, path = "technical_documentation", _file(tmp_path, "doc.docx", b"d")
    before = list(session.draft.attachments)
    with pytest.raises(AttachmentError) as refused:
        session.add_attachment(path, kind)
    assert refused.value.msg_id == msg_id and "\n" not in str(refused.value)
    assert session.draft.attachments == before


def test_a_draft_with_documents_saves_them_and_reads_them_back(session, tmp_path):
    session.add_attachment(_file(tmp_path, "doc.pdf"), "technical_documentation")
    assert session.save(tmp_path / "draft.json")
    reopened = load_draft(tmp_path / "draft.json")
    assert reopened.attachments == session.draft.attachments
    session.remove_attachment(0)
    assert session.draft.attachments == [] and session.dirty


def test_the_dossier_exported_with_the_kit_carries_its_name_and_each_document(session, nordland, tmp_path, capsys):
    from pypdf import PdfReader

    session.add_attachment(_file(tmp_path, "doc.pdf", b"%PDF-1.4 one"), "technical_documentation")
    session.add_attachment(_file(tmp_path, "notes.pdf", b"%PDF-1.4 two"))
    (tmp_path / "other").mkdir()
    session.add_attachment(_file(tmp_path / "other", "draft.json", b"{}"))  # the name the draft's own data has
    assert session.save(tmp_path / "draft.json")
    assert main(["--kit", str(NORDLAND), "export", str(tmp_path / "draft.json"), "-o", str(tmp_path / "d.pdf")]) == 0
    reader = PdfReader(tmp_path / "d.pdf")
    cover = reader.pages[0].extract_text()
    assert nordland.manifest.authority.name in cover and nordland.manifest.sandbox.name in cover
    files = reader.attachments
    assert files["doc.pdf"] == [b"%PDF-1.4 one"] and files["notes.pdf"] == [b"%PDF-1.4 two"]
    assert files["draft (2).json"] == [b"{}"] and json.loads(files["draft.json"][0])["id"] == str(session.draft.id)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for attached in session.draft.attachments:
        assert attached.sha256[:32] in text.replace(" ", "")
    missing = [a.title for a in nordland.manifest.attachments if a.required and a.id != "technical_documentation"]
    assert all(title in text for title in missing)  # the required document still missing is listed
    assert main(["import", str(tmp_path / "d.pdf"), "-o", str(tmp_path / "back.json")]) == 0  # the draft inside still checks


def test_an_export_whose_document_is_no_longer_kept_stops_with_one_line(session, tmp_path, capsys):
    attached = session.add_attachment(_file(tmp_path, "doc.pdf"))
    assert session.save(tmp_path / "draft.json")
    kept_path(attached.sha256).unlink()
    assert main(["--kit", str(NORDLAND), "export", str(tmp_path / "draft.json"), "-o", str(tmp_path / "d.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "doc.pdf" in err and not (tmp_path / "d.pdf").exists()
