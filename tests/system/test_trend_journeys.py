"""Journeys: a viewer opens a unit's trend from the portfolio, at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.demo.services import DEMO_PASSWORD, load_demo
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
UNIT = "Pharmacy and medicines optimisation"


def open_the_trend(page: Page) -> None:
    page.goto("/portfolio/")
    page.get_by_role("link", name=f"Trend over 4 assessments of {UNIT}").click()
    expect(page).to_have_url(re.compile(r"/units/[0-9a-f-]{36}/trend/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Trend over 4 assessments")
    expect(page.get_by_text(UNIT, exact=True).first).to_be_visible()


def test_a_viewer_opens_a_units_trend_from_the_portfolio(page: Page):
    load_demo()
    sign_in(page, "demo-viewer", DEMO_PASSWORD)
    open_the_trend(page)
    expect(
        page.get_by_role("img", name=re.compile("^Small charts, one per element"))
    ).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("^Line chart of mean agreed levels"))
    ).to_be_visible()
    cycles = page.get_by_role("table", name=re.compile("^Each assessment, the people"))
    expect(cycles.get_by_role("row")).to_have_count(5)  # the header and four cycles
    assert_accessible(page)

    page.get_by_text("Show the data as a table: Element by element").click()
    elements = page.get_by_role("table", name=re.compile("^Agreed level per element"))
    expect(elements).to_be_visible()
    expect(elements.get_by_role("row")).to_have_count(24)  # the header and 23 elements
    expect(elements).to_contain_text("Done before:")
    page.get_by_text("Show the data as a table: Mean agreed levels over time").click()
    expect(page.get_by_role("table", name=re.compile("^Mean agreed level per"))).to_be_visible()
    assert_accessible(page)

    cycles.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/results/$"))


def test_the_trend_fits_a_phone(page: Page):
    load_demo()
    sign_in(page, "demo-facilitator", DEMO_PASSWORD)
    page.set_viewport_size({"width": 360, "height": 740})
    open_the_trend(page)
    page.get_by_text("Show the data as a table: Element by element").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # wide tables scroll
    assert_accessible(page)
