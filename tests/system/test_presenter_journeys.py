"""Journeys: the presenter screen projected at two sizes, driven by keys, with JavaScript off,
and from a second window (the facilitator's laptop) while a viewer's window follows."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import PresenterState
from mobilise.assessments.services import presenter
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.framework.catalogue import get_framework
from tests.system.conftest import _page, assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
FRAMEWORK = get_framework()
SIZES = [(1920, 1080), (1280, 720)]


def title(code: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(code)} {re.escape(FRAMEWORK.element(code).title)}$")


def session(organisation):
    """A group session: four answers, split on 2.3, with comments on 1.1 and 2.3."""
    assessment = AssessmentFactory(organisation=organisation, title="Board development day")
    for level in (0, 0, 4, 4):
        submit(
            assessment,
            {**dict.fromkeys(CODES, 2), "2.3": level},
            {"1.1": f"Evidence seen {level} times", "2.3": f"Innovation at {level}"},
        )
    return assessment


def fits(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def font_size(page: Page, selector: str) -> float:
    return page.evaluate(
        f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)"
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_presenter_screen_reads_from_the_back_of_the_room(
    page: Page, facilitator, width, height
):
    assessment = session(facilitator.organisation)
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/")
    page.get_by_role("link", name="Open the presenter screen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Board development day")
    qr = page.get_by_role("img", name=re.compile("^QR code of the link to take part"))
    expect(qr).to_be_visible()
    expect(page.get_by_text(f"/take/{assessment.participant_token}/")).to_be_visible()
    expect(page.get_by_text("4 answered", exact=True)).to_be_visible()
    expect(page.get_by_text("This screen updates itself")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh")).to_be_hidden()
    expect(page.locator("header")).to_have_count(0)
    assert fits(page)
    if width == 1920:
        assert font_size(page, ".app-present__join-text p:last-of-type") >= 24
    assert_accessible(page)

    presenter.go_to(assessment, "2.3")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("2.3"))
    expect(page.get_by_text("Hidden until the facilitator reveals them")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    expect(page.get_by_text("Innovation at 0")).to_have_count(0)
    assert fits(page)
    if width == 1920:
        assert font_size(page, ".app-present__scale dd") >= 24
    assert_accessible(page)

    presenter.reveal(assessment, "2.3", facilitator.user)
    page.reload()
    chart = page.get_by_role("table", name="How people rated 2.3: 4 gave a level")
    expect(chart).to_be_visible()
    expect(chart.get_by_role("row", name="4 Embedded 2")).to_be_visible()
    expect(page.get_by_text("Disagreement", exact=True)).to_be_visible()
    expect(page.get_by_text("Median: 2 (Developing)")).to_be_visible()
    expect(page.locator(".app-present__comments li")).to_have_text(
        ["Innovation at 0", "Innovation at 0", "Innovation at 4", "Innovation at 4"]
    )
    assert fits(page)
    assert_accessible(page)


def test_the_presenter_screen_is_driven_by_keys_alone(page: Page, facilitator):
    assessment = session(facilitator.organisation)
    page.set_viewport_size({"width": 1920, "height": 1080})
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/present/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Board development day")

    page.keyboard.press("ArrowRight")
    expect(heading).to_have_text(title("1.1"))
    expect(page.get_by_role("table")).to_have_count(0)
    page.keyboard.press("r")
    expect(page.get_by_role("table", name=re.compile(r"^How people rated 1\.1"))).to_be_visible()
    expect(page.get_by_text("Evidence seen 0 times").first).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("PageDown")
    expect(heading).to_have_text(title("1.2"))
    page.keyboard.press("PageUp")
    expect(heading).to_have_text(title("1.1"))
    page.keyboard.press("ArrowLeft")
    expect(heading).to_have_text("Board development day")
    page.keyboard.press("f")
    expect(page.get_by_role("button", name="Leave full screen")).to_be_visible()
    assert page.evaluate("document.fullscreenElement === document.documentElement")
    page.keyboard.press("F")
    expect(page.get_by_role("button", name="Full screen")).to_be_visible()

    # The same by Tab and Enter: the buttons are real, and focus stays on them when the
    # screen redraws.
    start = page.get_by_role("button", name="Start")
    start.focus()
    page.keyboard.press("Enter")
    expect(heading).to_have_text(title("1.1"))
    expect(page.get_by_role("button", name="Next")).to_be_focused()
    state = PresenterState.objects.get(assessment=assessment)
    assert (state.position, state.revealed) == ("1.1", ["1.1"])


def test_the_presenter_screen_works_with_javascript_off(
    page_without_javascript: Page, page: Page, facilitator
):
    browser_page = page
    page = page_without_javascript
    assessment = session(facilitator.organisation)
    page.set_viewport_size({"width": 1280, "height": 720})
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/present/")
    expect(page.get_by_role("link", name="Refresh")).to_be_visible()
    expect(page.get_by_text("This screen updates itself")).to_be_hidden()
    expect(page.get_by_role("button", name="Full screen")).to_be_hidden()

    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("1.1"))
    page.get_by_role("button", name="Reveal the answers").click()
    expect(page.get_by_role("table", name=re.compile(r"^How people rated 1\.1"))).to_be_visible()
    assert fits(page)
    presenter.next_element(assessment)  # moved from another window
    page.get_by_role("link", name="Refresh").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("1.2"))

    # axe needs JavaScript to run: check the same page as it is drawn without our scripts,
    # in a browser whose script files are all answered empty.
    browser_page.route(
        re.compile(r"/static/js/"),
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    sign_in(browser_page, facilitator.user.username, PASSWORD)
    browser_page.goto(f"/assessments/{assessment.id}/present/")
    expect(browser_page.get_by_role("link", name="Refresh")).to_be_visible()
    assert_accessible(browser_page)


@pytest.fixture
def second_window(browser: Browser, live_server) -> Iterator[Page]:
    """Another browser with its own sign-in: the projector's, beside the laptop's."""
    yield from _page(browser, live_server, viewport={"width": 1920, "height": 1080})


def test_the_controls_in_one_window_drive_the_screen_in_another(
    page: Page, second_window: Page, facilitator, viewer
):
    assessment = session(facilitator.organisation)
    screen = second_window
    sign_in(screen, viewer.user.username, PASSWORD)
    screen.goto(f"/assessments/{assessment.id}/present/")
    heading = screen.get_by_role("heading", level=1)
    expect(heading).to_have_text("Board development day")
    # Nothing has changed: the screen's polls are answered 304, and it does not redraw.
    with screen.expect_response(lambda r: "/present/state/" in r.url and r.status == 304):
        pass
    expect(screen.get_by_role("button")).to_have_count(1)  # full screen only: a viewer follows

    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/")
    page.get_by_role("link", name="presenter controls").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Presenter controls")
    assert_accessible(page)

    page.get_by_role("button", name="Start").click()
    expect(heading).to_have_text(title("1.1"))
    expect(page.get_by_text("On the screen now: 1.1")).to_be_visible()
    page.get_by_role("button", name="Reveal the answers to 1.1").click()
    expect(screen.get_by_role("table", name=re.compile(r"^How people rated 1\.1"))).to_be_visible()

    page.get_by_role("button", name="Show the join screen").click()
    expect(heading).to_have_text("Board development day")
    page.get_by_label("Disagreements first").check()
    page.get_by_role("button", name="Change the order").click()
    page.get_by_role("button", name="Start").click()
    expect(heading).to_have_text(title("2.3"))
    expect(screen.get_by_text("Hidden until the facilitator reveals them")).to_be_visible()
    page.get_by_role("button", name="Show 4.5 on the screen").click()
    expect(heading).to_have_text(title("4.5"))
    expect(page.get_by_text("The screen was changed from another window")).to_be_hidden()

    # Moved from elsewhere (the screen's own keys, the agree page): the controls say so.
    presenter.follow(assessment, "3.2")
    expect(heading).to_have_text(title("3.2"))
    expect(page.get_by_text("On the screen now: 3.2")).to_be_visible()
    expect(page.get_by_text("The screen was changed from another window")).to_be_visible()
    assert_accessible(page)
    assert_accessible(screen)


def test_agreeing_an_element_shows_it_on_the_projected_screen(
    page: Page, second_window: Page, facilitator
):
    assessment = session(facilitator.organisation)
    screen = second_window
    sign_in(screen, facilitator.user.username, PASSWORD)
    screen.goto(f"/assessments/{assessment.id}/present/")
    heading = screen.get_by_role("heading", level=1)
    expect(heading).to_have_text("Board development day")
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/agree/element/2.3/")
    expect(heading).to_have_text(title("2.3"))  # within a poll or two
    page.get_by_role("link", name=re.compile(r"^Next, without saving")).click()
    expect(heading).to_have_text(title("2.4"))
    assert_accessible(page)
