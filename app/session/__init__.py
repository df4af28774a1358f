"""A draft's life without a window: the draft session (answers and notes, saving, autosave,
passphrase, earlier versions, unsaved changes, crash recovery), and the questions it asks the
person through one small interface that the wizard and the command line each implement."""
