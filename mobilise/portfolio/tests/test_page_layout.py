"""The portfolio page reads one screen per chart: each chart's data table behind "Show the
data as a table", and every mean with one decimal place."""

import pytest

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.core.tests.html import page, text
from mobilise.plans.tests.factories import cycle

pytestmark = pytest.mark.django_db


def test_the_charts_data_is_behind_details_and_means_show_one_decimal(client, facilitator):
    board = UnitFactory(organisation=facilitator.organisation, name="Trust Board")
    before = cycle(board, {"1.1": 1}, days_ago=365)
    cycle(board, {"1.1": 3, "2.2": 0}, previous=before)
    client.force_login(facilitator.user)
    html = page(client.get("/portfolio/"))

    details = html.select("details.app-chart-data")
    assert [d.get("id") for d in details] == ["levels-data", "spread-data"]
    for one in details:
        assert text(one.select_one("summary")).startswith("Show the data as a table")
        assert one.select_one("table") is not None
        assert len(one.find_previous_sibling("img")["alt"]) > 40
    assert details[0].select_one("table.app-heat") is not None

    units = html.select_one("#units-caption").find_parent("table")
    assert "1.5" in [text(c) for c in units.select("tbody tr td")]  # (3 + 0) / 2
    change = html.select_one("#change-caption").find_parent("table")
    cells = [text(c) for c in change.select("tbody tr td")]
    assert cells[1:4] == ["1.0", "3.0", "+2.0"]  # over 1.1, agreed both times
