"""An answer is worded in one place (app/results/wording.py, through the result document): the report,
the review page and the dossier show the same."""

from app.results.wording import answer_text
from forms.texts import YES_NO


def _question(pack, kind):
    return next(q for s in pack.sections for q in s.questions if q.kind == kind)


def test_yes_no_answers_read_as_the_wizard_names_them(pack):
    question = _question(pack, "yes_no")
    for value in ("yes", "no", "unsure"):
        assert answer_text(pack, question.id, value) == YES_NO[value]


def test_choices_read_by_their_labels_and_whole_numbers_without_a_point(pack):
    question = _question(pack, "multi_choice")
    first, second = question.options[0], question.options[1]
    shown = answer_text(pack, question.id, [first.id, second.id])
    assert shown.startswith(first.label) and shown.endswith(second.label)
    number = _question(pack, "number")
    assert answer_text(pack, number.id, 6.0) == "6" and answer_text(pack, number.id, 6.5) == "6.5"


def test_the_result_document_words_each_answer_once_for_every_output(pack):
    """The answers behind findings and derived results read as the same answers listed by section,
    which the review page, the dossier's annex and the report all print."""
    from pathlib import Path

    from app.results.document import result_document
    from app.storage.drafts import load_draft
    from risk_tiers.classify import classify

    draft = load_draft(Path(__file__).resolve().parents[2] / "resources" / "examples" / "cv_screening.json")
    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    behind = [a for part in document.findings + document.derived for a in part.because]
    assert behind
    for answer in behind:
        listed = document.answer(answer.question)
        assert (answer.value, answer.note) == (listed.value, listed.note)
        assert answer.value == answer_text(pack, answer.question, draft.answers[answer.question].value)
