"""Journey: sign in, browse the framework, open an element, read a technique, sign out."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_facilitator_signs_in_and_explores_the_framework(page: Page, facilitator):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Knowledge Mobilisation self-assessment"
    )
    assert_accessible(page)

    sign_in(page, facilitator.user.username, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(facilitator.organisation.name)
    expect(page.get_by_text("Facilitator", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Framework").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "NHS Knowledge Mobilisation Framework"
    )
    expect(page.get_by_role("heading", level=2, name="2 Behaviours")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="1.4 Leaders building a learning organisation").click()
    expect(page).to_have_url(re.compile(r"/framework/1\.4/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "1.4 Leaders building a learning organisation"
    )
    expect(page.locator("#options li")).to_have_count(8)  # 7 actions and "No action required"
    assert_accessible(page)

    page.get_by_role("link", name="After Action Review").first.click()
    expect(page).to_have_url(re.compile(r"/framework/techniques/#after-action-review$"))
    expect(page.locator("#after-action-review")).to_be_in_viewport()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    assert_accessible(page)


def test_sign_in_errors_are_summarised_and_accessible(page: Page, facilitator):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter your username")).to_be_visible()
    expect(page).to_have_title("Error: Sign in – Mobilise")
    assert_accessible(page)

    summary.get_by_role("link", name="Enter your password").click()
    expect(page.get_by_label("Password", exact=True)).to_be_focused()


def test_the_skip_link_is_the_first_thing_the_keyboard_reaches(page: Page):
    page.goto("/framework/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#maincontent$"))


def test_the_framework_works_with_javascript_off(page_without_javascript: Page, facilitator):
    page = page_without_javascript
    sign_in(page, facilitator.user.username, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(facilitator.organisation.name)
    page.goto("/framework/2.6/")
    expect(page.get_by_role("link", name="randomised coffee trials")).to_be_visible()
    # axe needs JavaScript, so the accessibility of these pages is checked in the journeys
    # above; here the point is that everything still works without it.
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()


def test_the_page_fits_a_phone(page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/framework/4.2/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert_accessible(page)


def test_the_privacy_notice_and_accessibility_statement_are_accessible(page: Page):
    page.goto("/")
    page.get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    assert_accessible(page)
    page.get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    assert_accessible(page)


def test_a_facilitator_creates_and_revokes_an_api_token(page: Page, facilitator):
    sign_in(page, facilitator.user.username, PASSWORD)
    page.get_by_role("link", name="Your API tokens").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Reporting script")
    page.get_by_role("button", name="Create token").click()
    expect(page.locator("#new-token")).to_contain_text("mob_")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke Reporting script").click()
    expect(page.get_by_text("is revoked")).to_be_visible()
    expect(page.get_by_text("Revoked", exact=True)).to_be_visible()


def test_an_admin_reads_the_history_and_deletes_the_organisations_data(page: Page, admin):
    sign_in(page, admin.user.username, PASSWORD)
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Delete the organisation's data").click()
    page.get_by_role("button", name="Delete all the data").click()
    expect(
        page.get_by_role("link", name=re.compile("^Type the organisation's name"))
    ).to_be_visible()
    assert_accessible(page)
    page.locator("#confirm").fill(admin.organisation.name)
    page.get_by_role("button", name="Delete all the data").click()
    expect(page.get_by_text("has been deleted")).to_be_visible()
