"""Journeys: an admin resends an invitation and copies a new link (the button copies it
where JavaScript runs; without it the link is there to select), the old link stopping each
time; the benchmark page names its elements and draws a chart with its table; an admin
opening the national view is told who may see it. Axe at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from mobilise.accounts.models import Role
from mobilise.accounts.services import people
from mobilise.accounts.tests.factories import PASSWORD
from mobilise.demo.services import DEMO_PASSWORD, load_demo
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


def link_from(message) -> str:
    return re.search(r"(/accounts/invitation/[^/\s]+/)", message.body).group(1)


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_an_admin_resends_an_invitation_and_copies_a_new_link(
    page: Page, browser: Browser, live_server, admin, mailoutbox, size
):
    page.set_viewport_size(size)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _, key = people.invite(admin.organisation, "sam.jones@nhs.net", Role.VIEWER, admin.user)
    first = f"/accounts/invitation/{key}/"
    sign_in(page, admin.user.username, PASSWORD)
    page.goto("/organisation/people/")
    page.get_by_role("button", name="Resend the invitation to sam.jones@nhs.net").click()
    expect(
        page.get_by_text("We have sent the invitation to sam.jones@nhs.net again.")
    ).to_be_visible()
    assert_accessible(page)
    resent = link_from(mailoutbox[-1])

    page.get_by_role("link", name="Copy a new link for sam.jones@nhs.net").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Copy a new link for sam.jones@nhs.net?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Make a new link").click()
    link = page.locator("#invitation-link")
    expect(link).to_contain_text("/accounts/invitation/")
    copied = link.inner_text().strip()
    page.get_by_role("button", name="Copy link").click()
    # "Link copied" is said only once navigator.clipboard.writeText has succeeded.
    expect(page.get_by_role("button", name="Link copied")).to_be_visible()
    assert_accessible(page)

    # Only the newest link opens the invitation.
    guest = browser.new_context(base_url=live_server.url).new_page()
    for old in (first, resent):
        guest.goto(old)
        expect(guest.get_by_role("heading", level=1)).not_to_have_text(re.compile("^Join "))
    guest.goto(copied)
    expect(guest.get_by_role("heading", level=1)).to_have_text(
        f"Join {admin.organisation.name} on Mobilise"
    )
    guest.context.close()


def test_without_javascript_the_new_link_is_text_to_select(page_without_javascript: Page, admin):
    page = page_without_javascript
    people.invite(admin.organisation, "sam.jones@nhs.net", Role.VIEWER, admin.user)
    sign_in(page, admin.user.username, PASSWORD)
    page.goto("/organisation/people/")
    page.get_by_role("link", name="Copy a new link for sam.jones@nhs.net").click()
    page.get_by_role("button", name="Make a new link").click()
    expect(page.locator("#invitation-link")).to_contain_text("/accounts/invitation/")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    # (axe itself needs JavaScript: this page is checked with it in the journey above.)


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_the_benchmark_names_its_elements_with_a_chart_and_the_national_view_says_who(
    page: Page, browser: Browser, live_server, size
):
    page.set_viewport_size(size)
    load_demo()
    sign_in(page, "demo-admin", DEMO_PASSWORD)
    # The header names the person, not their user name.
    expect(page.locator("header")).not_to_contain_text("demo-admin")
    page.goto("/benchmark/")
    expect(page.get_by_role("img", name=re.compile("^Heat map of how many of the"))).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Agreed levels per element: All"))
    expect(table.get_by_role("rowheader").first).to_have_text(
        re.compile(r"^1\.1 Leaders and their teams")
    )
    assert_accessible(page)

    # Refused (403), in a page of its own: the console reports the status as an error.
    refused = browser.new_context(base_url=live_server.url, viewport=size).new_page()
    sign_in(refused, "demo-admin", DEMO_PASSWORD)
    refused.goto("/benchmark/national/")
    expect(refused.get_by_role("heading", level=1)).to_have_text(
        "The national benchmark is for the national team"
    )
    expect(refused.get_by_text("Ask your organisation's admin")).to_have_count(0)
    assert_accessible(refused)
    refused.context.close()
