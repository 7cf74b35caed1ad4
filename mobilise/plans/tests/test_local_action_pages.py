"""The local actions page."""

import pytest

from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import LocalAction

pytestmark = pytest.mark.django_db


def test_local_actions_are_managed_by_admins_only(client, admin, viewer):
    client.force_login(viewer.user)
    assert client.post("/local-actions/", {"element": "2.1", "text": "Club"}).status_code == 403
    client.force_login(admin.user)
    missing = client.post("/local-actions/", {"element": "", "text": ""})
    assert [m for _, m in error_summary(missing)] == ["Select the element", "Enter the action"]
    client.post("/local-actions/", {"element": "2.1", "text": "Club", "good_practice": "Monthly"})
    local = LocalAction.objects.get()
    assert local.organisation == admin.organisation
    client.post(f"/local-actions/{local.id}/delete/")
    assert not LocalAction.objects.exists()
    # Both changes are in the organisation's history, by the admin.
    assert list(
        HistoryEntry.objects.filter(organisation=admin.organisation)
        .order_by("created_at")
        .values_list("summary", "actor")
    ) == [
        ("Added the local action “Club” for 2.1", admin.user.pk),
        ("Removed the local action “Club” for 2.1", admin.user.pk),
    ]


def test_removing_a_local_action_asks_first(client, admin):
    action = LocalAction.objects.create(
        organisation=admin.organisation, element_code="2.5", text="Our café"
    )
    client.force_login(admin.user)
    url = f"/local-actions/{action.id}/delete/"
    html = text(page(client.get(url)))
    assert "It will no longer be offered when planning 2.5" in html and "No plan uses it" in html
    assert LocalAction.objects.filter(pk=action.pk).exists()
    assert client.post(url).url == "/local-actions/"
    assert not LocalAction.objects.filter(pk=action.pk).exists()
