"""Every page of the wizard reads in a light and a dark theme: WCAG 2.1 AA contrast, measured on the
rendered pages (offscreen, the application's own theme adjustment applied as at start-up).

Text: the colour the widget draws with (its palette role, in the state it is in) against the
background as rendered under it (the commonest colour of its area), 4.5:1, or 3:1 for large text
(18 pt, or 14 pt bold). That covers labels and help, links, the selected and the other steps, and
buttons enabled, default and toggled; disabled controls are exempt, as WCAG exempts them. Control
boundaries (check boxes, radio buttons, fields, buttons): the most distinct colour drawn in their
outline against the background around them, 3:1. The result badge of the dossier: white text on
each outcome's colour from the pack, 4.5:1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QStyle, QToolButton, QWidget,
)

from app.qt.steps import REVIEW
from app.qt.theme import LARGE_RATIO, TEXT_RATIO, contrast, dark_palette, over

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    """The system's palette, light (Qt's own) or dark, as the application receives it."""
    original = QPalette(qapp.palette())
    qapp.setPalette(dark_palette() if request.param == "dark" else qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(original)


class Page:
    """A window rendered to an image, with ways to read colours off it."""

    def __init__(self, window: QWidget):
        QApplication.processEvents()
        self.window = window
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
        self.image = Image.frombuffer("RGBA", (image.width(), image.height()), data, "raw", "BGRA",
                                      image.bytesPerLine(), 1).convert("RGB")

    def area(self, widget: QWidget, rect: QRect | None = None) -> QRect | None:
        """The part of `widget` (or of `rect` in it) that is on screen, in the window's coordinates."""
        visible = widget.visibleRegion().boundingRect()
        if rect is not None:
            visible = visible.intersected(rect)
        if visible.isEmpty():
            return None
        top_left = widget.mapTo(self.window, visible.topLeft())
        return QRect(top_left, visible.size()).intersected(QRect(0, 0, self.image.width, self.image.height))

    def colours(self, area: QRect) -> list[tuple[int, tuple[int, int, int]]]:
        crop = self.image.crop((area.left(), area.top(), area.right() + 1, area.bottom() + 1))
        return crop.getcolors(crop.width * crop.height)

    def background(self, area: QRect) -> QColor:
        count, colour = max(self.colours(area))
        return QColor(*colour)

    def most_distinct(self, area: QRect, against: QColor) -> float:
        return max(contrast(QColor(*colour), against) for _count, colour in self.colours(area))


def _large(font: QFont) -> bool:
    points = font.pointSizeF()
    return points >= 18 or (font.bold() and points >= 14)


def _group(widget: QWidget) -> QPalette.ColorGroup:
    if not widget.isEnabled():
        return QPalette.ColorGroup.Disabled
    return QPalette.ColorGroup.Active if widget.isActiveWindow() else QPalette.ColorGroup.Inactive


def _text_problems(page: Page, where: str) -> list[str]:
    found = []
    for label in page.window.findChildren(QLabel):
        area = page.area(label)
        if area is None or not label.isVisible() or not label.text().strip() or area.height() < 6:
            continue
        background = page.background(area)
        palette, group = label.palette(), _group(label)
        colours = [("text", palette.color(group, label.foregroundRole()))]
        if "<a " in label.text():
            colours.append(("link", palette.color(group, QPalette.ColorRole.Link)))
        needed = LARGE_RATIO if _large(label.font()) else TEXT_RATIO
        for kind, colour in colours:
            colour = over(colour, background)  # a translucent colour (Qt's placeholder grey) as drawn
            ratio = contrast(colour, background)
            if ratio < needed:
                found.append(f"{where}: {kind} of {label.text()[:40]!r} {colour.name()} on {background.name()}: {ratio:.2f}")
    for button in page.window.findChildren(QAbstractButton):
        area = page.area(button)
        if area is None or not button.isVisible() or not button.isEnabled() or not button.text().strip():
            continue
        if isinstance(button, (QRadioButton, QCheckBox)):
            role = button.foregroundRole()
            inner = area
        else:
            role = QPalette.ColorRole.ButtonText
            inner = area.adjusted(3, 3, -3, -3)
        background = page.background(inner)
        colour = over(button.palette().color(_group(button), role), background)
        ratio = contrast(colour, background)
        if ratio < TEXT_RATIO:
            found.append(f"{where}: button {button.text()[:30]!r} {colour.name()} on {background.name()}: {ratio:.2f}")
    return found


def _boundary_problems(page: Page, where: str) -> list[str]:
    found = []
    style = QApplication.style()
    for widget in page.window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, (QRadioButton, QCheckBox)):
            exclusive = isinstance(widget, QRadioButton)
            side = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth if exclusive
                                     else QStyle.PixelMetric.PM_IndicatorWidth, None, widget)
            outline = QRect(0, (widget.height() - side) // 2, side, side)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)) or (isinstance(widget, QPushButton) and not widget.isFlat()):
            outline = QRect(0, 0, widget.width(), widget.height())
        else:
            continue
        area, around = page.area(widget, outline), page.area(widget.parentWidget())
        if area is None or around is None or area.width() < outline.width() or area.height() < outline.height():
            continue  # only part of it is on screen
        background = page.background(around)
        edge = [area.adjusted(0, 0, 0, -(area.height() - 2)), area.adjusted(0, area.height() - 2, 0, 0),
                area.adjusted(0, 0, -(area.width() - 2), 0), area.adjusted(area.width() - 2, 0, 0, 0)]
        ratio = min(page.most_distinct(part, background) for part in edge) if not isinstance(
            widget, (QRadioButton, QCheckBox)) else page.most_distinct(area, background)
        if ratio < LARGE_RATIO:
            kind = type(widget).__name__
            found.append(f"{where}: outline of {kind} {getattr(widget, 'text', lambda: '')()[:30]!r} on "
                         f"{background.name()}: {ratio:.2f}")
    return found


def _selected_step_problems(window, where: str) -> list[str]:
    found = []
    steps = window.wizard.steps
    for focused in (True, False):
        (steps if focused else window.wizard.next_button).setFocus()
        page = Page(window)
        rect = steps.visualRect(steps.currentIndex()).adjusted(30, 2, -2, -2)  # past the status icon
        area = page.area(steps.viewport(), rect)
        background = page.background(area)
        group = QPalette.ColorGroup.Active if focused else QPalette.ColorGroup.Inactive
        colour = over(steps.palette().color(group, QPalette.ColorRole.HighlightedText), background)
        ratio = contrast(colour, background)
        if ratio < TEXT_RATIO:
            found.append(f"{where}: selected step ({'focused' if focused else 'not focused'}) "
                         f"{colour.name()} on {background.name()}: {ratio:.2f}")
    return found


def test_every_page_reads_in_both_themes(qtbot, make_window, theme):
    window = make_window()
    window.resize(1200, 780)
    window.preload()
    problems = _text_problems(Page(window), f"{theme} start") + _boundary_problems(Page(window), f"{theme} start")
    assert window.open_path(EXAMPLE)
    for step in [s.id for s in window.session.pack.sections] + [REVIEW]:
        window.wizard.go_to(step)
        page = Page(window)
        problems += _text_problems(page, f"{theme} {step}") + _boundary_problems(page, f"{theme} {step}")
    problems += _selected_step_problems(window, theme)
    assert problems == []


def test_a_kit_s_pages_read_in_both_themes(qtbot, prompter, theme):
    """Wearing the Nordland kit: the start page with its banner in the authority's colour, its
    notes beside the estimate and the examples; the wizard's band on every section; the review
    page with the documents the kit asks for; then, the kit set aside, the start page listing it."""
    from app.qt.main_window import MainWindow

    window = MainWindow(prompter=prompter, kit_path=NORDLAND)
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    qtbot.waitExposed(window)
    window.preload()
    page = Page(window)
    assert window.start.welcome is not None and window.start.welcome.banner.isVisible()
    problems = _text_problems(page, f"{theme} kit start") + _boundary_problems(page, f"{theme} kit start")
    window.new_draft()
    for step in [s.id for s in window.session.pack.sections] + [REVIEW]:
        window.wizard.go_to(step)
        page = Page(window)
        problems += _text_problems(page, f"{theme} kit {step}") + _boundary_problems(page, f"{theme} kit {step}")
    review = window.wizard.review
    review.verticalScrollBar().setValue(review.attachments.y())  # the documents asked for
    page = Page(window)
    problems += _text_problems(page, f"{theme} kit documents") + _boundary_problems(page, f"{theme} kit documents")
    window.wear_kit(None, asked=True)
    page = Page(window)
    assert window.start.welcome is None and window.start.kit_buttons()[0].isVisible()
    problems += _text_problems(page, f"{theme} kits seen") + _boundary_problems(page, f"{theme} kits seen")
    assert problems == []


def test_a_question_s_examples_notes_and_missing_marks_read_in_both_themes(qtbot, window, theme):
    from tests.qt.conftest import question_view

    view = question_view(window, "plan.objectives")
    view.example_button.click()
    view.note_button.click()
    window.wizard.go_to(REVIEW)  # every section left: missing answers are marked
    window.wizard.go_to("plan")
    page = Page(window)
    assert view.missing.isVisible()
    assert _text_problems(page, theme) + _boundary_problems(page, theme) == []


def test_the_result_badge_reads_in_every_outcome_colour(pack):
    """The dossier prints the headline in white on its outcome's colour (app/dossier/content.py)."""
    white = QColor("white")
    weak = {o.id: round(contrast(QColor(o.colour), white), 2) for t in pack.tracks for o in t.outcomes
            if o.colour and contrast(QColor(o.colour), white) < TEXT_RATIO}
    assert weak == {}


def test_the_measure_can_fail():
    """The checks above are not vacuous: a grey outline on the window, white on a mid blue fail."""
    assert contrast(QColor("#aaaaaa"), QColor("#efefef")) < LARGE_RATIO
    assert contrast(QColor("white"), QColor("#308cc6")) < TEXT_RATIO
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)


def test_a_system_theme_with_white_on_light_blue_gets_a_readable_selection(qapp):
    """A dark system theme may select in a light blue under white text (about 2:1): the application
    darkens the selection until its text reads, whatever theme it is given."""
    from app.qt.theme import accessible_palette

    given = dark_palette()
    given.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    assert contrast(QColor("white"), given.color(QPalette.ColorRole.Highlight)) < LARGE_RATIO
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        adjusted = accessible_palette(given)
        assert adjusted.color(group, QPalette.ColorRole.HighlightedText) == QColor("white")
        assert contrast(QColor("white"), adjusted.color(group, QPalette.ColorRole.Highlight)) >= TEXT_RATIO
    original = QPalette(qapp.palette())
    qapp.setPalette(given)  # as a switch of the system's theme would
    try:
        assert contrast(qapp.palette().color(QPalette.ColorRole.HighlightedText),
                        qapp.palette().color(QPalette.ColorRole.Highlight)) >= TEXT_RATIO
    finally:
        qapp.setPalette(original)
