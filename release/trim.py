"""What the one-folder application leaves out: files PyInstaller collects that the application never
loads. The spec filters its file lists through `left_out` before anything is copied, so the rules
are tested here on names alone (tests/packaging/test_trim.py) and the build only applies them.

Each rule says why the files are not needed; the sizes they save are in packaging/README.md.
"""

from __future__ import annotations

import re
import sys
from fnmatch import fnmatchcase
from pathlib import Path

from release.project import ROOT

# (pattern on the path inside the folder, with "/" separators; why it is not needed)
RULES: tuple[tuple[str, str], ...] = (
    # Qt: only the widgets, on X11, Wayland and headless; no network, no embedded-display backends.
    ("*/plugins/egldeviceintegrations/*", "embedded EGL displays: the wizard runs on a desktop"),
    ("*/plugins/generic/*", "evdev and TUIO input of embedded devices"),
    ("*/plugins/platforms/*qeglfs*", "embedded EGL full-screen platform"),
    ("*/plugins/platforms/*qlinuxfb*", "Linux frame-buffer platform"),
    ("*/plugins/platforms/*qvnc*", "VNC server platform"),
    ("*/plugins/platforms/*qvkkhrdisplay*", "Vulkan display platform"),
    ("*/plugins/platforms/*qminimalegl*", "minimal EGL platform"),
    ("*/plugins/platformthemes/*qgtk3*",
     "the GTK theme loads the system's GTK 3 into the process; the wizard has its own theme"),
    ("*/plugins/imageformats/*qtga*", "image formats no kit logo or icon uses"),
    ("*/plugins/imageformats/*qtiff*", "image formats no kit logo or icon uses"),
    ("*/plugins/imageformats/*qwbmp*", "image formats no kit logo or icon uses"),
    ("*/plugins/imageformats/*qwebp*", "image formats no kit logo or icon uses"),
    ("*/plugins/imageformats/*qicns*", "image formats no kit logo or icon uses"),
    ("*Qt6EglFSDeviceIntegration*", "embedded EGL displays"),
    ("*Qt6EglFsKmsSupport*", "embedded EGL displays"),
    ("*Qt6Network*", "the application never opens a connection (only the VNC and TUIO plugins, left out, load it)"),
    # Python: test modules and the legacy East Asian codecs (every file the application reads is UTF-8).
    ("*lib-dynload/_test*", "CPython's own tests"),
    ("*lib-dynload/_ctypes_test*", "CPython's own tests"),
    ("*lib-dynload/_xxtestfuzz*", "CPython's own tests"),
    ("*lib-dynload/_codecs_*", "legacy East Asian codecs: drafts, packs and kits are UTF-8"),
    ("*lib-dynload/readline*", "interactive Python prompt"),
    # Pillow (reportlab's images): PNG and JPEG logos only.
    ("PIL/_avif*", "AVIF images: kit logos are PNG or SVG"),
    ("pillow.libs/libavif*", "AVIF images: kit logos are PNG or SVG"),
    ("PIL/_webp*", "WebP images: kit logos are PNG or SVG"),
    ("pillow.libs/libwebp*", "WebP images: kit logos are PNG or SVG"),
    ("pillow.libs/libsharpyuv*", "WebP images: kit logos are PNG or SVG"),
    ("lxml/objectify*", "pyHanko reads XMP metadata with lxml.etree only"),
    ("*/py.typed", "type-checker markers"),
)

# Libraries every Linux desktop that runs Qt has, which the wheels of PySide6 expect from the system
# as well: the .deb depends on their packages (deb.DEPENDS), the portable archive on the same.
# PyInstaller copies them from the build machine; left in, they would shadow newer system ones.
LINUX_SYSTEM_LIBRARIES = frozenset("""
libstdc++.so.6 libgcc_s.so.1 libz.so.1 libexpat.so.1 libffi.so.8 libbz2.so.1.0 liblzma.so.5 libuuid.so.1
libselinux.so.1 libpcre2-8.so.0 libmount.so.1 libblkid.so.1 libcap.so.2 libsystemd.so.0 libgcrypt.so.20
libgpg-error.so.0 liblz4.so.1 libzstd.so.1 libmd.so.0 libbsd.so.0 libreadline.so.8 libtinfo.so.6
libglib-2.0.so.0 libgobject-2.0.so.0 libgio-2.0.so.0 libgmodule-2.0.so.0 libgthread-2.0.so.0
libX11.so.6 libX11-xcb.so.1 libXext.so.6 libXrender.so.1 libXau.so.6 libXdmcp.so.6
libxcb.so.1 libxcb-cursor.so.0 libxcb-glx.so.0 libxcb-icccm.so.4 libxcb-image.so.0 libxcb-keysyms.so.1
libxcb-randr.so.0 libxcb-render.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 libxcb-shm.so.0
libxcb-sync.so.1 libxcb-util.so.1 libxcb-xfixes.so.0 libxcb-xkb.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0
libfontconfig.so.1 libfreetype.so.6 libpng16.so.16 libbrotlicommon.so.1 libbrotlidec.so.1 libjpeg.so.62
libdbus-1.so.3 libsqlite3.so.0 libssl.so.3 libcrypto.so.3
libgssapi_krb5.so.2 libkrb5.so.3 libk5crypto.so.3 libkrb5support.so.0 libcom_err.so.2 libkeyutils.so.1
libwayland-client.so.0 libwayland-cursor.so.0 libwayland-egl.so.1
libharfbuzz.so.0 libgraphite2.so.3 libcairo.so.2 libcairo-gobject.so.2 libpango-1.0.so.0
libpangocairo-1.0.so.0 libpangoft2-1.0.so.0 libatk-1.0.so.0 libgdk_pixbuf-2.0.so.0 libthai.so.0
libdatrie.so.1 libfribidi.so.0 libpixman-1.so.0
""".split())


def languages(root: Path = ROOT) -> tuple[str, ...]:
    """The languages the application ships (its catalogues): their Babel and Qt data stay."""
    return tuple(sorted(p.name for p in (root / "catalogue" / "locale").iterdir() if p.is_dir()))


def left_out(dest: str, platform: str = sys.platform, kept_languages: tuple[str, ...] | None = None) -> str | None:
    """Why the file at `dest` (its path inside the folder) is left out, or None when it stays."""
    dest = dest.replace("\\", "/")
    kept_languages = kept_languages if kept_languages is not None else languages()
    for pattern, reason in RULES:
        if fnmatchcase(dest, pattern):
            return reason
    name = dest.rsplit("/", 1)[-1]
    if "/translations/" in f"/{dest}" and dest.endswith(".qm"):
        wanted = {f"qtbase_{language}.qm" for language in kept_languages}
        return None if name in wanted else "Qt's words in languages the application does not ship, and Qt tools' words"
    if dest.startswith("babel/locale-data/") and dest.endswith(".dat"):
        locale = name.removesuffix(".dat")
        if locale == "root" or locale.split("_")[0] in kept_languages:
            return None
        return "dates and numbers in languages the application does not ship"
    if platform.startswith("linux") and "/" not in dest and _soname(name) in LINUX_SYSTEM_LIBRARIES:
        return "a library of the system (the package depends on it)"
    return None


def _soname(name: str) -> str:
    """libfoo.so.1.2.3 -> libfoo.so.1 is too loose for some (libbz2.so.1.0): compare the name as
    collected first, then cut to its first version number."""
    if name in LINUX_SYSTEM_LIBRARIES:
        return name
    match = re.match(r"^(.+?\.so\.\d+)", name)
    return match.group(1) if match else name


def keep(toc, platform: str = sys.platform) -> list:
    """A PyInstaller file list (entries `(dest, source, kind)`) without what is left out."""
    return [entry for entry in toc if left_out(entry[0], platform) is None]


def folder_size(folder: Path) -> int:
    """Bytes in `folder`, each file once (links not followed)."""
    return sum(path.lstat().st_size for path in Path(folder).rglob("*") if path.is_file() and not path.is_symlink())
