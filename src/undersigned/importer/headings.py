"""Lines that head a list of signatories: never an organisation, whatever the parser returns."""

import re

# Whole lines only ("Signatories", "Signed by:", "Ստորագրողներ (12)"), in the three languages;
# a longer line that merely contains one of these words may be an organisation's name.
SIGNATORY_HEADING_LINE = re.compile(
    r"^(?:the\s+|list\s+of\s+)?(?:signatories|signatory organi[sz]ations|signed\s+by|"
    r"signatures|endorsed\s+by|supported\s+by|joined\s+by|co-?signed\s+by|"
    r"подписавшие(?:\s+организации)?|подписали|список\s+подписавших|"
    r"ստորագրողներ|ստորագրող\s+կազմակերպություններ|ստորագրել\s+են)"
    r"(?:\s*\(\d+\))?\s*[:：\u0589.]?$",
    re.IGNORECASE,
)


def is_heading_line(text: str) -> bool:
    """Tell whether a line only heads the signatories' list."""
    return bool(SIGNATORY_HEADING_LINE.match(text.strip()))
