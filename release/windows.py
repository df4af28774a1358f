"""The words of the Windows installer's file types, from the catalogue: `build/windows/texts.iss`,
which packaging/windows/sandbox-applicant-kit.iss includes (Inno Setup's [CustomMessages], one line
per language the installer speaks)."""

from __future__ import annotations

from pathlib import Path

from release.desktop import in_each_language
from release.project import BUILD

MESSAGES = {"KitType": "desktop.mime_kit", "DocumentType": "desktop.mime_draft", "AppComment": "desktop.comment"}
INNO_LANGUAGES = {"en": "en", "de": "de", "fr": "fr"}  # catalogue language -> the .iss [Languages] name


def write_texts(out: Path = BUILD / "windows" / "texts.iss") -> Path:
    lines = ["; Written by `python -m release` from the catalogue: do not edit.", "[CustomMessages]"]
    for name, msg_id in MESSAGES.items():
        for language, text in in_each_language(msg_id).items():
            if language in INNO_LANGUAGES:
                lines.append(f"{INNO_LANGUAGES[language]}.{name}={text}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")  # Inno reads UTF-8 with its mark
    return out


def write_icon(pngs: dict[int, Path], out: Path = BUILD / "icons" / "app.ico") -> Path:
    """The installer's icon (SetupIconFile), with Pillow, from the largest PNG at Windows' sizes."""
    from PIL import Image

    with Image.open(pngs[max(pngs)]) as image:
        image.save(out, sizes=[(size, size) for size in (16, 24, 32, 48, 64, 128, 256) if size in pngs])
    return out
