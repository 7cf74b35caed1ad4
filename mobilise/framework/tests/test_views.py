"""The catalogue pages and the start page."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_overview_lists_every_section_and_element(client):
    response = client.get("/framework/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in ["1.1", "1.5", "2.9", "3.4", "4.5"]:
        assert f'href="/framework/{code}/"' in html
    assert "Capabilities and Working Practices" in html
    assert "Established" in html and "Don&#39;t know" in html


def test_an_element_page_shows_its_options_levels_and_techniques(client):
    response = client.get("/framework/1.4/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>1.4 Leaders building a learning organisation</h1>" in html
    assert (
        "Set-up a recognition system for individuals and teams that effectively share knowledge"
        in html
    )
    assert '<a href="/framework/techniques/#after-action-review">After Action Review</a>' in html
    assert "A short, structured conversation" in html  # the technique explained
    assert "No action required" in html
    assert "Also an action for 3.2, 4.2" in html


def test_an_element_page_shows_a_corrected_title_and_the_original(client):
    html = client.get("/framework/4.4/").content.decode()
    assert "4.4 Capacity to use evidence from research" in html
    assert "evidence form research" in html


def test_an_unknown_element_is_not_found(client):
    response = client.get("/framework/9.9/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_techniques_page_explains_each_technique_with_an_anchor(client):
    html = client.get("/framework/techniques/").content.decode()
    assert '<h2 id="randomised-coffee-trials">Randomised Coffee Trials</h2>' in html
    assert 'href="/framework/2.6/#option-2.6-e"' in html


def test_framework_pages_are_public(client):
    assert client.get("/framework/2.1/").status_code == 200
