"""The review page's documents: those the kit asks for (required or welcome), each added or still to
add, and any others, each with its name and size and a button to take it off.

Adding goes through the draft session (app/session/draft_session.py `add_attachment`), which keeps
a copy of the file in the data folder; a file it refuses (too large, too many, of a type the
authority does not take, unreadable) gets a dialog saying why, and the draft stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.qt.kit_views import plain_label
from app.qt.style import muted
from app.qt.texts import TEXT
from app.storage.attachments import MAX_COUNT, MAX_FILE_BYTES, MAX_TOTAL_BYTES, AttachmentError
from catalogue import ntr
from catalogue.formats import format_number

_MB = 1024 * 1024


class AttachmentsView(QWidget):
    def __init__(self, session, prompter, parent=None):
        super().__init__(parent)
        self.session, self.prompter = session, prompter
        self.add_buttons: dict[str, QPushButton] = {}  # by the kit's document id; "" for another document
        self.remove_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(plain_label(TEXT["documents_title"], "heading"))
        kit = session.kit
        attachments = session.draft.attachments
        missing = kit.missing_attachments(session.drafts.attached_kinds()) if kit is not None else []
        self.missing_label = None
        if missing:
            titles = ", ".join(f"“{spec.title}”" for spec in missing)
            self.missing_label = plain_label(ntr("qt.documents_missing", len(missing), titles=titles), "warning")
            layout.addWidget(self.missing_label)
        for spec in kit.manifest.attachments if kit is not None else ():
            layout.addWidget(self._wanted(spec, [(i, a) for i, a in enumerate(attachments) if a.kind == spec.id]))
        others = [(i, a) for i, a in enumerate(attachments) if not (kit and kit.attachment(a.kind))]
        layout.addWidget(self._others(others))
        limits = plain_label(TEXT["documents_limits"].format(count=MAX_COUNT, each=MAX_FILE_BYTES // _MB,
                                                             total=MAX_TOTAL_BYTES // _MB))
        muted(limits, small=True)
        layout.addWidget(limits)

    def _wanted(self, spec, attached: list) -> QFrame:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        state = TEXT["document_required" if spec.required else "document_optional"]
        layout.addWidget(plain_label(TEXT["document_heading"].format(title=spec.title, state=state), "question"))
        if spec.help:
            help_label = plain_label(spec.help)
            muted(help_label)
            layout.addWidget(help_label)
        if spec.types:
            layout.addWidget(plain_label(TEXT["document_types"].format(types=", ".join(spec.types))))
        for index, attachment in attached:
            layout.addLayout(self._attached_row(index, attachment))
        if not attached and spec.required:
            layout.addWidget(plain_label(TEXT["document_missing"], "warning"))
        layout.addLayout(self._add_row(spec.id, TEXT["document_add"], spec.title))
        return box

    def _others(self, attached: list) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        if self.session.kit is not None:
            layout.addWidget(plain_label(TEXT["documents_other"], "question"))
        for index, attachment in attached:
            layout.addLayout(self._attached_row(index, attachment))
        layout.addLayout(self._add_row("", TEXT["document_add_other"], TEXT["documents_other"]))
        return box

    def _attached_row(self, index: int, attachment) -> QHBoxLayout:
        row = QHBoxLayout()
        size = ntr("qt.document_size", attachment.size, size=format_number(attachment.size))
        row.addWidget(plain_label(TEXT["document_attached"].format(name=attachment.name, size=size)), 1)
        remove = QPushButton(TEXT["document_remove"])
        remove.setAccessibleName(TEXT["document_remove_named"].format(name=attachment.name))
        remove.clicked.connect(lambda _=False, i=index: self.session.drafts.remove_attachment(i))
        self.remove_buttons.append(remove)
        row.addWidget(remove)
        return row

    def _add_row(self, kind: str, text: str, what: str) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton(text)
        button.setAccessibleName(TEXT["document_add_named"].format(title=what))
        button.clicked.connect(lambda _=False, k=kind: self.add(k))
        self.add_buttons[kind] = button
        row.addWidget(button)
        row.addStretch(1)
        return row

    def add(self, kind: str) -> bool:
        folder = self.session.path.parent if self.session.path else Path.home()
        path = self.prompter.open_attachment_path(self, folder)
        if path is None:
            return False
        try:
            self.session.drafts.add_attachment(path, kind)
        except AttachmentError as error:
            self.prompter.error(self, TEXT["document_error_title"], str(error))
            return False
        return True
