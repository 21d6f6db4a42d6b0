"""A small archive with known shape, and a reader of the charts' tables in the pages."""

import html
import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests import factories
from undersigned.organizations.models import Organization

YEREVAN = ZoneInfo("Asia/Yerevan")


@dataclass
class Archive:
    """What the factories made, kept in plain Python for counting independently."""

    network: Organization
    members: list
    others: list
    categories: list
    # statement -> (published_at, category slugs, signer slugs), archive statements only
    statements: dict = field(default_factory=dict)
    hidden: list = field(default_factory=list)  # drafts and future ones: never counted


@pytest.fixture
def archive(db) -> Archive:
    rng = random.Random(16)
    network = factories.OrganizationFactory(
        kind=Organization.Kind.NETWORK, name="Civic Platform", slug="civic-platform"
    )
    members = [
        factories.OrganizationFactory(name=f"Member {i:02d}", slug=f"member-{i:02d}")
        for i in range(8)
    ]
    for member in members:
        factories.MembershipFactory(network=network, member=member)
    others = [
        factories.OrganizationFactory(name=f"Outsider {i:02d}", slug=f"outsider-{i:02d}")
        for i in range(5)
    ]
    categories = [factories.CategoryFactory() for _ in range(3)]
    found = Archive(network=network, members=members, others=others, categories=categories)
    everyone = members + others
    for n in range(40):
        # Noon in Yerevan, some on the first and last days of a year (time-zone edges).
        day = date(2020 + n % 5, 1 + (n * 7) % 12, 1 + (n * 11) % 28)
        if n % 9 == 0:
            day = date(2020 + n % 5, 12, 31)
        moment = datetime(day.year, day.month, day.day, 23 if n % 9 == 0 else 12, tzinfo=YEREVAN)
        statement = factories.StatementFactory(published_at=moment)
        chosen_categories = rng.sample(categories, rng.randint(0, 2))
        statement.categories.set(chosen_categories)
        signers = rng.sample(everyone, rng.randint(1, 6))
        if n % 4 == 0:
            signers = [*signers, network] if network not in signers else signers
            statement.publishers.add(network)
        for position, organization in enumerate(signers, start=1):
            factories.SignatoryFactory(
                statement=statement,
                organization=organization,
                position=position,
                signed_on=day + timedelta(days=rng.randint(0, 5)),
            )
        found.statements[statement] = (
            moment,
            {c.slug for c in chosen_categories},
            {o.slug for o in signers},
        )
    # Not in the archive: a draft and a statement to be published next year, both signed.
    draft = factories.StatementFactory(status="draft", published_at=None)
    # Whole seconds: statements/_card.html prints microseconds in <time datetime>, which the
    # HTML checker rejects (not this app's template; noted in the report).
    future = factories.StatementFactory(
        published_at=(timezone.now() + timedelta(days=400)).replace(microsecond=0)
    )
    for statement in (draft, future):
        statement.categories.set(categories[:1])
        for organization in members[:3]:
            factories.SignatoryFactory(statement=statement, organization=organization)
        found.hidden.append(statement)
    return found


def figure_table(content: bytes | str, chart_id: str) -> list[list[str]]:
    """Return the rows of the data table of one chart on a page, as the reader sees them."""
    text = content.decode() if isinstance(content, bytes) else content
    match = re.search(
        rf'<section class="insight-chart" id="insights-{chart_id}"[^>]*>(.*?)</section>', text, re.S
    )
    assert match, f"no chart {chart_id} on the page"
    body = re.search(r"<tbody>(.*?)</tbody>", match.group(1), re.S).group(1)
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]
