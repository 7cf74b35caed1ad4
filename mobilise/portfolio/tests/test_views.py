"""The portfolio page and its charts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Assessment
from mobilise.assessments.tests.factories import CODES
from mobilise.core.tests.html import page, text
from mobilise.framework.catalogue import get_framework
from mobilise.plans.tests.factories import TODAY, action, cycle
from mobilise.portfolio import charts
from mobilise.portfolio.tests.factories import build_portfolio

pytestmark = pytest.mark.django_db


def page_queries(client, facilitator, units: int) -> int:
    build_portfolio(facilitator.organisation, units)
    client.force_login(facilitator.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/portfolio/")
    assert response.status_code == 200
    return len(queries)


def test_the_page_takes_as_many_queries_for_six_units_as_for_two(client, facilitator):
    two = page_queries(client, facilitator, 2)
    Assessment.objects.all().delete()
    facilitator.organisation.units.all().delete()
    six = page_queries(client, facilitator, 6)
    assert six == two
    assert two == 9  # the session, the user, the membership, the portfolio's five, case studies


def test_it_works_for_a_viewer(client, viewer, other_organisation):
    board = UnitFactory(organisation=viewer.organisation, name="Trust Board")
    before = cycle(board, {"1.1": 1}, days_ago=365)
    agreed = cycle(board, {"1.1": 3, "2.2": 0}, previous=before)
    action(agreed, ["1.1"], "in_progress", TODAY - datetime.timedelta(days=2), "Late one")
    UnitFactory(organisation=viewer.organisation, name="Finance directorate")
    cycle(UnitFactory(organisation=other_organisation, name="Their secret unit"), 4)
    client.force_login(viewer.user)

    response = client.get("/portfolio/")

    assert response.status_code == 200
    html = page(response)
    assert text(html.select_one("h1")) == "Portfolio"
    heat = html.select_one("table.app-heat")
    assert "Agreed level per unit and element" in text(heat.caption)
    assert [text(th) for th in heat.select("thead th")] == ["Unit", *CODES]
    rows = {text(tr.th): tr for tr in heat.select("tbody tr")}
    assert list(rows) == ["Finance directorate", "Trust Board"]
    cells = rows["Trust Board"].select("td")
    link = cells[0].a
    assert link["href"] == f"/assessments/{agreed.id}/results/#element-1.1"
    assert text(link) == "Trust Board, 1.1: 3 Established"
    assert text(cells[1]) == "– Not assessed" and cells[1].a is None
    assert "app-heat__cell--0" in cells[CODES.index("2.2")]["class"]
    assert {text(td) for td in rows["Finance directorate"].select("td")} == {"– Not assessed"}
    body = text(html)
    assert "Their secret unit" not in body
    assert "Change in agreed levels per unit" in body
    assert html.select_one(f"a[href='/assessments/{agreed.id}/comparison/']") is not None
    assert html.select_one(f"a[href='/assessments/{agreed.id}/plan/']") is not None
    images = html.select("img.app-chart")
    assert len(images) == 2 and all(img["alt"] for img in images)
    menu = {text(a): a["href"] for a in html.select("nav.nhsuk-header__navigation a")}
    assert menu["Portfolio"] == "/portfolio/"


def test_it_escapes_names(client, viewer):
    cycle(UnitFactory(organisation=viewer.organisation, name="<script>x</script>"), 2)
    client.force_login(viewer.user)
    content = client.get("/portfolio/").content.decode()
    assert "<script>x</script>" not in content and "&lt;script&gt;x&lt;/script&gt;" in content


def test_an_organisation_without_units_gets_a_short_page(client, viewer):
    client.force_login(viewer.user)
    response = client.get("/portfolio/")
    assert response.status_code == 200
    assert "Your organisation has no units yet" in text(page(response))


def test_it_requires_signing_in(client):
    response = client.get("/portfolio/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_heat_map_chart_describes_itself_and_leaves_gaps_blank():
    framework = get_framework()
    chart = charts.units_heat_map(framework, [("Board", {"1.1": 4}), ("ED", {})])
    assert chart.alt.startswith("Heat map of the agreed level, 0 to 4, of each of the 23")
    assert "2 units" in chart.alt
    assert chart.image.startswith(b"<?xml")
    counts = charts.units_per_level(framework, portfolio_distribution(framework))
    assert counts.title == "Units per element and level"


def portfolio_distribution(framework) -> dict:
    return {e.code: {0: 1, 1: 0, 2: 0, 3: 0, 4: 0, None: 1} for e in framework.elements}


def test_the_heat_map_of_many_units_leaves_the_numbers_to_the_table():
    framework = get_framework()
    levels = {e.code: 2 for e in framework.elements}
    numbered = charts.units_heat_map(framework, [(f"Unit {i}", levels) for i in range(30)])
    plain = charts.units_heat_map(framework, [(f"Unit {i}", levels) for i in range(31)])
    assert len(plain.image) < len(numbered.image) / 2


def test_a_unit_of_three_cycles_or_more_links_to_its_trend(client, viewer):
    often = UnitFactory(organisation=viewer.organisation, name="Pharmacy")
    previous = None
    for days_ago in (700, 350, 0):
        previous = cycle(often, 2, previous=previous, days_ago=days_ago)
    twice = UnitFactory(organisation=viewer.organisation, name="Estates")
    cycle(twice, 1, previous=cycle(twice, 1, days_ago=300))
    client.force_login(viewer.user)
    html = page(client.get("/portfolio/"))
    links = html.select("a[href$='/trend/']")
    assert [(a["href"], text(a)) for a in links] == [
        (f"/units/{often.id}/trend/", "Trend over 3 assessments of Pharmacy")
    ]
