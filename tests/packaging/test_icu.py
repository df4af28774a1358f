"""ICU's data cut to the languages shipped: which items stay, and a package written back reads as
ICU reads it (its table sorted by name, every item where the table says, 16-byte aligned)."""

from __future__ import annotations

import struct

import pytest

from release.icu import keep_item, read_package, write_package

LANGUAGES = ("de", "en", "fr")


@pytest.mark.parametrize("name", [
    "icudt73l/de.res", "icudt73l/de_CH.res", "icudt73l/en_001.res", "icudt73l/fr_BE.res", "icudt73l/root.res",
    "icudt73l/pool.res", "icudt73l/res_index.res", "icudt73l/supplementalData.res", "icudt73l/zoneinfo64.res",
    "icudt73l/uprops.icu", "icudt73l/ucase.icu", "icudt73l/nfc.nrm", "icudt73l/cnvalias.icu",
    "icudt73l/coll/de.res", "icudt73l/coll/root.res", "icudt73l/coll/ucadata.icu", "icudt73l/coll/res_index.res",
    "icudt73l/brkitr/word.brk", "icudt73l/brkitr/de.res", "icudt73l/curr/pool.res", "icudt73l/zone/fr.res",
])
def test_what_the_languages_shipped_and_every_language_need_stays(name):
    assert keep_item(name, LANGUAGES)


@pytest.mark.parametrize("name", [
    "icudt73l/ja.res", "icudt73l/zh_Hant_TW.res", "icudt73l/coll/zh.res", "icudt73l/lang/sv.res",
    "icudt73l/brkitr/cjdict.dict", "icudt73l/brkitr/thaidict.dict", "icudt73l/gb18030.cnv",
    "icudt73l/ibm-1390_P110-2003.cnv", "icudt73l/translit/root.res", "icudt73l/unit/ko.res",
])
def test_other_languages_legacy_converters_transliterators_and_dictionaries_go(name):
    assert not keep_item(name, LANGUAGES)


def _package(items):
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 8 + b"CmnD" + b"\0" * 16
    return write_package(header, items)


def test_a_package_written_reads_back_item_for_item_aligned():
    items = [("icudt73l/a.res", b"A" * 5), ("icudt73l/b.icu", b"B" * 33), ("icudt73l/coll/c.res", b"C" * 16)]
    blob = _package(items)
    header, read = read_package(blob)
    assert header == blob[:32]
    assert [(name, data.rstrip(b"\0")) for name, data in read] == items
    count = struct.unpack_from("<I", blob, 32)[0]
    offsets = [struct.unpack_from("<II", blob, 36 + 8 * i)[1] for i in range(count)]
    assert count == 3 and all(offset % 16 == 0 for offset in offsets)


def test_something_else_is_refused():
    with pytest.raises(ValueError):
        read_package(b"\0" * 64)
