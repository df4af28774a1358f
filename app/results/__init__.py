"""What an assessment says, worded for people: answers, findings, open points and gaps as text,
the command line's text and JSON of a result, and whom a draft is about (applicant, system). Read
by the command line, the dossier and the wizard alike; it only reads the core's objects."""
