"""Every sentence the wizard writes itself, in one place so it can be translated later.

Questions, help, reasons and obligations come from the pack; the result sentences from
`app.report` and `risk_tiers.texts`. Templates use named fields, never sentences glued in code.
"""

APP_TITLE = "Sandbox Applicant Kit"

TEXT = {
    # window and menus
    "window_title": "{name}{dirty} \u2013 Sandbox Applicant Kit",
    "untitled": "New draft",
    "menu_file": "&File",
    "menu_go": "&Go",
    "new": "&New draft",
    "open": "&Open draft\u2026",
    "recent": "Open &recent",
    "recent_empty": "(no recent drafts)",
    "save": "&Save",
    "save_as": "Save &as\u2026",
    "quit": "&Quit",
    "back": "Back",
    "next": "Next",
    "review": "Review and export",
    "go_review": "Go to &review",
    "progress": "{answered} of {total} questions answered",
    "steps_name": "Sections",
    "steps_description": "The sections of the assessment. Choose one to go to it.",
    "status_done": "done",
    "status_incomplete": "answers still needed",
    "status_not_applicable": "not applicable",
    "step_accessible": "{title}, {status}",
    "loading": "Opening\u2026",
    # start page
    "start_title": "Self-assessment for an AI regulatory sandbox",
    "start_intro": (
        "Answer questions about your AI system in plain language. The result on the right updates as "
        "you answer, with the provisions behind it. You can stop at any time and continue later."
    ),
    "start_new": "Start a new assessment",
    "start_open": "Open a saved draft\u2026",
    "start_opening": "Opening {name}\u2026",
    "start_recent": "Recent drafts",
    "start_restore_title": "Unsaved work was found",
    "start_restore_text": (
        "The application was closed without saving. You can restore that work and go on with it, or "
        "discard it:"
    ),
    "start_restore": "Restore unsaved work",
    "start_discard": "Discard it",
    "recovery_row": "\u201c{name}\u201d, last changed {when}",
    "recovery_title": "Restore unsaved work",
    "recovery_text": "Unsaved work of more than one draft was found. Choose the one to restore:",
    "not_legal_advice": "This is a self-assessment aid, not legal advice.",
    # questions
    "required": "required",
    "optional": "optional",
    "missing": "An answer is still needed here.",
    "concerns": "Concerns: {labels}",
    "add_note": "Add a note",
    "show_note": "Your note",
    "note_placeholder": "A note for yourself or your adviser; it is saved with the draft and printed in the dossier.",
    "note_name": "Note on: {question}",
    "yes": "Yes",
    "no": "No",
    "unsure": "Not sure",
    "clear": "Clear answer",
    "date_placeholder": "YYYY-MM-DD",
    "date_invalid": "Write the date as year-month-day, for example 2026-03-31.",
    "number_invalid": "Write a number.",
    "unsupported": "This version of the application cannot ask this kind of question; update it to answer.",
    "not_applicable_page": (
        "Not applicable: your earlier answers mean none of these questions concern your system. "
        "Continue with the next section."
    ),
    # result panel
    "result_title": "Result so far",
    "provisional": "Provisional: the open points below could still change it.",
    "findings": "Why",
    "excluded": "Considered and excluded",
    "open_points": "Open points that could change the result",
    "no_findings": "No rule applies on the answers so far.",
    "no_open_points": "None.",
    "go_to_question": "Go to the question",
    "derived": "What else follows",
    "undecided": "not decided yet; the open questions settle it.",
    "checklist": "<b>{title}</b>: {status}",
    "checklist_unmet": "<b>{title}</b>: {status}:",
    "to_do": "Still to do before you apply",
    "duty_unstated": "Say how you meet this duty: {duty}",
    "caveat": "Note: {caveat}",
    "same_answers": "because of the answers shown above",
    "also_answers": "and the answers shown above",
    "roles": "Your roles: {roles}",
    "obligations_count": "{count} obligations apply; they are listed on the review page and in the dossier.",
    # review
    "review_title": "Review",
    "review_intro": "Check your answers. Choose \u201cEdit\u201d to change one. The result and open points follow.",
    "edit": "Edit",
    "review_result": "Result",
    "review_note": "Your note: {note}",
    "no_answer": "(no answer)",
    "export": "Export dossier\u2026",
    "export_running": "Writing the dossier\u2026",
    "export_done": "The dossier was written to {path}.",
    "export_failed_title": "The dossier could not be written",
    "export_failed": "{reason}\n\nYour answers are safe. Check the folder you chose and try again.",
    "export_unavailable_title": "Export is not available",
    "export_unavailable": (
        "This version of the application cannot write dossiers yet. Your answers are saved; you can "
        "export them once the dossier module is installed."
    ),
    "export_filter": "PDF dossier (*.pdf)",
    "export_name": "{name} dossier",
    "export_default_name": "dossier",
    "export_incomplete_title": "Some required answers are missing",
    "export_incomplete": (
        "{missing} of the {required} required answers are not given yet. The dossier will say so on "
        "its cover and list them. Export it anyway?"
    ),
    "export_anyway": "Export anyway",
    "review_complete": "All {required} required answers are given.",
    "review_incomplete": "{given} of {required} required answers are given. Still missing:",
    "review_missing": "{question} ({section})",
    "obligations": "What you must do",
    # drafts and dialogs
    "draft_filter": "Drafts (*.json)",
    "open_title": "Open a draft",
    "save_title": "Save the draft",
    "unsaved_title": "Save your changes?",
    "unsaved_text": "The draft \u201c{name}\u201d has changes that are not saved. Save them before you go on?",
    "unreadable_title": "This draft cannot be opened",
    "unreadable_text": (
        "{reason}\n\nThe file has not been changed. If you have another copy, open that one; "
        "otherwise start a new draft. Your current work is still open."
    ),
    "save_failed_title": "The draft was not saved",
    "save_failed_text": (
        "{reason}\n\nYour answers are still open here; nothing was lost. Choose \u201cSave as\u201d to "
        "save them in another folder or on another drive."
    ),
    "saved": "Saved to {path}",
    "pack_error_title": "The questions could not be loaded",
    "pack_error": (
        "{reason}\n\nThe question pack that came with the application is damaged. Reinstall the "
        "application; your drafts are not affected."
    ),
    "autosaved": "Autosaved",
    "draft_warnings": "Opened with notes: {warnings}",
    "pack_changed": (
        "the questions of {pack} {version} were changed since this draft was started; check your answers"
    ),
    # passphrase protection
    "protect": "&Protect with a passphrase\u2026",
    "passphrase_title": "Passphrase",
    "passphrase_text": "\u201c{name}\u201d is protected by a passphrase. Enter it to open the draft:",
    "passphrase_retry": (
        "Wrong passphrase, or the file was changed. The file is untouched.\n\n"
        "Enter the passphrase for \u201c{name}\u201d again, or cancel:"
    ),
    "recovered_name": "the unsaved work",
    "new_passphrase_text": (
        "Choose a passphrase. The draft, its backups and its autosave are then written encrypted; "
        "without the passphrase nobody can open them, not even you:"
    ),
    "change_passphrase_text": "Enter a new passphrase, or leave it empty to remove the protection:",
    "passphrase_again": "Enter the same passphrase again:",
    "passphrase_mismatch": "The two passphrases differ. Nothing was changed.",
    "protect_failed_title": "The protection was not changed",
    "protected_now": "Protected by a passphrase: saves and autosaves are encrypted",
    "unprotected_now": "Passphrase removed: the draft is saved as plain text again",
    # earlier versions (backups)
    "versions": "Earlier &versions\u2026",
    "versions_title": "Earlier versions",
    "versions_text": "Choose the version of \u201c{name}\u201d to put back. The draft as it is now is kept as a version too:",
    "versions_row": "{saved}  ({size} bytes)",
    "versions_none": (
        "No earlier versions of \u201c{name}\u201d are kept yet. A version is kept each time the "
        "draft is saved."
    ),
    "versions_unsaved": "Save the draft first: earlier versions are kept for saved drafts.",
    "versions_failed_title": "The version was not restored",
    "versions_button": "Earlier versions\u2026",
    "unreadable_versions": (
        "Versions of this draft were kept each time it was saved ({count}; the newest from {newest}). "
        "You can put one of them back; the file as it is now is kept as a version too."
    ),
    "versions_restored": "Restored the version of {saved}",
}

STATUS_TEXT = {"done": TEXT["status_done"], "incomplete": TEXT["status_incomplete"],
               "not_applicable": TEXT["status_not_applicable"]}
