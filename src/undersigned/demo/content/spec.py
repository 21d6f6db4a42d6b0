"""The shapes of the demo data: plain, frozen records that the data modules fill in."""

import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

YEREVAN = ZoneInfo("Asia/Yerevan")


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    """Return a timezone-aware moment, Yerevan time."""
    return datetime(year, month, day, hour, minute, tzinfo=YEREVAN)


@dataclass(frozen=True)
class Org:
    """An organisation in the registry, with its other names."""

    slug: str
    name: str
    kind: str = "ngo"
    city: str = "Yerevan"
    website: str = ""
    # Email domains, comma-separated; the website's host when left empty.
    domains: str = ""
    description: str = ""
    hy: str = ""  # the Armenian name
    ru: str = ""  # the Russian name
    acronyms: tuple[str, ...] = ()
    also: tuple[str, ...] = ()  # other spellings in English
    country: str = "Armenia"

    @property
    def email_domains(self) -> str:
        return self.domains or urlsplit(self.website).hostname or ""

    def aliases(self) -> list[tuple[str, str, bool]]:
        """Return (name, language, is_acronym) for every other name."""
        rows: list[tuple[str, str, bool]] = []
        if self.hy:
            rows.append((self.hy, "hy", False))
        if self.ru:
            rows.append((self.ru, "ru", False))
        rows += [(acronym, "", True) for acronym in self.acronyms]
        rows += [(name, "en", False) for name in self.also]
        return rows


@dataclass(frozen=True)
class Network:
    """A coalition or network and its members, by slug.

    Every member of the coalitions in `include_members_of` belongs to the network too (a network
    of coalitions), as well as those listed; their observers do not.
    """

    slug: str
    founded: date
    founders: tuple[str, ...] = ()
    board: tuple[str, ...] = ()
    secretariat: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    include_members_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Text:
    """A statement in one language."""

    title: str
    body: str
    summary: str = ""
    adoption_note: str = ""


@dataclass(frozen=True)
class Signers:
    """Who signed: `first` in this order, then `count` in all, chosen from `pool`.

    Pool entries are organisation slugs or `members:<network>`, `board:<network>`,
    `kind:<kind>`, `city:<city>`. The choice is made by a random generator seeded with the
    statement's slug, so it is the same on every run. `late` of them signed after publication.
    """

    first: tuple[str, ...] = ()
    count: int = 0
    pool: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    late: int = 0
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StatementSpec:
    """A statement with its texts and its signatories.

    `published` is a timezone-aware moment (None for drafts and statements open before
    publication); `deadline` is a moment, or a timedelta counted from when the demo is loaded.
    """

    slug: str
    status: str
    texts: dict[str, Text]
    signers: Signers
    published: datetime | None = None
    categories: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    original_language: str = "en"
    events: tuple[date, date | None] | None = None
    open_for_joining: bool = False
    deadline: datetime | timedelta | None = None
    order: str = "listed"


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    en: str
    hy: str
    ru: str


def md(text: str) -> str:
    """Return Markdown written indented in a data module, without the indentation."""
    return textwrap.dedent(text).strip()
