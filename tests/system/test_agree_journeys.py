"""Journeys: agreeing element by element with what the group said, and a show of hands."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Consensus, HandCount
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.framework.catalogue import get_framework
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
FRAMEWORK = get_framework()
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_agreeing_an_element_with_its_comments_then_a_show_of_hands(page: Page, facilitator, size):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Board day")
    for level in [0, 1, 4]:
        submit(assessment, {**dict.fromkeys(CODES, 2), "1.1": level}, {"1.1": f"At {level}"})
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/")
    page.get_by_role("link", name="Agree the ratings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^1\.1 "))
    for comment in ["At 0", "At 1", "At 4"]:
        expect(page.get_by_text(comment, exact=True)).to_be_visible()
    expect(page.get_by_text("People disagree about 1.1")).to_be_visible()
    expect(page.get_by_text("No level is chosen for you")).to_be_visible()
    expect(page.locator("input[name=level_1_1]:checked")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("button", name="Save and go to the next element").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    assert_accessible(page)
    levels = page.get_by_role("group", name="Agreed level for 1.1")
    levels.get_by_label(FRAMEWORK.level(1).label, exact=True).check()
    page.get_by_role("group", name="How important is 1.1 now?").get_by_label("High").check()
    page.get_by_label("Rationale or dissent for 1.1 (optional)").fill("One member dissents")
    page.get_by_role("button", name="Save and go to the next element").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^1\.2 "))
    expect(page.get_by_text("1.1 is agreed.")).to_be_visible()
    agreed = Consensus.objects.get(assessment=assessment, element_code="1.1")
    assert (agreed.level, agreed.rationale) == (1, "One member dissents")

    page.get_by_role("link", name="Count a show of hands for 1.2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^1\.2 "))
    assert_accessible(page)
    page.get_by_label(f"3 {FRAMEWORK.level(3).label}", exact=True).fill("5")
    page.get_by_role("button", name="Save and agree 1.2").click()
    expect(page.get_by_text("Of these, 5 were counted by hand in the room.")).to_be_visible()
    assert HandCount.objects.get(assessment=assessment, element_code="1.2", level=3).count == 5
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^1\.1 ")).first.click()
    expect(page.get_by_label("Rationale or dissent for 1.1 (optional)")).to_have_value(
        "One member dissents"
    )
    page.goto(f"/assessments/{assessment.id}/results/")
    page.get_by_text("Show the data as a table: Elements").click()
    expect(page.get_by_role("cell", name="One member dissents")).to_be_visible()
    assert_accessible(page)
