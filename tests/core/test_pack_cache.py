"""The pack kept between runs (forms/cache.py): used while its sources and the code are as they were,
built again from its sources when anything changed, and never taken when damaged or of another kind."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from forms import cache
from forms.fingerprint import content_hash
from forms.safe_yaml import read_yaml


@pytest.fixture
def folder(tmp_path):
    cache.use_folder(tmp_path / "cache")
    yield tmp_path / "cache"
    cache.use_folder(None)


@pytest.fixture
def source(tmp_path):
    """A small 'pack': a folder with a file read through safe_yaml and a watched overlay folder."""
    pack = tmp_path / "pack"
    (pack / "locale").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: demo\nitems: [1, 2]\n", encoding="utf-8")
    return pack


class Builder:
    def __init__(self, pack: Path):
        self.pack, self.builds = pack, 0

    def __call__(self) -> dict:
        self.builds += 1
        return read_yaml(self.pack / "pack.yaml")

    def get(self) -> dict:
        return cache.cached("demo", (str(self.pack), "en"), self, dict, watched=(self.pack,))


def _entry(folder: Path) -> Path:
    entries = list(folder.glob("demo-*.pickle"))
    assert len(entries) == 1
    return entries[0]


def test_without_a_folder_nothing_is_kept(source, tmp_path):
    builder = Builder(source)
    assert builder.get() == builder.get() == {"id": "demo", "items": [1, 2]}
    assert builder.builds == 2 and not (tmp_path / "cache").exists()


def test_kept_once_then_loaded_without_building(folder, source):
    builder = Builder(source)
    assert builder.get() == {"id": "demo", "items": [1, 2]} and builder.builds == 1
    assert builder.get() == {"id": "demo", "items": [1, 2]} and builder.builds == 1
    assert _entry(folder).stat().st_mode & 0o077 == 0  # the user's own, like the drafts


@pytest.mark.parametrize("change", ["edited", "added", "removed"])
def test_a_changed_added_or_removed_source_builds_it_again(folder, source, change):
    builder = Builder(source)
    overlay = source / "locale" / "de.yaml"
    if change == "removed":
        overlay.write_text("title: Demo\n", encoding="utf-8")
    builder.get()
    if change == "edited":
        (source / "pack.yaml").write_text("id: demo\nitems: [3]\n", encoding="utf-8")
    elif change == "added":
        overlay.write_text("title: Demo\n", encoding="utf-8")  # an overlay that did not exist counts too
    else:
        overlay.unlink()
    value = builder.get()
    assert builder.builds == 2
    assert value == read_yaml(source / "pack.yaml")
    builder.get()
    assert builder.builds == 2  # kept anew


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other format", "other code", "wrong kind",
                                    "not a dict", "changed sources"])
def test_a_damaged_or_foreign_entry_is_ignored_and_replaced(folder, source, damage):
    builder = Builder(source)
    builder.get()
    path = _entry(folder)
    raw = path.read_bytes()
    entry = pickle.loads(raw)
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "not a dict":
        path.write_bytes(pickle.dumps(["value"]))
    else:
        if damage == "other format":
            entry["format"] = cache.FORMAT + 1
        elif damage == "other code":
            entry["code"] = "0" * 32
        elif damage == "wrong kind":
            entry["value"] = ["not", "a", "dict"]
        else:  # the value replaced, its sources' hashes left: they no longer match the files
            entry["sources"] = {p: "0" * 64 for p in entry["sources"]}
            entry["value"] = {"id": "forged"}
        path.write_bytes(pickle.dumps(entry))
    assert builder.get() == {"id": "demo", "items": [1, 2]}
    assert builder.builds == 2
    builder.get()
    assert builder.builds == 2  # the replacement is used


def test_a_value_that_cannot_be_built_raises_and_nothing_is_kept(folder, source):
    (source / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(Exception):
        Builder(source).get()
    assert not list(folder.glob("*.pickle"))


def test_a_folder_that_cannot_be_written_only_costs_speed(tmp_path, source):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    cache.use_folder(blocker / "cache")  # under a file: can never be created
    try:
        builder = Builder(source)
        assert builder.get() == builder.get() == {"id": "demo", "items": [1, 2]}
        assert builder.builds == 2
    finally:
        cache.use_folder(None)


def test_the_shipped_pack_kept_is_the_pack_loaded_with_its_content_hash(folder):
    from forms import loader

    built = loader._default_pack.__wrapped__("en")
    assert list(folder.glob("pack-*.pickle"))
    kept = loader._default_pack.__wrapped__("en")  # from the entry: not the same object
    fresh = loader.load_pack(loader.DEFAULT_PACK, "en")
    assert kept is not built and kept == fresh
    assert content_hash(kept) == content_hash(built)
    assert content_hash(kept) == content_hash(fresh.model_copy())  # worked out anew, the same


def test_the_pseudo_language_is_kept_apart(folder):
    from forms import loader

    english, pseudo = loader._default_pack.__wrapped__("en"), loader._default_pack.__wrapped__("en_XA")
    assert english.title != pseudo.title and len(list(folder.glob("pack-*.pickle"))) == 2


def test_every_class_kept_is_code_the_entry_is_checked_against(folder):
    """An entry is used only while the code of forms/ and catalogue/ hashes as it did: so every
    class of ours in it must come from there (a pack's schema changed elsewhere would leave a kept
    pack of the old shape in use)."""
    import io

    from forms import loader

    loader._default_pack.__wrapped__("en")
    root = Path(cache.__file__).resolve().parents[1]
    modules: set[str] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module, name):
            modules.add(module)
            return super().find_class(module, name)

    Recording(io.BytesIO(next(folder.glob("pack-*.pickle")).read_bytes())).load()
    ours = {module.split(".")[0] for module in modules if (root / module.split(".")[0]).exists()}
    assert "forms" in ours and ours <= set(cache._CODE_FOLDERS)
