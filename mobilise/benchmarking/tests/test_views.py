"""The benchmark pages: each element named, a chart with its table, and the national view
refused in words that fit (nobody's admin can open it)."""

import pytest

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import MembershipFactory, UserFactory
from mobilise.benchmarking.tests.test_services import taking_part
from mobilise.core.tests.html import page, text
from mobilise.framework.catalogue import get_framework

pytestmark = pytest.mark.django_db


def test_the_table_names_each_element_and_has_a_chart(client):
    organisations = [taking_part(level % 5) for level in range(6)]
    member = MembershipFactory(organisation=organisations[0], role=Role.VIEWER)
    client.force_login(member.user)
    html = page(client.get("/benchmark/"))
    table = html.select_one("table")
    first = get_framework().elements[0]
    assert text(table.select_one("tbody th")) == f"{first.code} {first.title}"
    chart = html.select_one("img.app-chart")
    assert chart["src"].startswith("data:image/svg+xml;base64,")
    assert chart["alt"].startswith("Heat map of how many of the 6 organisations")
    # The chart comes before the table that holds its figures.
    assert chart.find_next("table") is table


def test_no_chart_for_a_group_not_shown(client):
    organisations = [taking_part(2) for _ in range(3)]
    member = MembershipFactory(organisation=organisations[0], role=Role.VIEWER)
    client.force_login(member.user)
    assert page(client.get("/benchmark/")).select_one("img.app-chart") is None


def test_an_admin_is_told_who_may_see_the_national_view(client, admin):
    client.force_login(admin.user)
    response = client.get("/benchmark/national/")
    assert response.status_code == 403
    words = text(page(response).select_one("main"))
    assert "knowledge-for-healthcare team" in words and "platform staff" in words
    assert "Ask your organisation's admin" not in words
    assert "/organisation/settings/" in response.content.decode()


def test_staff_see_the_national_chart(client):
    for level in range(5):
        taking_part(level)
    client.force_login(UserFactory(is_staff=True))
    html = page(client.get("/benchmark/national/"))
    assert html.select_one("img.app-chart") is not None
