"""The questions the wizard asks in dialogs, behind one small object tests can replace.

The real prompter uses QMessageBox and QFileDialog (modal, blocking); tests pass a scripted one, so
no test ever waits on a dialog. The draft session's questions reach it through
app/qt/dialog_prompts.py.
"""

from __future__ import annotations

from pathlib import Path

from app.qt.texts import TEXT
from app.session.prompts import Choice


class Prompter:
    def ask_save_changes(self, parent, name: str) -> Choice:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, TEXT["unsaved_title"],
                          TEXT["unsaved_text"].format(name=name), parent=parent)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        return {buttons.Save: Choice.SAVE, buttons.Discard: Choice.DISCARD}.get(
            buttons(answer), Choice.CANCEL)

    def error(self, parent, title: str, text: str, action: str | None = None) -> bool:
        """Say what went wrong. With `action`, a button for it beside Close: True when chosen."""
        from PySide6.QtWidgets import QMessageBox

        if action is None:
            QMessageBox.warning(parent, title, text)
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, parent)
        chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(chosen)
        box.exec()
        return box.clickedButton() is chosen

    def confirm(self, parent, title: str, text: str, action: str) -> bool:
        """Ask before going on: True when the person chooses `action`, False on Cancel."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
        chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is chosen

    def info(self, parent, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def ask_passphrase(self, parent, name: str, retry: bool = False) -> str | None:
        """The passphrase of a protected draft, or None when the person cancels."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text = TEXT["passphrase_retry" if retry else "passphrase_text"].format(name=name)
        value, ok = QInputDialog.getText(parent, TEXT["passphrase_title"], text, QLineEdit.EchoMode.Password)
        return value if ok else None

    def ask_new_passphrase(self, parent, protected: bool) -> str | None:
        """A new passphrase typed twice; "" to remove the protection (when there is one); None: cancel."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        password = QLineEdit.EchoMode.Password
        text = TEXT["change_passphrase_text" if protected else "new_passphrase_text"]
        first, ok = QInputDialog.getText(parent, TEXT["passphrase_title"], text, password)
        if not ok or (not first and not protected):
            return None
        if not first:
            return ""
        again, ok = QInputDialog.getText(parent, TEXT["passphrase_title"], TEXT["passphrase_again"], password)
        if not ok:
            return None
        if again != first:
            self.error(parent, TEXT["passphrase_title"], TEXT["passphrase_mismatch"])
            return None
        return first

    def ask_certificate_passphrase(self, parent, name: str, retry: bool = False) -> str | None:
        """The passphrase of the certificate file `name` to sign with, or None when the person cancels."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text = TEXT["certificate_passphrase_retry" if retry else "certificate_passphrase_text"].format(name=name)
        value, ok = QInputDialog.getText(parent, TEXT["passphrase_title"], text, QLineEdit.EchoMode.Password)
        return value if ok else None

    def choose_version(self, parent, name: str, rows: list[str]) -> int | None:
        """The index of the earlier version chosen from `rows` (newest first), or None."""
        from PySide6.QtWidgets import QInputDialog

        text = TEXT["versions_text"].format(name=name)
        chosen, ok = QInputDialog.getItem(parent, TEXT["versions_title"], text, rows, 0, False)
        return rows.index(chosen) if ok and chosen in rows else None

    def choose_recovery(self, parent, rows: list[str]) -> int | None:
        """The index of the unsaved work chosen from `rows` (newest first), or None."""
        from PySide6.QtWidgets import QInputDialog

        chosen, ok = QInputDialog.getItem(parent, TEXT["recovery_title"], TEXT["recovery_text"], rows, 0, False)
        return rows.index(chosen) if ok and chosen in rows else None

    def ask_text(self, parent, title: str, label: str, value: str = "") -> str | None:
        """A line of text (a new name), or None when the person cancels."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, value)
        return text if ok else None

    def choose_item(self, parent, title: str, label: str, rows: list[str], current: int = 0) -> int | None:
        """The index of the row chosen from `rows` (`current` selected at first), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        chosen, ok = QInputDialog.getItem(parent, title, label, rows, current, False)
        return rows.index(chosen) if ok and chosen in rows else None

    def choose_rows(self, parent, title: str, label: str, rows: list[str], fixed: int = 0) -> list[int] | None:
        """The indexes of the rows ticked among `rows` (the first `fixed` ticked and kept), or None
        when the person cancels: the jurisdictions a new draft targets."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        text = QLabel(label)
        text.setWordWrap(True)
        layout.addWidget(text)
        listed = QListWidget()
        for index, row in enumerate(rows):
            item = QListWidgetItem(row, listed)
            item.setToolTip(row)  # whole, should the row be wider than the screen leaves room for
            item.setCheckState(Qt.CheckState.Checked if index < fixed else Qt.CheckState.Unchecked)
            if index < fixed:  # the pack in use is always asked: ticked for good, its words as legible as the rest
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        listed.setAccessibleName(title)
        layout.addWidget(listed)
        _fit_rows(listed, parent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return [i for i in range(listed.count()) if listed.item(i).checkState() == Qt.CheckState.Checked]

    def choose_client(self, parent, title: str, label: str, clients: list[str]) -> str | None:
        """One of `clients`, or a name typed in; None when the person cancels."""
        from PySide6.QtWidgets import QInputDialog

        chosen, ok = QInputDialog.getItem(parent, title, label, clients, 0, True)
        return chosen if ok else None

    def choose_folder(self, parent, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(parent, TEXT["workspace_choose_title"], str(folder))
        return Path(name) if name else None

    def open_path(self, parent, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        drafts = TEXT["draft_filter"].format(pattern="*.json")
        name, _ = QFileDialog.getOpenFileName(parent, TEXT["open_title"], str(folder), drafts)
        return Path(name) if name else None

    def export_path(self, parent, suggested: Path, filters: list[tuple[str, str]]) -> tuple[Path, int] | None:
        """Where to export, and which of `filters` ((text, extension) each) was chosen; None: cancelled.
        Choosing a file type gives the name its extension, so the name shows what will be written."""
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, TEXT["export_title"])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([text for text, _ in filters])
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)

        def on_filter_selected(chosen: str) -> None:
            extension = next((ext for text, ext in filters if text == chosen), "")
            typed = dialog.selectedFiles()
            stem = Path(typed[0]).stem if typed and Path(typed[0]).stem else suggested.stem
            dialog.selectFile(stem + extension)

        dialog.filterSelected.connect(on_filter_selected)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        texts = [text for text, _ in filters]
        chosen = dialog.selectedNameFilter()
        return Path(dialog.selectedFiles()[0]), texts.index(chosen) if chosen in texts else 0

    def open_kit_path(self, parent, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        kits = TEXT["kit_filter"].format(pattern="*.sandboxkit")
        name, _ = QFileDialog.getOpenFileName(parent, TEXT["open_kit_title"], str(folder), kits)
        return Path(name) if name else None

    def open_feedback_path(self, parent, folder: Path) -> Path | None:
        """A reviewer's feedback file to take into the draft, or None."""
        from PySide6.QtWidgets import QFileDialog

        from catalogue import table

        text = table("qt.feedback")
        name, _ = QFileDialog.getOpenFileName(parent, text["open_title"], str(folder),
                                              text["file_filter"].format(pattern="*.json"))
        return Path(name) if name else None

    def ask_reply(self, parent, comment: str) -> str | None:
        """The applicant's reply to the reviewer's `comment`, or None when they cancel."""
        from PySide6.QtWidgets import QInputDialog

        from catalogue import table

        text = table("qt.feedback")
        reply, ok = QInputDialog.getMultiLineText(parent, text["reply_title"], text["reply_label"].format(comment=comment))
        return reply if ok else None

    def open_attachment_path(self, parent, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, TEXT["document_open_title"], str(folder))
        return Path(name) if name else None

    def open_certificate(self, parent, folder: Path) -> Path | None:
        """The PKCS#12 file (certificate and private key) to sign with, or None."""
        from PySide6.QtWidgets import QFileDialog

        certificates = TEXT["certificate_filter"].format(pattern="*.p12 *.pfx")
        name, _ = QFileDialog.getOpenFileName(parent, TEXT["certificate_title"], str(folder), certificates)
        return Path(name) if name else None

    def open_dossier(self, parent, folder: Path) -> Path | None:
        """A received dossier to review, or None."""
        from PySide6.QtWidgets import QFileDialog

        from catalogue import table

        text = table("qt.reviewer")
        name, _ = QFileDialog.getOpenFileName(parent, text["open_file_title"], str(folder),
                                              text["dossier_filter"].format(pattern="*.pdf"))
        return Path(name) if name else None

    def open_dossier_folder(self, parent, folder: Path) -> Path | None:
        """A folder of received dossiers to review, or None."""
        from PySide6.QtWidgets import QFileDialog

        from catalogue import table

        name = QFileDialog.getExistingDirectory(parent, table("qt.reviewer")["open_folder_title"], str(folder))
        return Path(name) if name else None

    def save_path(self, parent, suggested: Path, file_filter: str | None = None,
                  title: str | None = None) -> Path | None:
        """Where to write a file; `title` says what is written (by default: the draft)."""
        from PySide6.QtWidgets import QFileDialog

        file_filter = file_filter or TEXT["draft_filter"].format(pattern="*.json")
        name, _ = QFileDialog.getSaveFileName(parent, title or TEXT["save_title"], str(suggested), file_filter)
        return Path(name) if name else None

    def open_file(self, path: Path) -> bool:
        """Open a file written (the dossier) in the application the system has for it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _fit_rows(listed, parent) -> None:
    """Make the list wide enough for its longest row (a jurisdiction's title is long, and longer in
    some languages) and tall enough for every row, within most of the screen; beyond that it scrolls."""
    from PySide6.QtGui import QGuiApplication

    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    frame = 2 * listed.frameWidth()
    width = listed.sizeHintForColumn(0) + frame + listed.verticalScrollBar().sizeHint().width()
    height = sum(listed.sizeHintForRow(row) for row in range(listed.count())) + frame
    if room is not None:
        width, height = min(width, room.width() * 3 // 4), min(height, room.height() // 2)
    listed.setMinimumSize(width, height)
