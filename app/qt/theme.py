"""Colours that read in any theme: the system's palette, light or dark, adjusted where it falls
short of WCAG 2.1 AA, and control outlines drawn so that every field, box and button can be seen.

Qt's Fusion palette puts white text on a mid blue for the selection (about 3.6:1) and greys its
placeholder text to about 4:1; its outlines are the window colour a little darker (about 2:1, and
nearly nothing in a dark theme, where unticked boxes disappear). `accessible_palette` moves each
text colour away from its background until it reaches 4.5:1, and the selection's background away
from its text; `ContrastStyle` (app/qt/outlines.py) draws the outline of check boxes, radio buttons,
fields, frames and buttons in a colour with 3:1 against the window and the field. Both follow the
palette at hand, so a switch of the system's theme is followed too (`apply_theme` re-adjusts every
new palette). Qt's style classes take a tenth of a second to load, so the wizard installs the
outlines right after its first page is painted (outlines.install_outlines, from MainWindow.preload).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

TEXT_RATIO = 4.5  # normal text (WCAG 2.1 SC 1.4.3)
LARGE_RATIO = 3.0  # large text, and the boundaries of controls (SC 1.4.11)
# Text roles and the backgrounds each is read on.
_TEXT_ROLES = (
    (QPalette.ColorRole.WindowText, (QPalette.ColorRole.Window,)),
    (QPalette.ColorRole.Text, (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)),
    (QPalette.ColorRole.ButtonText, (QPalette.ColorRole.Button,)),
    (QPalette.ColorRole.PlaceholderText, (QPalette.ColorRole.Window, QPalette.ColorRole.Base)),
    (QPalette.ColorRole.Link, (QPalette.ColorRole.Window, QPalette.ColorRole.Base)),
    (QPalette.ColorRole.LinkVisited, (QPalette.ColorRole.Window, QPalette.ColorRole.Base)),
    (QPalette.ColorRole.ToolTipText, (QPalette.ColorRole.ToolTipBase,)),
)
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2.1 defines it (sRGB)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` as seen on `background` (a translucent colour composited)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * getattr(colour, c)() + (1 - alpha) * getattr(background, c)()
                             for c in ("redF", "greenF", "blueF")))


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of `first`, the rest of `second`."""
    return QColor.fromRgbF(*(share * getattr(first, c)() + (1 - share) * getattr(second, c)()
                             for c in ("redF", "greenF", "blueF")))


def readable(colour: QColor, backgrounds: list[QColor], ratio: float) -> QColor:
    """`colour`, moved towards black or white (whichever the backgrounds leave more room for) just
    far enough to reach `ratio` against every background; unchanged when it already does."""
    colour = over(colour, backgrounds[0])
    if all(contrast(colour, b) >= ratio for b in backgrounds):
        return colour
    darkest = max(luminance(b) for b in backgrounds)
    target = QColor("black") if darkest > 0.18 else QColor("white")
    for step in range(1, 21):
        moved = mix(target, colour, step / 20)
        if all(contrast(moved, b) >= ratio for b in backgrounds):
            return moved
    return target


def accessible_palette(palette: QPalette) -> QPalette:
    """`palette` with every text colour readable (4.5:1) on its backgrounds, and the selection's
    background moved away from its text until that reads too, in the active and inactive groups."""
    adjusted = QPalette(palette)
    for group in _GROUPS:
        for role, backgrounds in _TEXT_ROLES:
            on = [palette.color(group, b) for b in backgrounds]
            adjusted.setColor(group, role, readable(palette.color(group, role), on, TEXT_RATIO))
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        text = over(palette.color(group, QPalette.ColorRole.HighlightedText), highlight)
        adjusted.setColor(group, QPalette.ColorRole.Highlight, readable(highlight, [text], TEXT_RATIO))
        adjusted.setColor(group, QPalette.ColorRole.HighlightedText, text)
    return adjusted


class _PaletteKeeper(QObject):
    """Adjusts each palette the application is given (a switch of the system's theme) as it comes.
    Used only where Qt no longer sends `paletteChanged` (see `apply_theme`)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QApplication.instance():
            _adjust(watched)
        return False


def _adjust(app: QApplication) -> None:
    palette = app.palette()
    adjusted = accessible_palette(palette)
    if adjusted != palette:  # setting it sends the event again, and then nothing changes
        app.setPalette(adjusted)


def apply_theme(app: QApplication) -> None:
    """Make the application's colours readable, now and after every theme switch."""
    if app.property("accessible_theme") is None:
        if hasattr(app, "paletteChanged"):
            # Sent with every ApplicationPaletteChange event. An event filter on the application
            # would see every event of every widget instead: a Python call each, which more than
            # doubles the time Qt takes to build and show a few hundred widgets (start-up time).
            app.paletteChanged.connect(lambda _palette: _adjust(app))
        else:
            app.installEventFilter(_PaletteKeeper(app))
        app.setProperty("accessible_theme", True)
    _adjust(app)


def dark_palette() -> QPalette:
    """A dark palette, as a system in dark mode gives one (for pictures and tests)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#2b2c2f"),
                         (roles.AlternateBase, "#323336"), (roles.Text, "#e8eaed"), (roles.Button, "#303134"),
                         (roles.ButtonText, "#e8eaed"), (roles.Highlight, "#8ab4f8"),
                         (roles.HighlightedText, "#202124"), (roles.Link, "#8ab4f8"),
                         (roles.PlaceholderText, "#9aa0a6"), (roles.ToolTipBase, "#303134"),
                         (roles.ToolTipText, "#e8eaed"), (roles.Mid, "#5f6368"), (roles.Dark, "#17181a"),
                         (roles.Light, "#5f6368"), (roles.Midlight, "#45474a"), (roles.Shadow, "#000000")):
        palette.setColor(role, QColor(colour))
    for role in (roles.ButtonText, roles.WindowText, roles.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8388"))
    return palette
