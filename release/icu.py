"""ICU's data, cut to what the application's languages need (Linux builds: PySide6's Qt brings ICU
73 with the data of every language, 31 MB, a tenth of the whole folder).

ICU keeps its data in one library (`libicudata.so.73`) as one symbol, `icudt73_dat`: a common data
package, a table of named items (locale bundles by folder, collation, break rules, converters)
followed by the items. Qt uses ICU for collation, case mapping, text boundaries and legacy codecs;
we keep every item but locale bundles of other languages, the legacy converters (every file the
application reads is UTF-8), the transliterators and the dictionaries that break Chinese, Japanese,
Khmer, Lao, Burmese and Thai text into words. A locale left out falls back to ICU's root data.

The package is rewritten here and assembled into a library of the same name with the system's C
compiler (`cc`, and `nm` to find the symbol); without them the full library is kept.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

LOCALE_FOLDERS = {"brkitr", "coll", "curr", "lang", "region", "unit", "zone", "rbnf"}
DROPPED_FOLDERS = {"translit"}
INDEX_ITEMS = {"pool.res", "res_index.res"}  # shared strings and the list of locales of a folder
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
ALIGN = 16  # ICU reads every item at a 16-byte boundary


def keep_item(name: str, languages: tuple[str, ...]) -> bool:
    """Whether the item `name` ("icudt73l/coll/de.res") stays, for the `languages` shipped."""
    parts = name.split("/")[1:]  # without the package's own name
    folder, file = (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[-1])
    if folder in DROPPED_FOLDERS or file.endswith(".cnv") or file.endswith(".dict"):
        return False
    if file in INDEX_ITEMS or not LOCALE.match(file) or (folder and folder not in LOCALE_FOLDERS):
        return True
    return file.split("_")[0].removesuffix(".res") in languages


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its items (name, bytes with their padding), in table order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = blob[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    offsets = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_at, data_at) in enumerate(offsets):
        end = offsets[index + 1][1] if index + 1 < count else len(toc)
        items.append((toc[name_at:toc.index(b"\0", name_at)].decode("ascii"), toc[data_at:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of `items` (kept in their order: ICU looks names up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    data_at = _aligned(table_size + len(names))
    entries, name_at, chunks = [], table_size, []
    for name, data in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        chunk = data + b"\0" * (_aligned(len(data)) - len(data))
        chunks.append(chunk)
        data_at += len(chunk)
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + table + b"\0" * (_aligned(len(table)) - len(table)) + b"".join(chunks)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def trimmed_library(library: Path, out_dir: Path, languages: tuple[str, ...]) -> Path | None:
    """`library` rebuilt in `out_dir` with the items kept; None when this machine cannot build it."""
    compiler, nm = shutil.which("cc") or shutil.which("gcc"), shutil.which("nm")
    if compiler is None or nm is None:
        return None
    symbol, start, size = _data_symbol(nm, library)
    header, items = read_package(library.read_bytes()[start:start + size])
    package = write_package(header, [item for item in items if keep_item(item[0], languages)])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "icudata.dat").write_bytes(package)
    (out_dir / "icudata.s").write_text(
        f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.size {symbol}, {len(package)}\n'
        f'.balign {ALIGN}\n{symbol}:\n.incbin "{out_dir / "icudata.dat"}"\n'
        '.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
    out = out_dir / library.name
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out),
                    str(out_dir / "icudata.s")], check=True)
    return out


def _data_symbol(nm: str, library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size (the library maps .rodata at its file offset)."""
    listed = subprocess.run([nm, "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True,
                            check=True).stdout
    for line in listed.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            return fields[3], int(fields[0], 16), int(fields[1], 16)
    raise ValueError(f"{library.name} holds no ICU data symbol")


def with_trimmed_data(toc: list, out_dir: Path, languages: tuple[str, ...]) -> list:
    """A PyInstaller file list whose ICU data library, if any, is the trimmed one (or the original,
    said so, when this machine cannot build it)."""
    result = []
    for dest, source, kind in toc:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            trimmed = trimmed_library(Path(source), out_dir, languages)
            if trimmed is None:
                print("ICU data kept whole: no C compiler or nm on this machine")
            source = str(trimmed or source)
        result.append((dest, source, kind))
    return result
