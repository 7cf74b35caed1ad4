"""The height of the long pages (results and portfolio) at 1920x1080, in CSS pixels
(document.body.scrollHeight), on a running site with the demo data:

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 python manage.py runserver 8123
    python perf/page_heights.py http://127.0.0.1:8123 <assessment id>
"""

import sys

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(base: str, assessment_id: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(base_url=base, viewport={"width": 1920, "height": 1080})
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill("demo-admin")
        page.get_by_label("Password", exact=True).fill("mobilise-demo-2026")
        page.get_by_role("button", name="Sign in", exact=True).click()
        for name, path in (
            ("results", f"/assessments/{assessment_id}/results/"),
            ("portfolio", "/portfolio/"),
        ):
            page.goto(path)
            height = page.evaluate("document.body.scrollHeight")
            print(f"{name:10} {height:6} px  ({height / 1080:.1f} screens)")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
