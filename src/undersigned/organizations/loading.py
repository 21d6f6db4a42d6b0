"""Load the registry from a spreadsheet (CSV): one organisation a row, keyed by its slug.

Columns: `slug,name,name_hy,name_ru,aliases,website,kind` (aliases separated by `|`), and
optionally `name_en`, `email_domains`, `city`, `city_hy`, `city_ru`, `country`, `description`,
and `parent` (the slug of a network or coalition the organisation is a member of; a network in
the same file is fine). Loading is idempotent: a row whose organisation exists changes only the
fields that differ; aliases and memberships are added, never removed. A file with any bad row
changes nothing; a dry run reports what would change and writes nothing.
"""

import csv
import io
from dataclasses import asdict, dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from undersigned.core.audit import audit_record
from undersigned.organizations.models import Membership, Organization, OrganizationAlias

REQUIRED_COLUMNS = ("slug", "name")
FIELD_COLUMNS = (
    "name",
    "name_en",
    "name_hy",
    "name_ru",
    "website",
    "kind",
    "email_domains",
    "city",
    "city_hy",
    "city_ru",
    "country",
    "description",
)
KNOWN_COLUMNS = {*FIELD_COLUMNS, "slug", "aliases", "parent"}
_LIMITS = {field.name: field.max_length for field in Organization._meta.fields if field.max_length}


@dataclass
class RegistryRow:
    line: int
    slug: str
    fields: dict[str, str]
    aliases: list[str]
    parent: str


@dataclass
class LoadReport:
    """What a load did, or would do: by slug, with the line of the file each came from."""

    created: list[str] = field(default_factory=list)
    updated: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    aliases_added: int = 0
    memberships_added: int = 0
    similar: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict:
        return asdict(self)


class RegistryFileError(Exception):
    """The file cannot be read as a registry (no header, a required column missing)."""


def registry_rows_read(text: str) -> tuple[list[RegistryRow], list[dict], list[str]]:
    """Read the CSV's rows; return the rows, the errors (by line) and the unknown columns."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise RegistryFileError(_("The file is empty: a header line is needed."))
    columns = [name.strip() for name in reader.fieldnames]
    reader.fieldnames = columns
    if missing := [name for name in REQUIRED_COLUMNS if name not in columns]:
        raise RegistryFileError(
            _("The file lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
    rows, errors, seen = [], [], {}
    kinds = set(Organization.Kind.values)
    check_url = URLValidator(schemes=["http", "https"])
    for line, raw in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in raw.items() if k in KNOWN_COLUMNS}
        if not any(values.values()):
            continue  # a blank line
        problems = []
        slug = values.get("slug", "")
        try:
            validate_slug(slug)
        except ValidationError:
            problems.append(
                _("“%(slug)s” is not a slug (letters, digits, - and _).") % {"slug": slug}
            )
        if not values.get("name"):
            problems.append(_("The name is empty."))
        kind = values.get("kind") or ""
        if kind and kind not in kinds:
            problems.append(
                _("Unknown kind “%(kind)s” (one of: %(kinds)s).")
                % {"kind": kind, "kinds": ", ".join(sorted(kinds))}
            )
        if website := values.get("website"):
            try:
                check_url(website)
            except ValidationError:
                problems.append(_("“%(url)s” is not a web address.") % {"url": website})
        for name, limit in _LIMITS.items():
            if name in values and len(values[name]) > limit:
                problems.append(
                    _("%(column)s is longer than %(limit)s characters.")
                    % {"column": name, "limit": limit}
                )
        if slug in seen:
            problems.append(
                _("The slug “%(slug)s” is on line %(line)s already.")
                % {"slug": slug, "line": seen[slug]}
            )
        seen.setdefault(slug, line)
        if problems:
            errors.append({"line": line, "slug": slug, "problems": problems})
            continue
        fields = {name: values[name] for name in FIELD_COLUMNS if values.get(name)}
        aliases = [alias.strip() for alias in values.get("aliases", "").split("|") if alias.strip()]
        rows.append(
            RegistryRow(
                line=line,
                slug=slug,
                fields=fields,
                aliases=aliases,
                parent=values.get("parent", ""),
            )
        )
    slugs_in_file = {row.slug for row in rows}
    for row in rows:
        if (
            row.parent
            and row.parent not in slugs_in_file
            and not (Organization.objects.filter(slug=row.parent).exists())
        ):
            errors.append(
                {
                    "line": row.line,
                    "slug": row.slug,
                    "problems": [
                        _("The parent “%(parent)s” is neither in the registry nor in the file.")
                        % {"parent": row.parent}
                    ],
                }
            )
    ignored = [name for name in columns if name not in KNOWN_COLUMNS]
    return rows, errors, ignored


def _similar(row: RegistryRow) -> list[dict]:
    """Registry organisations (under another slug) that the row's names look like."""
    from undersigned.organizations.selectors import organization_match

    found = []
    for name in dict.fromkeys([row.fields["name"], *row.aliases]):
        decided = organization_match(name=name, include_pending=True)
        if decided.organization is not None and decided.organization.slug != row.slug:
            found.append(
                {
                    "line": row.line,
                    "slug": row.slug,
                    "name": name,
                    "decision": str(decided.decision),
                    "existing": decided.organization.slug,
                    "existing_name": decided.organization.name,
                }
            )
    return found


def registry_load(
    *, text: str, dry_run: bool = False, by: AbstractBaseUser | None = None
) -> LoadReport:
    """Create or update the registry from a CSV; all rows or none (see the module's docstring)."""
    rows, errors, ignored = registry_rows_read(text)
    report = LoadReport(errors=errors, ignored_columns=ignored, dry_run=dry_run)
    if errors:
        return report
    existing = {o.slug: o for o in Organization.objects.filter(slug__in=[r.slug for r in rows])}
    for row in rows:
        if row.slug not in existing:
            report.similar += _similar(row)
    with transaction.atomic():
        organizations: dict[str, Organization] = {}
        for row in rows:
            organization = existing.get(row.slug)
            if organization is None:
                organization = Organization.objects.create(slug=row.slug, **row.fields)
                report.created.append(row.slug)
            else:
                changes = {
                    name: [getattr(organization, name), value]
                    for name, value in row.fields.items()
                    if getattr(organization, name) != value
                }
                if changes:
                    for name, (_old, value) in changes.items():
                        setattr(organization, name, value)
                    organization.save()
                    report.updated[row.slug] = changes
                else:
                    report.unchanged.append(row.slug)
            organizations[row.slug] = organization
            for alias in row.aliases:
                if alias == organization.name:
                    continue
                _made, created = OrganizationAlias.objects.get_or_create(
                    organization=organization, name=alias
                )
                report.aliases_added += created
        for row in rows:
            if not row.parent:
                continue
            network = organizations.get(row.parent) or Organization.objects.get(slug=row.parent)
            if network.pk == organizations[row.slug].pk:
                continue
            _link, created = Membership.objects.get_or_create(
                network=network, member=organizations[row.slug]
            )
            report.memberships_added += created
        if dry_run:
            transaction.set_rollback(True)
        elif report.created or report.updated or report.aliases_added or report.memberships_added:
            audit_record(
                action="organization.load",
                actor=by,
                details={
                    "created": len(report.created),
                    "updated": len(report.updated),
                    "aliases_added": report.aliases_added,
                    "memberships_added": report.memberships_added,
                },
            )
    return report
