"""An answer is worded in one place: the report, the review page and the dossier show the same."""

from app.results.report import answer_text
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


def test_the_dossier_words_an_answer_as_the_report_does(pack):
    from app.dossier.content import Reader
    from app.storage.drafts import Draft

    reader = Reader(Draft.new(pack), pack)
    question = _question(pack, "yes_no")
    assert reader.answer(question.id, "unsure") == answer_text(pack, question.id, "unsure")
