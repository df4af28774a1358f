"""A consultant's workspace: a folder of drafts (many clients, many systems) seen as one table.

What a draft in the folder is (a summary read from it, protected and damaged ones included), an
index of those summaries kept in the user data folder so a large folder lists at once, and the
work done on the files (duplicate, templates, rename, move to another client, archive, the bin),
each undoable in the session. No Qt: the start page (app/qt/) and `python main.py workspace` show it.
"""
