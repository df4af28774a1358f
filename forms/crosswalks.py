"""The crosswalk between two packs, as data: which evidence made for one jurisdiction serves the
other (`crosswalk/<pack>__<pack>.yaml`).

A file names its two packs and has one row per piece of evidence (the kinds are EVIDENCE: a
sandbox plan, an exit report ...). A row says how the first pack's requirement relates to the
second's (`same`: the same showing; `partly`: it covers part of it, `note` says what not;
`supports`: it helps make the showing without being it), and for each pack the requirement in
words, the provisions that set it, when the pack's answers (or a document of a kind named in
`documents`) cover it, and what is missing otherwise. This is evidence reuse: neither law
recognises the other's decisions, and nothing here says so.

`load_crosswalk` validates a file's shape, its evidence ids and its citations; `check_against`
checks each side's condition against its pack, as a pack's own conditions are checked.

The words of the rows in other languages are in `crosswalk/locale/<language>.yaml`, under `texts`,
each English text mapped to its translation: the same requirement written in several files is
translated once, and a text whose English changes shows in English until it is translated again.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Literal

from pydantic import Field, ValidationError, model_validator

from catalogue import language, tr
from catalogue.languages import PSEUDO
from catalogue.pseudo import pseudo
from forms.checks import condition_problem
from forms.citations import provisions
from forms.conditions import Condition
from forms.layer import PackError
from forms.loader import describe_error
from forms.safe_yaml import DataFileError, read_yaml
from forms.schema import Authored, Id, Pack, Refs, Text
from forms.translations import overlays

CROSSWALK_DIR = Path(__file__).parent / "crosswalk"
SEPARATOR = "__"
# The pieces of evidence a crosswalk row may be about, in the order rows are shown; their names are
# the catalogue's (`crosswalk.evidence.<id>`).
EVIDENCE = ("sandbox_plan", "exit_report", "risk_assessment", "data_governance", "technical_documentation",
            "human_oversight", "transparency", "data_protection", "real_world_testing", "monitoring",
            "consumer_redress")
RELATIONS = ("same", "partly", "supports")


class Side(Authored):
    """One pack's requirement for a piece of evidence."""

    requirement: Text
    refs: Refs = Field(min_length=1)
    # When the pack's answers show it is met (over the pack's own questions and rules).
    covered: Condition
    # Kinds of document (a kit's attachment ids) that cover it when one is added to the draft.
    documents: tuple[Id, ...] = ()
    missing: Text


class Row(Authored):
    evidence: Id
    relation: Literal["same", "partly", "supports"]
    note: Text = ""
    sides: dict[Id, Side]


class Crosswalk(Authored):
    packs: tuple[Id, Id]
    rows: tuple[Row, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _sides_are_the_packs(self) -> "Crosswalk":
        for row in self.rows:
            if set(row.sides) != set(self.packs):
                raise ValueError(tr("crosswalk.error.sides", evidence=row.evidence, packs=", ".join(self.packs)))
        return self

    def row(self, evidence: str) -> Row | None:
        return next((row for row in self.rows if row.evidence == evidence), None)


def crosswalk_files(folder: Path = CROSSWALK_DIR) -> list[Path]:
    return sorted(folder.glob(f"*{SEPARATOR}*.yaml"))


def load_crosswalk(path: Path) -> Crosswalk:
    """A crosswalk file, validated; a broken one raises PackError with one line naming the file."""
    try:
        data = read_yaml(path)
        crosswalk = Crosswalk.model_validate(data)
    except DataFileError as error:
        raise PackError(str(error)) from None
    except ValidationError as error:
        raise PackError(tr("packs.at_file", path=path, message=describe_error(error, data))) from None
    problem = _problem(path, crosswalk)
    if problem:
        raise PackError(tr("packs.at_file", path=path, message=problem))
    return crosswalk


def _problem(path: Path, crosswalk: Crosswalk) -> str | None:
    named = SEPARATOR.join(crosswalk.packs)
    if path.stem != named:
        return tr("crosswalk.error.file_name", name=f"{named}.yaml")
    known, seen = provisions(), set()
    for row in crosswalk.rows:
        if row.evidence not in EVIDENCE:
            return tr("crosswalk.error.evidence", evidence=row.evidence, known=", ".join(EVIDENCE))
        if row.evidence in seen:
            return tr("crosswalk.error.evidence_twice", evidence=row.evidence)
        seen.add(row.evidence)
        for pack_id, side in row.sides.items():
            unknown = next((ref for ref in side.refs if ref not in known), None)
            if unknown:
                return tr("crosswalk.error.citation", evidence=row.evidence, pack=pack_id, ref=unknown)
    return None


def check_against(path: Path, crosswalk: Crosswalk, packs: dict[str, Pack]) -> None:
    """Each side's condition fits its pack (the packs of `packs` it names); PackError otherwise."""
    for row in crosswalk.rows:
        for pack_id, side in row.sides.items():
            pack = packs.get(pack_id)
            if pack is None:
                continue
            item = tr("crosswalk.item", evidence=row.evidence, pack=pack_id)
            problem = condition_problem(pack, side.covered, item)
            if problem:
                raise PackError(tr("packs.at_file", path=path, message=problem))


def shipped_crosswalks(in_language: str | None = None) -> tuple[Crosswalk, ...]:
    """The crosswalks shipped, their words in `in_language` (default: the language in use)."""
    return _shipped(in_language or language())


@lru_cache(maxsize=4)
def _shipped(in_language: str) -> tuple[Crosswalk, ...]:
    say = _saying(in_language)
    return tuple(localised(load_crosswalk(path), say) for path in crosswalk_files())


def _words(in_language: str) -> dict[str, str]:
    """English text -> its words in `in_language`, from the overlays (least specific first)."""
    found: dict[str, str] = {}
    for _, overlay in overlays(CROSSWALK_DIR, in_language):
        texts = overlay.get("texts")
        if isinstance(texts, dict):
            found.update({k: v for k, v in texts.items() if isinstance(k, str) and isinstance(v, str) and v})
    return found


def _saying(in_language: str) -> Callable[[str], str]:
    """An English text in `in_language` (itself where no overlay translates it)."""
    if in_language == PSEUDO:
        return pseudo
    words = _words(in_language)
    return lambda text: words.get(text, text)


def localised(crosswalk: Crosswalk, say: Callable[[str], str]) -> Crosswalk:
    """`crosswalk` with each of its texts as `say` gives it."""
    def said(text: str) -> str:
        return say(text) if text else text

    rows = tuple(row.model_copy(update={"note": said(row.note), "sides": {
        pack_id: side.model_copy(update={"requirement": said(side.requirement), "missing": said(side.missing)})
        for pack_id, side in row.sides.items()}}) for row in crosswalk.rows)
    return crosswalk.model_copy(update={"rows": rows})


def texts(crosswalk: Crosswalk) -> list[str]:
    """Every text of a crosswalk a reader sees, in the order of its rows."""
    found = []
    for row in crosswalk.rows:
        found += [row.note] + [text for side in row.sides.values() for text in (side.requirement, side.missing)]
    return [text for text in found if text]


def untranslated_texts(in_language: str) -> list[str]:
    """The texts of the shipped crosswalks that no overlay of `in_language` translates."""
    words = _words(in_language)
    english = dict.fromkeys(text for path in crosswalk_files() for text in texts(load_crosswalk(path)))
    return [text for text in english if text not in words]


def crosswalk_path(crosswalk: Crosswalk, folder: Path = CROSSWALK_DIR) -> Path:
    """The file a crosswalk is read from (its name is its packs', checked when loaded)."""
    return folder / f"{SEPARATOR.join(crosswalk.packs)}.yaml"


def crosswalks_for(pack_ids: list[str], crosswalks: tuple[Crosswalk, ...]) -> list[Crosswalk]:
    """The crosswalks between two of `pack_ids`."""
    return [c for c in crosswalks if set(c.packs) <= set(pack_ids)]
