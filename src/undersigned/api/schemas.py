"""The API's records as pydantic schemas: the OpenAPI document is generated from these."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

Language = Literal["en", "hy", "ru"]
StatementStatus = Literal["open", "published", "closed", "withdrawn"]
OrganizationKind = Literal["ngo", "foundation", "coalition", "network", "union", "company", "other"]
MembershipRole = Literal["member", "board", "secretariat", "founder", "observer"]


class Error(Schema):
    detail: str


class ValidationError(Schema):
    detail: list[dict[str, Any]]


class Names(Schema):
    """A name in each language; null where the registry has none in that language."""

    en: str | None
    hy: str | None
    ru: str | None


class OrganizationOut(Schema):
    slug: str
    name: str = Field(description="The registry's name (English).")
    names: Names
    kind: OrganizationKind
    url: str = Field(description="The organisation's page on this site.")
    api_url: str


class CategoryOut(Schema):
    slug: str
    names: Names
    statement_count: int = Field(ge=0, description="Published statements in the category.")


class StatementSummary(Schema):
    slug: str
    status: StatementStatus
    title: dict[str, str] = Field(description="The title in each language it is written in.")
    languages: list[Language]
    original_language: Language
    published_at: datetime | None
    updated_at: datetime
    categories: list[str] = Field(description="Category slugs.")
    publishers: list[OrganizationOut]
    signatory_count: int = Field(ge=0)
    open_for_signature: bool
    signature_deadline: datetime | None
    url: str = Field(description="The statement's page, in its original language.")
    api_url: str


class Footnote(Schema):
    label: str
    text: str


class TranslationOut(Schema):
    language: Language
    title: str
    summary: str
    body: str = Field(description="Markdown; footnotes as “[1] source” lines at the end.")
    body_html: str = Field(description="The body rendered and sanitised, as the page shows it.")
    adoption_note: str
    footnotes: list[Footnote]
    url: str


class VersionOut(Schema):
    number: int = Field(ge=1)
    created_at: datetime
    change_note: str
    requires_reconfirmation: bool
    is_current: bool
    signatory_count: int = Field(ge=0, description="Signatories who signed this text.")


class SignatoryOut(Schema):
    position: int = Field(ge=1, description="Place on the public list, from 1.")
    organization: OrganizationOut
    signed_on: date | None
    version: int | None = Field(description="The text version signed; null if added by hand.")
    public_note: str


class StatementDetail(StatementSummary):
    events_start: date | None
    events_end: date | None
    signatory_order: Literal["listed", "alphabetical"]
    translations: list[TranslationOut]
    versions: list[VersionOut]
    signatories: list[SignatoryOut] = Field(description="The public list, in its public order.")
    embed_url: str
    markdown_url: str


class StatementLink(Schema):
    slug: str
    status: StatementStatus
    title: dict[str, str]
    published_at: datetime | None
    url: str
    api_url: str


class AliasOut(Schema):
    name: str
    language: Language | None
    is_acronym: bool


class MembershipOut(Schema):
    organization: OrganizationOut
    role: MembershipRole
    since: date | None


class OrganizationDetail(OrganizationOut):
    city: str
    country: str
    website: str
    description: str
    aliases: list[AliasOut]
    memberships: list[MembershipOut] = Field(description="Networks it belongs to.")
    members: list[MembershipOut] = Field(description="Its members, for a network or coalition.")
    statements_signed: list[StatementLink]
    statements_published: list[StatementLink]


class Page(Schema):
    count: int = Field(ge=0, description="How many match in all.")
    page: int = Field(ge=1)
    pages: int = Field(ge=1)
    next: str | None
    previous: str | None


class StatementPage(Page):
    results: list[StatementSummary]


class OrganizationPage(Page):
    results: list[OrganizationOut]


class CategoryList(Schema):
    results: list[CategoryOut]
