"""The words `forms` puts around a pack's own text, in one table so they can be translated later.

Questions, options and rules are worded by the pack; these are only the joins: how a condition
reads ("is", "one of", "all of these hold") and how the yes/no answers are named.
"""

# The answers of a yes/no question, as the wizard names them.
YES_NO = {"yes": "Yes", "no": "No", "unsure": "Not sure"}

CONDITION = {
    # combinators; {parts} are the parts, joined by `separator`
    "all": "all of: {parts}",
    "any": "any of: {parts}",
    "at_least": "at least {count} of: {parts}",
    "not": "not: {part}",
    "separator": "; ",
    # a compound part inside another is bracketed, so the reader sees where it ends
    "nested": "({text})",
    # the heading of a combinator when its parts are listed one a line below it
    "all_heading": "all of these hold:",
    "any_heading": "any of these holds:",
    "at_least_heading": "at least {count} of these hold:",
    "not_heading": "this does not hold:",
    # tests on one answer
    "question": "\u201c{text}\u201d [{id}]",
    "value": "\u201c{label}\u201d",
    "or": " or ",
    "is": "{question} is {value}",
    "in": "{question} is {values}",
    "has": "{question} includes {value}",
    "has_any": "{question} includes {values}",
    "answered": "{question} is answered",
    "not_answered": "{question} is not answered",
    "gt": "{question} is more than {number}",
    "ge": "{question} is at least {number}",
    "lt": "{question} is less than {number}",
    "le": "{question} is at most {number}",
    # a named rule, with what it means (its label, or else its reason)
    "rule": "{label} [rule {id}]",
    "rule_unlabelled": "rule {id} holds",
}

# How conditions are read, for a listing that shows them.
READING = (
    "A question is asked only when its condition holds. A test on an answer not given yet, or "
    "answered \u201cNot sure\u201d, is undecided, and so is every condition that depends on it "
    "unless its other parts settle it (one false part of \u201call of\u201d, one true part of "
    "\u201cany of\u201d): a question with an undecided condition is not asked yet. The answer "
    "to a question that is not asked does not count."
)
