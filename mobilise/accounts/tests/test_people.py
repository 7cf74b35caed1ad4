"""Invitations, roles and removal: the services and the admin's pages."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mobilise.accounts.models import ApiToken, Invitation, Membership, Role, User
from mobilise.accounts.services import AccountError, issue_token, people
from mobilise.accounts.tests.factories import MembershipFactory, UserFactory
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, field_error, page, text


def working_in(client) -> str:
    """The organisation the home page says one is working in."""
    return text(page(client.get("/")).select_one("h1"))


pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "library-evidence-2026"


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", message.body).group(1)


def test_an_invitation_is_sent_by_email_with_a_link_that_works_once(client, admin):
    client.force_login(admin.user)
    response = client.post(
        "/organisation/people/invite/", {"email": "Sam.Jones@NHS.net", "role": "facilitator"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "sam.jones@nhs.net" and invitation.role == Role.FACILITATOR
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam.jones@nhs.net"]
    assert admin.organisation.name in mail.outbox[0].subject
    link = link_in(mail.outbox[0])
    # Only a hash of the key is kept.
    assert link.split("/")[-2] not in invitation.key_hash

    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "Join Northshire NHS Trust" in page.content.decode()
    created = client.post(
        link,
        {
            "first_name": "Sam",
            "last_name": "Jones",
            "password": GOOD_PASSWORD,
            "password_again": GOOD_PASSWORD,
        },
    )
    assert created.status_code == 302
    user = User.objects.get(username="sam.jones@nhs.net")
    assert user.check_password(GOOD_PASSWORD) and user.get_full_name() == "Sam Jones"
    assert Membership.objects.get(user=user).role == Role.FACILITATOR
    assert working_in(client) == admin.organisation.name

    client.logout()
    again = client.get(link)
    assert again.status_code == 404 and "already been used" in again.content.decode()


def test_a_new_account_follows_the_password_rules_and_saves_nothing_when_refused(
    client, organisation
):
    _, key = people.invite(organisation, "new@nhs.net", Role.VIEWER, None)
    response = client.post(
        f"/accounts/invitation/{key}/",
        {"first_name": "", "last_name": "Lee", "password": "123", "password_again": "123"},
    )
    assert response.status_code == 200
    assert field_error(response, "id_first_name") == "Enter your first name"
    assert "too short" in field_error(response, "id_password")
    assert ("#id_first_name", "Enter your first name") in error_summary(response)
    assert "Error:" in response.content.decode().split("</title>")[0]
    mismatch = client.post(
        f"/accounts/invitation/{key}/",
        {"first_name": "A", "last_name": "Lee", "password": GOOD_PASSWORD, "password_again": "x"},
    )
    assert field_error(mismatch, "id_password_again") == "The passwords do not match"
    assert not User.objects.filter(email="new@nhs.net").exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_expired_or_withdrawn_invitation_does_not_work(client, organisation, admin):
    expired, expired_key = people.invite(organisation, "late@nhs.net", Role.VIEWER, None)
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(1))
    response = client.get(f"/accounts/invitation/{expired_key}/")
    assert response.status_code == 404 and "expired" in response.content.decode()

    withdrawn, key = people.invite(organisation, "gone@nhs.net", Role.VIEWER, None)
    client.force_login(admin.user)
    client.post(f"/organisation/people/invitations/{withdrawn.pk}/withdraw/")
    client.logout()
    assert "withdrawn" in client.get(f"/accounts/invitation/{key}/").content.decode()
    assert client.get("/accounts/invitation/not-a-key/").status_code == 404


def test_inviting_again_replaces_the_earlier_link(organisation):
    _, first = people.invite(organisation, "twice@nhs.net", Role.VIEWER, None)
    _, second = people.invite(organisation, "twice@nhs.net", Role.ADMIN, None)
    assert not people.find_invitation(first).is_pending
    assert people.find_invitation(second).is_pending


def test_a_member_cannot_be_invited_again(organisation, viewer):
    viewer.user.email = "viewer@nhs.net"
    viewer.user.save()
    with pytest.raises(AccountError, match="already a member"):
        people.invite(organisation, "VIEWER@nhs.net", Role.VIEWER, None)


def test_the_invite_form_names_the_bad_field(client, admin):
    client.force_login(admin.user)
    response = client.post("/organisation/people/invite/", {"email": "not an address"})
    assert (
        field_error(response, "id_email")
        == "Enter an email address in the correct format, like name@nhs.net"
    )
    assert field_error(response, "id_role") == "Select a role"
    assert not Invitation.objects.exists() and not mail.outbox


def test_someone_signed_in_accepts_into_a_second_organisation(client, organisation, outsider):
    outsider.user.email = "both@nhs.net"
    outsider.user.save()
    _, key = people.invite(organisation, "both@nhs.net", Role.VIEWER, None)
    client.force_login(outsider.user)
    response = client.post(f"/accounts/invitation/{key}/")
    assert response.status_code == 302
    assert set(outsider.user.memberships.values_list("organisation__name", flat=True)) == {
        "Northshire NHS Trust",
        "Southshire NHS Trust",
    }


def test_an_invitation_sent_to_someone_else_is_refused(client, organisation, outsider):
    outsider.user.email = "me@nhs.net"
    outsider.user.save()
    _, key = people.invite(organisation, "someone.else@nhs.net", Role.ADMIN, None)
    client.force_login(outsider.user)
    response = client.post(f"/accounts/invitation/{key}/")
    assert (
        response.status_code == 200
        and "was sent to someone.else@nhs.net" in response.content.decode()
    )
    assert not outsider.user.memberships.filter(organisation=organisation).exists()


def test_an_admin_changes_a_role_and_it_is_recorded(client, admin, viewer):
    client.force_login(admin.user)
    response = client.post(f"/organisation/people/{viewer.pk}/", {"role": "facilitator"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.role == Role.FACILITATOR
    entry = HistoryEntry.objects.get(organisation=admin.organisation, summary__contains="role")
    assert entry.actor == admin.user and entry.assessment is None
    assert entry.changes == {"role": ["viewer", "facilitator"]}
    assert "Viewer to Facilitator" in entry.summary


def test_the_only_admin_cannot_be_demoted_or_removed(client, admin):
    client.force_login(admin.user)
    response = client.post(f"/organisation/people/{admin.pk}/", {"role": "viewer"})
    assert "only admin" in field_error(response, "id_role")
    removal = client.post(f"/organisation/people/{admin.pk}/remove/")
    assert removal.status_code == 200 and "only admin" in removal.content.decode()
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_an_admin_can_step_down_when_another_admin_remains(admin, organisation):
    other = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    people.change_role(admin, Role.VIEWER, admin.user)
    with pytest.raises(AccountError):
        people.remove_member(other, admin.user)


def test_removing_someone_ends_their_access_and_their_tokens(client, admin, facilitator):
    _, raw = issue_token(facilitator.user, facilitator.organisation)
    client.force_login(admin.user)
    response = client.post(f"/organisation/people/{facilitator.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=facilitator.pk).exists()
    assert User.objects.filter(pk=facilitator.user.pk).exists()  # the account stays
    assert ApiToken.objects.get(user=facilitator.user).revoked_at is not None
    api = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert api.status_code == 401
    client.force_login(facilitator.user)
    assert client.get("/assessments/").status_code == 403
    assert HistoryEntry.objects.filter(summary__startswith="Removed").exists()


def test_people_page_lists_members_and_waiting_invitations(client, admin, viewer):
    people.invite(admin.organisation, "waiting@nhs.net", Role.FACILITATOR, admin.user)
    client.force_login(admin.user)
    page = client.get("/organisation/people/").content.decode()
    assert viewer.user.username in page and "waiting@nhs.net" in page
    assert "(you)" in page


def test_every_change_to_people_is_in_the_organisations_history(client, admin, organisation):
    invitation, _ = people.invite(organisation, "new@nhs.net", Role.VIEWER, admin.user)
    user = people.create_account(invitation, "New", "Person", GOOD_PASSWORD)
    member = user.memberships.get()
    people.change_role(member, Role.FACILITATOR, admin.user)
    people.remove_member(member, admin.user)
    client.force_login(admin.user)
    page = client.get("/organisation/history/").content.decode()
    for words in (
        "Invited new@nhs.net as Viewer",
        "new@nhs.net joined as Viewer",
        "role from Viewer to Facilitator",
        "Removed new@nhs.net (Facilitator)",
    ):
        assert words in page
    assert list(
        HistoryEntry.objects.filter(organisation=organisation)
        .order_by("created_at")
        .values_list("actor__username", flat=True)
    ) == [admin.user.username, "new@nhs.net", admin.user.username, admin.user.username]


def test_people_with_two_organisations_switch_between_them(client, facilitator, other_organisation):
    MembershipFactory(user=facilitator.user, organisation=other_organisation, role=Role.VIEWER)
    client.force_login(facilitator.user)
    assert "Change organisation" in client.get("/").content.decode()
    assert working_in(client) == "Northshire NHS Trust"
    response = client.post("/accounts/organisation/", {"organisation": other_organisation.pk})
    assert response.status_code == 302
    assert working_in(client) == other_organisation.name
    assert client.get("/assessments/new/").status_code == 403  # a viewer there


def test_switching_to_an_organisation_one_is_not_in_is_refused(
    client, facilitator, other_organisation
):
    client.force_login(facilitator.user)
    response = client.post("/accounts/organisation/", {"organisation": other_organisation.pk})
    assert response.status_code == 200
    assert field_error(response, "id_organisation") == "Select one of your organisations"
    assert working_in(client) == facilitator.organisation.name


def test_a_lone_organisation_offers_no_switch(client, facilitator):
    client.force_login(facilitator.user)
    assert "Change organisation" not in client.get("/").content.decode()


def test_users_made_by_the_factory_have_no_email_by_default():
    # Invitations are matched on e-mail: the factory must not invent addresses that match.
    assert UserFactory().email == ""


def test_an_account_without_an_email_address_cannot_take_an_invitation(
    client, organisation, outsider
):
    assert outsider.user.email == ""
    _, key = people.invite(organisation, "victim@nhs.net", Role.ADMIN, None)
    client.force_login(outsider.user)
    response = client.post(f"/accounts/invitation/{key}/")
    assert "whose account has no email address" in response.content.decode()
    outsider.user.refresh_from_db()
    assert outsider.user.email == ""
    assert not outsider.user.memberships.filter(organisation=organisation).exists()


def test_a_failed_email_leaves_no_invitation_and_the_earlier_link_working(
    client, admin, monkeypatch
):
    _, earlier = people.invite(admin.organisation, "sam@nhs.net", Role.VIEWER, admin.user)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("mobilise.accounts.services.people.send_mail", refuse)
    client.force_login(admin.user)
    response = client.post(
        "/organisation/people/invite/", {"email": "sam@nhs.net", "role": "admin"}
    )
    assert (
        field_error(response, "id_email") == "We could not send the email just now. Try again later"
    )
    assert Invitation.objects.count() == 1 and people.find_invitation(earlier).is_pending
    assert not HistoryEntry.objects.filter(summary__contains="as Organisation admin").exists()


def test_an_address_already_on_an_account_cannot_make_a_second_one(organisation, outsider):
    outsider.user.email = "taken@nhs.net"
    outsider.user.save()
    invitation, _ = people.invite(organisation, "taken@nhs.net", Role.VIEWER, None)
    with pytest.raises(AccountError, match="already exists"):
        people.create_account(invitation, "A", "B", GOOD_PASSWORD)
