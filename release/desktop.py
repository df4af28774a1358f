"""The Linux desktop entry and MIME types, their words taken from the catalogue in every language
the application ships, so the menu, the file manager's "Open with" and its file types read as the
wizard does.

Drafts and JSON dossiers are `.json` files: their types match `*.json` with a weight below the
generic JSON type's, so a file manager compares the two and the content decides (a draft or a
dossier names its format in its first line); any other JSON file stays plain JSON. PDF dossiers
cannot be told from other PDFs by their start, so the entry only offers to open PDFs ("Open with").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import catalogue
from release.project import APP_ID, NAME
from release.trim import languages

MIME_NAMESPACE = "http://www.freedesktop.org/standards/shared-mime-info"


@dataclass(frozen=True)
class FileType:
    mime: str
    comment_id: str  # catalogue id of its name in a file manager
    parent: str  # the type it is a kind of
    glob: str
    glob_weight: int | None = None  # below 50, the generic type's: the content decides
    magic: tuple[str, ...] = ()  # strings one of which the file's first bytes hold


# The formats, as app/storage/drafts.py, app/storage/protect.py and app/formats/data.py write them.
DRAFT = FileType("application/x-sandbox-applicant-draft", "desktop.mime_draft", "application/json", "*.json", 40,
                 ('"sandbox-applicant-kit/draft"', '"sandbox-applicant-kit/protected-draft"'))
DOSSIER = FileType("application/x-sandbox-kit-dossier", "desktop.mime_dossier", "application/json", "*.json", 40,
                   ('"sandbox-kit-dossier"',))
KIT = FileType("application/x-sandboxkit", "desktop.mime_kit", "application/zip", "*.sandboxkit")
FILE_TYPES = (DRAFT, DOSSIER, KIT)
MAGIC_RANGE = "0:100"  # the format is the first field written
OPENS_ALSO = ("application/pdf",)  # offered under "Open with", never claimed


def in_each_language(msg_id: str) -> dict[str, str]:
    """{language: text} for every language shipped, English first ("" is the untranslated key)."""
    before = catalogue.language()
    try:
        found = {}
        for language in ("en", *[code for code in languages() if code != "en"]):
            catalogue.set_language(language)
            found[language] = catalogue.tr(msg_id)
        return found
    finally:
        catalogue.set_language(before)


def _localised(key: str, msg_id: str) -> list[str]:
    texts = in_each_language(msg_id)
    lines = [f"{key}={texts['en']}"]
    lines += [f"{key}[{language}]={text}" for language, text in texts.items() if language != "en"]
    return lines


def desktop_entry() -> str:
    """The text of `<APP_ID>.desktop`: the program, its icon, its words, the types it opens."""
    mime_types = [t.mime for t in FILE_TYPES] + list(OPENS_ALSO)
    # 1.4: the newest version the desktop-file-validate of Debian 12 knows; nothing newer is used.
    lines = ["[Desktop Entry]", "Type=Application", "Version=1.4"]
    lines += _localised("Name", "qt.app_title")
    lines += _localised("GenericName", "desktop.generic_name")
    lines += _localised("Comment", "desktop.comment")
    lines += _localised("Keywords", "desktop.keywords")
    lines += [
        f"Exec={NAME} %f",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "MimeType=" + "".join(f"{mime};" for mime in mime_types),
        f"StartupWMClass={NAME}",
    ]
    return "\n".join(lines) + "\n"


def mime_xml() -> str:
    """The text of `<APP_ID>.xml` for /usr/share/mime/packages/: drafts, dossiers, kits."""
    ET.register_namespace("", MIME_NAMESPACE)
    root = ET.Element(f"{{{MIME_NAMESPACE}}}mime-info")
    for file_type in FILE_TYPES:
        element = ET.SubElement(root, f"{{{MIME_NAMESPACE}}}mime-type", type=file_type.mime)
        for language, text in in_each_language(file_type.comment_id).items():
            comment = ET.SubElement(element, f"{{{MIME_NAMESPACE}}}comment")
            comment.text = text
            if language != "en":
                comment.set("{http://www.w3.org/XML/1998/namespace}lang", language)
        ET.SubElement(element, f"{{{MIME_NAMESPACE}}}sub-class-of", type=file_type.parent)
        ET.SubElement(element, f"{{{MIME_NAMESPACE}}}icon", name=APP_ID)
        glob = ET.SubElement(element, f"{{{MIME_NAMESPACE}}}glob", pattern=file_type.glob)
        if file_type.glob_weight is not None:
            glob.set("weight", str(file_type.glob_weight))
        if file_type.magic:
            magic = ET.SubElement(element, f"{{{MIME_NAMESPACE}}}magic", priority="80")
            for value in file_type.magic:
                ET.SubElement(magic, f"{{{MIME_NAMESPACE}}}match", type="string", offset=MAGIC_RANGE, value=value)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
