"""Several jurisdictions in one computation: the packs chosen, one set of answers, each shared fact
asked once, and each jurisdiction's own result worked out by the same engine.

`compose` makes the questionnaire: the shared facts (forms/shared_core.py) that a chosen pack asks
as they are, or that two chosen packs ask in their own words, come first as one section; then each
pack's own sections without the questions that stand for those facts. `assess` gives, for each
pack, its answers (the shared answer standing in for each of its linked questions) and the
assessment `classify` makes of them: its result, obligations, open points and gaps. Nothing here
knows a law: the links are the packs' data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, TypeVar

from catalogue import language, tr
from forms.schema import Pack, Section
from forms.shared_core import asked_section, links
from risk_tiers.assessment import Assessment
from risk_tiers.classify import classify

T = TypeVar("T")


class CompositionError(Exception):
    """Packs that cannot be asked together (two packs asking different questions under one id)."""


@dataclass(frozen=True)
class Questionnaire:
    packs: tuple[Pack, ...]
    # The shared facts asked once, or None when no fact is shared among the packs chosen.
    core: Section | None
    # Each pack's own sections, without the questions the core asks: (pack id, section).
    sections: tuple[tuple[str, Section], ...]
    # Pack id -> {its question id: the shared fact's id}, for the facts the core asks.
    shared: Mapping[str, Mapping[str, str]]

    def pack(self, pack_id: str) -> Pack:
        return next(pack for pack in self.packs if pack.id == pack_id)

    def all_sections(self) -> tuple[Section, ...]:
        return ((self.core,) if self.core else ()) + tuple(section for _, section in self.sections)

    def question_ids(self) -> list[str]:
        """Every question asked, in order: a shared fact once, before the packs' own questions."""
        return [question.id for section in self.all_sections() for question in section.questions]


@dataclass(frozen=True)
class JurisdictionResult:
    pack: Pack
    # The pack's answers: its own, and the shared answer under each question that stands for it.
    answers: Mapping[str, Any]
    assessment: Assessment


def compose(packs: tuple[Pack, ...] | list[Pack]) -> Questionnaire:
    """One questionnaire for `packs` (in the order given), each shared fact asked once."""
    packs = tuple(packs)
    if len({pack.id for pack in packs}) != len(packs):
        raise CompositionError(tr("jurisdictions.pack_twice"))
    linked = {pack.id: links(pack) for pack in packs}
    asked_once = _asked_once(linked)
    shared = {pack_id: {qid: core for qid, core in found.items() if core in asked_once}
              for pack_id, found in linked.items()}
    core = asked_section(language())  # in the language the packs were read in
    core_section = core.model_copy(update={"questions": tuple(q for q in core.questions if q.id in asked_once)})
    sections = []
    for pack in packs:
        for section in pack.sections:
            own = tuple(q for q in section.questions if q.id not in shared[pack.id])
            if own:
                sections.append((pack.id, section.model_copy(update={"questions": own})))
    _check_distinct(sections)
    return Questionnaire(packs, core_section if asked_once else None, tuple(sections), shared)


def _asked_once(linked: dict[str, dict[str, str]]) -> set[str]:
    """The shared facts the core section asks: those a pack asks as they are, and those two packs
    or more ask in their own words. One pack alone keeps its own words."""
    as_is = {core for found in linked.values() for qid, core in found.items() if qid == core}
    counts: dict[str, int] = {}
    for found in linked.values():
        for core in set(found.values()):
            counts[core] = counts.get(core, 0) + 1
    return as_is | {core for core, count in counts.items() if count > 1}


def _check_distinct(sections: list[tuple[str, Section]]) -> None:
    owner: dict[str, str] = {}
    for pack_id, section in sections:
        for question in section.questions:
            other = owner.setdefault(question.id, pack_id)
            if other != pack_id:
                raise CompositionError(tr("jurisdictions.same_question", question=question.id, pack=pack_id,
                                          other=other))


def shared_answers(questionnaire: Questionnaire, answers: Mapping[str, T]) -> dict[str, T]:
    """`answers` with each shared fact not answered as such taken from a pack's question that
    stands for it (in the order of the packs): a file made for one jurisdiction carries its
    answers to the facts the others share."""
    found = dict(answers)
    for pack in questionnaire.packs:
        for qid, core in questionnaire.shared[pack.id].items():
            if core not in found and qid in answers:
                found[core] = answers[qid]
    return found


def answers_for(questionnaire: Questionnaire, pack_id: str, answers: Mapping[str, T]) -> dict[str, T]:
    """The answers `pack_id` reads: its own questions' answers, each question that stands for a
    shared fact taking the fact's answer (its own answer where the fact has none)."""
    pack = questionnaire.pack(pack_id)
    everything = shared_answers(questionnaire, answers)
    own = {q.id for section in pack.sections for q in section.questions}
    found = {qid: value for qid, value in everything.items() if qid in own}
    for qid, core in questionnaire.shared[pack_id].items():
        if core in everything:
            found[qid] = everything[core]
    return found


def assess(questionnaire: Questionnaire, answers: Mapping[str, Any],
           notes: Mapping[str, str] | None = None) -> tuple[JurisdictionResult, ...]:
    """Each chosen jurisdiction's result of one set of answers, by the same engine."""
    results = []
    for pack in questionnaire.packs:
        own = answers_for(questionnaire, pack.id, answers)
        own_notes = answers_for(questionnaire, pack.id, notes or {})
        results.append(JurisdictionResult(pack, own, classify(pack, own, own_notes)))
    return tuple(results)
