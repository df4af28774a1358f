"""The dossier read back with pypdf: what an authority relies on finding in it."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from app.storage.drafts import Answer
from app.dossier.attachment import fingerprint
from app.dossier.export import DossierError, export_dossier, read_dossier
from app.dossier.texts import TEXT
from forms.citations import label
from risk_tiers.classify import classify
from tests.dossier.sample import CHINESE, GREEK, MARKUP, full_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory, pack):
    draft = full_draft(pack)
    path = tmp_path_factory.mktemp("dossier") / "dossier.pdf"
    export_dossier(draft, pack, path)
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return draft, path, reader, text


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_sections_answers_and_citations_are_in_the_text(built, pack):
    draft, _, reader, text = built
    flat = _flat(text)
    for key in ("contents", "summary", "project", "classification", "obligations", "results", "plan", "open",
                "declaration", "annex"):
        assert _flat(TEXT[key]) in flat, key
    assessment = classify(pack, draft.values())
    for finding in assessment.findings:
        for ref in finding.refs:
            assert _flat(label(ref)) in flat
    for section in pack.sections:
        assert _flat(section.title) in flat
    assert "note 0" in flat  # each answer's note is printed with it


def test_every_answer_and_its_note_is_printed_once(built, pack):
    """No answer is printed twice: the summary, the sections, the classification and the annex
    each quote only answers the pages before them have not."""
    draft, _, reader, _ = built
    body = _flat(" ".join(page.extract_text() for page in reader.pages[2:]))  # after the cover and contents
    questions = [q for s in pack.sections for q in s.questions]
    assert all(draft.answers[q.id].note for q in questions)  # the sample notes every answer
    for index, question in enumerate(questions):
        note = _flat(draft.answers[question.id].note)
        assert len(re.findall(re.escape(note.split("<i>")[0].rstrip()) + r"(?!\d)", body)) == 1, question.id


def test_markup_like_text_is_printed_literally(built):
    assert MARKUP in _flat(built[3])


def test_greek_and_chinese_answers_are_in_the_text_layer(built):
    flat = _flat(built[3])
    assert GREEK in flat
    assert CHINESE in flat.replace(" ", "")


def test_every_page_has_its_footer_and_the_outline_lists_the_sections(built):
    draft, _, reader, _ = built
    digest = fingerprint(draft.to_json().encode("utf-8"))
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()
    assert digest in _flat(reader.pages[-1].extract_text()).replace(" ", "")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert TEXT["classification"] in titles and TEXT["declaration"] in titles
    assert reader.metadata.title and reader.metadata.subject and reader.metadata.author == MARKUP


def test_the_contents_gives_each_section_its_page(built):
    _, _, reader, _ = built
    contents = _flat(" ".join(page.extract_text(extraction_mode="layout") for page in reader.pages[1:4]))
    chapters = [item for item in reader.outline if not isinstance(item, list)]
    assert len(chapters) >= 7
    for item in chapters:
        found = re.search(re.escape(item.title) + r"[ .]*(\d+)", contents)
        assert found, item.title
        assert int(found.group(1)) == reader.get_destination_page_number(item) + 1, item.title


def test_the_attachment_round_trips_with_its_fingerprint(built):
    draft, path, _, _ = built
    assert read_dossier(path) == draft.to_json().encode("utf-8")


def test_a_dossier_whose_data_was_changed_is_detected(built, tmp_path):
    draft, path, _, _ = built
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer._root_object["/Names"]  # the attachment is there; replace it with changed data
    del writer._root_object["/Names"]
    writer.add_attachment("draft.json", draft.to_json().replace("Acme", "Evil").encode("utf-8"))
    tampered = tmp_path / "tampered.pdf"
    with open(tampered, "wb") as stream:
        writer.write(stream)
    with pytest.raises(DossierError, match="changed"):
        read_dossier(tampered)


def test_a_changed_fingerprint_is_detected(built, tmp_path):
    draft, path, _, _ = built
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.add_metadata({"/SandboxKitFingerprint": fingerprint(b"other")})
    tampered = tmp_path / "tampered.pdf"
    writer.write(tampered)
    with pytest.raises(DossierError, match="changed"):
        read_dossier(tampered)


def test_the_same_draft_gives_the_same_bytes(built, pack, tmp_path):
    draft, path, _, _ = built
    again = tmp_path / "again.pdf"
    export_dossier(draft, pack, again)
    assert again.read_bytes() == path.read_bytes()
    assert PdfReader(str(again)).metadata.creation_date.isoformat().startswith("2026-03-14T09:26:53")


def test_a_very_long_answer_breaks_across_pages(pack, tmp_path):
    words = " ".join(f"word{i} <x> &" for i in range(6000))
    draft = full_draft(pack, long_text=words + "\n\n" + "x" * 4000)
    export_dossier(draft, pack, tmp_path / "long.pdf")
    assert len(PdfReader(str(tmp_path / "long.pdf")).pages) > 12


def test_answers_and_notes_taller_than_a_page_flow_across_pages(pack, tmp_path):
    draft = full_draft(pack)
    first, second = [q.id for s in pack.sections for q in s.questions if q.kind == "long_text"][:2]
    draft.answers[first] = Answer(value="line\n" * 700, note="汉字" * 700)  # one paragraph of 700 lines
    draft.answers[second] = Answer(value="漢字" * 3000, note="end of the note")  # no spaces to break at
    export_dossier(draft, pack, tmp_path / "tall.pdf")
    text = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "tall.pdf")).pages)
    assert 700 <= text.count("line") < 1400 and "end of the note" in text  # printed once, whole


def test_an_unwritable_output_leaves_no_file(built, pack, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refused(*args, **kwargs):  # the system's refusal, simulated: root may write anywhere
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(DossierError, match="cannot write the dossier here: Permission denied") as caught:
        export_dossier(built[0], pack, folder / "out.pdf")
    assert "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []


def test_an_output_under_a_file_is_refused_and_leaves_nothing(built, pack, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("keep")  # a real refusal by the system, for root too: a file cannot hold files
    with pytest.raises(DossierError, match="cannot write"):
        export_dossier(built[0], pack, blocker / "out.pdf")
    assert blocker.read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) in (["a file"], ["a file", "userdata"])


def test_a_failed_rename_leaves_no_temporary_file(built, pack, tmp_path):
    target = tmp_path / "a folder"
    target.mkdir()  # a folder in the way: the rename fails after the temporary file was written
    (target / "x").write_text("keep")
    with pytest.raises(DossierError, match="cannot write"):
        export_dossier(built[0], pack, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder", "userdata"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["a folder"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT)


def test_export_and_import_on_the_command_line(built, tmp_path):
    draft = built[0]
    source = tmp_path / "draft.json"
    source.write_text(draft.to_json(), encoding="utf-8")
    result = _cli("export", str(source), "-o", str(tmp_path / "d.pdf"))
    assert result.returncode == 0, result.stderr
    result = _cli("import", str(tmp_path / "d.pdf"), "-o", str(tmp_path / "back.json"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "back.json").read_bytes() == source.read_bytes()


@pytest.mark.parametrize("args", [("export", "missing.json", "-o", "x.pdf"), ("import", "missing.pdf"),
                                  ("export", "README.md", "-o", "x.pdf"), ("import", "README.md")])
def test_bad_input_gets_one_line_and_exit_2(args):
    result = _cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_export_to_a_missing_folder_is_one_line(built, tmp_path):
    source = tmp_path / "draft.json"
    source.write_text(built[0].to_json(), encoding="utf-8")
    result = _cli("export", str(source), "-o", str(tmp_path / "no" / "such" / "d.pdf"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert not (tmp_path / "no").exists()


def test_import_of_a_tampered_dossier_exits_2(built, tmp_path):
    _, path, _, _ = built
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.add_metadata({"/SandboxKitFingerprint": "0" * 64})
    writer.write(tmp_path / "t.pdf")
    result = _cli("import", str(tmp_path / "t.pdf"))
    assert result.returncode == 2 and "changed" in result.stderr and result.stderr.count("\n") == 1


def test_reportlab_is_not_imported_by_the_command_line_at_start():
    code = "import sys; from app.commands import main as cli; cli.build_parser(); print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
