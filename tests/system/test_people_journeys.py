"""Journeys: an admin invites people, one joins with a password and one with single sign-on
(through a real OpenID Connect provider on a local port), the admin changes a role and
removes someone, and a person in two organisations switches between them."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import add_sso_person
from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import PASSWORD, MembershipFactory
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "evidence-into-practice-26"


def invite(page: Page, email: str, role: str) -> None:
    page.goto("/organisation/people/")
    page.get_by_role("button", name="Invite someone").click()
    page.get_by_label("Email address").fill(email)
    page.get_by_label(role, exact=True).check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"We have sent an invitation to {email}.")).to_be_visible()


def link_from(message) -> str:
    return re.search(r"(/accounts/invitation/[^/\s]+/)", message.body).group(1)


def test_an_admin_invites_changes_a_role_and_removes_someone(
    page: Page, browser: Browser, live_server, admin, mailoutbox
):
    sign_in(page, admin.user.username, PASSWORD)
    page.get_by_role("link", name="People and invitations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    assert_accessible(page)

    page.get_by_role("button", name="Invite someone").click()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    invite(page, "robin.shah@nhs.net", "Facilitator")
    expect(page.get_by_role("cell", name="robin.shah@nhs.net", exact=True)).to_be_visible()
    assert_accessible(page)

    # The invited person opens the link from the e-mail, in a browser of their own.
    guest = browser.new_context(base_url=live_server.url).new_page()
    guest.goto(link_from(mailoutbox[-1]))
    expect(guest.get_by_role("heading", level=1)).to_have_text(
        f"Join {admin.organisation.name} on Mobilise"
    )
    assert_accessible(guest)
    guest.get_by_label("First name").fill("Robin")
    guest.get_by_label("Last name").fill("Shah")
    guest.get_by_label("Create a password").fill("short")
    guest.get_by_label("Enter the password again").fill("short")
    guest.get_by_role("button", name="Create account and join").click()
    expect(guest.locator(".nhsuk-error-summary")).to_contain_text("too short")
    assert_accessible(guest)
    guest.get_by_label("Create a password").fill(NEW_PASSWORD)
    guest.get_by_label("Enter the password again").fill(NEW_PASSWORD)
    guest.get_by_role("button", name="Create account and join").click()
    expect(guest.get_by_text(f"You have joined {admin.organisation.name}.")).to_be_visible()
    expect(guest.get_by_text("Facilitator", exact=True)).to_be_visible()
    guest.get_by_role("button", name="Sign out").click()
    sign_in(guest, "robin.shah@nhs.net", NEW_PASSWORD)
    expect(guest.get_by_role("heading", level=1)).to_have_text(admin.organisation.name)

    # The admin makes them a viewer, then removes them.
    page.goto("/organisation/people/")
    page.get_by_role("link", name="Change Robin Shah's role or remove them").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Robin Shah")
    assert_accessible(page)
    page.get_by_label("Viewer", exact=True).check()
    page.get_by_role("button", name="Save role").click()
    expect(page.get_by_text("Robin Shah's role is now Viewer.")).to_be_visible()
    guest.goto("/assessments/new/")
    expect(guest.get_by_role("heading", level=1)).to_have_text("You cannot do this")

    page.get_by_role("link", name="Change Robin Shah's role or remove them").click()
    page.get_by_role("link", name="Remove Robin Shah").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove Robin Shah").click()
    expect(page.get_by_text("Robin Shah has been removed from the organisation.")).to_be_visible()
    expect(page.get_by_role("cell", name="robin.shah@nhs.net", exact=True)).to_have_count(0)

    page.goto("/organisation/history/")
    for words in ("Invited robin.shah@nhs.net", "from Facilitator to Viewer", "Removed"):
        expect(page.get_by_role("table").get_by_text(re.compile(words)).first).to_be_visible()
    assert_accessible(page)
    guest.context.close()


def test_an_invited_person_joins_with_single_sign_on(
    page: Page, live_server, admin, sso, mailoutbox, browser: Browser
):
    sign_in(page, admin.user.username, PASSWORD)
    invite(page, "jo.evans@nhs.net", "Viewer")
    add_sso_person(sso, "jo.evans@nhs.net", given_name="Jo", family_name="Evans")

    guest = browser.new_context(base_url=live_server.url).new_page()
    guest.goto(link_from(mailoutbox[-1]))
    guest.get_by_role("button", name="Sign in with your NHS account").click()
    # The provider's own page, where the person would sign in with their NHS account.
    expect(guest).to_have_url(re.compile(rf"^{re.escape(sso)}/oauth2/authorize"))
    guest.locator("input[name=sub]").fill("jo.evans@nhs.net")
    guest.get_by_role("button", name="Authorize").click()
    expect(guest.get_by_text(f"You have joined {admin.organisation.name}.")).to_be_visible()
    expect(guest.get_by_text("Viewer", exact=True)).to_be_visible()
    assert_accessible(guest)

    # Next time, the sign-in page's single sign-on button is all it takes.
    guest.get_by_role("button", name="Sign out").click()
    guest.goto("/accounts/login/")
    assert_accessible(guest)
    guest.get_by_role("button", name="Sign in with your NHS account").click()
    guest.get_by_role("button", name="jo.evans@nhs.net").click()  # "previous users" at the provider
    expect(guest.get_by_role("heading", level=1)).to_have_text(admin.organisation.name)
    guest.context.close()


def test_a_person_in_two_organisations_switches_between_them(
    page: Page, facilitator, other_organisation
):
    MembershipFactory(user=facilitator.user, organisation=other_organisation, role=Role.VIEWER)
    sign_in(page, facilitator.user.username, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(facilitator.organisation.name)
    page.get_by_role("link", name="Change organisation").click()
    assert_accessible(page)
    page.get_by_label(other_organisation.name).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text(f"You are now working in {other_organisation.name}.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(other_organisation.name)
    expect(page.get_by_text("Viewer", exact=True)).to_be_visible()
    assert_accessible(page)
