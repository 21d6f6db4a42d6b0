"""The coordinators' dashboard: tabs, trust signals, approve, reject, bulk, attach, auto-approve."""

import pytest

from undersigned.core.models import AuditEntry
from undersigned.signatures import services
from undersigned.signatures.models import Signatory, SignOnRequest, SignOnToken

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


def dashboard_url(statement, status=""):
    url = f"/en/staff/statements/{statement.slug}/signatures/"
    return f"{url}?status={status}" if status else url


def test_the_dashboard_is_for_staff_only(client, open_statement, django_user_model):
    assert client.get(dashboard_url(open_statement)).status_code == 302
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(dashboard_url(open_statement)).status_code == 302
    assert client.post(f"{dashboard_url(open_statement)}1/approve/").status_code == 302


def test_tabs_show_the_count_of_each_state(staff_client, open_statement, sign_on_factory):
    for status, count in [("pending", 3), ("approved", 0), ("rejected", 2), ("withdrawn", 1)]:
        for _ in range(count):
            sign_on_factory(statement=open_statement, status=status)
    html = staff_client.get(dashboard_url(open_statement)).content.decode()
    assert 'aria-current="page">Pending <span class="count">(3)</span>' in html
    assert 'Rejected <span class="count">(2)</span>' in html
    assert 'Withdrawn <span class="count">(1)</span>' in html
    rejected = staff_client.get(dashboard_url(open_statement, "rejected")).content.decode()
    assert rejected.count('class="signon-request"') == 2


def test_the_staff_index_lists_statements_with_pending_counts(
    staff_client, open_statement, sign_on_factory, statement_factory, signatory_factory
):
    sign_on_factory.create_batch(2, statement=open_statement)
    signatory_factory.create_batch(3, statement=open_statement)  # joined rows must not multiply
    statement_factory(open_for_joining=False)  # takes no signatures: not listed
    html = staff_client.get("/en/staff/statements/").content.decode()
    assert f'href="/en/staff/statements/{open_statement.slug}/signatures/"' in html
    assert "<strong>2</strong>" in html
    assert "<td>3</td>" in html
    assert html.count('<th scope="row">') == 1


def test_trust_signals_are_shown_for_each_request(
    staff_client,
    open_statement,
    sign_on_factory,
    organization_factory,
    statement_factory,
    coordinator,
):
    registered = organization_factory(
        name="Armenian Lawyers' Association", email_domains="lawyers.example.am"
    )
    by_website = organization_factory(
        name="Journalists for the Future", website="https://www.jff.example.am/"
    )
    earlier = sign_on_factory(
        statement=statement_factory(open_for_joining=True),
        organization=registered,
        contact_email="karen@lawyers.example.am",
    )
    services.sign_on_approve(sign_on=earlier, by=coordinator)
    sign_on_factory(
        statement=open_statement, organization=registered, contact_email="karen@lawyers.example.am"
    )
    sign_on_factory(
        statement=open_statement, organization=by_website, contact_email="ani@jff.example.am"
    )
    sign_on_factory(
        statement=open_statement,
        organization=None,
        organization_name="Armenian Lawyers Association",
        contact_email="someone@gmail.example.com",
    )
    html = staff_client.get(dashboard_url(open_statement)).content.decode()
    assert "Email domain is one the organisation registered" in html
    assert "Email domain matches the organisation's website" in html
    assert "(gmail.example.com) matches neither" in html
    assert "This contact signed 1 other statement before" in html
    assert "Organisation is not in the registry" in html
    assert "Similar names in the registry:" in html
    assert "It is this one" in html


def test_approving_puts_the_organisation_on_the_public_list_at_once(
    staff_client, client, open_statement, sign_on_factory, django_assert_max_num_queries
):
    sign_on = sign_on_factory(statement=open_statement)
    public = f"/en/statements/{open_statement.slug}/"
    assert sign_on.organization.name not in client.get(public).content.decode()
    response = staff_client.post(f"{dashboard_url(open_statement)}{sign_on.pk}/approve/")
    assert response.status_code == 302
    sign_on.refresh_from_db()
    assert sign_on.status == "approved"
    assert sign_on.signatory.version == sign_on.version
    staff_client.logout()
    assert sign_on.organization.name in staff_client.get(public).content.decode()


def test_approving_an_unconfirmed_request_is_refused(staff_client, open_statement, sign_on_factory):
    sign_on = sign_on_factory(statement=open_statement, status="unconfirmed", confirmed_at=None)
    response = staff_client.post(
        f"{dashboard_url(open_statement)}{sign_on.pk}/approve/", follow=True
    )
    assert "this step no longer applies" in response.content.decode()
    assert not Signatory.objects.exists()


def test_approving_a_new_organisation_registers_it_for_review(
    staff_client, open_statement, sign_on_factory
):
    sign_on = sign_on_factory(
        statement=open_statement,
        organization=None,
        organization_name="Goris Press Club",
        proposed_kind="ngo",
        proposed_website="https://gorispress.example.am",
        proposed_city="Goris",
    )
    staff_client.post(f"{dashboard_url(open_statement)}{sign_on.pk}/approve/")
    sign_on.refresh_from_db()
    organization = sign_on.organization
    assert (organization.name, organization.city, organization.needs_review) == (
        "Goris Press Club",
        "Goris",
        True,
    )
    assert organization.website == "https://gorispress.example.am"


def test_a_second_request_for_the_same_organisation_joins_its_line_and_is_shown(
    staff_client, open_statement, sign_on_factory, coordinator
):
    first = sign_on_factory(statement=open_statement)
    services.sign_on_approve(sign_on=first, by=coordinator)
    second = sign_on_factory(
        statement=open_statement, organization=first.organization, status="unconfirmed"
    )
    token = services.token_issue(sign_on=second, purpose=SignOnToken.Purpose.CONFIRM)
    services.sign_on_confirm(token=token)
    second.refresh_from_db()
    assert second.status == "pending"
    assert second.signatory_id == Signatory.objects.get().pk
    html = staff_client.get(dashboard_url(open_statement)).content.decode()
    assert "on the list already: approving adds this contact to its line" in html

    staff_client.post(f"{dashboard_url(open_statement)}{second.pk}/approve/")
    second.refresh_from_db()
    assert second.joined_existing
    assert Signatory.objects.count() == 1
    approved = staff_client.get(dashboard_url(open_statement, "approved")).content.decode()
    assert "Joined the line another request had put on the list" in approved


def test_reject_with_a_reason_can_mail_the_signer(
    staff_client,
    open_statement,
    sign_on_factory,
    mail_over_smtp,
    django_capture_on_commit_callbacks,
):
    sign_on = sign_on_factory(statement=open_statement, contact_email="ani@example.am")
    url = f"{dashboard_url(open_statement)}{sign_on.pk}/reject/"
    staff_client.post(url, {"reason": ""})
    sign_on.refresh_from_db()
    assert sign_on.status == "pending"  # a reason is required

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"reason": "We could not reach the organisation.", "notify": "on"})
    sign_on.refresh_from_db()
    assert (sign_on.status, sign_on.reason) == ("rejected", "We could not reach the organisation.")
    [message] = mail_over_smtp.wait_for(1)
    assert message["To"] == "ani@example.am"
    assert "We could not reach the organisation." in message.get_body(("plain",)).get_content()
    assert AuditEntry.objects.get(action="signon.reject").details["notified"] is True


def test_reject_without_notice_sends_nothing(
    staff_client,
    open_statement,
    sign_on_factory,
    mail_over_smtp,
    django_capture_on_commit_callbacks,
):
    sign_on = sign_on_factory(statement=open_statement)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            f"{dashboard_url(open_statement)}{sign_on.pk}/reject/", {"reason": "Duplicate"}
        )
    assert mail_over_smtp.messages == []


def test_bulk_approve_approves_the_ticked_pending_requests(
    staff_client, open_statement, sign_on_factory
):
    ticked = sign_on_factory.create_batch(3, statement=open_statement)
    left = sign_on_factory(statement=open_statement)
    response = staff_client.post(
        f"{dashboard_url(open_statement)}approve/", {"requests": [s.pk for s in ticked]}
    )
    assert response.status_code == 302
    assert Signatory.objects.filter(statement=open_statement).count() == 3
    left.refresh_from_db()
    assert left.status == "pending"


def test_attach_makes_a_new_organisation_request_stand_for_a_registry_record(
    staff_client, open_statement, sign_on_factory, organization_factory
):
    existing = organization_factory(name="Goris Press Club")
    sign_on = sign_on_factory(
        statement=open_statement, organization=None, organization_name="Goris Press-Club NGO"
    )
    url = f"{dashboard_url(open_statement)}{sign_on.pk}/attach/"
    staff_client.post(url, {"organization_name": "goris press club"})
    sign_on.refresh_from_db()
    assert sign_on.organization == existing
    staff_client.post(f"{dashboard_url(open_statement)}{sign_on.pk}/approve/")
    assert Signatory.objects.get().organization == existing
    entry = AuditEntry.objects.get(action="signon.attach")
    assert entry.details["name_given"] == "Goris Press-Club NGO"


def test_attach_to_an_unknown_name_says_so(staff_client, open_statement, sign_on_factory):
    sign_on = sign_on_factory(statement=open_statement, organization=None)
    response = staff_client.post(
        f"{dashboard_url(open_statement)}{sign_on.pk}/attach/",
        {"organization_name": "Nobody"},
        follow=True,
    )
    assert "No organisation in the registry has this name." in response.content.decode()


def test_auto_approve_applies_only_to_registered_domains(
    staff_client, open_statement, sign_on_factory, organization_factory
):
    staff_client.post(f"{dashboard_url(open_statement)}auto-approve/", {"enabled": "on"})
    open_statement.refresh_from_db()
    assert open_statement.signon_auto_approve
    assert AuditEntry.objects.filter(action="statement.signon_auto_approve").exists()

    organization = organization_factory(email_domains="pink.example.am, pinkarmenia.example.org")
    matching, foreign, new = (
        sign_on_factory(
            statement=open_statement,
            organization=org,
            contact_email=email,
            status="unconfirmed",
            confirmed_at=None,
        )
        for org, email in [
            (organization, "mamikon@pinkarmenia.example.org"),
            (organization, "mamikon@gmail.example.com"),
            (None, "someone@pink.example.am"),
        ]
    )
    for sign_on in (matching, foreign, new):
        token = services.token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.CONFIRM)
        services.sign_on_confirm(token=token)
        sign_on.refresh_from_db()
    assert matching.status == "approved"
    assert foreign.status == "pending"
    assert new.status == "pending"
    entry = AuditEntry.objects.get(action="signon.approve")
    assert entry.details["automatic"] is True
    assert entry.actor is None


def test_the_history_shows_who_did_what(staff_client, open_statement, sign_on_factory, coordinator):
    sign_on = sign_on_factory(statement=open_statement)
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    coordinator.first_name, coordinator.last_name = "Anna", "Petrosyan"
    coordinator.save()
    html = staff_client.get(dashboard_url(open_statement)).content.decode()
    organization = sign_on.organization
    assert (
        f'Anna Petrosyan approved the sign-on of <a href="{organization.get_absolute_url()}">'
        f'{organization.local_name}</a> to <a href="{dashboard_url(open_statement)}">'
        f"{open_statement}</a>."
    ) in html
    assert "signon.approve" not in html  # words, not the code
    assert "joined_existing" not in html


def test_remove_from_the_dashboard_needs_a_reason_and_covers_imported_lines(
    staff_client, open_statement, signatory_factory
):
    imported = signatory_factory(statement=open_statement)
    page = staff_client.get(dashboard_url(open_statement, "approved")).content.decode()
    assert "On the list without a sign-on request" in page
    url = f"/en/staff/statements/{open_statement.slug}/signatories/{imported.pk}/remove/"
    staff_client.post(url, {"reason": ""})
    assert Signatory.objects.filter(pk=imported.pk).exists()
    staff_client.post(url, {"reason": "Signed by mistake"})
    assert not Signatory.objects.filter(pk=imported.pk).exists()
    assert AuditEntry.objects.get(action="signatory.remove").details["reason"] == (
        "Signed by mistake"
    )


def test_dashboard_shows_contact_data_only_to_staff(staff_client, open_statement, sign_on_factory):
    sign_on_factory(statement=open_statement, contact_email="ani@example.am")
    assert "ani@example.am" in staff_client.get(dashboard_url(open_statement)).content.decode()
    assert SignOnRequest.objects.count() == 1
