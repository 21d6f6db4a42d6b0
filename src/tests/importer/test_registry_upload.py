from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import coordinator_create
from undersigned.organizations.models import Organization

URL = "/en/staff/import/registry/"
CSV = """slug,name,name_hy,name_ru,aliases,website,kind,city
lori-forum,Lori Civic Forum,Լոռու քաղաքացիական ֆորում,,LCF,https://lori.example,ngo,Vanadzor
river-network,Debed River Network,,,,,network,
"""


def test_the_back_office_loads_the_registry_after_showing_what_would_change(client, db):
    Organization.objects.create(name="Debed River Network", slug="debed-rivers")
    client.force_login(coordinator_create())
    response = client.post(URL, {"upload": SimpleUploadedFile("registry.csv", CSV.encode())})
    page = response.content.decode()
    assert response.status_code == 200
    assert "lori-forum, river-network" in page
    assert "looks like “Debed River Network” (debed-rivers)" in page
    assert Organization.objects.count() == 1  # a dry run first

    response = client.post(URL, {"text": CSV, "apply": "1"})

    assert response.status_code == 302
    lori = Organization.objects.get(slug="lori-forum")
    assert (lori.name_hy, lori.city, lori.aliases.get().name) == (
        "Լոռու քաղաքացիական ֆորում",
        "Vanadzor",
        "LCF",
    )


def test_a_file_with_a_bad_row_is_reported_and_changes_nothing(client, db):
    client.force_login(coordinator_create())
    bad = CSV.replace(",ngo,", ",charity,")
    response = client.post(URL, {"text": bad, "apply": "1"})
    assert "Unknown kind “charity”" in response.content.decode()
    assert not Organization.objects.exists()
    response = client.post(URL, {"upload": SimpleUploadedFile("r.csv", b"name\nA\n")})
    assert "The file lacks the column(s): slug." in response.content.decode()
