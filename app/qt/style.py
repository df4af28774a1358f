"""Small helpers for how text looks, all derived from the palette and the system font so the
wizard follows light and dark themes and the user's font size (no fixed colours, no pixel fonts)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

# Relative sizes of the text roles; multiplied with the system font size.
_SCALE = {"page_title": 1.5, "question": 1.05, "tier": 1.3, "heading": 1.12}
_BOLD = {"page_title", "question", "tier", "heading", "warning"}


def set_role(widget: QWidget, role: str) -> None:
    font = QFont(widget.font())
    if role in _SCALE and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * _SCALE[role])
    font.setBold(role in _BOLD)
    widget.setFont(font)
    if role == "warning":
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        widget.setPalette(palette)


def muted(label: QLabel, small: bool = False) -> None:
    """Secondary text in the palette's placeholder colour; a role, not a colour, so a switch between
    light and dark themes while the window is open recolours it too."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if small:
        font = QFont(label.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.92)
        label.setFont(font)


def warning_colour(palette: QPalette):
    from PySide6.QtGui import QColor

    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")
