"""The shared core: the facts several packs need, defined once (packs/shared_core/core.yaml), so that
an applicant who applies under several laws answers each of them once.

A pack asks the shared facts as they are (`shared_core: true` in its manifest puts the core's
section first), or links a question of its own to one of them with `same_as: core.<id>`. A link
is checked when the pack is loaded: every answer the shared question accepts must be an answer the
pack's question accepts (same kind, its options among the pack's, limits no narrower), since in a
questionnaire for several packs the shared answer is the one the pack reads.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from catalogue import table, tr
from forms.layer import PackError
from forms.safe_yaml import DataFileError, read_yaml
from forms.schema import Pack, Question, Section

SHARED_CORE_DIR = Path(__file__).parent / "packs" / "shared_core"
SHARED_CORE_FILE = SHARED_CORE_DIR / "core.yaml"
MANIFEST_KEY = "shared_core"
PREFIX = "core."

KINDS = table("packs.kind")
QUESTION_KINDS = table("packs.question_kind")
# Text kinds hold each other's answers where the length allows.
_TEXT_KINDS = {"short_text", "long_text"}


def core_data() -> dict:
    """The shared core's file as read (the part a pack's manifest adds with `shared_core: true`)."""
    try:
        data = read_yaml(SHARED_CORE_FILE)
    except DataFileError as error:
        raise PackError(str(error)) from None
    if not isinstance(data, dict):
        raise PackError(tr("packs.not_mapping", path=SHARED_CORE_FILE))
    return data


@lru_cache(maxsize=1)
def shared_section() -> Section:
    """The shared core's one section, validated (in English: its words in a pack are the pack's)."""
    sections = core_data().get("sections") or []
    return Section.model_validate(sections[0])


@lru_cache(maxsize=8)
def asked_section(language: str) -> Section:
    """The shared core's section as a questionnaire asks it, in `language`: from an overlay
    `shared_core/locale/<language>.yaml` where there is one (English otherwise), accented in the
    pseudo-language as a pack's texts are (forms/translations.py)."""
    from forms.translations import localised

    return localised(shared_section(), SHARED_CORE_DIR, language)


def shared_questions() -> dict[str, Question]:
    return {question.id: question for question in shared_section().questions}


def links(pack: Pack) -> dict[str, str]:
    """The pack's questions that stand for a shared fact: question id -> core id. The shared core's
    own questions in a pack stand for themselves."""
    core = shared_questions()
    found = {}
    for section in pack.sections:
        for question in section.questions:
            if question.same_as:
                found[question.id] = question.same_as
            elif question.id in core:
                found[question.id] = question.id
    return found


def link_problems(pack: Pack) -> Iterator[tuple[str, str, str]]:
    """(kind, id, message) for each `same_as` that names no shared fact or cannot hold its answers."""
    core = shared_questions()
    taken: dict[str, str] = {}
    for section in pack.sections:
        for question in section.questions:
            item = tr("packs.item", kind=KINDS["question"], id=question.id)
            if not question.same_as:
                # A question with a shared fact's id stands for it: it must take the fact's answers.
                problem = _fit_problem(question, core[question.id]) if question.id in core else None
                if problem:
                    yield "question", question.id, tr(problem[0], pack=pack.id, item=item, core=question.id,
                                                      **problem[1])
                continue
            shared = core.get(question.same_as)
            if shared is None:
                yield "question", question.id, tr("packs.check.same_as_unknown", pack=pack.id, item=item,
                                                  core=question.same_as, file="shared_core/core.yaml")
                continue
            if question.same_as in taken:
                yield "question", question.id, tr("packs.check.same_as_twice", pack=pack.id, item=item,
                                                  core=question.same_as, other=taken[question.same_as])
                continue
            taken[question.same_as] = question.id
            problem = _fit_problem(question, shared)
            if problem:
                yield "question", question.id, tr(problem[0], pack=pack.id, item=item, core=shared.id, **problem[1])


def _fit_problem(own: Question, shared: Question) -> tuple[str, dict] | None:
    """Why `own` cannot take every answer `shared` accepts: (message id, its values), or None."""
    if own.kind != shared.kind and not {own.kind, shared.kind} <= _TEXT_KINDS:
        return "packs.check.same_as_kind", {"kind": QUESTION_KINDS[own.kind], "core_kind": QUESTION_KINDS[shared.kind]}
    if hasattr(shared, "options"):
        own_options = {option.id: option.unsure for option in own.options}
        for option in shared.options:
            if own_options.get(option.id) != option.unsure:
                return "packs.check.same_as_option", {"option": option.id}
    if own.kind in _TEXT_KINDS and own.max_length < shared.max_length:
        return "packs.check.same_as_limits", {}
    if own.kind == "number" and not _holds_numbers(own, shared):
        return "packs.check.same_as_limits", {}
    return None


def _holds_numbers(own, shared) -> bool:
    low_ok = own.minimum is None or (shared.minimum is not None and shared.minimum >= own.minimum)
    high_ok = own.maximum is None or (shared.maximum is not None and shared.maximum <= own.maximum)
    return low_ok and high_ok and (shared.integer or not own.integer)
