"""Keeping the catalogues: `python3 dev.py catalogue [check LANG | new LANG]` runs this module.

- `python -m catalogue.maintain` checks the code against the English catalogue (every id the code
  uses exists, with the placeholders the code fills in), writes the template `messages.pot` (the
  ids, each with its English as a comment for translators, and where the code uses it), brings
  every other language's `messages.po` up to date with it (new ids added untranslated, removed ones
  kept as obsolete), checks that every translation keeps its message's placeholders, and compiles
  each `.po` to the `.mo` the application reads (other libraries' catalogues too: `argparse.po`).
- `... check LANG` lists the messages LANG still lacks (`python3 dev.py catalogue check LANG` then
  lists the shipped packs' texts it lacks, with forms/untranslated.py: the catalogue knows no pack).
- `... new LANG` starts a language: its `messages.po` from the template.

The English catalogue (`locale/en/LC_MESSAGES/messages.po`) is the source and is never rewritten
here: write new messages there. Babel does the reading and writing of the files.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from catalogue import DOMAIN, LOCALE_DIR, placeholders
from catalogue.extract import ROOT, Use, uses

ENGLISH = LOCALE_DIR / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
WIDTH = 100
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def read_catalogue(path: Path, language: str | None = None) -> Catalog:
    with open(path, "rb") as stream:
        return read_po(stream, locale=language)


def po_files() -> dict[str, Path]:
    """Language -> its messages.po, English included."""
    return {path.parent.parent.name: path for path in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))}


def compiled_sources() -> list[tuple[str, Path]]:
    """(language, .po) for every catalogue compiled: our messages and other libraries' (argparse.po)."""
    return [(path.parent.parent.name, path) for path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))]


def compiled(catalog: Catalog) -> bytes:
    # Babel dates a header that states no date with the time of reading; the same .po must give
    # the same .mo (the test compares them), and nothing reads these dates at run time.
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    stream = io.BytesIO()
    write_mo(stream, catalog)
    return stream.getvalue()


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


def _fields(message) -> set[str]:
    return set().union(*(placeholders(form) for form in _forms(message) if form))


def code_problems(english: Catalog, found: list[Use]) -> list[str]:
    """Each use of an id the English catalogue lacks, or whose placeholders do not fit it."""
    problems = []
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in english if m.id}
    for use in found:
        where = f"{use.file}:{use.line}"
        message = ids.get(use.msg_id)
        if message is None:
            if not (use.prefix and any(i.startswith(use.msg_id + ".") for i in ids)):
                problems.append(f"{where}: '{use.msg_id}' is not in the English catalogue")
            continue
        if use.plural != message.pluralizable:
            problems.append(f"{where}: '{use.msg_id}' is {'' if message.pluralizable else 'not '}a plural message"
                            f" (use {'ntr' if message.pluralizable else 'tr'})")
        wanted = _fields(message)
        if use.fields is not None and use.fields != wanted and not (use.plural and use.fields | {"count"} >= wanted
                                                                   and use.fields <= wanted | {"count"}):
            problems.append(f"{where}: '{use.msg_id}' takes {sorted(wanted) or 'no placeholder'}, "
                            f"the code gives {sorted(use.fields) or 'none'}")
    return problems


def translation_problems(english: Catalog, language: str, catalog: Catalog) -> list[str]:
    """Translations whose placeholders differ from the English: one it names that the English does
    not fill in (it could not be filled in), or one of the English's it leaves out (a name, a number
    or a date the reader would not get). A plural's form may leave out its {count} ("one answer")."""
    problems = []
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        source = english.get(key)
        if not key or source is None or not any(_forms(message)):
            continue
        wanted = _fields(source) - ({"count"} if source.pluralizable else set())
        for form in _forms(message):
            if form and placeholders(form) - _fields(source):
                problems.append(f"{language}: '{key}' names {sorted(placeholders(form) - _fields(source))}, "
                                f"which the English does not fill in")
            if form and wanted - placeholders(form):
                problems.append(f"{language}: '{key}' leaves out {sorted(wanted - placeholders(form))}, "
                                f"which the English has")
    return problems


def stale_mo() -> list[str]:
    """The .mo files that are missing or do not match their .po."""
    stale = []
    for language, po in compiled_sources():
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(read_catalogue(po, language)):
            stale.append(str(mo.relative_to(ROOT)))
    return stale


def template(english: Catalog, found: list[Use]) -> Catalog:
    pot = Catalog(project="Sandbox Applicant Kit", fuzzy=False, header_comment="# The ids to translate, with the English.")
    pot.creation_date = pot.revision_date = FIXED_DATE  # the same template for the same messages
    where: dict[str, list[tuple[str, int]]] = {}
    for use in found:
        where.setdefault(use.msg_id, []).append((str(use.file), use.line))
    for message in english:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        english_text = " | ".join(_forms(message))
        pot.add(message.id, "" if isinstance(message.id, str) else ("", ""), locations=where.get(key, []),
                auto_comments=[f"en: {english_text}"] + list(message.auto_comments))
    return pot


def update(english: Catalog, pot: Catalog) -> None:
    for language, po in po_files().items():
        if language == "en":
            continue
        catalog = read_catalogue(po, language)
        catalog.update(pot, no_fuzzy_matching=True)  # ids are not prose: a near id is no translation
        with open(po, "wb") as stream:
            write_po(stream, catalog, width=WIDTH, ignore_obsolete=False)


def compile_all() -> None:
    for language, po in compiled_sources():
        po.with_suffix(".mo").write_bytes(compiled(read_catalogue(po, language)))


def untranslated(language: str) -> list[str]:
    """The messages `language` lacks ("message qt.save"). Pack texts: forms/untranslated.py."""
    from catalogue.languages import message_chain, normalise

    code = normalise(language) or language
    if code.split("_")[0] == "en":  # English is the source; its variants and en-XA read it
        return []
    have: set[str] = set()
    for name in message_chain(code)[:-1]:
        po = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            have |= {m.id if isinstance(m.id, str) else m.id[0]
                     for m in read_catalogue(po, name) if m.id and all(_forms(m)) and not m.fuzzy}
    english = read_catalogue(ENGLISH, "en")
    missing = [f"message {m.id if isinstance(m.id, str) else m.id[0]}" for m in english
               if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in have]
    return missing


def run(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "check":
        lacking = untranslated(argv[1])
        print("\n".join(lacking) or f"{argv[1]}: every message is translated")
        print(f"{len(lacking)} messages untranslated", file=sys.stderr)
        return 0
    english = read_catalogue(ENGLISH, "en")
    found = uses()
    if len(argv) == 2 and argv[0] == "new":
        return _new(argv[1], template(english, found))
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    problems = code_problems(english, found)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    pot = template(english, found)
    with open(TEMPLATE, "wb") as stream:
        write_po(stream, pot, width=WIDTH, omit_header=False)
    update(english, pot)
    problems = [p for language, po in po_files().items() if language != "en"
                for p in translation_problems(english, language, read_catalogue(po, language))]
    compile_all()
    used = {use.msg_id for use in found}
    unused = [m.id for m in english if isinstance(m.id, str) and m.id and m.id not in used
              and not any(m.id.startswith(u + ".") for u in used)]
    if unused:
        print(f"not named literally in the code (used by computed keys, or no longer): {', '.join(unused)}")
    print("\n".join(problems) or f"catalogues compiled: {', '.join(str(po.relative_to(LOCALE_DIR)) for _, po in compiled_sources())}")
    return 1 if problems else 0


def _new(language: str, pot: Catalog) -> int:
    from catalogue.languages import normalise

    code = normalise(language)
    if code is None or code == "en":
        print(f"'{language}' is not a language code this can start", file=sys.stderr)
        return 2
    po = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if po.exists():
        print(f"{po.relative_to(ROOT)} exists already", file=sys.stderr)
        return 2
    po.parent.mkdir(parents=True)
    catalog = Catalog(locale=code, project="Sandbox Applicant Kit", fuzzy=False)
    catalog.update(pot, no_fuzzy_matching=True)
    with open(po, "wb") as stream:
        write_po(stream, catalog, width=WIDTH)
    compile_all()
    print(f"started {po.relative_to(ROOT)}; translate it, then run python3 dev.py catalogue")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
