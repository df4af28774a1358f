"""Loading a kit: its archive checked, its manifest validated, its files checked, and its overlay
composed onto the pack it extends, in the language in use.

`load_kit` gives the kit or raises KitError at the first problem; `check_kit` goes on past each
problem it can and lists them all (`python main.py kit check`). A kit's hash is the SHA-256 of its
file: a draft records it with the kit's id and version, so a changed kit is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.kits.archive import KitArchive, read_archive
from app.kits.errors import KitError
from app.kits.images import check_image, image_kind
from app.kits.manifest import MANIFEST, Attachment, KitManifest
from app.kits.overlay import composed_pack, yaml_entry
from app.storage.drafts import Made
from app.storage.paths import packs_dir
from catalogue import is_pseudo, language, pseudo, tr
from catalogue.formats import format_number
from catalogue.languages import message_chain
from forms.layer import PackError
from forms.loader import load_pack
from forms.registry import PackInfo, discover, find
from forms.schema import Id, Pack
from forms.translations import applied, localised

MAX_TEXT_BYTES = 64 * 1024
HASH_PREFIX = "sha256:"
TEXT_FILES = ("intro", "privacy", "submission")
Short = Annotated[str, Field(min_length=1, max_length=2000)]


@dataclass(frozen=True)
class Kit:
    """A kit as the application wears it, in one language."""

    manifest: KitManifest  # its own texts in `language`
    archive: KitArchive
    pack: Pack  # the pack the kit makes: the extended pack with the kit's sections, questions and gaps
    base: Pack  # the pack it extends, as it is (a draft's lock records this one)
    language: str  # the kit's language used: one it is offered in
    texts: dict[str, str] = field(default_factory=dict)  # intro, privacy, submission

    @property
    def made(self) -> Made:
        return Made(id=self.manifest.id, version=self.manifest.version, hash=HASH_PREFIX + self.archive.sha256)

    def attachment(self, kind: str) -> Attachment | None:
        """The document of the kit with this id, or None."""
        return next((a for a in self.manifest.attachments if a.id == kind), None)

    def missing_attachments(self, attached_kinds: set[str]) -> list[Attachment]:
        """The documents the kit requires that are not among `attached_kinds`, in the kit's order."""
        return [a for a in self.manifest.attachments if a.required and a.id not in attached_kinds]

    @property
    def logo(self) -> tuple[str, bytes] | None:
        """("png" or "svg", its bytes), checked when the kit was loaded."""
        entry = self.manifest.logo
        return (image_kind(entry) or "", self.archive.entries[entry]) if entry else None


class _KitTexts(BaseModel):
    """The manifest's own texts in another language (`kit:` in a translation file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    class _Named(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")
        name: Short | None = None
        short_name: Short | None = None
        call: Short | None = None
        address: Short | None = None

    class _Attachment(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")
        title: Short | None = None
        help: Short | None = None

    authority: _Named = _Named()
    sandbox: _Named = _Named()
    contact: _Named = _Named()
    attachments: dict[Id, _Attachment] = {}


def load_kit(path: Path, packs: list[PackInfo] | None = None, in_language: str | None = None) -> Kit:
    """The kit at `path` in `in_language` (default: the language in use); KitError when refused."""
    return kit_of(read_archive(Path(path)), packs, in_language)


def kit_of(archive: KitArchive, packs: list[PackInfo] | None = None, in_language: str | None = None) -> Kit:
    kit = _Reading(archive, packs, in_language, collect=False).kit()
    assert kit is not None  # without collecting, the first problem was raised
    return kit


@dataclass(frozen=True)
class Checked:
    """What checking a kit found: every problem in the order found, the manifest when it read,
    the kit when there was no problem, and the archive's hash when the archive read."""

    problems: list[KitError]
    manifest: KitManifest | None = None
    kit: Kit | None = None
    hash: str | None = None


def check_kit(path: Path, packs: list[PackInfo] | None = None) -> Checked:
    try:
        archive = read_archive(Path(path))
    except KitError as error:
        return Checked([error])  # an archive refused is not read any further
    reading = _Reading(archive, packs, None, collect=True)
    kit = reading.kit()
    return Checked(reading.found, reading.manifest, None if reading.found else kit, HASH_PREFIX + archive.sha256)


class _Reading:
    """One reading of a kit: each check raises its problem, or (collecting) notes it and goes on
    as far as what follows does not depend on it."""

    def __init__(self, archive: KitArchive, packs: list[PackInfo] | None, in_language: str | None,
                 collect: bool) -> None:
        self.archive = archive
        self.packs = packs if packs is not None else discover(packs_dir())
        self.in_language = in_language or language()
        self.collect = collect
        self.found: list[KitError] = []
        self.manifest: KitManifest | None = None

    def problem(self, error: KitError) -> None:
        if not self.collect:
            raise error
        self.found.append(error)

    def kit(self) -> Kit | None:
        try:
            manifest = self.manifest = self._manifest()
            base_info = self._base_info(manifest)
        except KitError as error:
            self.problem(error)
            return None
        for entry, field_name in manifest.entries().items():
            if entry not in self.archive.entries:
                self.problem(KitError.tr("kit.error.missing_file", where=self.archive.where(MANIFEST), entry=entry))
        missing = bool(self.found)
        if manifest.logo in self.archive.entries:
            self._check(lambda: self._logo(manifest.logo))
        chosen = self._language(manifest)
        texts = {name: text for name in TEXT_FILES
                 if (text := self._check(lambda n=name: self._text_file(manifest, n, chosen))) is not None}
        translation = self._check(lambda: self._translation(manifest, chosen)) or {}
        base = self._check(lambda: _base_pack(base_info, self.in_language, self.packs))
        if base is None or missing:
            return None
        pack = base
        if manifest.overlay:
            extends = {"id": manifest.extends.id, "version": manifest.extends.version}
            raw = self._check(lambda: composed_pack(self.archive, manifest.overlay, extends, base, self.packs))
            if raw is None:
                return None
            pack = self._localised(raw, base_info, translation)
        if self.found:
            return None
        return Kit(self._translated(manifest, translation.get("kit")), self.archive, pack, base, chosen, texts)

    def _check(self, step) -> Any:
        try:
            return step()
        except KitError as error:
            self.problem(error)
            return None

    # --- the steps ---
    def _manifest(self) -> KitManifest:
        where = self.archive.where(MANIFEST)
        if MANIFEST not in self.archive.entries:
            raise KitError.tr("kit.error.no_manifest", kit=self.archive.name, manifest=MANIFEST)
        data = yaml_entry(self.archive, MANIFEST)
        try:
            return KitManifest.model_validate(data)
        except ValidationError as error:
            raise KitError.tr("kit.error.manifest", where=where, problem=_first_problem(error)) from None

    def _base_info(self, manifest: KitManifest) -> PackInfo:
        found = find(manifest.extends.id, manifest.extends.version, self.packs)
        if found is None:
            raise KitError.tr("kit.error.no_base", where=self.archive.where(MANIFEST), pack=manifest.extends.id,
                              version=manifest.extends.version or "*")
        return found

    def _logo(self, entry: str) -> None:
        check_image(self.archive.entries[entry], self.archive.where(entry))

    def _language(self, manifest: KitManifest) -> str:
        """The kit's language nearest the one in use (the pseudo-language reads the kit's first)."""
        for code in message_chain(self.in_language):
            if code in manifest.languages:
                return code
        return manifest.languages[0]

    def _text_file(self, manifest: KitManifest, name: str, chosen: str) -> str | None:
        files = getattr(manifest, name)
        if files is None:
            return None
        entry = files if isinstance(files, str) else files.get(chosen, files[manifest.languages[0]])
        if entry not in self.archive.entries:
            return None  # named as missing already
        data = self.archive.entries[entry]
        where = self.archive.where(entry)
        if len(data) > MAX_TEXT_BYTES:
            raise KitError.tr("kit.error.text_too_long", where=where, size=format_number(len(data) // 1024),
                              most=MAX_TEXT_BYTES // 1024)
        try:
            text = data.decode("utf-8").replace("\r\n", "\n").strip()
        except UnicodeDecodeError as error:
            raise KitError.tr("kit.error.not_utf8", where=where, byte=error.start) from None
        return pseudo(text) if is_pseudo() else text

    def _translation(self, manifest: KitManifest, chosen: str) -> dict:
        """The translation file of the language chosen, or of every language when checking."""
        codes = list(manifest.translations) if self.collect else [chosen]
        result: dict = {}
        for code in codes:
            entry = manifest.translations.get(code)
            if entry is None or entry not in self.archive.entries:
                continue
            data = yaml_entry(self.archive, entry)
            if not isinstance(data, dict):
                raise KitError.tr("kit.error.translation_not_mapping", where=self.archive.where(entry))
            try:
                _KitTexts.model_validate(data.get("kit") or {})
            except ValidationError as error:
                raise KitError.tr("kit.error.translation", where=self.archive.where(entry),
                                  problem=_first_problem(error)) from None
            if code == chosen:
                result = data
        return result

    def _localised(self, pack: Pack, base_info: PackInfo, translation: dict) -> Pack:
        """The composed pack in the language in use: the base pack's translations, then the kit's."""
        pack = localised(pack, base_info.folder, self.in_language)
        overlay = {key: value for key, value in translation.items() if key != "kit"}
        return applied(pack, overlay) if overlay and not is_pseudo() else pack

    def _translated(self, manifest: KitManifest, texts: Any) -> KitManifest:
        """The manifest with its own texts in the language chosen (as written where untranslated)."""
        given = _KitTexts.model_validate(texts or {})
        update: dict[str, Any] = {}
        for part in ("authority", "sandbox", "contact"):
            current = getattr(manifest, part)
            words = {k: v for k, v in getattr(given, part).model_dump(exclude_none=True).items()
                     if k in type(current).model_fields}
            update[part] = current.model_copy(update=_shown({**_words_of(current), **words}))
        update["attachments"] = tuple(
            item.model_copy(update=_shown({"title": item.title, "help": item.help, **given.attachments.get(
                item.id, _KitTexts._Attachment()).model_dump(exclude_none=True)}))
            for item in manifest.attachments)
        return manifest.model_copy(update=update)


def _words_of(part: BaseModel) -> dict[str, str]:
    return {name: getattr(part, name) for name in ("name", "short_name", "call", "address")
            if name in type(part).model_fields and getattr(part, name)}


def _shown(words: dict[str, str]) -> dict[str, str]:
    """Authored words as shown: in the pseudo-language accented like every other text."""
    return {name: pseudo(text) if is_pseudo() and text else text for name, text in words.items()}


def _base_pack(info: PackInfo, in_language: str, packs: list[PackInfo]) -> Pack:
    try:
        return load_pack(info.folder, in_language, packs)
    except PackError as error:
        raise KitError.tr("kit.error.overlay", problem=error) from None


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].replace("Value error, ", "")
    return tr("packs.field_problem", field=where, problem=message) if where else message
