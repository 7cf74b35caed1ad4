"""The results page reads one screen per chart: each chart's data table behind "Show the
data as a table", the chart keeping its text alternative, and means with one decimal."""

import re

import pytest

from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db


def test_each_charts_data_is_behind_a_details_and_means_show_one_decimal(
    signed_in, full_assessment
):
    html = page(signed_in.get(f"/assessments/{full_assessment.pk}/results/"))
    details = html.select("details.app-chart-data")
    assert [d.get("id") for d in details] == ["sections-data", "elements-data", "answers-data"]
    for one in details:
        assert text(one.select_one("summary")).startswith("Show the data as a table")
        assert one.select_one("table") is not None and not one.has_attr("open")
        # The chart stays outside, described by its alternative text.
        chart = one.find_previous_sibling("img")
        assert chart is not None and len(chart["alt"]) > 40
    assert html.select("table") == [t for d in details for t in d.select("table")]

    rows = {
        text(row.select_one("th")).split(" ")[0]: [text(cell) for cell in row.select("td")]
        for row in html.select("#elements-data tbody tr")
    }
    assert rows["1.1"][1:3] == ["2", "2.0"]  # median as it is, the mean with one decimal
    assert rows["2.2"][2] == "1.7"  # 1.714…
    for cell in html.select("#sections-data tbody td"):
        assert re.fullmatch(r"\d\.\d|–", text(cell))
    assert re.search(r"Overall mean rating \d\.\d on the 0 to 4 scale", text(html))
