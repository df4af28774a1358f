"""The review page's choice of the language a dossier is written in: the languages the application
has, with a kit those the kit is offered in (app/formats/languages.py), the language in use first
chosen. The answers are never translated; the tooltip says so and names their language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.formats.languages import default_dossier_language, dossier_languages, export_in
from app.qt.texts import TEXT
from catalogue import language, shipped_language
from catalogue.formats import language_name


class DossierLanguageWidget(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        label = QLabel(TEXT["export_language"])
        label.setBuddy(self.combo)
        self.combo.setAccessibleName(TEXT["export_language"])
        self.combo.view().setAccessibleName(TEXT["export_language"])  # its list, when open
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.codes: tuple[str, ...] = ()

    def fill(self, kit, answers_language: str) -> None:
        """Offer the dossier languages for `kit` (None: without one), keeping the choice made if still offered."""
        kept = self.chosen() if self.codes else None
        self.codes = dossier_languages(kit)
        self.combo.clear()
        self.combo.addItems([language_name(code) for code in self.codes])
        start = kept if kept in self.codes else default_dossier_language(kit)
        self.combo.setCurrentIndex(self.codes.index(start))
        tip = TEXT["export_language_tip"].format(language=language_name(answers_language))
        if kit is not None:
            names = ", ".join(language_name(code) for code in kit.manifest.languages)
            tip += "\n" + TEXT["export_language_kit"].format(sandbox=kit.manifest.sandbox.name, languages=names)
        self.combo.setToolTip(tip)
        self.combo.setAccessibleDescription(tip)

    def chosen(self) -> str:
        return self.codes[self.combo.currentIndex()] if self.codes else shipped_language(language())

    def wrapped(self, export, kit):
        """`export` as it writes in the language chosen: itself when that is the one in use (the pack
        and the kit are read in it already), else reading them again in the chosen one."""
        code = self.chosen()
        if code == shipped_language(language()) and (kit is None or kit.language == code):
            return export

        def in_chosen(draft, pack, out_path, kit=None):
            export_in(code, export, draft, pack, out_path, kit=kit)

        return in_chosen
