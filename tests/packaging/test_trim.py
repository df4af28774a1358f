"""What the build leaves out, by the names PyInstaller gives the files: what the application never
loads goes, what it loads stays."""

from __future__ import annotations

import pytest

from release.trim import keep, languages, left_out

SHIPPED = ("de", "en", "fr")


def test_the_languages_kept_are_those_of_the_catalogue():
    assert languages() == SHIPPED


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qtbase_fr.qm",
    "babel/locale-data/root.dat", "babel/locale-data/de.dat", "babel/locale-data/de_CH.dat",
    "babel/locale-data/fr_BE.dat", "babel/locale-data/en_001.dat", "babel/global.dat",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libicuuc.so.73", "PySide6/Qt/lib/libicudata.so.73",
    "libpython3.11.so.1.0", "pillow.libs/libXau-154567c4.so.6.0.0", "psycopg_binary.libs/libpq-e9b5c9ac.so.5.18",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "lxml/etree.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so", "resources/fonts/wqy-microhei.ttc",
])
def test_what_the_application_loads_stays(dest):
    assert left_out(dest, "linux", SHIPPED) is None


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_ja.qm", "PySide6/Qt/translations/qt_help_de.qm",
    "PySide6/Qt/translations/qtmultimedia_de.qm", "babel/locale-data/ja.dat", "babel/locale-data/ebu.dat",
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so", "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "python3.11/lib-dynload/_testcapi.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so", "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
    "pillow.libs/libavif-c6062d5f.so.16.4.2", "lxml/objectify.cpython-311-x86_64-linux-gnu.so",
])
def test_what_the_application_never_loads_is_left_out_with_a_reason(dest):
    assert left_out(dest, "linux", SHIPPED)


def test_system_libraries_are_left_to_the_system_on_linux_only_and_only_at_the_top():
    for name in ("libglib-2.0.so.0", "libstdc++.so.6", "libX11.so.6", "libxcb-cursor.so.0", "libssl.so.3"):
        assert left_out(name, "linux", SHIPPED), name
        assert left_out(name, "darwin", SHIPPED) is None, name
    assert left_out("psycopg_binary.libs/libssl.so.3", "linux", SHIPPED) is None  # a wheel's own copy


def test_windows_names_are_read_with_their_separators():
    assert left_out("PySide6\\translations\\qtbase_ja.qm", "win32", SHIPPED)
    assert left_out("PySide6\\translations\\qtbase_de.qm", "win32", SHIPPED) is None


def test_a_file_list_is_filtered_keeping_its_entries():
    toc = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/a", "BINARY"),
           ("PySide6/Qt/plugins/platforms/libqvnc.so", "/src/b", "BINARY"),
           ("libpython3.11.so.1.0", "/src/c", "BINARY")]
    assert keep(toc, "linux") == [toc[0], toc[2]]
