"""Language codes: the system's language, codes written in any usual way, and which catalogues serve one.

Codes are kept as gettext and Babel write them, `ll` or `ll_CC` ("de", "pt_BR"); "de-DE",
"de_DE.UTF-8" and "de_DE@euro" all read as "de_DE". `en_XA` (also "en-XA") is the pseudo-language.
"""

from __future__ import annotations

import os
import re
import sys

PSEUDO = "en_XA"
_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?$")


def normalise(code: str | None) -> str | None:
    """`code` as "ll" or "ll_CC", or None when it names no language ("", "C", "POSIX", nonsense)."""
    if not code:
        return None
    bare = code.strip().split(".")[0].split("@")[0]
    match = _CODE.match(bare)
    if match is None or bare.upper() in ("C", "POSIX"):
        return None
    lang, region = match.group(1).lower(), match.group(2)
    if region is None:
        return lang
    return f"{lang}_{region.upper() if len(region) == 2 else region.title()}"


def system_language() -> str | None:
    """The user's language as the system states it, or None when it states none."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for code in os.environ.get(variable, "").split(":"):
            found = normalise(code)
            if found:
                return found
    if sys.platform == "win32":  # desktop programs on Windows get no such variables
        return _windows_language()
    return None


def _windows_language() -> str | None:
    try:
        import ctypes

        buffer = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):  # type: ignore[attr-defined]
            return normalise(buffer.value)
    except (AttributeError, OSError):
        pass
    return None


def message_chain(language: str) -> list[str]:
    """The catalogues to look in, most specific first, English last: "pt_BR" gives pt_BR, pt, en.
    The pseudo-language reads English (and accents it)."""
    if language == PSEUDO:
        return ["en"]
    chain = [language]
    if "_" in language:
        chain.append(language.split("_")[0])
    return chain + ([] if "en" in chain else ["en"])


def babel_locale(language: str) -> str:
    """The locale Babel formats dates and numbers in: the pseudo-language formats as English."""
    return "en" if language == PSEUDO else language
