"""The words `forms` puts around a pack's own text: the catalogue's `conditions.*` messages.

Questions, options and rules are worded by the pack; these are only the joins: how a condition
reads ("is", "one of", "all of these hold") and how the yes/no answers are named.
"""

from catalogue import lazy, table

# The answers of a yes/no question, as the wizard names them.
YES_NO = table("conditions.yes_no")
# How a condition reads: combinators, their headings when listed one a line, tests on one answer,
# and a named rule with what it means.
CONDITION = table("conditions")
# How conditions are read, for a listing that shows them.
READING = lazy("conditions.reading")
