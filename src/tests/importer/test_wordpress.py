"""WordPress exports: read item by item, imported into a batch nobody sees until it is accepted."""

import json
import re
from io import BytesIO, StringIO

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from tests.factories import coordinator_create
from undersigned.engagement.models import Comment
from undersigned.importer.models import ImportBatch, ImportedName
from undersigned.importer.services import (
    BatchClosed,
    import_batch_accept,
    import_batch_discard,
    import_name_change,
    import_wordpress,
)
from undersigned.importer.wordpress import WordpressError, wordpress_items
from undersigned.organizations.models import Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement

# A fictional site. The first post is written in the block editor, the second in the classic
# editor; the rest are what an export holds besides posts.
GUTENBERG = """<!-- wp:paragraph -->
<p>The undersigned organisations ask the city council of Dilijan to keep the old park open.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>The park is the only green space within walking distance for three schools [1].</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2>Signatories</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>Dilijan Green Club</li><li>Tavush Civic Forum NGO</li><li>Mountain Schools Union</li></ul>
<!-- /wp:list -->

<!-- wp:paragraph -->
<p>[1] https://example.org/park-survey</p>
<!-- /wp:paragraph -->"""

CLASSIC = """We, the organisations below, call on the regional administration of Syunik
to publish the water quality measurements of the last five years.

Residents have asked for these measurements since the spring and have received no answer.

Signatories:

Syunik Water Watch

Goris Youth Centre"""


def _item(
    *,
    post_id: int,
    title: str,
    content: str = "",
    post_type: str = "post",
    status: str = "publish",
    date: str = "2021-05-04 10:30:00",
    date_gmt: str = "2021-05-04 06:30:00",
    terms: str = "",
    comments: str = "",
    password: str = "",
) -> str:
    return f"""<item>
    <title><![CDATA[{title}]]></title>
    <link>https://parks.example/?p={post_id}</link>
    <dc:creator><![CDATA[anna]]></dc:creator>
    <guid isPermaLink="false">https://parks.example/?p={post_id}</guid>
    <content:encoded><![CDATA[{content}]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date><![CDATA[{date}]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
    <wp:status><![CDATA[{status}]]></wp:status>
    <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
    <wp:post_password><![CDATA[{password}]]></wp:post_password>
    {terms}{comments}
  </item>"""


def _comment(comment_id: int, author: str, approved: str, body: str, parent: int = 0) -> str:
    return f"""<wp:comment>
      <wp:comment_id>{comment_id}</wp:comment_id>
      <wp:comment_author><![CDATA[{author}]]></wp:comment_author>
      <wp:comment_author_email>{author.split()[0].lower()}@mail.example</wp:comment_author_email>
      <wp:comment_date><![CDATA[2021-05-05 09:00:00]]></wp:comment_date>
      <wp:comment_date_gmt><![CDATA[2021-05-05 05:00:00]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[{body}]]></wp:comment_content>
      <wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>{parent}</wp:comment_parent>
    </wp:comment>"""


def export(version: str = "1.2") -> bytes:
    terms = (
        '<category domain="category" nicename="environment"><![CDATA[Environment]]></category>'
        '<category domain="category" nicename="cities"><![CDATA[Cities]]></category>'
        '<category domain="post_tag" nicename="parks"><![CDATA[parks]]></category>'
    )
    comments = (
        _comment(11, "Aram Petrosyan", "1", "We support this appeal.")
        + _comment(12, "Lilit Hakobyan", "1", "So do we.", parent=11)
        + _comment(13, "Gor Sargsyan", "0", "When will the council answer?")
        + _comment(14, "Cheap Pills", "spam", "Buy now")
        + _comment(15, "Old Reader", "trash", "Deleted remark")
    )
    items = [
        _item(
            post_id=1,
            title="Keep the Dilijan park open",
            content=GUTENBERG,
            terms=terms,
            comments=comments,
        ),
        _item(
            post_id=2,
            title="Publish the water measurements of Syunik",
            content=CLASSIC,
            date="2022-11-20 18:00:00",
            date_gmt="2022-11-20 14:00:00",
            terms='<category domain="category" nicename="environment">Environment</category>',
        ),
        _item(
            post_id=3,
            title="An unfinished appeal",
            content="Not ready.",
            status="draft",
            date_gmt="0000-00-00 00:00:00",
        ),
        _item(post_id=4, title="Internal note", content="For members.", status="private"),
        _item(post_id=5, title="Contact", content="Write to us.", post_type="page"),
        _item(post_id=6, title="park-photo", post_type="attachment", status="inherit"),
        _item(post_id=7, title="Home", post_type="nav_menu_item"),
    ]
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Parks and Water Network</title>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:author><wp:author_login>anna</wp:author_login>
    <wp:author_email>anna@parks.example</wp:author_email>
    <wp:author_display_name><![CDATA[Anna Grigoryan]]></wp:author_display_name></wp:author>
  {"".join(items)}
</channel>
</rss>""".encode()


def read(data: bytes) -> list[dict]:
    return [item.as_json() for item in wordpress_items(BytesIO(data))]


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_every_item_is_read_as_a_statement_or_skipped_with_its_reason(version):
    rows = read(export(version))
    assert [(r["kind"], r["title"]) for r in rows][:2] == [
        ("statement", "Keep the Dilijan park open"),
        ("statement", "Publish the water measurements of Syunik"),
    ]
    park, water = rows[0], rows[1]
    assert park["date"] == "2021-05-04"
    assert park["categories"] == ["Environment", "Cities"]
    assert park["tags"] == ["parks"]
    assert park["author"] == "Anna Grigoryan"
    assert park["source"] == "https://parks.example/?p=1"
    assert park["signatories"] == [
        "Dilijan Green Club",
        "Tavush Civic Forum NGO",
        "Mountain Schools Union",
    ]
    assert park["body"].startswith("The undersigned organisations ask the city council")
    assert park["body"].rstrip().endswith("three schools [1].")
    assert park["footnotes"] == ["[1] https://example.org/park-survey"]
    # Spam and trash are dropped; the commenters' emails appear nowhere.
    assert [(c["author"], c["status"]) for c in park["comments"]] == [
        ("Aram Petrosyan", "approved"),
        ("Lilit Hakobyan", "approved"),
        ("Gor Sargsyan", "pending"),
    ]
    assert park["comments"][0]["date"].startswith("2021-05-05T05:00:00")
    assert "mail.example" not in json.dumps(rows)
    assert water["date"] == "2022-11-20"
    assert water["signatories"] == ["Syunik Water Watch", "Goris Youth Centre"]
    assert water["body"].startswith("We, the organisations below, call on")
    assert water["body"].rstrip().endswith("have received no answer.")
    skipped = {r["title"]: r["reason"] for r in rows if r["kind"] == "skipped"}
    assert skipped == {
        "An unfinished appeal": "a draft, never published",
        "Internal note": "private on WordPress",
        "Contact": "a page, not a post",
        "park-photo": "an attachment (a media file), not a post",
        "Home": "a menu item, not a post",
    }


def test_a_file_that_is_not_an_export_is_refused_with_a_reason():
    with pytest.raises(WordpressError, match="not a WordPress export"):
        read(b"<rss><channel><item><title>cut off")
    with pytest.raises(WordpressError, match="no RSS channel"):
        read(b"<html><body>a page</body></html>")


def _public_pages(client) -> dict[str, bytes]:
    pages = {}
    for url in (
        "/en/statements/",
        "/hy/statements/",
        "/en/organisations/",
        "/en/newsletter/",
        "/sitemap.xml",
        "/api/v1/categories/",
        "/api/v1/organizations/",
        "/api/v1/statements/",
        "/en/statements/categories/",
        "/en/statements/feed.rss",
        "/en/search/?q=park",
        "/en/insights/",
        "/en/sign-on/organisations.json?q=Tavush",
    ):
        cache.clear()  # render afresh: a cached page would hide a change
        response = client.get(url)
        assert response.status_code == 200, url
        # Only what changes on every request goes: the form token, an empty feed's build time.
        pages[url] = re.sub(
            rb'name="csrfmiddlewaretoken" value="[^"]*"|<lastBuildDate>[^<]*</lastBuildDate>',
            b"",
            response.content,
        )
    return pages


def test_nothing_is_public_until_the_batch_is_accepted_and_importing_twice_changes_nothing(
    client, organization_factory, open_statement
):
    organization_factory(name="Dilijan Green Club", slug="dilijan-green-club")
    coordinator = coordinator_create()
    before = _public_pages(client)

    result = import_wordpress(source=BytesIO(export()), name="parks.xml", by=coordinator)

    assert _public_pages(client) == before
    batch = result.batch
    assert batch is not None
    assert batch.status == ImportBatch.Status.PENDING
    created = [Statement.objects.get(pk=pk) for pk in result.created]
    assert [s.translation().title for s in created] == [
        "Keep the Dilijan park open",
        "Publish the water measurements of Syunik",
    ]
    assert {s.status for s in created} == {Statement.Status.DRAFT}
    assert len(batch.skipped) == 5
    assert set(batch.new_categories.values_list("name_en", flat=True)) == {"Environment", "Cities"}
    park = created[0]
    assert [s.organization.name for s in park.signatories.order_by("position")] == [
        "Dilijan Green Club",
        "Tavush Civic Forum NGO",
        "Mountain Schools Union",
    ]
    assert not Comment.objects.exists()
    tavush = Organization.objects.get(name="Tavush Civic Forum NGO")
    assert client.get(f"/en/organisations/{tavush.slug}/").status_code == 404
    counts = (Statement.objects.count(), Organization.objects.count(), Category.objects.count())

    again = import_wordpress(source=BytesIO(export()), name="parks.xml", by=coordinator)

    assert again.batch is None
    assert again.already == 2
    assert (Statement.objects.count(), Organization.objects.count(), Category.objects.count()) == (
        counts
    )

    import_batch_accept(batch=batch, by=coordinator)

    park.refresh_from_db()
    assert park.status == Statement.Status.PUBLISHED
    assert park.published_at.isoformat() == "2021-05-04T06:30:00+00:00"
    assert not Organization.objects.filter(is_public=False).exists()
    assert not Category.objects.filter(is_public=False).exists()
    assert list(park.comments.published().values_list("name", flat=True)) == [
        "Aram Petrosyan",
        "Lilit Hakobyan",
    ]
    assert park.comments.get(name="Lilit Hakobyan").parent.name == "Aram Petrosyan"
    assert list(park.comments.awaiting_moderation().values_list("name", flat=True)) == [
        "Gor Sargsyan"
    ]
    after = _public_pages(client)
    assert b"Keep the Dilijan park open" in after["/en/statements/"]
    assert b"Tavush Civic Forum NGO" in after["/en/organisations/"]
    assert b"Cities" in after["/en/newsletter/"]
    assert b"Tavush Civic Forum NGO" in after["/en/sign-on/organisations.json?q=Tavush"]


def test_discarding_a_batch_removes_all_it_brought(db, organization_factory):
    known = organization_factory(name="Dilijan Green Club")
    coordinator = coordinator_create()
    result = import_wordpress(source=BytesIO(export()), name="parks.xml", by=coordinator)

    import_batch_discard(batch=result.batch, by=coordinator)

    assert not Statement.objects.exists()
    assert list(Organization.objects.all()) == [known]
    assert not Category.objects.exists()
    # A discarded batch leaves no trace that would stop the file being imported again.
    assert import_wordpress(source=BytesIO(export()), name="parks.xml", by=coordinator).batch


def test_the_coordinator_reviews_lines_and_names_categories_before_accepting(
    client, organization_factory
):
    organization_factory(name="Dilijan Green Club")
    coordinator = coordinator_create()
    result = import_wordpress(source=BytesIO(export()), name="parks.xml", by=coordinator)
    batch = result.batch
    client.force_login(coordinator)
    url = f"/en/staff/import/batches/{batch.pk}/"
    page = client.get(url).content.decode()
    assert "Tavush Civic Forum NGO" in page
    assert "new organisation" in page
    assert "same as “Dilijan Green Club”" in page

    [tavush, schools] = ImportedName.objects.filter(
        printed_name__in=["Tavush Civic Forum NGO", "Mountain Schools Union"]
    ).order_by("position")
    # Merge one new name into another, and say a line is no organisation at all.
    response = client.post(
        url,
        {"line": schools.pk, f"choice-{schools.pk}": f"org:{tavush.organization.slug}"},
    )
    assert response.status_code == 302
    water = ImportedName.objects.get(printed_name="Goris Youth Centre")
    client.post(url, {"line": water.pk, f"choice-{water.pk}": "none"})
    environment = Category.objects.get(slug="environment")
    client.post(
        url,
        {
            "categories": "1",
            f"category-{environment.pk}-hy": "Շրջակա միջավայր",
            f"category-{environment.pk}-ru": "Окружающая среда",
        },
    )
    response = client.post(url, {"accept": "1"})

    assert response.status_code == 302
    park = Statement.objects.get(pk=result.created[0])
    assert [s.organization.name for s in park.signatories.order_by("position")] == [
        "Dilijan Green Club",
        "Tavush Civic Forum NGO",
    ]
    assert not Organization.objects.filter(name="Mountain Schools Union").exists()
    assert not Signatory.objects.filter(organization__name="Goris Youth Centre").exists()
    environment.refresh_from_db()
    assert (environment.name_hy, environment.name_ru) == ("Շրջակա միջավայր", "Окружающая среда")
    with pytest.raises(BatchClosed):
        import_name_change(name=water, organization=None, by=coordinator)


def test_an_export_uploaded_in_the_back_office_becomes_a_batch(client, db):
    client.force_login(coordinator_create())
    response = client.post(
        "/en/staff/import/",
        {"upload": SimpleUploadedFile("parks.xml", export()), "language": "en"},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == f"/en/staff/import/batches/{batch.pk}/"
    assert batch.records.count() == 2
    broken = client.post(
        "/en/staff/import/",
        {"upload": SimpleUploadedFile("cut.xml", export()[:900]), "language": "en"},
    )
    assert broken.status_code == 200
    assert "not a WordPress export that can be read" in broken.content.decode()
    assert ImportBatch.objects.count() == 1


def test_the_command_prints_the_dry_run_as_json_and_imports_once(tmp_path, db):
    path = tmp_path / "parks.wordpress.xml"
    path.write_bytes(export())
    out = StringIO()
    call_command("import", str(path), "--dry-run", "--json", stdout=out, stderr=StringIO())
    rows = json.loads(out.getvalue())
    assert [r["kind"] for r in rows] == ["statement"] * 2 + ["skipped"] * 5
    assert not Statement.objects.exists()

    call_command("import", str(path), stdout=StringIO(), stderr=StringIO())
    call_command("import", str(path), stdout=StringIO(), stderr=StringIO())
    assert Statement.objects.count() == 2
    assert ImportBatch.objects.count() == 1

    bad = tmp_path / "bad.xml"
    bad.write_bytes(export()[:700])
    with pytest.raises(CommandError):
        call_command("import", str(bad), stdout=StringIO(), stderr=StringIO())


def test_the_sample_export_imports_its_published_posts_and_skips_the_rest(samples_dir):
    with (samples_dir / "wordpress-export.xml").open("rb") as source:
        rows = [item.as_json() for item in wordpress_items(source)]
    statements = [r for r in rows if r["kind"] == "statement"]
    reasons = [r["reason"] for r in rows if r["kind"] == "skipped"]
    assert len(statements) == 10
    assert sorted(reasons) == sorted(
        [
            "a draft, never published",
            "private on WordPress",
            "in WordPress's trash",
            "a page, not a post",
            "an attachment (a media file), not a post",
        ]
    )
    assert all(r["date"] and r["title"] and r["source"] for r in statements)
    # One post lists its signatories in a sentence ("Signed by: A, B and C."), which the page
    # parser's extraction is still to learn; every other one is read.
    assert sum(1 for r in statements if r["signatories"]) >= 9
    assert any(c["status"] == "pending" for r in statements for c in r["comments"])
    assert "@" not in json.dumps([r["comments"] for r in statements])
