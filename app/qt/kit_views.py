"""How the wizard wears an authority's kit: its logo and colours, the authority's and the
sandbox's names, the call's deadline with the days left, and its introduction, privacy notice and
submission instructions.

A kit's words are an authority's, read from a file that came from elsewhere: every label that shows
them is plain text (Qt would otherwise read anything that looks like HTML as rich text, images and
links included). The logo was checked when the kit was loaded (app/kits/images.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.kits.kit import Kit
from app.kits.manifest import SOON, cohort_text, deadline_text
from app.qt.style import muted, set_role
from app.qt.texts import TEXT


def plain_label(text: str, role: str | None = None, small: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(label, role)
    if small:
        muted(label, small=True)
    # The text last: a selectable label lays its text out in the font it has then, and would
    # measure its height in the old font after a change.
    label.setText(text)
    return label


def logo_image(kit: Kit, height: int) -> QImage | None:
    """The kit's logo `height` device pixels high (an SVG drawn at that size), or None."""
    logo = kit.logo
    if logo is None:
        return None
    kind, data = logo
    if kind == "png":
        image = QImage.fromData(QByteArray(data), "PNG")
        return None if image.isNull() else image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    width = max(1, round(height * size.width() / size.height())) if size.height() > 0 else height
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def logo_label(kit: Kit, height: int, ratio: float) -> QLabel | None:
    image = logo_image(kit, round(height * ratio))
    if image is None:
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    label = QLabel()
    label.setPixmap(pixmap)
    label.setAccessibleName(TEXT["kit_logo"].format(authority=kit.manifest.authority.name))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def window_icon(kit: Kit) -> QIcon | None:
    image = logo_image(kit, 256)
    return QIcon(QPixmap.fromImage(image)) if image is not None else None


def _on_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF()
    return QColor("#000000") if luminance > 0.55 else QColor("#ffffff")


class KitBanner(QFrame):
    """The kit's band at the top of a page: logo, sandbox, authority, call and deadline, in the
    authority's colour."""

    def __init__(self, kit: Kit, today: dt.date, compact: bool = False, parent=None):
        super().__init__(parent)
        manifest = kit.manifest
        self.setObjectName("kit_banner")
        self.setAccessibleName(TEXT["kit_banner"].format(sandbox=manifest.sandbox.name,
                                                         authority=manifest.authority.name))
        colours = manifest.colours
        if colours is not None:
            background = QColor(colours.primary)
            accent = colours.accent or colours.primary
            self.setStyleSheet(f"QFrame#kit_banner {{ background: {background.name()}; "
                               f"border-bottom: 3px solid {accent}; }} "
                               f"QFrame#kit_banner QLabel {{ color: {_on_colour(background).name()}; }}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8 if compact else 12, 14, 8 if compact else 12)
        layout.setSpacing(12)
        logo = logo_label(kit, 40 if compact else 64, self.devicePixelRatioF())
        if logo is not None:
            layout.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(2)
        self.sandbox = plain_label(manifest.sandbox.name, "heading" if compact else "page_title")
        self.authority = plain_label(manifest.authority.name)
        names.addWidget(self.sandbox)
        names.addWidget(self.authority)
        if manifest.sandbox.call and not compact:
            names.addWidget(plain_label(manifest.sandbox.call))
        layout.addLayout(names, 1)
        self.deadline = None
        text = deadline_text(manifest, today)
        if text:
            self.deadline = plain_label(text, "heading" if _urgent(kit, today) else None)
            self.deadline.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.deadline.setWordWrap(not compact)  # one line in the wizard's band, which is wide
            layout.addWidget(self.deadline, 0 if compact else 1)


def _urgent(kit: Kit, today: dt.date) -> bool:
    days = kit.manifest.days_left(today)
    return days is not None and days <= SOON


class KitWelcome(QWidget):
    """The start page's part for a kit, in two pieces the page places apart: `top` (its banner, the
    deadline and cohort, the introduction) above the page's buttons, `notes` (how to submit, whom to
    contact, the privacy notice) below them."""

    def __init__(self, kit: Kit, today: dt.date, parent=None):
        super().__init__(parent)
        manifest = kit.manifest
        self.top, self.notes = QWidget(), QWidget()
        top, notes = QVBoxLayout(self.top), QVBoxLayout(self.notes)
        for layout in (top, notes):
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(10)
        self.banner = KitBanner(kit, today)
        top.addWidget(self.banner)
        self.late = None
        days = manifest.days_left(today)
        if days is not None and days < 0:
            self.late = plain_label(TEXT["kit_closed"].format(authority=manifest.authority.name), "warning")
            top.addWidget(self.late)
        cohort = cohort_text(manifest)
        if cohort:
            top.addWidget(plain_label(cohort))
        for paragraph in _paragraphs(kit.texts.get("intro", "")):
            top.addWidget(plain_label(paragraph))
        self.sections: dict[str, QWidget] = {}
        self._titled(notes, "submission", TEXT["kit_submission"], kit.texts.get("submission", ""))
        contact = [manifest.contact.name, manifest.contact.email, manifest.contact.phone, manifest.contact.address,
                   manifest.authority.website]
        self._titled(notes, "contact", TEXT["kit_contact"], "\n".join(part for part in contact if part))
        self._titled(notes, "privacy", TEXT["kit_privacy"], kit.texts.get("privacy", ""), small=True)

    def _titled(self, layout: QVBoxLayout, key: str, title: str, text: str, small: bool = False) -> None:
        if not text:
            return
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 4, 0, 0)
        inner.addWidget(plain_label(title, "heading"))
        for paragraph in _paragraphs(text):
            inner.addWidget(plain_label(paragraph, small=small))
        layout.addWidget(box)
        self.sections[key] = box


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]
