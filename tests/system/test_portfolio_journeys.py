"""Journeys: a viewer reads the demo organisation's portfolio and follows it to a unit."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.demo.services import DEMO_PASSWORD, load_demo
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
HEAT_TABLE = re.compile("^Agreed level per unit and element")


def test_a_viewer_reads_the_portfolio_and_follows_a_level_to_the_units_results(page: Page):
    load_demo()
    sign_in(page, "demo-viewer", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Portfolio").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Portfolio")
    expect(
        page.get_by_role("img", name=re.compile("^Heat map of the agreed level"))
    ).to_be_visible()
    page.get_by_text("Show the data as a table: Agreed levels by unit").click()
    table = page.get_by_role("table", name=HEAT_TABLE)
    expect(table.get_by_role("row")).to_have_count(9)  # the header and eight units
    board = table.get_by_role("row", name=re.compile("^Trust Board"))
    expect(board.get_by_role("link")).to_have_count(23)
    finance = table.get_by_role("row", name=re.compile("^Finance directorate"))
    expect(finance.get_by_role("link")).to_have_count(0)
    expect(finance.get_by_role("cell").first).to_have_text("–Not assessed")
    expect(page.get_by_role("table", name="Change in agreed levels per unit")).to_contain_text(
        "Nursing directorate"
    )
    assert_accessible(page)

    link = board.get_by_role("link", name=re.compile(r"^Trust Board, 1\.1: "))
    # "Trust Board, 1.1: 3 Established", of which only the "3" is visible.
    level = " ".join(link.inner_text().split()).split(": ")[1]
    link.click()
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/results/#element-1\.1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Results: Knowledge mobilisation reassessment"
    )
    expect(page.get_by_text("Trust Board", exact=True).first).to_be_visible()
    row = page.get_by_role("row", name=re.compile(r"^1\.1 Leaders and their teams"))
    expect(row.get_by_role("cell").first).to_have_text(level)
    assert_accessible(page)


def test_the_portfolio_fits_a_phone_and_leads_to_a_units_change(page: Page):
    load_demo()
    sign_in(page, "demo-facilitator", DEMO_PASSWORD)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/portfolio/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # wide tables scroll
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("the change for Nursing directorate")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change since the last assessment")
    expect(page.get_by_text("Nursing directorate").first).to_be_visible()
    assert_accessible(page)


def test_the_portfolio_works_without_javascript(page_without_javascript: Page):
    page = page_without_javascript
    load_demo()
    sign_in(page, "demo-viewer", DEMO_PASSWORD)
    page.goto("/portfolio/")
    page.get_by_text("Show the data as a table: Agreed levels by unit").click()
    table = page.get_by_role("table", name=HEAT_TABLE)
    expect(table.get_by_role("row")).to_have_count(9)
    page.get_by_role("link", name="Progress of the plans by element").click()
    expect(page).to_have_url(re.compile("#progress$"))
    expect(page.get_by_role("table", name="Actions by element and status")).to_be_visible()
    # axe needs JavaScript: the page's accessibility is checked in the journeys above.
