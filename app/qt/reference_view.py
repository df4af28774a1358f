"""Words of the law explained where they are used: a mention of a glossary term in a question or its
help is a link to the term's definition, a cited provision shows our summary of it as a tooltip,
and one window, the glossary, shows any term or provision in full. For several jurisdictions each law's
words link to its own glossary, and the window offers every targeted law's, under each law's title.

The words come from the pack (terms, definitions) and from provisions.yaml (titles, summaries);
only the joins are the catalogue's. Links are `term:<id>` and `ref:<provision id>`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSplitter, QTextBrowser,
    QToolTip, QVBoxLayout, QWidget,
)

from app.qt.style import muted
from app.qt.texts import TEXT
from forms.citations import label, summary, title
from forms.glossary import mentions

TERM, REF = "term:", "ref:"
PACK_ROLE = Qt.ItemDataRole.UserRole + 1  # a glossary list row's pack id
SEPARATOR = " \u00b7 "


def _e(text: str) -> str:
    """Text made safe inside rich text (quotes stay quotes: they are never inside an attribute)."""
    return html.escape(text, quote=False)


def linked(text: str, glossary, done: set[str] | None = None) -> str:
    """`text` as rich text, its first mention of each term not in `done` a link (added to `done`)."""
    done = set() if done is None else done
    out, last = [], 0
    for mention in mentions(text, glossary):
        if mention.term in done:
            continue
        done.add(mention.term)
        out.append(_e(text[last:mention.start]))
        out.append(f'<a href="{TERM}{mention.term}">{_e(text[mention.start:mention.end])}</a>')
        last = mention.end
    out.append(_e(text[last:]))
    return "".join(out)


def term_links(term_ids: list[str], glossary) -> str:
    terms = {term.id: term for term in glossary}
    return SEPARATOR.join(f'<a href="{TERM}{tid}">{_e(terms[tid].term)}</a>' for tid in term_ids)


def ref_links(refs) -> str:
    return SEPARATOR.join(f'<a href="{REF}{ref}">{_e(label(ref))}</a>' for ref in refs)


def tip(link: str, glossary) -> str:
    """The tooltip of a link: a term's definition, or a provision's title and our summary of it."""
    if link.startswith(TERM):
        term = next((t for t in glossary if t.id == link[len(TERM):]), None)
        if term is None:
            return ""
        return TEXT["term_tip"].format(term=_e(term.term), definition=_e(term.definition))
    if link.startswith(REF):
        ref = link[len(REF):]
        return TEXT["provision_tip"].format(label=_e(label(ref)), title=_e(title(ref)),
                                            summary=_e(summary(ref)))
    return ""


def links_label(rich_text: str, pack, keyboard: bool = True, shelf=()) -> QLabel:
    """A wrapping label whose links (terms of `pack`'s glossary) show what they name when hovered and
    open the glossary when activated: by mouse only in running text, by Tab and Enter too where a line
    lists the links. `shelf`: the packs whose glossaries the window offers (`pack`'s alone if empty)."""
    widget = QLabel(rich_text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText)
    flags = Qt.TextInteractionFlag
    widget.setTextInteractionFlags(flags.TextBrowserInteraction if keyboard
                                   else flags.TextSelectableByMouse | flags.LinksAccessibleByMouse)
    widget.setOpenExternalLinks(False)
    follow_links(widget, pack, shelf)
    return widget


def follow_links(widget: QLabel, pack, shelf=()) -> None:
    """Hovering a link of `widget` shows what it names; activating it opens the glossary there."""
    def hovered(link: str) -> None:
        text = tip(link, pack.glossary) if link else ""
        if text:
            QToolTip.showText(QCursor.pos(), text, widget)
        else:
            QToolTip.hideText()

    widget.linkHovered.connect(hovered)
    widget.linkActivated.connect(lambda link: open_reference(widget, pack, link, shelf))


def open_reference(widget: QWidget, pack, link: str = "", shelf=()) -> ReferenceDialog:
    """The glossary window of `widget`'s window (one each), offering the glossaries of `shelf` (of
    `pack` alone if empty), shown at `link` (a term of `pack`'s) if it names something."""
    window = widget.window()
    packs = tuple(shelf) or (pack,)
    if pack.id not in [p.id for p in packs]:
        packs = (pack, *packs)
    dialog = window.findChild(ReferenceDialog)
    if dialog is not None and [p.id for p in dialog.packs] != [p.id for p in packs]:
        dialog.close()  # made for other jurisdictions: the draft's have changed since
        dialog.setParent(None)
        dialog.deleteLater()
        dialog = None
    if dialog is None:
        dialog = ReferenceDialog(packs, window)
    dialog.show_link(link, pack.id)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class ReferenceDialog(QDialog):
    """The glossary: every term of the pack (of each pack given, under the pack's title), findable by
    typing; a term's definition with the provisions behind it, and a provision's summary, with links
    between them. Not modal: it stays open beside the questions."""

    def __init__(self, packs, parent=None):
        super().__init__(parent)
        self.packs = tuple(packs) if isinstance(packs, (tuple, list)) else (packs,)
        self.pack = self.packs[0]  # whose terms the links on the page name
        self.setWindowTitle(TEXT["glossary_title"])
        self.setModal(False)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(TEXT["glossary_find"])
        self.filter.setAccessibleName(TEXT["glossary_find"])
        self.filter.textChanged.connect(self._on_filter_changed)
        self.terms = QListWidget()
        self.terms.setAccessibleName(TEXT["glossary_terms"])
        self.terms.setWordWrap(True)  # a long term wraps rather than hiding its end
        self.terms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.terms.setResizeMode(QListWidget.ResizeMode.Adjust)
        grouped = len(self.packs) > 1
        for pack in self.packs:
            if grouped:  # the law's title over its terms, not a term itself
                heading = QListWidgetItem(pack.short_title)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # legible, never chosen
                heading.setData(PACK_ROLE, pack.id)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self.terms.addItem(heading)
            for term in sorted(pack.glossary, key=lambda t: t.term.casefold()):
                item = QListWidgetItem(term.term)
                item.setData(Qt.ItemDataRole.UserRole, term.id)
                item.setData(PACK_ROLE, pack.id)
                self.terms.addItem(item)
        self.terms.currentItemChanged.connect(self._on_term_chosen)
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)
        self.page.setAccessibleName(TEXT["glossary_title"])
        self.page.anchorClicked.connect(lambda url: self.show_link(url.toString()))
        note = QLabel(TEXT["glossary_note"])
        note.setWordWrap(True)
        muted(note, small=True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.terms, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        em = self.fontMetrics().horizontalAdvance("0")
        self.resize(em * 90, em * 50)
        splitter.setSizes([em * 28, em * 62])
        self.shown = ""
        first = next((row for row in range(self.terms.count())
                      if self.terms.item(row).data(Qt.ItemDataRole.UserRole) is not None), None)
        if first is not None:
            self.terms.setCurrentRow(first)

    def show_link(self, link: str, pack_id: str = "") -> None:
        """Show what `link` names: a term of the glossary of `pack_id` (of the one shown last if
        empty: a link on the page names a term of the same law), or a provision."""
        if link.startswith(TERM):
            self.show_term(link[len(TERM):], pack_id)
        elif link.startswith(REF):
            self.show_provision(link[len(REF):])

    def show_term(self, term_id: str, pack_id: str = "") -> None:
        pack = next((p for p in self.packs if p.id == pack_id), self.pack)
        term = next((t for t in pack.glossary if t.id == term_id), None)
        if term is None:
            return
        self.pack = pack
        self.shown = TERM + term_id
        for row in range(self.terms.count()):
            item = self.terms.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == term_id and item.data(PACK_ROLE) == pack.id:
                self.terms.blockSignals(True)
                self.terms.setCurrentRow(row)
                self.terms.blockSignals(False)
        parts = [f"<h2>{_e(term.term)}</h2>", f"<p>{_e(term.definition)}</p>"]
        if term.refs:
            parts.append(f"<h3>{_e(TEXT['glossary_provisions'])}</h3>")
            parts += [_provision_paragraph(ref) for ref in term.refs]
        if term.see_also:
            parts.append(f"<h3>{_e(TEXT['glossary_see_also'])}</h3>")
            parts.append(f"<p>{term_links(list(term.see_also), self.pack.glossary)}</p>")
        self.page.setHtml("".join(parts))

    def show_provision(self, ref: str) -> None:
        self.shown = REF + ref
        self.terms.clearSelection()
        parts = [f"<h2>{_e(label(ref))}</h2>", f"<p><b>{_e(title(ref))}</b></p>"]
        if summary(ref):
            parts.append(f"<p>{_e(summary(ref))}</p>")
        citing = [t.id for t in self.pack.glossary if ref in t.refs]
        if citing:
            parts.append(f"<h3>{_e(TEXT['glossary_terms'])}</h3>")
            parts.append(f"<p>{term_links(citing, self.pack.glossary)}</p>")
        self.page.setHtml("".join(parts))

    def _on_term_chosen(self, current, _previous) -> None:
        if current is not None and current.data(Qt.ItemDataRole.UserRole) is not None:
            self.show_term(current.data(Qt.ItemDataRole.UserRole), current.data(PACK_ROLE))

    def _on_filter_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        definitions = {(p.id, t.id): t.definition.casefold() for p in self.packs for t in p.glossary}
        heading, any_found = None, False
        for row in range(self.terms.count()):
            item = self.terms.item(row)
            term_id = item.data(Qt.ItemDataRole.UserRole)
            if term_id is None:  # a law's title: shown while one of its terms is
                if heading is not None:
                    heading.setHidden(not any_found)
                heading, any_found = item, False
                continue
            found = wanted in item.text().casefold() or wanted in definitions[(item.data(PACK_ROLE), term_id)]
            item.setHidden(bool(wanted) and not found)
            any_found |= not item.isHidden()
        if heading is not None:
            heading.setHidden(not any_found)


def _provision_paragraph(ref: str) -> str:
    line = f'<a href="{REF}{ref}">{_e(label(ref))}</a>: {_e(title(ref))}'
    return f"<p>{line}<br>{_e(summary(ref))}</p>" if summary(ref) else f"<p>{line}</p>"


def example_box(example: str) -> QLabel:
    """A framed, muted example answer: a label beside the field, never put in it or saved."""
    box = QLabel(TEXT["example_text"].format(example=example))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWordWrap(True)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setFrameShape(QLabel.Shape.StyledPanel)
    box.setMargin(6)
    muted(box)
    return box
