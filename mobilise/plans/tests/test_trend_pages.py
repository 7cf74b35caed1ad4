"""The trend page of a unit."""

import pytest
from django.test import Client

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Assessment, Mode
from mobilise.core.tests.html import page, text
from mobilise.plans.tests.factories import cycle
from mobilise.plans.tests.test_trend import four_cycles

pytestmark = pytest.mark.django_db


def test_the_trend_page_shows_each_cycle_its_people_and_the_actions_done(signed_in, organisation):
    unit, _ = four_cycles(organisation)
    html = page(signed_in.get(f"/units/{unit.id}/trend/"))
    assert text(html.select_one("h1")) == "Trend over 4 assessments"
    charts = html.select("img.app-chart")
    heads = [text(th).split(":")[0].strip() for th in html.select("#elements-data thead th")[1:]]
    assert charts[0]["alt"].startswith("Line chart of mean agreed levels across assessments")
    assert charts[1]["alt"].startswith(
        f"Small charts, one per element, of the agreed level in each of 4 assessments "
        f"({', '.join(heads)}), on the 0 to 4 scale"
    )
    assert "1.1: 0, 1, 3, 4." in charts[1]["alt"]
    people = [text(r.select("td")[0]) for r in html.select("#cycles-caption ~ tbody tr")]
    assert people == ["2", "3", "4", "5"]
    means = [text(r.select("td")[1]) for r in html.select("#means-data tbody tr")]
    assert means == ["1.0", "2.0", "2.0", "3.0"]  # (22 * 1 + 0) / 23 = 0.96 shows 1.0
    first = html.select("#elements-data tbody tr")[0]
    cells = [text(td) for td in first.select("td")]
    assert cells[0] == "0 Not yet"
    assert cells[1].startswith("1 Emerging +1") and "Journal club" in cells[1]
    assert "Not yet" not in cells[1].replace("0 Not yet", "")  # in progress: not done
    assert "Evidence summaries" in cells[2] and "+2" in cells[2]
    assert "After the last" not in text(html)
    # The details that hold the tables.
    assert len(html.select("details.app-chart-data")) == 2


def test_a_hidden_cycle_shows_no_figure_on_the_page(signed_in, organisation, settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    unit, made = four_cycles(organisation)
    Assessment.objects.filter(pk=made[0].pk).update(mode=Mode.INDIVIDUAL)
    html = page(signed_in.get(f"/units/{unit.id}/trend/"))
    row = html.select("#means-data tbody tr")[0]
    assert "Results not shown" in text(row)
    assert [text(td) for td in row.select("td")[1:]] == ["–"] * 5
    assert text(html.select("#elements-data tbody tr")[0].select("td")[0]) == "Not shown"
    assert "1.1: no agreed level, 1, 3, 4." in html.select("img.app-chart")[1]["alt"]


def test_fewer_than_three_cycles_say_so(signed_in, organisation):
    unit = UnitFactory(organisation=organisation, name="Estates")
    first = cycle(unit, 1, days_ago=30)
    second = cycle(unit, 2, first)
    html = page(signed_in.get(f"/units/{unit.id}/trend/"))
    assert "Estates has been assessed 2 times. A trend needs at least 3" in text(html)
    assert html.select_one(f"a[href='/assessments/{second.id}/comparison/']")
    assert not html.select("img.app-chart")


def test_viewers_may_read_it_and_another_organisation_gets_a_404(
    organisation, viewer, outsider, client
):
    unit, _ = four_cycles(organisation)
    client.force_login(viewer.user)
    assert client.get(f"/units/{unit.id}/trend/").status_code == 200
    other = Client()
    other.force_login(outsider.user)
    assert other.get(f"/units/{unit.id}/trend/").status_code == 404


def test_the_comparison_links_to_the_trend_from_the_third_cycle(signed_in, organisation):
    unit, made = four_cycles(organisation)
    trend = f"a[href='/units/{unit.id}/trend/']"
    assert page(signed_in.get(f"/assessments/{made[1].id}/comparison/")).select_one(trend) is None
    link = page(signed_in.get(f"/assessments/{made[3].id}/comparison/")).select_one(trend)
    assert text(link) == "See the trend of each element over all 4 assessments"
