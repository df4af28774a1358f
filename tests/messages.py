"""Helpers for tests that check a message by its catalogue id rather than by its English."""

from __future__ import annotations

import re
from string import Formatter
from typing import Any

from catalogue import template, tr


def is_message(text: str, msg_id: str, **known: Any) -> bool:
    """True when `text` is the message `msg_id` in the language in use, its placeholders in `known`
    filled in with those values and any others with some text (a line number, a tag)."""
    pattern = ""
    for literal, field, _, _ in Formatter().parse(template(msg_id)):
        pattern += re.escape(literal)
        if field is not None:
            pattern += re.escape(str(known.pop(field))) if field in known else ".+?"
    assert not known, f"'{msg_id}' has no placeholder {sorted(known)}"
    return re.fullmatch(pattern, text, re.DOTALL) is not None


def pack_item(kind: str, item_id: str) -> str:
    """An item of a pack as the pack's errors name it: "rule 'r.big'" (packs.item, packs.kind.*)."""
    return tr("packs.item", kind=tr(f"packs.kind.{kind}"), id=item_id)


def in_pack_file(path: Any, message: str) -> str:
    """A pack's error as it names the file at fault."""
    return tr("packs.at_file", path=path, message=message)
