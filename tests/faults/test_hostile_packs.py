"""Hostile packs: a pack is data from someone else; loading one never runs code or exhausts memory."""

import resource
import time

import pytest

from forms.loader import PackError, load_pack


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


def _refused(folder, *words):
    start = time.monotonic()
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    assert time.monotonic() - start < 5
    return message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!custom"])
def test_object_constructing_tags_are_refused_and_never_run(tmp_path, tag):
    marker = tmp_path / "marker"
    folder = _pack(tmp_path, f"sections: {tag} [\"touch {marker}\"]\n")
    _refused(folder, "tag")
    assert not marker.exists()


def test_billion_laughs_alias_bomb_is_refused_without_expanding(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    folder = _pack(tmp_path, "\n".join(lines) + "\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(folder, "aliases")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: under 100 MB more


def test_deep_nesting_is_refused(tmp_path):
    folder = _pack(tmp_path, "sections: " + "[" * 5000 + "]" * 5000 + "\n")
    _refused(folder, "nested")


def test_enormous_string_file_is_refused_by_size(tmp_path):
    folder = _pack(tmp_path, "sections: '" + "x" * (5 * 1024 * 1024) + "'\n")
    _refused(folder, "KiB")


def test_include_outside_the_pack_folder_is_refused(tmp_path):
    (tmp_path / "secret.yaml").write_text("sections: []\n", encoding="utf-8")
    folder = _pack(tmp_path, "sections: []\n", include="../secret.yaml")
    _refused(folder, "outside")


def test_non_utf8_file_is_refused(tmp_path):
    folder = _pack(tmp_path, b"sections: '\xff\xfe caf\xe9'\n")
    _refused(folder, "UTF-8")
