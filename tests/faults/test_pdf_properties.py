"""Property: any Unicode text a draft can hold, placed in a short answer, a long answer and a note,
exports to a valid PDF (pypdf reads it) whose text layer holds that text as the dossier prints it.

A draft is JSON, so it holds any Unicode string except lone surrogates. What the dossier prints
for a text is `printable(text)` (app/dossier/typeset.py, docs/dossier/text.md): control
characters and characters no shipped font can draw become U+FFFD, spaces become word spaces.
"""

import datetime as dt
import io

import pypdf._text_extraction
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.dossier.texts import TEXT as DOSSIER
from app.dossier.export import build_pdf
from app.dossier.typeset import REPLACEMENT, printable
from app.storage.drafts import Answer, Draft
from forms.loader import default_pack

PACK = default_pack()
WHEN = dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.timezone.utc)
SHORT = next(q for s in PACK.sections for q in s.questions if q.kind == "short_text")
LONG = next(q for s in PACK.sections for q in s.questions if q.kind == "long_text")

# Fragments a random string rarely hits on its own: markup, entities, controls, right-to-left
# scripts, CJK, combining marks, bidi controls, characters outside the BMP.
TRICKY = ["<b>", "</para>", "&amp;", "&#0;", "<font name='x'>", "]]>", "\x00", "\x1b[31m", "\x7f", "\x85",
          "\t", "\r\n", "\u2028", "\u200b", "\xa0", "مرحبا", "שלום", "漢字", "かな", "한국어", "Ελλάδα", "Łódź",
          "e\u0301", "\u202e", "\ufeff", "😀", "\U00020000", "\ufffe"]
TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=30), st.sampled_from(TRICKY)),
                max_size=8).map("".join)


def _squeezed(text: str) -> str:
    """Text with all whitespace removed: lines wrap, and long words break, anywhere."""
    return "".join(text.split())


@pytest.fixture(autouse=True)
def read_in_drawn_order(monkeypatch):
    """pypdf reverses right-to-left runs, assuming the PDF holds them in visual order; reportlab
    draws them in the order typed (it has no bidi layout), so read them in the order drawn."""
    monkeypatch.setattr(pypdf._text_extraction, "is_char_rtl", lambda *args, **kwargs: False)


def test_what_the_dossier_does_with_awkward_characters():
    assert printable("a\x00b\x1bc\x7fd\x9f") == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}"
    assert printable("one\r\ntwo\rthree\u2028four\tfive\u200bsix") == "one\ntwo\nthree\nfour fivesix"
    assert printable("😀 \U00020000 \ufffe") == f"{REPLACEMENT} {REPLACEMENT} {REPLACEMENT}"
    kept = "Ελλάδα Łódź Кириллица 漢字 かな e\u0301 שלום <b>&amp;"
    assert printable(kept) == kept


# 40 examples: an export of such a draft takes about 0.1 s, a few seconds in all even on a loaded machine.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(short=TEXT.map(lambda t: t[: SHORT.max_length]), long=TEXT, note=TEXT)
@example(short="", long="\x85", note=" \n\n\x0c\n\n ")  # only what str.strip() calls whitespace: once dropped
def test_any_text_exports_to_a_readable_pdf_holding_it(short, long, note):
    answers = {SHORT.id: Answer(value=short), LONG.id: Answer(value=long, note=note)}
    draft = Draft.new(PACK, WHEN).model_copy(update={"applicant": short[:500], "answers": answers})
    draft = Draft.model_validate_json(draft.to_json())  # what a draft file can carry
    data = draft.to_json().encode("utf-8")
    pdf = build_pdf(draft, PACK, data, lambda fraction: None)  # never raises
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    layer = _squeezed("".join(page.extract_text() for page in reader.pages))
    for text in (short, long, DOSSIER["your_note"].format(note=note) if note else ""):  # an empty note is no note
        assert _squeezed(printable(text)) in layer
    assert reader.attachments["draft.json"] == [data]
