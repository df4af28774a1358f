"""Dates, times and numbers as the language in use writes them ("2 August 2026", "1.234,5").

Babel knows each language's formats (CLDR); it loads on the first call, not at start-up (it costs
a tenth of a second). In the pseudo-language English formats are accented like its messages.
"""

from __future__ import annotations

import datetime as dt
import re

from catalogue import is_pseudo, language
from catalogue.languages import babel_locale
from catalogue.pseudo import pseudo


_DIGITS = re.compile(r"\D+")


def _locale():
    from babel import Locale, UnknownLocaleError

    code = babel_locale(language())
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(code.split("_")[0])
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en")


def _shown(text: str) -> str:
    return pseudo(text) if is_pseudo() else text


def format_date(date: dt.date, width: str = "long") -> str:
    """`date` in words and digits as the language writes it; width "short", "medium", "long" or "full"."""
    from babel.dates import format_date as babel_date

    return _shown(babel_date(date, format=width, locale=_locale()))


def numeric_date(date: dt.date) -> str:
    """`date` in digits as the language writes them, the year in full ("19.10.2026", "19/10/2026",
    "10/19/2026"): for a field a person types a date into."""
    from babel.dates import format_date as babel_date

    return babel_date(date, format=_numeric_pattern(), locale=_locale())


def parse_numeric_date(text: str) -> dt.date | None:
    """A date typed as `numeric_date` writes it, or as year-month-day; None for anything else."""
    from babel.dates import parse_date

    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if len([part for part in _DIGITS.split(text) if part]) != 3:
        return None
    try:
        return parse_date(text, locale=_locale(), format=_numeric_pattern())
    except (ValueError, IndexError):
        return None


def _numeric_pattern() -> str:
    """The language's short pattern with the year in full (CLDR's is often two digits)."""
    pattern = _locale().date_formats["short"].pattern
    return re.sub(r"y+", "y", pattern)


def format_datetime(moment: dt.datetime, width: str = "medium") -> str:
    """`moment` with its date and time of day, in the user's time zone when it has one."""
    from babel.dates import format_datetime as babel_datetime

    local = moment.astimezone() if moment.tzinfo else moment
    return _shown(babel_datetime(local.replace(tzinfo=None), format=width, locale=_locale()))


def format_moment(moment: dt.datetime) -> str:
    """`moment` for a narrow column: its date in digits (`numeric_date`) and the time to the minute
    ("19.10.2026, 09:05", "19/10/2026 09:05")."""
    from babel.dates import format_time

    local = moment.astimezone() if moment.tzinfo else moment
    locale = _locale()
    pattern = str(locale.datetime_formats["medium"])  # how the language joins a date and a time
    return _shown(pattern.format(format_time(local.time(), format="short", locale=locale),
                                 numeric_date(local.date())))


# A number from here on, or closer to zero than this, is written with a power of ten ("1E25", "5E-7"),
# not with 26 digits or six zeros.
SCIENTIFIC_FROM, SCIENTIFIC_BELOW = 10 ** 15, 1e-6


def format_number(number: float | int, grouped: bool = True) -> str:
    """`number` with the language's decimal sign and digit grouping ("1,234.5", "1.234,5",
    "1\u202f234,5"), every decimal given kept, a whole number without a decimal sign ("6", not
    "6.0"); one of 10^15 or more, or below 10^-6, with a power of ten ("3,5E25"). Without `grouped` no
    grouping, as a field to edit shows a number (`parse_number` reads either)."""
    from babel.numbers import format_decimal, format_scientific

    if abs(number) >= SCIENTIFIC_FROM or 0 < abs(number) < SCIENTIFIC_BELOW:
        return format_scientific(number, locale=_locale(), decimal_quantization=False)
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return format_decimal(number, locale=_locale(), decimal_quantization=False, group_separator=grouped)


# Spaces that group digits in threes ("1 250 000", typed or with Babel's narrow no-break space).
_GROUP_SPACES = re.compile(r"(?<=\d)\s(?=\d{3}(?!\d))")


def parse_number(text: str) -> float | None:
    """A number typed as the language writes it, grouped or not ("1.250,5", "1 250,5", "1,250.5"),
    or with either a point or a comma for its decimal sign where the language's grouping cannot be
    meant ("2.5" in German), or with a power of ten ("1e25"); None for anything else."""
    from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

    locale = _locale()
    text = text.strip()
    sign = ""
    if text and text[0] in "+-":  # the strict reading takes no "+": read the sign apart, so "+1.250" is 1250 too
        sign, text = ("-" if text[0] == "-" else ""), text[1:].lstrip()
    if get_group_symbol(locale).isspace():  # French groups with a narrow no-break space; people type a space
        text = _GROUP_SPACES.sub("", text)
    if not text or "_" in text or any(c.isspace() for c in text):  # "1 5" is two numbers, "1_000" Python's
        return None
    try:
        return float(sign + str(parse_decimal(text, locale=locale, strict=True)))
    except (NumberFormatError, ValueError, ArithmeticError):
        pass
    try:
        return float(sign + text.replace(",", "."))
    except ValueError:
        return None


def language_name(code: str, own: bool = False) -> str:
    """The name of the language `code` ("de", "fr_BE") in the language in use ("German", "allemand"),
    or with `own` in itself ("Deutsch", as a list of languages to choose from names each)."""
    from babel import Locale, UnknownLocaleError

    bare = (code or "en").replace("-", "_").split("_")[0]
    try:
        spoken = Locale.parse(bare)
        name = spoken.get_display_name(spoken if own else _locale()) or bare
    except (UnknownLocaleError, ValueError):
        name = bare
    return _shown(name)
