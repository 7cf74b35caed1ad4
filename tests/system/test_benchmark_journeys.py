"""Journeys: on the demo data, a viewer sees where the organisation stands in the benchmark
and compares by region (one region too small to show); an admin changes whether the
organisation takes part; platform staff read the national view."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD, UserFactory
from mobilise.demo.services import DEMO_PASSWORD, load_demo
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_viewer_sees_where_the_organisation_stands(page: Page):
    load_demo()
    sign_in(page, "demo-viewer", DEMO_PASSWORD)
    page.get_by_role("link", name="Benchmark").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Benchmark")
    table = page.get_by_role("table", name=re.compile("^Agreed levels per element: All"))
    expect(table.get_by_role("row")).to_have_count(24)  # the header and 23 elements
    expect(table.get_by_text(re.compile("the middle half")).first).to_be_visible()
    expect(page.get_by_text("Benchmark peer")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Compare by").select_option("region")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"\?by=region$"))
    expect(page.get_by_role("table", name=re.compile(": North West$")).first).to_be_visible()
    london = page.locator("#group-london + .nhsuk-inset-text")
    expect(london).to_contain_text("Not shown, to protect the organisations in it")
    assert_accessible(page)


def test_an_admin_leaves_the_benchmark_and_the_figures_go(page: Page):
    load_demo()
    sign_in(page, "demo-admin", DEMO_PASSWORD)
    page.get_by_role("link", name="Organisation settings").click()
    expect(page.get_by_label("NHS England region")).to_have_value("north-west")
    assert_accessible(page)
    page.get_by_label("Take part in the benchmark across organisations").uncheck()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("The organisation's settings are saved.")).to_be_visible()
    page.goto("/benchmark/")
    expect(page.get_by_text(re.compile("does not take part in the benchmark"))).to_be_visible()
    assert_accessible(page)


def test_platform_staff_read_the_national_view(page: Page):
    load_demo()
    staff = UserFactory(username="national-team", is_staff=True)
    sign_in(page, staff.username, PASSWORD)
    page.goto("/benchmark/national/?by=kind")
    expect(page.get_by_role("heading", level=1)).to_have_text("National benchmark")
    expect(page.get_by_role("heading", level=2, name="Acute trust")).to_be_visible()
    assert_accessible(page)
