"""An invitation resent or its link copied: a new link each time, the old one stops working;
and the people pages' other words: the header's name, the organisation switcher's hint."""

import re

import pytest
from django.core import mail

from mobilise.accounts.models import Invitation, Role
from mobilise.accounts.services import AccountError, people
from mobilise.accounts.tests.factories import MembershipFactory, UserFactory
from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", message.body).group(1)


def works(client, link: str) -> bool:
    return "Join Northshire NHS Trust" in client.get(link).content.decode()


@pytest.fixture
def invited(admin):
    invitation, key = people.invite(admin.organisation, "sam@nhs.net", Role.VIEWER, admin.user)
    return invitation, f"/accounts/invitation/{key}/"


def test_resending_emails_a_new_link_and_the_old_one_stops_working(client, admin, invited):
    invitation, old = invited
    client.force_login(admin.user)
    response = client.post(f"/organisation/people/invitations/{invitation.id}/resend/")
    assert response.status_code == 302 and response["Location"] == "/organisation/people/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam@nhs.net"]
    new = link_in(mail.outbox[0])
    assert new != old
    listed = text(page(client.get("/organisation/people/")))
    assert "We have sent the invitation to sam@nhs.net again" in listed
    client.logout()
    assert not works(client, old) and works(client, new)
    assert admin.organisation.history.filter(
        summary="Sent the invitation to sam@nhs.net again, with a new link", actor=admin.user
    ).exists()


def test_copying_asks_first_then_shows_a_new_link_as_text(client, admin, invited):
    invitation, old = invited
    client.force_login(admin.user)
    url = f"/organisation/people/invitations/{invitation.id}/link/"
    asked = page(client.get(url))
    assert "will stop working" in text(asked.select_one("main"))
    assert asked.select_one("#invitation-link") is None
    client.logout()
    assert works(client, old)  # opening the page changed nothing
    client.force_login(admin.user)
    shown = page(client.post(url))
    link = text(shown.select_one("#invitation-link"))
    assert link.startswith("http://testserver/accounts/invitation/")
    button = shown.select_one("button[data-copy-target=invitation-link]")
    assert button is not None and button.has_attr("hidden")  # shown by copy.js only
    assert mail.outbox == []
    client.logout()
    assert not works(client, old) and works(client, link.removeprefix("http://testserver"))


def test_a_used_or_withdrawn_invitation_gets_no_new_link(client, admin, invited):
    invitation, _ = invited
    people.withdraw(invitation, admin.user)
    with pytest.raises(AccountError):
        people.renew_link(invitation, admin.user, resent=True)
    client.force_login(admin.user)
    response = client.post(f"/organisation/people/invitations/{invitation.id}/link/")
    assert "already been used, withdrawn or has expired" in response.content.decode()
    client.post(f"/organisation/people/invitations/{invitation.id}/resend/")
    assert mail.outbox == []


def test_another_organisations_invitation_is_not_found(client, admin, outsider):
    theirs, _ = people.invite(outsider.organisation, "x@nhs.net", Role.VIEWER, None)
    client.force_login(admin.user)
    before = Invitation.objects.get(pk=theirs.pk).key_hash
    for action in ("resend", "link"):
        assert (
            client.post(f"/organisation/people/invitations/{theirs.id}/{action}/").status_code
            == 404
        )
    assert Invitation.objects.get(pk=theirs.pk).key_hash == before and mail.outbox == []


def test_the_header_shows_the_persons_name_not_their_user_name(client, organisation):
    user = UserFactory(username="rshah42", first_name="Robin", last_name="Shah")
    MembershipFactory(user=user, organisation=organisation)
    client.force_login(user)
    header = text(page(client.get("/")).select_one("header"))
    assert "Robin Shah" in header and "rshah42" not in header


def test_the_switcher_says_more_than_one_organisation_only_when_it_is_so(
    client, facilitator, other_organisation
):
    client.force_login(facilitator.user)
    alone = text(page(client.get("/accounts/organisation/")).select_one("main"))
    assert "more than one organisation" not in alone and "You belong to one organisation" in alone
    MembershipFactory(user=facilitator.user, organisation=other_organisation)
    both = text(page(client.get("/accounts/organisation/")).select_one("main"))
    assert "You belong to more than one organisation" in both
