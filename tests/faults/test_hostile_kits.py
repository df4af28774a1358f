"""Hostile kits: a kit is a file from someone else. Each trick is refused with one line, its own
message id, before anything is shown or written, and nothing from the archive reaches the disk."""

from __future__ import annotations

import struct
import warnings

import pytest

from app.commands.main import main
from app.kits import archive as archive_module
from app.kits.errors import KitError
from app.kits.kit import load_kit
from tests.kits.kitmaker import OVERLAY, SVG, entries, kit_bytes, png

LOGO = "logo: logo.svg\n"


def _with_logo(data: bytes | str, name: str = "logo.svg") -> dict:
    manifest = entries()["kit.yaml"] + f"logo: {name}\n"
    return entries(kit__yaml=manifest, **{name.replace(".", "__"): data})


def _overlay(extra: str) -> dict:
    return entries(overlay__yaml=OVERLAY + extra)


def _rule(pack) -> str:
    return pack.rules[0].id


def _patched_directory(data: bytes, offset: int, value: bytes) -> bytes:
    """The archive with `value` written at `offset` of its first central directory record."""
    start = data.index(b"PK\x01\x02")
    return data[:start + offset] + value + data[start + offset + len(value):]


def _duplicate() -> bytes:
    files = entries()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is told to write
        import io
        import zipfile

        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w") as archive:
            for name, value in files.items():
                archive.writestr(name, value)
            archive.writestr("intro.txt", "Another welcome.")
    return stream.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>"""

HOSTILE = {
    # the archive
    "not_zip": (lambda pack: b"this is not a zip archive at all", "kit.error.not_zip"),
    "dotdot": (lambda pack: kit_bytes({**entries(), "../../evil.txt": "x"}), "kit.error.dotdot"),
    "dotdot_inside": (lambda pack: kit_bytes({**entries(), "texts/../../evil.txt": "x"}), "kit.error.dotdot"),
    "absolute": (lambda pack: kit_bytes({**entries(), "/tmp/evil.txt": "x"}), "kit.error.absolute"),
    "drive": (lambda pack: kit_bytes({**entries(), "C:/evil.txt": "x"}), "kit.error.absolute"),
    "backslash": (lambda pack: kit_bytes({**entries(), "texts\\evil.txt": "x"}), "kit.error.bad_name"),
    "symlink": (lambda pack: kit_bytes(entries(), links={"passwd": "/etc/passwd"}), "kit.error.symlink"),
    "too_many": (lambda pack: kit_bytes({**entries(), **{f"f{i}.txt": "x" for i in range(200)}}),
                 "kit.error.too_many_entries"),
    "bomb": (lambda pack: kit_bytes({**entries(), "zeros.bin": b"\0" * (40 * 1024 * 1024)}), "kit.error.too_big"),
    "lying_size": (lambda pack: _patched_directory(kit_bytes(entries(kit__yaml=entries()["kit.yaml"] + "#" * 5000)),
                                                   24, struct.pack("<I", 10)), "kit.error.damaged"),
    "encrypted": (lambda pack: _patched_directory(kit_bytes(entries()), 8, struct.pack("<H", 1)), "kit.error.encrypted"),
    "duplicate": (lambda pack: _duplicate(), "kit.error.duplicate_entry"),
    # the logo
    "svg_script": (lambda pack: kit_bytes(_with_logo(SVG.replace(b"</svg>", b"<script>alert(1)</script></svg>"))),
                   "kit.error.svg_script"),
    "svg_foreign": (lambda pack: kit_bytes(_with_logo(SVG.replace(b"</svg>", b"<foreignObject/></svg>"))),
                    "kit.error.svg_script"),
    "svg_event": (lambda pack: kit_bytes(_with_logo(SVG.replace(b"<rect", b'<rect onclick="steal()"'))),
                  "kit.error.svg_event"),
    "svg_href": (lambda pack: kit_bytes(_with_logo(SVG.replace(b"</svg>", b'<image href="https://tracker.example/p.png"/></svg>'))),
                 "kit.error.svg_external"),
    "svg_xlink": (lambda pack: kit_bytes(_with_logo(SVG.replace(b"<svg ", b'<svg xmlns:xlink="http://www.w3.org/1999/xlink" ').replace(
        b"</svg>", b'<use xlink:href="file:///etc/passwd#x"/></svg>'))), "kit.error.svg_external"),
    "svg_style_url": (lambda pack: kit_bytes(_with_logo(SVG.replace(b'fill="#123456"', b'style="fill:url(https://tracker.example/a)"'))),
                      "kit.error.svg_external"),
    "svg_stylesheet": (lambda pack: kit_bytes(_with_logo(b'<?xml-stylesheet href="https://x.example/a.css"?>' + SVG)),
                       "kit.error.svg_external"),
    "svg_entities": (lambda pack: kit_bytes(_with_logo(BILLION_LAUGHS)), "kit.error.svg_entity"),
    "image_too_big": (lambda pack: kit_bytes(_with_logo(png() + b"\0" * (600 * 1024), "logo.png")), "kit.error.image_too_big"),
    "image_pixels": (lambda pack: kit_bytes(_with_logo(png(60_000, 60_000), "logo.png")), "kit.error.image_pixels"),
    "not_png": (lambda pack: kit_bytes(_with_logo(SVG, "logo.png")), "kit.error.not_png"),
    # the data
    "yaml_tag": (lambda pack: kit_bytes(entries(kit__yaml='!!python/object/apply:os.system ["touch MARKER"]\n')), "yaml.tag"),
    "yaml_tag_overlay": (lambda pack: kit_bytes(entries(overlay__yaml='sections: !!python/name:os.system\n')), "yaml.tag"),
    "yaml_alias": (lambda pack: kit_bytes(entries(overlay__yaml="a: &a [1]\nb: *a\n")), "yaml.alias"),
    "text_not_utf8": (lambda pack: kit_bytes(entries(intro__txt=b"\xff\xfe bad")), "kit.error.not_utf8"),
    "overlay_key": (lambda pack: kit_bytes(_overlay("tracks: []\n")), "kit.error.overlay_key"),
    "overlay_id": (lambda pack: kit_bytes(_overlay("id: eu_ai_act\n")), "kit.error.overlay_key"),
    "include_outside": (lambda pack: kit_bytes(_overlay("include: [../secret.yaml]\n")), "kit.error.include_outside"),
    # the law
    "rewrites_rule": (lambda pack: kit_bytes(_overlay(f"rules:\n  - {{id: {_rule(pack)}, tier: minimal, when: {{q: test.sector, is: a}}}}\n")),
                      "kit.error.rewrites_rule"),
    "rewords_rule": (lambda pack: kit_bytes(_overlay(f"texts:\n  {_rule(pack)}: {{reason: 'Nothing to see here.'}}\n")),
                     "kit.error.rewrites_rule"),
    "rewords_result": (lambda pack: kit_bytes(_overlay("texts:\n  high_risk: {label: 'Fine'}\n")), "kit.error.rewrites_rule"),
    "replaces_gap": (lambda pack: kit_bytes(_overlay(f"  - {{id: {pack.gaps[0].id}, text: x, refs: [aiact.art58.2], when: {{q: test.sector, answered: true}}}}\n")),
                     "kit.error.rewrites_rule"),
    "adds_rule": (lambda pack: kit_bytes(_overlay("rules:\n  - {id: test.ban, tier: prohibited, when: {q: test.sector, is: a}}\n")),
                  "kit.error.adds_law"),
    "adds_duty": (lambda pack: kit_bytes(_overlay("obligations:\n  - {id: test.duty, text: x, refs: [aiact.art58.2], roles: [provider], when: {q: test.sector, is: a}}\n")),
                  "kit.error.adds_law"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_kit_is_refused_with_one_line_and_its_own_message(name, pack, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make, msg_id = HOSTILE[name]
    path = tmp_path / "kits" / "hostile.sandboxkit"
    path.parent.mkdir()
    path.write_bytes(make(pack))
    with pytest.raises(KitError) as refused:
        load_kit(path)
    assert refused.value.msg_id == msg_id
    assert main(["kit", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert main(["--kit", str(path), "questions", "--json"]) == 2  # the same refusal wherever the kit is used
    assert capsys.readouterr().err == err
    # Nothing of the archive reached the disk: not beside it, not above it, not in the data folder.
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["hostile.sandboxkit"]


def test_the_bytes_really_read_are_bounded_whatever_the_archive_claims(tmp_path, monkeypatch):
    # With the check of the sizes claimed out of the way, the count of the bytes decompressed
    # still stops the bomb (a hand-made archive can claim little and hold much).
    monkeypatch.setattr(archive_module, "check_claimed_size", lambda infos, name: None)
    path = tmp_path / "bomb.sandboxkit"
    path.write_bytes(kit_bytes({**entries(), "zeros.bin": b"\0" * (40 * 1024 * 1024)}))
    with pytest.raises(KitError) as refused:
        load_kit(path)
    assert refused.value.msg_id == "kit.error.too_big"


def test_a_tag_that_would_run_a_command_never_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tag.sandboxkit"
    path.write_bytes(HOSTILE["yaml_tag"][0](None))
    with pytest.raises(KitError):
        load_kit(path)
    assert not (tmp_path / "MARKER").exists()


def test_a_file_too_large_to_be_a_kit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.sandboxkit"
    with open(path, "wb") as stream:
        stream.truncate(archive_module.MAX_FILE_BYTES + 1)
    with pytest.raises(KitError) as refused:
        load_kit(path)
    assert refused.value.msg_id == "kit.error.file_too_big"
