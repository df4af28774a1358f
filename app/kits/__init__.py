"""Authority kits: one `.sandboxkit` file (a zip archive) with which an authority hands the
application out under its own name, with its own questions, deadline and attachments.

A kit is untrusted input: its archive is read in memory and checked entry by entry (archive.py),
its logo checked before anything shows it (images.py), its manifest validated (manifest.py), and
its overlay composed onto the pack it extends through the packs' own machinery, with no change to
a legal rule of that pack (kit.py). The kits the application has seen are kept in the user data
folder (shelf.py); `python main.py kit build` makes a kit from a folder (build.py).
"""
