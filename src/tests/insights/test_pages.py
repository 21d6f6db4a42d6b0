"""Every figure on the insight pages equals a count made here from the factories' data."""

import csv
import io
from collections import Counter
from itertools import combinations

import pytest
from django.contrib.auth import get_user_model

from tests import factories
from tests.insights.conftest import YEREVAN, figure_table
from undersigned.insights import services
from undersigned.insights.graph import co_signing_pairs
from undersigned.signatures.models import Supporter

LANGUAGES = ["en", "hy", "ru"]


def local_year(moment) -> int:
    return moment.astimezone(YEREVAN).year


def statements_per_year(archive, slug: str) -> dict[int, int]:
    counts = Counter(
        local_year(moment) for moment, _, signers in archive.statements.values() if slug in signers
    )
    return {year: counts.get(year, 0) for year in range(min(counts), max(counts) + 1)}


def co_signed(archive, a: str, b: str) -> int:
    return sum(1 for _, _, signers in archive.statements.values() if {a, b} <= signers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_organisation_page_counts_statements_per_year_and_co_signers(client, archive, language):
    member = archive.members[2]
    response = client.get(f"/{language}/organisations/{member.slug}/")
    assert response.status_code == 200

    expected_years = statements_per_year(archive, member.slug)
    rows = figure_table(response.content, "years")
    assert {int(year): int(n) for year, n in rows} == expected_years
    assert len(rows) == len(expected_years)

    names = {o.name: o.slug for o in [*archive.members, *archive.others, archive.network]}
    expected_partners = {
        name: co_signed(archive, member.slug, slug)
        for name, slug in names.items()
        if slug != member.slug and co_signed(archive, member.slug, slug)
    }
    shown = {name: int(n) for name, n in figure_table(response.content, "co-signers")}
    assert shown, "no co-signers shown"
    # The ten most frequent, each with its exact count, and none more frequent left out.
    for name, n in shown.items():
        assert expected_partners[name] == n
    assert min(shown.values()) >= max(
        (n for name, n in expected_partners.items() if name not in shown), default=0
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_network_page_shows_members_activity_and_subjects_by_year(client, archive, language):
    network = archive.network
    services.network_graph_compute(network=network)
    response = client.get(f"/{language}/organisations/{network.slug}/")
    assert response.status_code == 200

    activity = {row[0]: int(row[1]) for row in figure_table(response.content, "members")}
    assert activity == {
        m.name: sum(1 for _, _, s in archive.statements.values() if m.slug in s)
        for m in archive.members
    }

    # The network's own statements: signed or published by it (here it always does both).
    own = [(m, cats) for m, cats, s in archive.statements.values() if network.slug in s]
    counts = Counter((local_year(m), c) for m, cats in own for c in cats)
    used = sorted({c for _, c in counts}, key=lambda slug: slug)
    categories = sorted((c for c in archive.categories if c.slug in used), key=lambda c: c.name_en)
    rows = figure_table(response.content, "subjects")
    years = [year for year, _ in counts]
    assert [int(row[0]) for row in rows] == list(range(min(years), max(years) + 1))
    for row in rows:
        assert [int(n) for n in row[1:]] == [
            counts.get((int(row[0]), c.slug), 0) for c in categories
        ]
    name = {"en": "name_en", "hy": "name_hy", "ru": "name_ru"}[language]
    assert all(getattr(c, name) in response.content.decode() for c in categories)


def test_co_signing_pairs_are_counted_by_a_self_join_limited_to_members(archive):
    pairs = {frozenset((a, b)): n for a, b, n in co_signing_pairs(network=archive.network)}
    by_pk = {m.pk: m.slug for m in archive.members}
    pairs = {frozenset(by_pk[pk] for pk in pair): n for pair, n in pairs.items()}
    expected = {
        frozenset((a.slug, b.slug)): co_signed(archive, a.slug, b.slug)
        for a, b in combinations(archive.members, 2)
        if co_signed(archive, a.slug, b.slug)
    }
    assert pairs == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_network_map_is_shown_once_computed_with_its_date(
    client, archive, language, django_capture_on_commit_callbacks
):
    path = f"/{language}/organisations/{archive.network.slug}/"
    before = client.get(path).content.decode()
    assert 'id="insights-map"' not in before
    assert 'role="status"' in before  # "being computed"

    with django_capture_on_commit_callbacks(execute=True):
        snapshot = services.network_graph_compute(network=archive.network)
    response = client.get(path)
    table = figure_table(response.content, "map")
    strength = {row[0]: int(row[2]) for row in table}
    expected = {
        m.name: sum(co_signed(archive, m.slug, o.slug) for o in archive.members if o != m)
        for m in archive.members
    }
    assert strength == {name: n for name, n in expected.items() if n}
    assert snapshot.payload["clusters"]
    clusters = {int(row[1]) for row in table}
    assert clusters == set(range(1, len(snapshot.payload["clusters"]) + 1))


def test_clusters_are_named_by_their_most_central_members(db):
    network = factories.OrganizationFactory(kind="network")
    left = [factories.OrganizationFactory(name=f"Left {i}") for i in range(4)]
    right = [factories.OrganizationFactory(name=f"Right {i}") for i in range(4)]
    for member in left + right:
        factories.MembershipFactory(network=network, member=member)
    # Two groups that never sign together; Left 0 and Right 3 sign with everyone of theirs.
    for group, hub in ((left, left[0]), (right, right[3])):
        for other in group:
            if other is not hub:
                for _ in range(2):
                    statement = factories.StatementFactory()
                    factories.SignatoryFactory(statement=statement, organization=hub)
                    factories.SignatoryFactory(statement=statement, organization=other)
    snapshot = services.network_graph_compute(network=network)
    clusters = snapshot.payload["clusters"]
    assert len(clusters) == 2
    assert {c["central"][0]["name"] for c in clusters} == {"Left 0", "Right 3"}
    assert all(c["size"] == 4 for c in clusters)


def test_a_new_signature_books_the_computation_of_its_networks_map(
    archive, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.INSIGHTS_DEBOUNCE_SECONDS = 0
    statement = factories.StatementFactory()
    with django_capture_on_commit_callbacks(execute=True):
        factories.SignatoryFactory(statement=statement, organization=archive.members[0])
        factories.SignatoryFactory(statement=statement, organization=archive.members[1])
    snapshot = archive.network.insight_snapshot
    assert snapshot.computed_at is not None
    assert not snapshot.is_stale
    pairs = {
        frozenset((e["source"], e["target"])): e["statements"] for e in snapshot.payload["edges"]
    }
    pair = frozenset((archive.members[0].slug, archive.members[1].slug))
    assert pairs[pair] == co_signed(archive, *pair) + 1


def test_the_network_page_changes_when_the_map_is_computed(
    client, archive, django_capture_on_commit_callbacks
):
    path = f"/en/organisations/{archive.network.slug}/"
    assert "being computed" in client.get(path).content.decode()
    assert "being computed" in client.get(path).content.decode()  # from the page cache
    with django_capture_on_commit_callbacks(execute=True):
        services.network_graph_compute(network=archive.network)
    page = client.get(path).content.decode()
    assert "being computed" not in page
    assert 'id="insights-map"' in page
    assert "Map computed on" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_page_shows_growth_and_networks_of_signatories(client, archive, language):
    statement = max(archive.statements, key=lambda s: len(archive.statements[s][2]))
    signatories = list(statement.signatories.all())
    for i in range(3):
        Supporter.objects.create(
            statement=statement,
            name=f"P{i}",
            place="Gyumri",
            email=f"p{i}@example.am",
            language="en",
            confirmed_at=archive.statements[statement][0],
            counted_at=archive.statements[statement][0],
        )
    Supporter.objects.create(  # confirmed, not yet counted: not in the shown count either
        statement=statement,
        name="Q",
        place="Gyumri",
        email="q@example.am",
        language="en",
        confirmed_at=archive.statements[statement][0],
    )
    response = client.get(f"/{language}/statements/{statement.slug}/")
    assert response.status_code == 200
    rows = figure_table(response.content, "growth")
    per_day = Counter(s.signed_on for s in signatories)
    days = sorted(set(per_day) | {archive.statements[statement][0].astimezone(YEREVAN).date()})
    running, expected = 0, []
    for day in days:
        running += per_day.get(day, 0)
        expected.append(running)
    assert [int(row[1]) for row in rows] == expected
    assert int(rows[-1][1]) == len(signatories)
    assert int(rows[-1][2]) == 3

    members = {m.slug for m in archive.members}
    in_network = len(archive.statements[statement][2] & members)
    networks = {row[0]: int(row[1]) for row in figure_table(response.content, "networks")}
    assert networks == ({archive.network.name: in_network} if in_network else {})


def usual_co_signers_missing(archive, statement) -> dict[str, int]:
    signers = archive.statements[statement][2]
    names = {o.slug: o.name for o in [*archive.members, *archive.others, archive.network]}
    scores = Counter()
    for other, (_, _, other_signers) in archive.statements.items():
        if other == statement:
            continue
        for slug in other_signers - signers:
            scores[slug] += len(other_signers & signers)
    return {names[slug]: n for slug, n in scores.items() if n}


def test_usual_co_signers_who_have_not_signed_are_shown_to_staff_only(client, archive):
    statement = next(s for s, (_, _, signers) in archive.statements.items() if len(signers) == 3)
    path = f"/en/statements/{statement.slug}/"
    heading = "usually sign with these but have not signed this one"
    assert heading not in client.get(path).content.decode()

    staff = get_user_model().objects.create_user("coordinator", is_staff=True)
    staff_client = type(client)()
    staff_client.force_login(staff)
    page = staff_client.get(path).content.decode()
    assert heading in page
    section = page.split(heading, 1)[1].split("</table>", 1)[0]
    expected = usual_co_signers_missing(archive, statement)
    shown = figure_rows(section)
    assert shown
    for name, n in shown.items():
        assert expected[name] == n
    assert min(shown.values()) >= max(
        (n for name, n in expected.items() if name not in shown), default=0
    )
    # The cached page for anonymous readers still has no trace of it.
    assert heading not in client.get(path).content.decode()
    reader = get_user_model().objects.create_user("reader")
    client.force_login(reader)
    assert heading not in client.get(path).content.decode()


def figure_rows(section: str) -> dict[str, int]:
    table = figure_table(
        f'<section class="insight-chart" id="insights-x"><tbody>{section.split("<tbody>", 1)[1]}'
        "</tbody></section>",
        "x",
    )
    return {row[0]: int(row[1]) for row in table}


@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_counts_statements_per_month_and_category_with_filters(client, archive, language):
    services.overview_compute()
    category = archive.categories[1]
    for query, keep in (
        ("", lambda moment, cats: True),
        ("?year=2022", lambda moment, cats: local_year(moment) == 2022),
        (f"?category={category.slug}", lambda moment, cats: category.slug in cats),
        (
            f"?year=2021&category={category.slug}",
            lambda moment, cats: local_year(moment) == 2021 and category.slug in cats,
        ),
    ):
        response = client.get(f"/{language}/insights/{query}")
        assert response.status_code == 200
        kept = [(m, cats, s) for m, cats, s in archive.statements.values() if keep(m, cats)]
        per_month = Counter(m.astimezone(YEREVAN).strftime("%Y-%m") for m, _, _ in kept)
        reader = csv.reader(
            io.StringIO(
                client.get(f"/{language}/insights/months.csv{query}").content.decode("utf-8-sig")
            )
        )
        rows = list(reader)[1:]
        assert {month: int(n) for month, n in rows if int(n)} == dict(per_month)
        table = figure_table(response.content, "months")
        assert sum(int(row[1]) for row in table) == len(kept)

        by_category = Counter((local_year(m), c) for m, cats, _ in kept for c in cats)
        used = sorted(
            (c for c in archive.categories if any(k[1] == c.slug for k in by_category)),
            key=lambda c: c.name_en,
        )
        for row in figure_table(response.content, "categories"):
            assert [int(n) for n in row[1:]] == [
                by_category.get((int(row[0]), c.slug), 0) for c in used
            ]

        joint = Counter(slug for _, _, signers in kept if len(signers) >= 2 for slug in signers)
        names = {o.name: o.slug for o in [*archive.members, *archive.others, archive.network]}
        for name, n in figure_table(response.content, "co-signers"):
            assert joint[names[name]] == int(n)


def test_overview_explains_a_filter_it_cannot_use(client, archive):
    services.overview_compute()
    response = client.get("/hy/insights/?year=1890&category=nope")
    assert response.status_code == 200
    page = response.content.decode()
    assert "1890" in page
    assert "nope" in page
    assert 'role="status"' in page
    # The charts then show the whole archive.
    assert sum(int(r[1]) for r in figure_table(response.content, "months")) == len(
        archive.statements
    )


def test_every_chart_has_an_accessible_name_a_summary_a_table_and_a_csv(client, archive):
    services.network_graph_compute(network=archive.network)
    page = client.get(f"/ru/organisations/{archive.network.slug}/").content.decode()
    for chart in ("years", "co-signers", "members", "subjects", "map"):
        figure = page.split(f'id="insights-{chart}"', 1)[1].split("</section>", 1)[0]
        assert 'role="img"' in figure
        assert f'aria-labelledby="insights-{chart}-title' in figure
        assert "<desc" in figure
        assert "<table>" in figure
        assert "<details" in figure
        assert "style=" not in figure
        assert "<script" not in figure
        response = client.get(f"/ru/insights/organisations/{archive.network.slug}/{chart}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(lines) - 1 == len(figure_table(page, chart))
    assert (
        client.get(f"/ru/insights/organisations/{archive.network.slug}/nope.csv").status_code == 404
    )


def test_csv_cells_that_look_like_formulas_are_neutralised(client, db):
    network = factories.OrganizationFactory(kind="network")
    a = factories.OrganizationFactory(name="=HYPERLINK(1)")
    b = factories.OrganizationFactory(name="Plain")
    statement = factories.StatementFactory()
    for organization in (a, b):
        factories.SignatoryFactory(statement=statement, organization=organization)
        factories.MembershipFactory(network=network, member=organization)
    body = client.get(f"/en/insights/organisations/{b.slug}/co-signers.csv").content.decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK(1)" in body


def test_overview_shows_the_last_computed_figures_and_renews_when_recomputed(
    client, archive, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get("/en/insights/").content.decode()
    assert "being computed" in page
    assert 'id="insights-months"' not in page

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.INSIGHTS_DEBOUNCE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        services.overview_compute()
    total = sum(int(r[1]) for r in figure_table(client.get("/en/insights/").content, "months"))
    assert total == len(archive.statements)

    # A new statement in the archive: the worker's task computes the figures again, after the
    # commit, and the cached page gives way to the new figures.
    with django_capture_on_commit_callbacks(execute=True):
        statement = factories.StatementFactory()
        factories.SignatoryFactory(statement=statement, organization=archive.members[0])
    page = client.get("/en/insights/")
    assert sum(int(r[1]) for r in figure_table(page.content, "months")) == total + 1
    assert "being computed" not in page.content.decode()


def test_the_worker_computes_maps_of_networks_loaded_without_signals(db):
    from undersigned.insights.models import NetworkSnapshot
    from undersigned.organizations.models import Membership
    from undersigned.signatures.models import Signatory

    network = factories.OrganizationFactory(kind="coalition")
    a, b = factories.OrganizationFactory(), factories.OrganizationFactory()
    statement = factories.StatementFactory()
    Membership.objects.bulk_create([Membership(network=network, member=m) for m in (a, b)])
    Signatory.objects.bulk_create([Signatory(statement=statement, organization=m) for m in (a, b)])
    assert not NetworkSnapshot.objects.filter(network=network).exists()

    assert services.insights_compute_due() >= 1
    payload = NetworkSnapshot.objects.get(network=network).payload
    assert payload["pairs"] == 1
    assert payload["edges"] == [{"source": a.slug, "target": b.slug, "statements": 1}] or payload[
        "edges"
    ] == [{"source": b.slug, "target": a.slug, "statements": 1}]
    assert services.insights_compute_due() == 0  # nothing changed since
