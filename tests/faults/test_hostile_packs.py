"""Hostile packs: a pack is data from someone else; loading one never runs code or exhausts memory."""

import resource
import time

import pytest

from forms.loader import PackError, load_pack
from forms.safe_yaml import MAX_DEPTH
from tests.messages import is_message


def _pack(tmp_path, part_text, name="part.yaml", include=None):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: hostile\nversion: '1'\ntitle: Hostile\ninclude: [" + (include or name) + "]\n", encoding="utf-8")
    if isinstance(part_text, bytes):
        (folder / name).write_bytes(part_text)
    else:
        (folder / name).write_text(part_text, encoding="utf-8")
    return folder


def _refused(folder, msg_id, **known):
    """Loading the pack in `folder` fails, soon, with the message `msg_id` (by default naming the
    included part, which the loader names by its resolved path)."""
    start = time.monotonic()
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    message = str(caught.value)
    assert "\n" not in message
    assert is_message(message, msg_id, **{"path": (folder / "part.yaml").resolve(), **known}), message
    assert time.monotonic() - start < 5
    return message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!custom"])
def test_object_constructing_tags_are_refused_and_never_run(tmp_path, tag):
    marker = tmp_path / "marker"
    folder = _pack(tmp_path, f"sections: {tag} [\"touch {marker}\"]\n")
    _refused(folder, "yaml.tag", line=1)
    assert not marker.exists()


def test_billion_laughs_alias_bomb_is_refused_without_expanding(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    folder = _pack(tmp_path, "\n".join(lines) + "\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(folder, "yaml.alias", line=1)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: under 100 MB more


def test_deep_nesting_is_refused(tmp_path):
    folder = _pack(tmp_path, "sections: " + "[" * 5000 + "]" * 5000 + "\n")
    _refused(folder, "yaml.too_deep", line=1, most=MAX_DEPTH)


def test_enormous_string_file_is_refused_by_size(tmp_path):
    folder = _pack(tmp_path, "sections: '" + "x" * (5 * 1024 * 1024) + "'\n")
    _refused(folder, "yaml.too_big")


def test_include_outside_the_pack_folder_is_refused(tmp_path):
    (tmp_path / "secret.yaml").write_text("sections: []\n", encoding="utf-8")
    folder = _pack(tmp_path, "sections: []\n", include="../secret.yaml")
    _refused(folder, "packs.outside", path=folder / "pack.yaml", name="../secret.yaml")


def test_non_utf8_file_is_refused(tmp_path):
    folder = _pack(tmp_path, b"sections: '\xff\xfe caf\xe9'\n")
    _refused(folder, "yaml.not_utf8", byte=len("sections: '"))


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("text, line, msg_id, known", [
    ("a:\n  b: {q: x, has: y\n  c: d\n", 3, "yaml.problem.unclosed", {"open": "{", "close": "}"}),
    ("a: [1, 2\nb: 3\n", 2, "yaml.problem.unclosed", {"open": "[", "close": "]"}),
    ("a:\n\tb: 1\n", 2, "yaml.problem.character", {}),
    ("a: b: c\n", 1, "yaml.problem.colon", {}),
    ("a:\n  b: 1\n c: 2\n", 3, "yaml.problem.indentation", {}),
    ("a: 'abc\nb: 2\n", 3, "yaml.problem.quote", {"line": 1}),
    ("- a\nb: 1\n", 2, "yaml.problem.list_indentation", {}),
    ("a: 1\n---\nb: 2\n", 2, "yaml.problem.documents", {}),
    ('a: "\\q"\n', 1, "yaml.problem.escape", {}),
    ("a: 1\nb: \x07\n", 2, "yaml.problem.control", {}),
])
def test_broken_yaml_is_explained_in_our_words_whichever_parser_reads_it(monkeypatch, loader, text, line, msg_id,
                                                                            known):
    # libyaml and PyYAML's Python parser word the same faults differently; the message is ours.
    import yaml

    from catalogue import tr
    from forms import safe_yaml

    if not hasattr(yaml, loader):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(safe_yaml, "_Loader", getattr(yaml, loader))
    with pytest.raises(safe_yaml.DataFileError) as caught:
        safe_yaml.parse_yaml(text, "part.yaml")
    problem = tr(msg_id, **known)
    assert str(caught.value) == tr("yaml.not_yaml", path="part.yaml", problem=tr("yaml.at_line", line=line,
                                                                                   problem=problem))
