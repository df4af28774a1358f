"""The application's icon as PNG at the sizes desktops ask for, drawn from resources/icons/app.svg
with Qt's SVG renderer (run in the build's environment, which has PySide6)."""

from __future__ import annotations

import os
from pathlib import Path

from release.project import ICON_SIZES, ICON_SVG


def render_icons(out: Path, svg: Path = ICON_SVG, sizes: tuple[int, ...] = ICON_SIZES) -> dict[int, Path]:
    """`out`/app-<size>.png for each size; {size: path}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # Painting needs an application; a QApplication, so that tests run after this can share it.
    _app = QApplication.instance() or QApplication([])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not an SVG Qt can draw")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"app-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"error: could not write {path}")
        written[size] = path
    return written
