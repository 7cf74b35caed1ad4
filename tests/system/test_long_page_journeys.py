"""Journeys: the results and portfolio pages read one screen per chart; a facilitator opens
"Show the data as a table" under a chart and reads its figures (means with one decimal),
at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_a_facilitator_opens_the_data_of_a_chart(page: Page, facilitator, full_assessment, size):
    page.set_viewport_size(size)
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{full_assessment.id}/results/")
    expect(
        page.get_by_role("img", name=re.compile("^Radar chart of the four sections"))
    ).to_be_visible()
    sections = page.get_by_role("table", name=re.compile("^Section scores"))
    expect(sections).to_be_hidden()
    expect(page.get_by_text("Show the data as a table")).to_have_count(3)
    assert_accessible(page)

    page.get_by_text("Show the data as a table: Elements").click()
    elements = page.get_by_role("table", name=re.compile("^Agreed level and median per element"))
    expect(elements).to_be_visible()
    row = elements.get_by_role("row", name=re.compile(r"^2\.2 "))
    expect(row.get_by_role("cell").nth(2)).to_have_text("1.7")
    expect(sections).to_be_hidden()  # only the table asked for opens
    assert_accessible(page)

    page.goto("/portfolio/")
    heat = page.get_by_role("table", name=re.compile("^Agreed level per unit and element"))
    expect(heat).to_be_hidden()
    page.get_by_text("Show the data as a table: Agreed levels by unit").click()
    expect(heat).to_be_visible()
    assert_accessible(page)
