"""Control outlines that can be seen: the style in use, with the edge of check boxes, radio buttons,
fields, frames and push buttons drawn at 3:1 against the window and the field (WCAG 2.1 SC 1.4.11).
Qt's Fusion draws them in the window colour a little darker: about 2:1, and 1.15:1 in a dark theme,
where an unticked box all but disappears. See app/qt/theme.py for the colours of text.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle

from app.qt.theme import LARGE_RATIO, mix, readable


def boundary_colour(palette: QPalette) -> QColor:
    """The outline of a control: 3:1 against the window and the field, as close to both as allows."""
    window, base = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)
    return readable(mix(palette.color(QPalette.ColorRole.WindowText), window, 0.35), [window, base],
                    LARGE_RATIO + 0.1)


class ContrastStyle(QProxyStyle):
    """The base style, with an outline of `boundary_colour` drawn over the edge of the controls
    whose own outline is too faint: check boxes, radio buttons, fields, frames and push buttons."""

    # Built on first use: PySide6 makes QStyle's enums when first touched, which costs start-up time.
    _outlined: dict | None = None

    @classmethod
    def _shapes(cls) -> dict:
        if cls._outlined is None:
            element = QStyle.PrimitiveElement
            cls._outlined = {element.PE_IndicatorCheckBox: "box", element.PE_IndicatorRadioButton: "circle",
                             element.PE_FrameLineEdit: "box", element.PE_Frame: "box",
                             element.PE_PanelButtonCommand: "box"}
        return cls._outlined

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt override
        super().drawPrimitive(element, option, painter, widget)
        shape = self._shapes().get(element)
        if shape is None or option.rect.width() < 4 or option.rect.height() < 4:
            return
        if element == QStyle.PrimitiveElement.PE_Frame and not (option.state & QStyle.StateFlag.State_Sunken
                                                                 or option.state & QStyle.StateFlag.State_Raised):
            return  # a plain line or no frame at all: nothing to outline
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, shape == "circle")
        pen = QPen(boundary_colour(option.palette), 1.6 if shape == "circle" else 1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if shape == "circle":
            side = min(rect.width(), rect.height()) - 1
            painter.drawEllipse(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side))
        else:
            painter.drawRect(rect)
        painter.restore()


def install_outlines(app) -> None:
    """Draw control outlines at 3:1 where the style's own are fainter (Qt's Fusion, the style of a
    desktop without a theme of its own); native styles are left as they are."""
    if app.style().name().lower() == "fusion" and not isinstance(app.style(), ContrastStyle):
        app.setStyle(ContrastStyle("Fusion"))
