"""Pages of the core: health, icon, errors, privacy and accessibility."""

import pytest

from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_scripts(client):
    html = client.get("/framework/1.1/").content.decode()
    scripts = html.count("<script")
    assert scripts == html.count("<script src=") + html.count('<script type="module" src=')


def test_an_unknown_page_is_an_nhs_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_layout_has_skip_link_header_phase_banner_and_footer(client):
    html = client.get("/").content.decode()
    assert 'href="#maincontent"' in html and 'id="maincontent"' in html
    assert "nhsuk-header" in html and "Mobilise" in html
    assert "Beta" in html
    assert "nhsuk-footer" in html
    assert '<html lang="en-GB">' in html


def test_favicon_ico_redirects_to_the_nhs_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.url == "/static/nhsuk/assets/images/favicon.ico"


def test_the_privacy_notice_and_accessibility_statement_are_linked_from_every_page(client):
    footer = client.get("/").content.decode()
    assert 'href="/privacy/"' in footer and 'href="/accessibility/"' in footer
    privacy = client.get("/privacy/").content.decode()
    assert "Privacy notice" in privacy and "IP address" in privacy and "mobilise-resume-" in privacy
    statement = client.get("/accessibility/").content.decode()
    assert "Accessibility statement" in statement and "WCAG 2.2" in statement


def test_the_privacy_notice_says_what_the_logs_and_lock_out_keep(client):
    privacy = text(page(client.get("/privacy/")))
    assert "leaves out the IP address and the browser" in privacy
    assert "after the # sign, which your browser never sends to us" in privacy
    assert "After 20 unsuccessful attempts from one address" in privacy
