"""The HTML dossier read back with the standard library's parser: the structure a screen reader
follows, the same parts as the PDF in the same order showing the same things (each answer once, the
decision path, the Art 60 checklist in the plan, the pack's declaration), the applicant's text shown
as typed, no script, and the draft inside read back by `import` with its fingerprint checked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dossier.attachment import fingerprint
from app.dossier.export import DossierError, export_dossier
from app.dossier.outline import PARTS
from app.dossier.texts import TEXT as DOSSIER_TEXT
from app.formats import html
from app.formats.files import export_html, read_draft_data
from app.formats.markup import REPLACEMENT, clean
from app.results.document import result_document
from app.storage.drafts import Answer, Draft, Lock, load_draft
from catalogue import table
from risk_tiers.classify import classify
from tests.dossier.sample import CHINESE, GREEK, MARKUP, WHEN, full_draft
from tests.formats import page as pages

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
HTML_TEXT = table("formats.html")


@pytest.fixture(scope="module")
def sample(tmp_path_factory, pack):
    """The sample draft (every question answered, markup, Greek and Chinese) as HTML and as PDF."""
    draft = full_draft(pack)
    folder = tmp_path_factory.mktemp("html")
    export_html(draft, pack, folder / "dossier.html")
    export_dossier(draft, pack, folder / "dossier.pdf")
    text = (folder / "dossier.html").read_text(encoding="utf-8")
    return draft, folder, text, pages.read(text)


def _page(pack, draft: Draft, tmp_path: Path) -> pages.Page:
    export_html(draft, pack, tmp_path / "d.html")
    return pages.read((tmp_path / "d.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_one_h1_and_headings_that_never_skip_a_level(example, pack, tmp_path):
    page = _page(pack, load_draft(example), tmp_path)
    levels = [h.level for h in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    assert all(h.text for h in page.headings)


def test_landmarks_the_skip_link_and_the_language(sample):
    _, _, text, page = sample
    assert page.landmarks == ["header", "nav", "main"]
    assert page.lang == "en"
    assert page.links[0] == f"#{html.MAIN_ID}" and html.MAIN_ID in page.ids
    parts = [h.id for h in page.headings if h.level == 2 and h.inside == ("main",)]
    # The documents only with a kit or documents, the changes since a review only with a reviewer's feedback,
    # the jurisdictions only with several targeted.
    assert parts == [f"part-{part}" for part in PARTS if part not in ("documents", "since_review", "jurisdictions")]
    assert not page.outside_elements


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_table_has_a_caption_and_header_cells_with_a_scope(example, pack, tmp_path):
    draft = load_draft(example)
    page = _page(pack, draft, tmp_path)
    obligations = 1 if classify(pack, draft.values()).obligations else 0
    assert len(page.tables) >= 2 + obligations  # the cover's facts, the signature, a role's obligations
    for found in page.tables:
        assert found.caption
        assert found.header_scopes and all(scope in ("row", "col") for scope in found.header_scopes)
        body_rows = found.rows - (1 if "col" in found.header_scopes else 0)
        assert found.rows_with_a_header == body_rows


def test_lists_are_lists(sample):
    page = sample[3]
    assert page.lists.get("dl", 0) >= 13  # the answers of every section of the annex, and more
    assert page.lists.get("ul", 0) >= 5 and page.lists.get("ol", 0) >= 1  # findings, open points; the contents
    assert page.tags.get("li", 0) > 30


def test_the_parts_and_their_subsections_are_the_pdfs_in_the_pdfs_order(sample):
    from pypdf import PdfReader

    _, folder, _, page = sample
    outline, expected = PdfReader(str(folder / "dossier.pdf")).outline, []
    for item in outline:
        if isinstance(item, list):
            expected[-1][1].extend(" ".join(child.title.split()) for child in item)
        else:
            expected.append((" ".join(item.title.split()), []))
    found = []
    for heading in page.headings:
        if heading.inside == ("main",) and heading.level == 2:
            found.append((heading.text, []))
        elif heading.inside == ("main",) and heading.level == 3:
            found[-1][1].append(heading.text)
    assert found == expected


def test_every_answer_and_its_note_is_shown_once(sample, pack):
    """As in the PDF: the summary, the sections, the classification and the annex each quote only
    answers the parts before them have not."""
    draft, _, _, page = sample
    body = page.text.split(DOSSIER_TEXT[PARTS["summary"]], 2)[2]  # after the cover and the contents
    questions = [q for s in pack.sections for q in s.questions]
    assert all(draft.answers[q.id].note for q in questions)  # the sample notes every answer
    for question in questions:
        note = draft.answers[question.id].note.split("<i>")[0].rstrip()
        assert len(re.findall(re.escape(note) + r"(?!\d)", body)) == 1, question.id


def _subsections(page: pages.Page, part: str) -> list[str]:
    return [h.text for h in page.headings if h.id and h.id.startswith(f"part-{part}-")]


def test_the_decision_path_the_plans_checklist_and_the_packs_declaration(pack, tmp_path):
    draft = load_draft(ROOT / "resources" / "examples" / "cv_screening.json")
    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    page = _page(pack, draft, tmp_path)
    assert document.decision_path and DOSSIER_TEXT["decision_path"] in _subsections(page, "classification")
    for number, answer in enumerate(document.decision_path, 1):
        step = DOSSIER_TEXT["path_step"].format(number=number, question=answer.text, answer=answer.value)
        assert " ".join(step.split()) in page.text
    plan = [part for part in document.derived if part.part == "plan"]
    assert plan and all(DOSSIER_TEXT["checklist"].format(title=p.title, status=p.value_text)
                        in _subsections(page, "plan") for p in plan)
    assert not any(p.title in " ".join(_subsections(page, "data_protection")) for p in plan)
    assert pack.declaration and document.declaration.refs
    heading = page.text.rindex(DOSSIER_TEXT[PARTS["declaration"]])  # in the page, after the contents' line
    annex = page.text.index(DOSSIER_TEXT[PARTS["annex"]], heading)
    for words in (pack.declaration, document.declaration.citations):
        assert heading < page.text.index(" ".join(words.split()), heading) < annex


def test_the_contents_links_every_part_and_subsection(sample):
    page = sample[3]
    targets = [link[1:] for link in page.links if link.startswith("#part-")]
    headings = [h.id for h in page.headings if h.inside == ("main",)]
    assert targets == headings and len(set(targets)) == len(targets)


def test_the_applicants_text_shows_as_typed_and_makes_no_element(sample, pack):
    draft, _, text, page = sample
    assert MARKUP in page.text and GREEK in page.text and CHINESE in page.text
    assert "<b>" not in text.split('id="draft"')[0].replace("&lt;b&gt;", "")
    assert page.tags.get("b", 0) == 0 and page.tags.get("i", 0) == 0 and page.tags.get("para", 0) == 0
    assert f"note 0 <i>{GREEK}</i>" in page.text  # a note, as typed


def test_no_script_runs_and_nothing_is_loaded_from_elsewhere(sample):
    _, _, text, page = sample
    assert page.scripts == [{"type": "application/json", "id": "draft"}]
    assert page.handlers == []
    assert all(link.startswith("#") for link in page.links)
    assert page.tags.get("link", 0) == 0 and page.tags.get("img", 0) == 0 and page.tags.get("iframe", 0) == 0
    assert "javascript:" not in text.lower() and "url(" not in text


def test_the_certainty_is_said_in_words(pack, tmp_path):
    def certainty(draft: Draft) -> str:
        found = _page(pack, draft, tmp_path).text
        return next(key for key in ("settled", "possibly", "not_assessed") if HTML_TEXT[key] in found)

    assert certainty(load_draft(ROOT / "resources" / "examples" / "cv_screening.json")) == "settled"
    empty = Draft(id=full_draft(pack).id, lock=Lock.of(pack), created=WHEN, modified=WHEN)
    assert certainty(empty) == "not_assessed"
    undecided = empty.model_copy(update={"answers": {"system.offering": Answer(value="system")}})
    assert certainty(undecided) == "possibly"


def test_the_fingerprint_is_printed_and_the_draft_inside_round_trips(sample):
    draft, folder, _, page = sample
    digest = fingerprint(draft.to_json().encode("utf-8"))
    assert page.text.count(digest) == 2  # on the cover and under the declaration
    assert read_draft_data(folder / "dossier.html") == draft.to_json().encode("utf-8")


def _tampered(text: str, folder: Path, old: str, new: str) -> Path:
    assert old in text
    path = folder / "tampered.html"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_changed_draft_a_changed_fingerprint_or_none_is_refused(sample, tmp_path):
    draft, _, text, _ = sample
    digest = fingerprint(draft.to_json().encode("utf-8"))
    data = text[text.index('id="draft">'):]
    cases = [(data, data.replace("note 1 ", "note 9 ", 1), "changed"),
             (f'content="{digest}"', f'content="{fingerprint(b"other")}"', "changed"),
             (f'"fingerprint">{digest}<', f'"fingerprint">{fingerprint(b"other")}<', "changed"),
             (f'<meta name="sandbox-kit-fingerprint" content="{digest}">', "", "fingerprint"),
             ('id="draft"', 'id="nothing"', "no draft data"),
             (data, 'id="draft">{not json', "changed")]
    for old, new, message in cases:
        with pytest.raises(DossierError, match=message):
            read_draft_data(_tampered(text, tmp_path, old, new))


def test_the_same_draft_gives_the_same_page(sample, pack, tmp_path):
    draft, folder, _, _ = sample
    export_html(draft, pack, tmp_path / "again.html")
    assert (tmp_path / "again.html").read_bytes() == (folder / "dossier.html").read_bytes()


def test_export_and_import_through_the_command_line(sample, tmp_path):
    draft = sample[0]
    source = tmp_path / "draft.json"
    source.write_text(draft.to_json(), encoding="utf-8")
    for args in (["--format", "html", "-o", str(tmp_path / "d.out")], ["-o", str(tmp_path / "d.htm")]):
        done = subprocess.run([sys.executable, "main.py", "export", str(source), *args], cwd=ROOT,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    for name in ("d.out", "d.htm"):
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        done = subprocess.run([sys.executable, "main.py", "import", str(tmp_path / name), "-o",
                               str(tmp_path / "back.json")], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "back.json").read_bytes() == source.read_bytes()


# Fragments a random string rarely hits on its own: markup that would end the data block or an
# element, entities, controls, noncharacters, line ends.
TRICKY = ["</script>", "<!--", "]]>", "<b>", "&amp;", "&#0;", "\x00", "\x1b", "\x7f", "\x85", "\r\n", "\r",
          "\u2028", "\ufffe", "\U0010ffff", "😀", "مرحبا", '"', "'", "\\u003c"]
TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=20), st.sampled_from(TRICKY)),
                max_size=6).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(answer=TEXT, note=TEXT)
def test_any_text_shows_as_html_may_hold_it_and_the_draft_round_trips(answer, note, pack, tmp_path):
    question = next(q for s in pack.sections for q in s.questions if q.kind == "long_text")
    draft = full_draft(pack)
    draft.answers[question.id] = Answer(value=answer or "x", note=note)
    path = tmp_path / "any.html"
    export_html(draft, pack, path)
    text = path.read_text(encoding="utf-8")
    page = pages.read(text)
    shown = " ".join("".join(page.texts).split())
    for typed in (answer or "x", note):
        assert " ".join(clean(typed).split()) in shown
    assert not any(char in text for char in "\x00\x1b\x7f\ufffe")
    assert read_draft_data(path) == draft.to_json().encode("utf-8")
    assert REPLACEMENT not in clean("plain text, Ελλάδα, 漢字")


def test_what_html_may_not_hold_becomes_the_replacement_character():
    assert clean("a\x00b\x1bc\x7fd\x85e\ufffef\udc80") == "a" + f"{REPLACEMENT}b" + f"{REPLACEMENT}c" \
        + f"{REPLACEMENT}d" + f"{REPLACEMENT}e" + f"{REPLACEMENT}f" + REPLACEMENT
    assert clean("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"


def test_anything_else_is_not_a_dossier(tmp_path):
    cases = {"page.html": "<!DOCTYPE html><html><body><p>hello</p></body></html>",
             "data.json": json.dumps({"format": "something else"}), "draft.json": (ROOT / "resources" / "examples"
                                                                              / "cv_screening.json").read_text(),
             "newer.json": json.dumps({"format": "sandbox-kit-dossier", "version": 3}),
             "text.txt": "just words", "binary.bin": "\x00\x01"}
    expected = {"page.html": "no draft data", "data.json": "not a dossier", "draft.json": "not a dossier",
                "newer.json": "version 3", "text.txt": "not a dossier", "binary.bin": "not a dossier"}
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        with pytest.raises(DossierError, match=expected[name]):
            read_draft_data(tmp_path / name)
    with pytest.raises(DossierError, match="no such file"):
        read_draft_data(tmp_path / "missing.html")


def test_the_risks_table_and_the_requirements_with_their_status(pack, tmp_path):
    """As the PDF: the risks to people as a table with a row per kind chosen, right after the
    summary; each requirement with how far its measure is and the measure stated."""
    draft = load_draft(ROOT / "resources" / "examples" / "cv_screening.json")
    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    page = _page(pack, draft, tmp_path)
    risks = [t for t in document.tables if t.part == "risks"]
    assert risks and risks[0].rows
    found = next(t for t in page.tables if t.caption == risks[0].title)
    assert found.rows == len(risks[0].rows) + 1 and found.rows_with_a_header == len(risks[0].rows)
    shown = [o.duty for o in document.obligations if o.duty]
    assert shown and all(" ".join(duty.measure.split()) in page.text for duty in shown if duty.stated)
    part = page.text.split(DOSSIER_TEXT[PARTS["requirements"]])[-1]
    for duty in shown:
        assert " ".join(duty.status_text.split()) in part
