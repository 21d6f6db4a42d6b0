"""What the parser returns, and the error it raises."""

import datetime
from dataclasses import dataclass, field


class ParseError(ValueError):
    """Signal that a page is empty or cannot be read as a statement.

    The message is translated when it is shown, into the language active then: the import
    screen's, or English for the command run without one.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


@dataclass
class ParsedEntry:
    """Hold one statement, or one listing excerpt, read from an imported page."""

    kind: str
    title: str
    date: datetime.date | None = None
    categories: list[str] = field(default_factory=list)
    publisher: str | None = None
    body: str = ""
    signatories: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """Return the entry as a JSON-serialisable dict with the date in ISO 8601."""
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "categories": list(self.categories),
            "publisher": self.publisher,
            "body": self.body,
            "signatories": list(self.signatories),
            "footnotes": list(self.footnotes),
        }
