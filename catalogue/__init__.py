"""Every sentence a user reads, by id, in the user's language: one catalogue for the wizard, the
command line, the dossier and the core.

Messages are keyed by stable ids (`cli.no_such_file`), never by their English. The English is the
`en` catalogue and the fallback of every other language: `catalogue/locale/<lang>/LC_MESSAGES/
messages.po`, compiled to `messages.mo` beside it (`python3 dev.py catalogue`) and read here with
the standard library's gettext, so start-up pays for no more. Babel loads only to write a date or
a number in the language's format (`catalogue.formats`) and to maintain the catalogues.

    tr("backups.restored", path=path, number=2, saved=when)   # one message, filled in
    ntr("cli.more_problems", count)                           # a plural, chosen by count
    TEXT = table("qt"); TEXT["window_title"]                  # the template of `qt.window_title`
    UNVERIFIED = lazy("engine.unverified_date")               # looked up when used, not at import

The language is the system's unless `set_language` chooses one (`--lang` on the command line).
`en-XA` is a pseudo-language made from English at run time: every message accented and bracketed,
its placeholders intact, so whatever escaped the catalogue shows at a glance.

A missing id or a placeholder that does not fit its message never stops the application (the id
is shown, the message filled in as far as it goes); with `SANDBOX_KIT_STRICT_TEXT=1` (the tests)
both raise `MessageError`.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from string import Formatter
from typing import Any

from catalogue.languages import PSEUDO, message_chain, normalise, system_language
from catalogue.pseudo import pseudo

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
LANGUAGE_VARIABLE = "SANDBOX_KIT_LANG"
STRICT_VARIABLE = "SANDBOX_KIT_STRICT_TEXT"

__all__ = ["MessageError", "Table", "LazyText", "tr", "ntr", "table", "lazy", "set_language", "language",
           "is_pseudo", "language_given", "pseudo", "placeholders", "speaking", "shipped_languages",
           "shipped_language", "LOCALE_DIR"]


class MessageError(KeyError):
    """A message id that no catalogue has, or parameters that do not fit the message (strict mode)."""


class _State:
    language: str | None = None
    given = False  # chosen (an option, the variable), not taken from the system
    translations: gettext.NullTranslations | None = None
    english: gettext.NullTranslations | None = None
    english_ids: frozenset[str] | None = None


_state = _State()
# A language spoken for a while by one thread only (`speaking`): a dossier exported in another
# language in the wizard's worker thread while the window goes on in its own. Threads start
# without it, so the window never sees it.
_spoken: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar("spoken", default=None)


def set_language(code: str | None, saved: str | None = None) -> str:
    """Use `code` ("de", "fr_BE", "en-XA") from now on; None: the `SANDBOX_KIT_LANG` variable, else
    `saved` (the language chosen in the application's settings), else the system's language. Returns
    the language in use, normalised ("en_XA"). Unknown languages read English."""
    chosen = normalise(code) if code else None
    if chosen is None:
        chosen = normalise(os.environ.get(LANGUAGE_VARIABLE, "")) or normalise(saved)
    _state.given = chosen is not None
    _state.language = chosen or system_language() or "en"
    _state.translations = None
    return _state.language


def language() -> str:
    """The language in use, normalised: "en", "de_DE", "en_XA"."""
    spoken = _spoken.get()
    if spoken is not None:
        return spoken[0]
    if _state.language is None:
        set_language(None)
    return _state.language  # type: ignore[return-value]


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """Every message, date and pack text in `code` inside the block, in this thread only; the
    language in use stays as it is for the rest of the application."""
    chosen = normalise(code) or "en"
    token = _spoken.set((chosen, gettext.translation(DOMAIN, LOCALE_DIR, languages=message_chain(chosen),
                                                     fallback=True)))
    try:
        yield chosen
    finally:
        _spoken.reset(token)


def shipped_languages() -> tuple[str, ...]:
    """The languages the application has messages in ("de", "en", "fr"), English first."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return tuple(sorted(found, key=lambda code: code != "en"))


def shipped_language(code: str) -> str:
    """The shipped language that serves `code`: "de_AT" gives "de", a language without messages
    (and the pseudo-language) "en"."""
    shipped = shipped_languages()
    return next((name for name in message_chain(normalise(code) or "en") if name in shipped), "en")


def language_given() -> bool:
    """True when the language was chosen (`--lang`, SANDBOX_KIT_LANG) rather than taken from the system."""
    language()
    return _state.given


def is_pseudo() -> bool:
    return language() == PSEUDO


def _translations() -> gettext.NullTranslations:
    spoken = _spoken.get()
    if spoken is not None:
        return spoken[1]
    if _state.translations is None:
        # gettext keeps each file it read, so switching languages back and forth reads nothing twice.
        _state.translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=message_chain(language()),
                                                  fallback=True)
    return _state.translations


def _english() -> gettext.NullTranslations:
    if _state.english is None:
        _state.english = gettext.translation(DOMAIN, LOCALE_DIR, languages=["en"], fallback=True)
    return _state.english


def english_ids() -> frozenset[str]:
    """Every id the English catalogue has (the set all other catalogues translate)."""
    if _state.english_ids is None:
        # GNUTranslations keeps its messages in `_catalog`: plain ids as keys, plurals as (id, form).
        catalog = getattr(_english(), "_catalog", {})
        _state.english_ids = frozenset(key if isinstance(key, str) else key[0] for key in catalog if key)
    return _state.english_ids


def _strict() -> bool:
    return os.environ.get(STRICT_VARIABLE) == "1"


def template(msg_id: str) -> str:
    """The message `msg_id` in the language in use, unfilled; raises KeyError when no catalogue has it."""
    text = _translations().gettext(msg_id)
    if text == msg_id:
        raise KeyError(msg_id)
    return pseudo(text) if is_pseudo() else text


def plural_template(msg_id: str, count: int) -> str:
    text = _translations().ngettext(msg_id, msg_id, count)
    if text == msg_id:
        raise KeyError(msg_id)
    return pseudo(text) if is_pseudo() else text


def tr(msg_id: str, **params: Any) -> str:
    """The message `msg_id` in the language in use, its {placeholders} filled in from `params`."""
    try:
        text = template(msg_id)
    except KeyError:
        return _missing(msg_id)
    return _fill(msg_id, text, params, optional=())


def ntr(msg_id: str, count: int, **params: Any) -> str:
    """The form of the plural message `msg_id` that fits `count` (also given to it as {count})."""
    try:
        text = plural_template(msg_id, count)
    except KeyError:
        return _missing(msg_id)
    return _fill(msg_id, text, {"count": count, **params}, optional=("count",))


def _missing(msg_id: str) -> str:
    if _strict():
        raise MessageError(f"no message has the id '{msg_id}'")
    return msg_id


def placeholders(text: str) -> set[str]:
    """The names of the {placeholders} in a message."""
    try:
        return {field.split(".")[0].split("[")[0] for _, field, _, _ in Formatter().parse(text) if field}
    except ValueError:  # a lone brace: the catalogue's test reports it
        return set()


def _fill(msg_id: str, text: str, params: dict[str, Any], optional: tuple[str, ...]) -> str:
    wanted = placeholders(text)
    given = set(params)
    if wanted - given or given - wanted - set(optional):
        if _strict():
            raise MessageError(f"'{msg_id}' takes {sorted(wanted)}, was given {sorted(given)}")
        return Formatter().vformat(text, (), _Lenient(params)) if wanted else text
    return text.format(**params) if wanted else text


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Table(Mapping):
    """The messages whose ids start with `prefix.`, by the rest of their id: `table("qt")["save"]` is
    the template of `qt.save` in the language in use. A key that is itself a prefix
    (`table("dossier")["yes_no"]`) gives the table under it. Looked up on each access, so a table
    made at import follows later changes of language."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __getitem__(self, key: str) -> Any:
        msg_id = f"{self.prefix}.{key}"
        try:
            return template(msg_id)
        except KeyError:
            pass
        if any(other.startswith(msg_id + ".") for other in english_ids()):
            return Table(msg_id)
        if _strict():
            raise MessageError(f"no message has the id '{msg_id}'")
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        start = self.prefix + "."
        keys = {other[len(start):].split(".")[0] for other in english_ids() if other.startswith(start)}
        return iter(sorted(keys))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:  # looking up with a default is asking whether it exists (MessageError too)
            return default

    def __repr__(self) -> str:
        return f"table({self.prefix!r})"


def table(prefix: str) -> Table:
    return Table(prefix)


class LazyText:
    """A message looked up each time it is used, for module-level names that code reads as strings
    (`texts.UNVERIFIED_DATE.format(...)`, `texts.LIST_SEPARATOR.join(...)`)."""

    def __init__(self, msg_id: str) -> None:
        self.msg_id = msg_id

    def __str__(self) -> str:
        try:
            return template(self.msg_id)
        except KeyError:
            return _missing(self.msg_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(str(self), name)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, LazyText) else other)

    def __hash__(self) -> int:
        return hash(self.msg_id)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __repr__(self) -> str:
        return f"lazy({self.msg_id!r})"


def lazy(msg_id: str) -> LazyText:
    return LazyText(msg_id)


class Foreign:
    """Messages of another library, which asks for them by their English (argparse's "usage: ").
    They live in their own catalogue (`locale/<lang>/LC_MESSAGES/<domain>.po`, English msgids); a
    language without one shows the English, and the pseudo-language accents it like ours."""

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def _translations(self) -> gettext.NullTranslations:
        return gettext.translation(self.domain, LOCALE_DIR, languages=message_chain(language()), fallback=True)

    def gettext(self, message: str) -> str:
        if not isinstance(message, str):  # argparse passes on a description that is None
            return message
        text = self._translations().gettext(message)
        return pseudo(text) if is_pseudo() else text

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        text = self._translations().ngettext(singular, plural, count)
        return pseudo(text) if is_pseudo() else text
