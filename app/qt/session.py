"""The wizard's session: the draft session (app/session/draft_session.py) seen through Qt signals, and the
result the core gives for its answers.

Widgets set answers here and listen to the signals; they never talk to each other. The draft itself,
its file, passphrase, autosave and every flow around them belong to the Qt-free draft session
(`self.drafts`); this class adds what only the wizard needs. Every change re-evaluates the whole
pack (visibility, missing answers) and re-classifies it when its result is next asked: the core is
pure and fast enough for that (see benchmarks/classify.py), so nothing is cached between changes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.session.draft_session import DraftSession
from app.storage.drafts import Draft, Made
from app.session.prompts import Prompts
from forms.evaluation import Evaluation
from forms.progress import PathProgress, path_progress
from forms.schema import Pack

if TYPE_CHECKING:  # the kits' code loads only for a draft made with a kit (start-up time)
    from app.kits.kit import Kit
    from app.results.crosswalk import CrosswalkReport
    from app.results.document import ResultDocument
    from app.results.jurisdictions import JurisdictionResult, Questionnaire
    from risk_tiers.assessment import Assessment


# A text answer or a note is worked out again once typing pauses this long, not at every keystroke.
TYPING_PAUSE_MS = 250


class SectionStatus(str, Enum):
    DONE = "done"
    INCOMPLETE = "incomplete"
    # Incomplete and already left: its missing answers are marked, on the page and in the steps.
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Session(QObject):
    # The question id that changed, or "" when the whole draft was replaced.
    answers_changed = Signal(str)
    assessment_changed = Signal(object)
    dirty_changed = Signal(bool)
    path_changed = Signal(object)
    # The kit worn changed (a kit opened or set aside, a draft made with another kit opened): the
    # pack changed with it, and the views built from it are built again.
    kit_changed = Signal(object)
    attachments_changed = Signal()
    feedback_changed = Signal()  # the reviewer's feedback taken, or a reply written
    # The jurisdictions the draft targets changed (one added, or a draft targeting others put in
    # place): the pack asked changed with them, and the views built from it are built again.
    jurisdictions_changed = Signal(object)

    def __init__(self, pack: Pack, draft: Draft | None = None, path: Path | None = None, parent=None,
                 prompts: Prompts | None = None, kit: Kit | None = None,
                 find_kit: Callable[[Made], Kit | None] | None = None):
        super().__init__(parent)
        self.drafts = DraftSession(pack, prompts, draft, path, kit=kit, find_kit=find_kit)
        # What the core says of the answers, worked out when first asked: a session opened on a
        # named draft replaces its empty one before anyone asks. The assessment is worked out apart,
        # when first asked: a question page needs none (at start-up the result panel fills after it).
        self._results: tuple[Evaluation, set[str]] | None = None
        self._assessment: Assessment | None = None
        self._last_assessment: Assessment | None = None  # the last one the views know of (any draft or pack)
        # For several jurisdictions: each one's result, worked out when first asked, and the other
        # jurisdictions' assessments the views last heard of (an answer only another law asks
        # changes its result and not the own pack's).
        self._each: tuple[JurisdictionResult, ...] | None = None
        self._last_others: tuple[Assessment, ...] = ()
        # Typing: the draft takes each keystroke at once (saving, exporting or closing loses nothing),
        # the views hear of it, and the pack is evaluated again, once typing pauses (flush_typing).
        self._typing_into: str | None = None
        self._typed: list[str] = []  # questions typed in that the views have not heard of yet
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.flush_typing)
        self.drafts.answers_changed.connect(self._on_answers_changed)
        self.drafts.dirty_changed.connect(self.dirty_changed.emit)
        self.drafts.path_changed.connect(self.path_changed.emit)
        self.drafts.kit_changed.connect(self._on_kit_changed)
        self.drafts.attachments_changed.connect(self.attachments_changed.emit)
        self.drafts.feedback_changed.connect(self.feedback_changed.emit)
        self.drafts.jurisdictions_changed.connect(self._on_jurisdictions_changed)
        # The questionnaire asked for several jurisdictions (app/results/composed.py), for the
        # jurisdictions and the pack it was made for.
        self._asked: tuple[tuple, Pack, Questionnaire | None] | None = None

    @property
    def pack(self) -> Pack:
        """The pack asked: the one in use (the kit's when one is worn), or, for a draft that targets
        several jurisdictions, it asking their composed questionnaire (shared facts once)."""
        return self._composed()[1]

    @property
    def own_pack(self) -> Pack:
        """The pack in use, whose result the result panel and the dossier lead with."""
        return self.drafts.pack

    @property
    def questionnaire(self) -> Questionnaire | None:
        """The jurisdictions composed, when the draft targets more than its own pack."""
        return self._composed()[2]

    def asked_as(self, question_id: str) -> str:
        """The question the wizard asks for `question_id`: for several jurisdictions, the shared
        fact a pack's own question stands for (a result read under its own pack names the EU pack's
        `privacy.personal_data`, which the wizard asks as `core.personal_data`); else the id itself."""
        questionnaire = self.questionnaire
        if questionnaire is not None:
            for linked in questionnaire.shared.values():
                if question_id in linked:
                    return linked[question_id]
        return question_id

    def glossary_pack(self, section_id: str) -> Pack:
        """The pack whose glossary the words of section `section_id` link to (app/results/composed.py)."""
        if self.questionnaire is None:  # one pack: the composition is not imported for it
            return self.pack
        from app.results.composed import glossary_pack

        return glossary_pack(self.pack, self.questionnaire, section_id)

    def glossary_packs(self) -> tuple[Pack, ...]:
        """The packs whose glossaries Help > Glossary offers, the pack in use first."""
        if self.questionnaire is None:
            return (self.pack,)
        from app.results.composed import glossary_packs

        return glossary_packs(self.pack, self.questionnaire)

    def _composed(self) -> tuple[tuple, Pack, Questionnaire | None]:
        key = (id(self.drafts.pack), tuple(self.draft.jurisdictions))
        if self._asked is None or self._asked[0] != key:
            if len(self.draft.jurisdictions) < 2:  # the composition (and the engine it imports) loads only when needed
                self._asked = (key, self.drafts.pack, None)
            else:
                from app.results.composed import asked_pack, questionnaire_for

                questionnaire = questionnaire_for(self.drafts.pack, self.draft.jurisdictions)
                self._asked = (key, asked_pack(self.drafts.pack, questionnaire), questionnaire)
        return self._asked

    @property
    def kit(self) -> Kit | None:
        return self.drafts.kit

    # --- what the draft session holds ---
    @property
    def draft(self) -> Draft:
        return self.drafts.draft

    @property
    def path(self) -> Path | None:
        return self.drafts.path

    @property
    def dirty(self) -> bool:
        return self.drafts.dirty

    @property
    def passphrase(self) -> str | None:
        return self.drafts.passphrase

    @property
    def display_name(self) -> str:
        return self.drafts.display_name

    def value(self, question_id: str) -> Any:
        return self.drafts.value(question_id)

    def note(self, question_id: str) -> str:
        return self.drafts.note(question_id)

    def set_answer(self, question_id: str, value: Any) -> None:
        self.drafts.set_answer(question_id, value)

    def set_note(self, question_id: str, note: str) -> None:
        self.drafts.set_note(question_id, note)  # results quote the notes on their answers

    def type_answer(self, question_id: str, value: Any) -> None:
        """A keystroke in a text answer: kept in the draft now, told to the views once typing pauses."""
        self._while_typing(question_id, lambda: self.drafts.set_answer(question_id, value))

    def type_note(self, question_id: str, note: str) -> None:
        """A keystroke in a note: kept in the draft now, told to the views once typing pauses."""
        self._while_typing(question_id, lambda: self.drafts.set_note(question_id, note))

    @property
    def typing(self) -> bool:
        """True while what was typed last has not been told to the views yet."""
        return bool(self._typed)

    def flush_typing(self) -> None:
        """Tell the views now what was typed and not told yet (the draft holds it already)."""
        self._typing.stop()
        typed, self._typed = self._typed, []
        for question_id in typed:
            self._tell(question_id)

    def _while_typing(self, question_id: str, change: Callable[[], None]) -> None:
        self._typing_into = question_id
        try:
            change()
        finally:
            self._typing_into = None

    # --- what the core says of it ---
    @property
    def evaluation(self) -> Evaluation:
        return self._worked_out()[0]

    @property
    def missing(self) -> set[str]:
        """The required questions asked and not answered."""
        return self._worked_out()[1]

    @property
    def assessment(self) -> Assessment:
        self._worked_out()  # afresh, after typing the views have not heard of yet
        if self._assessment is None:
            from risk_tiers.classify import classify  # imported here: see _assessment above

            questionnaire = self.questionnaire
            # For several jurisdictions the own pack's is the first of each one's (its answers are
            # those its pack reads, each shared fact's answer standing for its own question).
            self._assessment = (classify(self.pack, self.draft.values(), self.draft.notes()) if questionnaire is None
                                else self._assessed_each(questionnaire)[0].assessment)
            if not self._typed:  # else the views still show the one before the typing
                self._last_assessment = self._assessment
        return self._assessment

    def result_document(self, assessment: Assessment) -> ResultDocument:
        """The own pack's result document of `assessment` (for several jurisdictions: of the answers
        its pack reads, each shared fact's answer under its own question)."""
        from app.results.document import result_document

        questionnaire = self.questionnaire
        if questionnaire is None:
            return result_document(self.pack, self.draft, assessment, self.evaluation)
        from app.results.composed import draft_for

        return result_document(self.own_pack, draft_for(questionnaire, self.own_pack, self.draft), assessment,
                               whole=self.draft)

    def each_result(self) -> tuple[tuple[ResultDocument, ...], CrosswalkReport] | None:
        """Each jurisdiction's result and the evidence reuse among them; None for one jurisdiction."""
        questionnaire = self.questionnaire
        if questionnaire is None:
            return None
        from app.results.composed import each_result

        return each_result(questionnaire, self.draft, self._assessed_each(questionnaire))

    def _assessed_each(self, questionnaire: Questionnaire) -> tuple[JurisdictionResult, ...]:
        self._worked_out()  # afresh, after typing
        if self._each is None:
            from app.results.jurisdictions import assess

            self._each = assess(questionnaire, self.draft.values(), self.draft.notes())
        return self._each

    def _other_assessments(self) -> tuple[Assessment, ...]:
        questionnaire = self.questionnaire
        if questionnaire is None:
            return ()
        return tuple(result.assessment for result in self._assessed_each(questionnaire)[1:])

    def section_status(self, section_id: str) -> SectionStatus:
        section = self.evaluation.index.sections[section_id]
        visible = [q.id for q in section.questions if self.evaluation.is_visible(q.id)]
        if not visible:
            return SectionStatus.NOT_APPLICABLE
        if any(qid in self.missing for qid in visible):
            return SectionStatus.INCOMPLETE
        return SectionStatus.DONE

    def missing_in(self, section_id: str) -> int:
        """Required answers not given among the section's questions asked."""
        section = self.evaluation.index.sections[section_id]
        return sum(1 for q in section.questions if q.id in self.missing)

    def progress(self, reached=()) -> PathProgress:
        """How far the draft is on the path its answers take (forms/progress.py); `reached`: the
        sections already shown."""
        return path_progress(self.evaluation, reached)

    def _on_answers_changed(self, question_id: str) -> None:
        if question_id and question_id == self._typing_into:
            self._results = None  # whoever asks before the views hear of it gets it worked out afresh
            if question_id not in self._typed:
                self._typed.append(question_id)
            self._typing.start()
            return
        if question_id:
            self.flush_typing()  # in the order typed and changed
        else:  # a whole draft put in place: every view hears of it, the typing before is past
            self._typing.stop()
            self._typed.clear()
            if self._asked is not None and self._asked[0][1] != tuple(self.draft.jurisdictions):
                self._recompute()  # the views are built again for its questionnaire before they hear of it
                self.jurisdictions_changed.emit(list(self.draft.jurisdictions))
        self._tell(question_id)

    def _tell(self, question_id: str) -> None:
        before, before_others = self._last_assessment, self._last_others
        self._recompute()
        self.answers_changed.emit(question_id)
        # Most keystrokes in a text answer leave the result as it was: then the result panel need not
        # be rebuilt (that rebuild costs more than the classification itself). Before any result was
        # worked out nobody shows one: whoever asks first gets the new one.
        if before is None:
            return
        others = self._other_assessments()
        self._last_others = others
        if not question_id or self.assessment != before or others != before_others:
            self.assessment_changed.emit(self.assessment)

    def _worked_out(self) -> tuple[Evaluation, set[str]]:
        if self._results is None:
            self._recompute()
        return self._results  # type: ignore[return-value]

    def _on_kit_changed(self, kit) -> None:
        self._recompute()
        self.kit_changed.emit(kit)

    def _on_jurisdictions_changed(self, jurisdictions: list[str]) -> None:
        self._recompute()
        self.jurisdictions_changed.emit(jurisdictions)

    def _recompute(self) -> None:
        evaluation = Evaluation(self.pack, self.draft.values())
        self._results = (evaluation, set(evaluation.missing_required()))
        self._assessment = None
        self._each = None
