"""The languages a dossier can be written in, and writing one in a language other than the
wizard's or the command line's.

A dossier is offered in the languages this application has messages in; with an authority kit,
in those of them the kit is offered in (its manifest's `languages`), so an authority that gives
its kit in one language gets its dossiers in that language. Any other choice is refused with one
line naming the languages there are. The applicant's own text is never translated: only what the
application writes around it changes language, and the dossier says which language the answers
are in (app/dossier/outline.py).

Writing in another language speaks it in the writing thread only (catalogue.speaking): the pack
and the kit are read again in that language, the window goes on in its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from app.kits.kit import Kit, kit_of
from app.storage.drafts import Draft
from app.storage.paths import packs_dir
from catalogue import language, shipped_language, shipped_languages, speaking, tr
from catalogue.languages import normalise
from forms.loader import DEFAULT_PACK, load_pack
from forms.registry import discover
from forms.schema import Pack


class LanguageError(ValueError):
    """A dossier language that cannot be had. The message is one line."""


def dossier_languages(kit: Kit | None = None) -> tuple[str, ...]:
    """The languages a dossier can be written in: the shipped ones, those the kit offers with a kit
    (in the kit's order)."""
    shipped = shipped_languages()
    if kit is None:
        return shipped
    return tuple(code for code in kit.manifest.languages if code in shipped) or (shipped_language(kit.language),)


def default_dossier_language(kit: Kit | None = None) -> str:
    """The language a dossier is written in unless another is chosen: the one in use, else the
    kit's first that can be had."""
    offered = dossier_languages(kit)
    spoken = shipped_language(language())
    return spoken if spoken in offered else offered[0]


def checked_language(code: str, kit: Kit | None = None) -> str:
    """`code` ("fr", "de_CH") as the dossier language it asks for ("fr", "de"); LanguageError when
    this application has no messages in it, or the kit is not offered in it."""
    wanted = normalise(code)
    offered = dossier_languages(kit)
    found = shipped_language(wanted) if wanted else None
    if wanted is None or found is None or found.split("_")[0] != wanted.split("_")[0]:
        raise LanguageError(tr("dossier.language.unknown", language=code, languages=", ".join(shipped_languages())))
    if found not in offered:
        raise LanguageError(tr("dossier.language.not_offered", language=found, kit=kit.manifest.sandbox.name,
                               languages=", ".join(offered)))
    return found


def in_language(pack: Pack, kit: Kit | None, code: str, pack_folder: Path | None = None) -> tuple[Pack, Kit | None]:
    """The pack and the kit read again with their texts in `code` (the draft's answers stay as they are)."""
    if kit is not None:
        again = kit_of(kit.archive, discover(packs_dir()), code)
        return again.pack, again
    return load_pack(pack_folder or _folder_of(pack), code, discover(packs_dir())), None


def _folder_of(pack: Pack) -> Path:
    found = [info for info in discover(packs_dir()) if (info.id, info.version) == (pack.id, pack.version)]
    return found[0].folder if found else DEFAULT_PACK


def export_in(code: str, export: Callable[..., None], draft: Draft, pack: Pack, out_path: Path,
              kit: Kit | None = None, pack_folder: Path | None = None) -> None:
    """Write the dossier with `export` (an exporter's face) in the language `code`, in this thread."""
    with speaking(code) as spoken:
        translated, translated_kit = in_language(pack, kit, spoken, pack_folder)
        export(draft, translated, out_path, kit=translated_kit)
