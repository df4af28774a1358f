"""Reading authored YAML that may come from someone else.

Packs and kits travel between authorities, consultants and applicants, so a file is never trusted:
only plain data is built (no tags that construct objects), anchors and aliases are refused (they
allow a small file to expand into an enormous structure), nesting depth and size are bounded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue import table, tr
from catalogue.formats import format_number
from forms import cache

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
# The loader to parse with; None: libyaml's when installed, else PyYAML's (chosen when first parsing,
# so YAML is imported only then; a test sets one to check both).
_Loader: type | None = None

# Only the plain-data tags; `!!python/object/apply:...` also starts with "tag:yaml.org,2002:".
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


TEXT = table("yaml")
PROBLEM = table("yaml.problem")
# What a parser found wrong, told by its own words (the context it was in, then the problem: the same
# in libyaml and in PyYAML's Python parser, which word the rest differently), and our message for it.
_PROBLEMS = (("escape", "escape"), ("block mapping", "indentation"),
             ("block collection", "list_indentation"), ("mapping values", "colon"),
             ("cannot start any token", "character"), ("another document", "documents"), ("unhashable", "key"))


class DataFileError(Exception):
    """A data file that cannot be used; the message is one line naming the file. `msg_id` is the
    catalogue id of the message, so a caller (a kit's check) can say which refusal it was."""

    def __init__(self, message: str, msg_id: str = "") -> None:
        super().__init__(message)
        self.msg_id = msg_id


def read_yaml(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataFileError(TEXT["too_big"].format(path=path, size=format_number(size // 1024),
                                                       most=format_number(MAX_BYTES // 1024)), "yaml.too_big")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(TEXT["not_utf8"].format(path=path, byte=error.start), "yaml.not_utf8") from None
    except OSError as error:
        raise DataFileError(TEXT["unreadable"].format(path=path, reason=error.strerror or error), "yaml.unreadable") from None
    cache.note_read(path)  # a source of whatever is being built from it
    return parse_yaml(text, str(path))


def parse_yaml(text: str, name: str) -> Any:
    import yaml  # here, not at import: a pack kept validated (forms/cache.py) is read without it

    if len(text) > MAX_BYTES:
        raise DataFileError(TEXT["too_much_text"].format(path=name, most=MAX_BYTES // 1024), "yaml.too_much_text")
    loader = _Loader or getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _check_events(text, name, loader)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, after the checks above
    except yaml.YAMLError as error:
        # libyaml may refuse first, in words of its own (deep nesting, in some releases): the pure
        # Python parser reads the same events without such limits, so our own rules name the fault.
        try:
            _check_events(text, name, yaml.SafeLoader)
        except yaml.YAMLError:
            pass
        raise DataFileError(TEXT["not_yaml"].format(path=name, problem=_one_line(error, text)), "yaml.not_yaml") from None


def _check_events(text: str, name: str, loader: type) -> None:
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else "?"
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataFileError(TEXT["alias"].format(path=name, line=line), "yaml.alias")
        tag = getattr(event, "tag", None)
        if tag and tag not in _PLAIN_TAGS and tag != "!":
            raise DataFileError(TEXT["tag"].format(path=name, line=line, tag=tag), "yaml.tag")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataFileError(TEXT["too_deep"].format(path=name, line=line, most=MAX_DEPTH), "yaml.too_deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _one_line(error: yaml.YAMLError, text: str) -> str:
    """What is wrong and on which line, in our words; the parser's own (PyYAML's, in English) only
    for a problem not foreseen here."""
    import yaml

    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    if isinstance(error, yaml.reader.ReaderError):  # a character no YAML file may hold, by its position
        line, problem = text.count("\n", 0, error.position) + 1, tr("yaml.problem.control")
    else:
        problem = _problem(error)
    return TEXT["at_line"].format(line=line, problem=problem) if line else problem


def _problem(error: yaml.YAMLError) -> str:
    """The parser's fault in our words, told apart by the parser's own (see _PROBLEMS)."""
    said = " ".join(str(getattr(error, part, None) or "") for part in ("context", "problem"))
    for context, opening, closing in (("flow mapping", "{", "}"), ("flow sequence", "[", "]")):
        if context in said:
            return tr("yaml.problem.unclosed", open=opening, close=closing)
    opened = getattr(error, "context_mark", None)
    if "end of stream" in said and "quoted scalar" in said and opened is not None:
        return tr("yaml.problem.quote", line=opened.line + 1)  # found at the end of the file: say where it began
    key = next((key for words, key in _PROBLEMS if words in said), None)
    if key is not None:
        return PROBLEM[key]
    return tr("yaml.problem.other", detail=" ".join((getattr(error, "problem", None) or str(error)).split()))
