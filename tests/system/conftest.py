"""Browser journeys: Playwright drives Debian's Chromium against a live server.

Every page a journey visits is checked with axe for WCAG 2.2 A and AA, and the browser
console must stay free of errors (a blocked font, script or style would show there).
"""

import os
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MOBILISE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/system" in str(item.path):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"The browser journeys need Chromium at {CHROMIUM}: run `make test`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser: Browser, live_server, **context_options) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, **context_options)
    page = context.new_page()
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert problems == [], f"The browser console reported errors: {problems}"


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    yield from _page(browser, live_server)


@pytest.fixture
def page_without_javascript(browser: Browser, live_server) -> Iterator[Page]:
    yield from _page(browser, live_server, java_script_enabled=False)


_axe = Axe()


# What axe says when the page it was run on went away under it: a click had started a
# navigation that had not finished (seen on a busy machine).
NAVIGATING = ("reading 'documentElement'", "Execution context was destroyed")


def _run_axe(page: Page, tries: int = 3):
    """axe on the page once it has loaded; run again if a navigation replaced it midway."""

    def run():
        page.wait_for_load_state("load")
        return _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})

    for _ in range(tries - 1):
        try:
            return run()
        except PlaywrightError as error:
            if not any(words in str(error) for words in NAVIGATING):
                raise
    return run()


def assert_accessible(page: Page) -> None:
    """No axe violations of WCAG 2.2 A and AA on the page as it is now."""
    results = _run_axe(page)
    violations = [
        f"{v['id']}: {v['help']} on {page.url}: "
        + "; ".join(node["html"][:200] for node in v["nodes"][:3])
        for v in results.response["violations"]
    ]
    assert violations == []
    # axe must really have run its rules, or "no violations" would mean nothing.
    assert len(results.response["passes"]) + len(results.response["incomplete"]) > 0


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
